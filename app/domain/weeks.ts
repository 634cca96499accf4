/** The trainer's weekly cadence: which weeks of a placement need a review, and this week's state. */
import { addDays, mondayOf, mondaysBetween } from "./dates";

export type WeekState = "not_started" | "saved" | "reviewed";

/**
 * Weeks of a placement that have ended without a weekly review (this week is not yet missing).
 * A placement that ended counts weeks up to its end.
 */
export function missingReviewWeeks(input: { startDate: string; today: string; endDate?: string | null; reviewedWeeks: ReadonlySet<string> }): string[] {
  const thisMonday = mondayOf(input.today);
  const lastDay = input.endDate && input.endDate < input.today ? input.endDate : addDays(thisMonday, -1);
  if (lastDay < input.startDate) return [];
  return mondaysBetween(input.startDate, lastDay).filter((m) => !input.reviewedWeeks.has(m));
}

export function weekState(input: { reviewed: boolean; recordsThisWeek: number }): WeekState {
  if (input.reviewed) return "reviewed";
  return input.recordsThisWeek > 0 ? "saved" : "not_started";
}
