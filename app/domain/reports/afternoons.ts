/** How an education afternoon counts in the reports, one by one or a week at a time (day bits). */
import type { AttendanceStatus, EducationEventKind } from "../enums";
import { classOutcome, trainerWord } from "../flags/common";
import type { dayNumbers } from "./common";

/**
 * How an agreed education afternoon counts in the reports (the SQL view `afternoon_facts`,
 * drizzle/0015_facts_triggers.sql, computes the same; a test holds the two together):
 * - at class: the education staff's latest word is "attended" (else the apprentice confirmed),
 *   or the day's attendance is recorded as `education`;
 * - counted (agreed): unless the trainer gave no word, the apprentice was not at class, and the
 *   day is recorded absent, on leave or on holiday — there was nobody to release (as the
 *   `education_not_granted` rule reads it);
 * - released: the trainer's latest word is "released", or there is no word but the apprentice
 *   was at class.
 */
export function classifyAfternoon(
  events: readonly EducationEventKind[],
  attendance: AttendanceStatus | null,
): { counted: boolean; released: boolean; attended: boolean } {
  const word = trainerWord(events);
  const atClass = classOutcome(events) === "attended" || attendance === "education";
  const counted = !(word === null && !atClass && (attendance === "absent" || attendance === "leave" || attendance === "holiday"));
  return { counted, released: word === "released" || (word === null && atClass), attended: atClass };
}

/** One week of a placement's afternoons as day bits (bit 0 = Monday), from `placement_weeks`. */
export interface ReportEducationWeek {
  placementId: number;
  weekOf: string;
  agreedMask: number;
  releasedMask: number;
}

export const popcount = (mask: number) => {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n += 1;
  return n;
};

/** The bits of the days of the week of `weekOf` that fall within [from, to]. */
export function dayRangeMask(days: ReturnType<typeof dayNumbers>, weekOf: string, from: string, to: string): number {
  const monday = days.of(weekOf);
  const lo = Math.max(0, days.of(from) - monday);
  const hi = Math.min(6, days.of(to) - monday);
  if (hi < lo) return 0;
  return ((1 << (hi + 1)) - 1) & ~((1 << lo) - 1);
}
