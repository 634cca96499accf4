/**
 * A week of current attendance records packed in one integer (`placement_weeks.attendance_days`,
 * kept by the triggers of drizzle/0015_facts_triggers.sql): 7 bits a day, day d (0 = Monday) at
 * bit 7·d — the status code in bits 0–2 (0: nothing recorded), the absence reason code in bits
 * 3–5, and whether the trainer wrote a note in bit 6. 49 bits: exact in a JavaScript number.
 * The codes are positions in these lists, plus one; the SQL spells the same lists out.
 */
import { ABSENCE_REASONS, ATTENDANCE_STATUSES, type AbsenceReason, type AttendanceStatus } from "./enums";

export interface PackedDay {
  /** 0 = Monday … 6 = Sunday. */
  day: number;
  status: AttendanceStatus;
  absenceReason: AbsenceReason | null;
  hasNote: boolean;
}

export function encodeAttendanceDay(status: AttendanceStatus, absenceReason: AbsenceReason | null, hasNote: boolean): number {
  return (ATTENDANCE_STATUSES.indexOf(status) + 1) | ((absenceReason === null ? 0 : ABSENCE_REASONS.indexOf(absenceReason) + 1) << 3) | (hasNote ? 64 : 0);
}

export function decodeAttendanceWeek(packed: number): PackedDay[] {
  const out: PackedDay[] = [];
  for (let day = 0; day < 7; day++) {
    const bits = Math.floor(packed / 2 ** (7 * day)) % 128;
    const status = ATTENDANCE_STATUSES[(bits & 7) - 1];
    if (!status) continue;
    out.push({ day, status, absenceReason: ABSENCE_REASONS[((bits >> 3) & 7) - 1] ?? null, hasNote: (bits & 64) !== 0 });
  }
  return out;
}
