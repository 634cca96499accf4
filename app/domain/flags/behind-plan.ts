/**
 * `behind_plan` (docs/product.md §5): of the competencies a typical apprentice reaches by this
 * placement week, too few are competent (`independent` as the current level). Only judged when
 * something is expected by now.
 */
import { placementWeek } from "../dates";
import { dueNow, isCompetent } from "../progress";
import { levelsFor, percentOf } from "./common";
import type { PlacementRule } from "./types";

export const behindPlan: PlacementRule = {
  rule: "behind_plan",
  subjectType: "placement",
  evaluate(p, { today, thresholds: t }) {
    const week = placementWeek(p.startDate, today);
    const levels = levelsFor(p);
    // `progressSummary`'s two counts the rule reads, without the rest of the summary.
    const s = { expectedByNow: 0, competentOfExpected: 0 };
    for (const c of p.competencies) {
      if (!(c.expectedByWeek <= week)) continue;
      s.expectedByNow += 1;
      if (isCompetent(levels.get(c.id)?.level)) s.competentOfExpected += 1;
    }
    if (s.expectedByNow === 0) return null;
    const scaled = 100 * s.competentOfExpected;
    if (scaled >= t.behindPlanWarnPercent * s.expectedByNow) return null;
    return {
      severity: scaled < t.behindPlanUrgentPercent * s.expectedByNow ? "urgent" : "warn",
      evidence: {
        week,
        expectedByNow: s.expectedByNow,
        competentOfExpected: s.competentOfExpected,
        percent: percentOf(s.competentOfExpected, s.expectedByNow),
        dueCompetencyIds: dueNow(p.competencies, levels, week).map((c) => c.id),
      },
    };
  },
};
