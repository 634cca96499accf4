/**
 * `overdue` (docs/product.md §5): today is past the planned end (start + planned weeks; the last
 * planned day is start + 7 × weeks − 1) and some competencies are not yet `independent`.
 */
import { addDays } from "../dates";
import { isCompetent } from "../progress";
import { levelsOf } from "./common";
import type { PlacementRule } from "./types";

export const overdue: PlacementRule = {
  rule: "overdue",
  subjectType: "placement",
  evaluate(p, { today }) {
    const plannedEndDate = addDays(p.startDate, 7 * p.plannedWeeks - 1);
    if (today <= plannedEndDate) return null;
    const levels = levelsOf(p.assessments);
    const outstanding = p.competencies.filter((c) => !isCompetent(levels.get(c.id)?.level)).map((c) => c.id);
    if (outstanding.length === 0) return null;
    return {
      severity: "warn",
      evidence: {
        plannedEndDate,
        outstanding: outstanding.length,
        total: p.competencies.length,
        outstandingCompetencyIds: outstanding,
      },
    };
  },
};
