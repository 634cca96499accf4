/** Which placements a period covers, and the weeks a placement owes a weekly review for. */
import { dayNumbers, mondayNumber, type Period } from "./common";

/** Active at some time in the period: started by its end, not ended before its start. */
export function activeInPeriod(p: { startDate: string; endedOn: string | null }, period: { from: string; to: string }): boolean {
  return p.startDate <= period.to && (p.endedOn === null || p.endedOn >= period.from);
}

/**
 * The weeks of the period a placement owes a weekly review for: weeks (Monday to Sunday) whose
 * Monday falls in the period, from the week of its start to the last week that has ended (this
 * week is not owed yet), or to the week of its end if it ended. Same cadence as
 * `missingReviewWeeks` (app/domain/weeks.ts).
 */
export function expectedReviewWeeks(p: { startDate: string; endedOn: string | null }, period: Period): string[] {
  const days = dayNumbers();
  return expectedWeekNumbers(p, period, days).map(days.date);
}

export function expectedWeekNumbers(p: { startDate: string; endedOn: string | null }, period: Period, days: ReturnType<typeof dayNumbers>): number[] {
  const start = days.of(p.startDate);
  const lastDay = p.endedOn !== null && p.endedOn < period.today ? days.of(p.endedOn) : mondayNumber(days.of(period.today)) - 1;
  if (lastDay < start) return [];
  const from = days.of(period.from);
  const to = days.of(period.to);
  const out: number[] = [];
  for (let m = Math.max(mondayNumber(start), mondayNumber(from) + (mondayNumber(from) < from ? 7 : 0)); m <= lastDay && m <= to; m += 7) {
    out.push(m);
  }
  return out;
}
