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
import { attendanceByDate, classOutcome, percentOf, trainerWord } from "./common";
import type { PlacementRule } from "./types";

export const educationNotGranted: PlacementRule = {
  rule: "education_not_granted",
  subjectType: "placement",
  evaluate(p, { calendar, thresholds: t, holidays }) {
    const thisMonday = calendar.thisMonday;
    const from = calendar.shift(thisMonday, -7 * t.educationWindowWeeks);
    const to = calendar.shift(thisMonday, -1);
    const ledger = new Map(p.educationAfternoons.map((a) => [a.date, a]));
    const days = attendanceByDate(p.attendance);

    const dates = new Set<string>();
    if (p.educationWeekdays.length > 0) {
      for (const d of calendar.range(from, to)) {
        if (p.workingWeekdays.includes(d.weekday) && p.educationWeekdays.includes(d.weekday) && !holidays.has(d.date)) dates.add(d.date);
      }
    }
    for (const a of p.educationAfternoons) if (!holidays.has(a.date)) dates.add(a.date);

    let agreed = 0;
    let released = 0;
    const refusedAfternoonIds: number[] = [];
    const unrecordedDates: string[] = [];
    for (const date of [...dates].sort()) {
      if (date < from || date > to || date < p.startDate) continue;
      const row = ledger.get(date);
      const events = row?.events ?? [];
      const word = trainerWord(events);
      const status = days.get(date)?.status;
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
