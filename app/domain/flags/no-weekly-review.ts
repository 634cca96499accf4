/**
 * `no_weekly_review` (docs/product.md §5): the trainer has not reviewed the most recent ended weeks.
 * Counts the unbroken run of ended weeks without a review, back from last week, with the
 * semantics of `missingReviewWeeks` (app/domain/weeks.ts): the current week is never missing
 * yet, and the week holding the start date counts even when the placement began mid-week. The
 * run is found by walking back from last week, so a placement costs as many steps as its run.
 */
import { mondayOf } from "../dates";
import type { PlacementRule } from "./types";

export const noWeeklyReview: PlacementRule = {
  rule: "no_weekly_review",
  subjectType: "placement",
  evaluate(p, { calendar, thresholds: t }) {
    const firstMonday = mondayOf(p.startDate);
    const lastEnded = calendar.shift(calendar.thisMonday, -7);
    const run: string[] = [];
    for (let monday = lastEnded; monday >= firstMonday && !p.reviewedWeeks.has(monday); monday = calendar.shift(monday, -7)) {
      run.unshift(monday);
    }
    if (run.length < t.noReviewWarnWeeks) return null;
    let lastReviewedWeek: string | null = null;
    for (const w of p.reviewedWeeks) if (w <= lastEnded && (lastReviewedWeek === null || w > lastReviewedWeek)) lastReviewedWeek = w;
    return {
      severity: run.length >= t.noReviewUrgentWeeks ? "urgent" : "warn",
      evidence: { weeksWithoutReview: run.length, weeks: run, lastReviewedWeek },
    };
  },
};
