/**
 * `no_weekly_review` (DESIGN.md §5): the trainer has not reviewed the most recent ended weeks.
 * Counts the unbroken run of ended weeks without a review, back from last week (the current
 * week is never missing yet), with the semantics of `missingReviewWeeks`.
 */
import { addDays, mondayOf } from "../dates";
import { missingReviewWeeks } from "../weeks";
import type { PlacementRule } from "./types";

export const noWeeklyReview: PlacementRule = {
  rule: "no_weekly_review",
  subjectType: "placement",
  evaluate(p, { today, thresholds: t }) {
    const missing = new Set(missingReviewWeeks({ startDate: p.startDate, today, reviewedWeeks: p.reviewedWeeks }));
    const lastEnded = addDays(mondayOf(today), -7);
    const run: string[] = [];
    for (let monday = lastEnded; missing.has(monday); monday = addDays(monday, -7)) run.unshift(monday);
    if (run.length < t.noReviewWarnWeeks) return null;
    const lastReviewedWeek = [...p.reviewedWeeks].filter((w) => w <= lastEnded).sort().at(-1) ?? null;
    return {
      severity: run.length >= t.noReviewUrgentWeeks ? "urgent" : "warn",
      evidence: { weeksWithoutReview: run.length, weeks: run, lastReviewedWeek },
    };
  },
};
