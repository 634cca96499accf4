/**
 * `education_not_granted` (docs/product.md §5): over the last full weeks (default 4, the current
 * week excluded because its afternoons are recorded with the week's review), fewer than 75% of
 * the agreed afternoons were released.
 *
 * Agreed afternoons: the placement's education weekdays that are working days (not public
 * holidays, not before the start), plus any other afternoon that has a ledger row. An afternoon
 * counts as released when the trainer's latest word is "released", or when there is no word but
 * the apprentice was at class (attended, or attendance recorded as `education`). An afternoon
 * with no word on a day the apprentice was absent, on leave or on holiday is not counted: there
 * was nobody to release. An afternoon with no word at all counts as not released (the trainer
 * owes that record); the evidence shows refused and unrecorded apart.
 */
import { classOutcome, percentOf, recordOn, trainerWord } from "./common";
import type { EducationWeek, PlacementRule } from "./types";

/** ISO weekdays as bits (bit d for weekday d): `includes` of a weekday as one test. */
function weekdayBits(weekdays: readonly number[]): number {
  let bits = 0;
  for (const d of weekdays) if (Number.isInteger(d) && d >= 1 && d <= 7) bits |= 1 << d;
  return bits;
}

export const educationNotGranted: PlacementRule = {
  rule: "education_not_granted",
  subjectType: "placement",
  evaluate(p, { calendar, thresholds: t, holidays }) {
    const thisMonday = calendar.thisMonday;
    const from = calendar.shift(thisMonday, -7 * t.educationWindowWeeks);
    const to = calendar.shift(thisMonday, -1);
    // Most placements have a few afternoons loaded or none (0035), and most of their days are
    // answered by the weeks' masks: the ledger and the attendance are looked through for the few
    // dates they are asked about, a map is built only for a long ledger.
    const afternoons = p.educationAfternoons;
    const ledger = afternoons.length > 8 ? new Map(afternoons.map((a) => [a.date, a])) : null;
    const weeks = p.educationWeeks;

    let agreed = 0;
    let released = 0;
    const refusedAfternoonIds: number[] = [];
    const unrecordedDates: string[] = [];
    // Agreed without a ledger row: the education weekdays that are working days (bit = ISO weekday).
    const educationWorkdays = weekdayBits(p.educationWeekdays) & weekdayBits(p.workingWeekdays);
    // The window is whole weeks from a Monday: day k is bit k % 7 of the week starting at day k − k % 7.
    const window = calendar.range(from, to);
    let week: EducationWeek | undefined;
    for (let k = 0; k < window.length; k++) {
      const { date, weekday } = window[k]!;
      if (k % 7 === 0) week = weeks?.get(date);
      const bit = 1 << (k % 7);
      const row = ledger ? ledger.get(date) : afternoons.length === 0 ? undefined : recordOn(afternoons, date);
      // A day that nothing below would count (most days): no row, no agreed bit, not an education workday.
      if (!row && !(week && (week.agreed & bit) !== 0) && (educationWorkdays & (1 << weekday)) === 0) continue;
      if (date < p.startDate || holidays.has(date)) continue;
      if (!row && weeks) {
        // An afternoon not loaded: its ledger has no refusal, no "missed" and nothing recorded
        // after the day, so whether it counts and was released is what the facts say.
        if (week && (week.agreed & bit) !== 0) {
          agreed += 1;
          if ((week.released & bit) !== 0) released += 1;
          else unrecordedDates.push(date);
          continue;
        }
        // Otherwise no ledger row counts that day: as an afternoon with no record (below).
      }
      // Agreed: the education weekdays that are working days, and any afternoon with a ledger row.
      if (!row && (educationWorkdays & (1 << weekday)) === 0) continue;
      const events = row?.events ?? [];
      const word = trainerWord(events);
      const status = recordOn(p.attendance, date)?.status;
      const atClass = classOutcome(events) === "attended" || status === "education";
      if (word === null && !atClass && (status === "absent" || status === "leave" || status === "holiday")) continue;
      agreed += 1;
      if (word === "released" || (word === null && atClass)) released += 1;
      else if (word === "refused" && row) refusedAfternoonIds.push(row.afternoonId);
      else unrecordedDates.push(date);
    }
    if (agreed === 0 || 100 * released >= t.educationReleasedMinPercent * agreed) return null;
    return {
      severity: "warn",
      evidence: {
        windowStart: from,
        windowEnd: to,
        agreed,
        released,
        percent: percentOf(released, agreed),
        refusedAfternoonIds,
        unrecordedDates,
      },
    };
  },
};
