/**
 * `attendance_risk` (docs/product.md §5): over the last 28 days (today included), by the current
 * attendance record of each day:
 * - at least 3 absences, or
 * - at least 5 lates, or
 * - 2 consecutive working days "unexplained": absent with reason `other` and no note. Consecutive
 *   means next to each other in the placement's working days (its weekdays, public holidays
 *   skipped), so a Saturday and the following Monday are consecutive for a six-day week; a
 *   working day with no record breaks the run.
 * Public holidays are neither working days nor absences. Warn; urgent when the apprentice is
 * under 21 today. The evidence gives counts by reason code, never a note.
 */
import { ageOn } from "../dates";
import type { AbsenceReason } from "../enums";
import type { AttendanceDay, PlacementRule } from "./types";

const unexplained = (d: AttendanceDay | undefined) => d?.status === "absent" && d.absenceReason === "other" && !d.hasNote;

export const attendanceRisk: PlacementRule = {
  rule: "attendance_risk",
  subjectType: "placement",
  evaluate(p, { today, calendar, thresholds: t, holidays }) {
    const from = calendar.windowStart(t.attendanceWindowDays);
    // Most placements cross no threshold: count first, without building anything. A run of
    // unexplained days is never longer than the window's unexplained days, so fewer of those than
    // the run's length (and fewer absences and lates than theirs) means no flag.
    let absent = 0;
    let late = 0;
    let unexplainedDays = 0;
    for (const d of p.attendance) {
      // Most days are neither: their dates are not looked at.
      if (d.status !== "absent" && d.status !== "late") continue;
      if (d.date < from || d.date > today || holidays.has(d.date)) continue;
      if (d.status === "late") late += 1;
      else {
        absent += 1;
        if (unexplained(d)) unexplainedDays += 1;
      }
    }
    if (absent < t.attendanceAbsences && late < t.attendanceLates && unexplainedDays < t.attendanceUnexplainedRun) return null;

    const inWindow = p.attendance.filter((d) => d.date >= from && d.date <= today && !holidays.has(d.date));
    const absences = inWindow.filter((d) => d.status === "absent").sort((a, b) => a.date.localeCompare(b.date));
    const lates = inWindow
      .filter((d) => d.status === "late")
      .map((d) => d.date)
      .sort();

    const byDate = new Map(inWindow.map((d) => [d.date, d]));
    let run: string[] = [];
    let unexplainedRun: string[] | null = null;
    for (const { date: d, weekday } of calendar.range(from, today)) {
      if (!p.workingWeekdays.includes(weekday) || holidays.has(d)) continue;
      if (unexplained(byDate.get(d))) {
        run.push(d);
        if (run.length >= t.attendanceUnexplainedRun) unexplainedRun = [...run];
      } else {
        run = [];
      }
    }

    const reasons: string[] = [];
    if (absences.length >= t.attendanceAbsences) reasons.push("absences");
    if (lates.length >= t.attendanceLates) reasons.push("lates");
    if (unexplainedRun) reasons.push("unexplained_absences");
    if (reasons.length === 0) return null;

    const absenceReasons: Partial<Record<AbsenceReason, number>> = {};
    for (const a of absences) if (a.absenceReason) absenceReasons[a.absenceReason] = (absenceReasons[a.absenceReason] ?? 0) + 1;
    const young = ageOn(p.apprenticeDateOfBirth, today) < t.attendanceUrgentUnderAge;
    return {
      severity: young ? "urgent" : "warn",
      evidence: {
        windowDays: t.attendanceWindowDays,
        windowStart: from,
        reasons,
        absences: absences.length,
        absenceDates: absences.map((a) => a.date),
        absenceReasons,
        lates: lates.length,
        lateDates: lates,
        unexplainedDates: unexplainedRun ?? [],
        underUrgentAge: young,
      },
    };
  },
};
