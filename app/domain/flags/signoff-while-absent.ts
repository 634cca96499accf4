/**
 * `signoff_while_absent` (docs/product.md §5): a sign-off observed on a day the current attendance
 * record says the apprentice was absent or at education. Recent sign-offs only; a sign-off a
 * correction has superseded no longer counts, nor does one whose day was corrected to present.
 */
import { attendanceByDate, newIncidentIn, supersededIds } from "./common";
import type { PlacementRule } from "./types";

export const signoffWhileAbsent: PlacementRule = {
  rule: "signoff_while_absent",
  subjectType: "placement",
  evaluate(p, { today, calendar, thresholds: t }) {
    // Only a sign-off can be found (most placements have none on a day away).
    if (p.assessments.length === 0) return null;
    const from = calendar.windowStart(t.recentDays);
    const days = attendanceByDate(p.attendance);
    const superseded = supersededIds(p.assessments);
    const hits = p.assessments
      .filter((a) => !superseded.has(a.id) && a.observedOn >= from && a.observedOn <= today)
      .flatMap((a) => {
        const status = days.get(a.observedOn)?.status;
        return status === "absent" || status === "education"
          ? [{ assessmentId: a.id, competencyId: a.competencyId, observedOn: a.observedOn, attendance: status }]
          : [];
      })
      .sort((a, b) => a.observedOn.localeCompare(b.observedOn) || a.assessmentId - b.assessmentId);
    if (hits.length === 0) return null;
    return { severity: "warn", evidence: { windowDays: t.recentDays, signoffs: hits } };
  },
  isNewEpisode: newIncidentIn((evidence) => ((evidence.signoffs as { assessmentId: number }[] | undefined) ?? []).map((s) => `assessment:${s.assessmentId}`)),
};
