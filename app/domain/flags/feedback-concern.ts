/**
 * `feedback_concern` (docs/product.md §5): the apprentice's latest confidential feedback has a mean
 * of the four ratings ≤ 2 (warn) or "I feel safe" ≤ 2 (urgent). The evidence carries only the
 * figures that crossed a threshold and the date: never the comment, never the other ratings.
 */
import { newIncidentIn } from "./common";
import type { PlacementRule } from "./types";

export const feedbackConcern: PlacementRule = {
  rule: "feedback_concern",
  subjectType: "placement",
  evaluate(p, { thresholds: t }) {
    const f = p.latestFeedback;
    if (!f) return null;
    const mean = (f.explains + f.learning + f.fairness + f.safety) / 4;
    const lowMean = mean <= t.feedbackMeanMax;
    const unsafe = f.safety <= t.feedbackSafetyMax;
    if (!lowMean && !unsafe) return null;
    return {
      severity: unsafe ? "urgent" : "warn",
      evidence: {
        feedbackId: f.feedbackId,
        submittedOn: f.submittedOn,
        ...(lowMean ? { mean } : {}),
        ...(unsafe ? { safety: f.safety } : {}),
      },
    };
  },
  isNewEpisode: newIncidentIn((evidence) => (typeof evidence.feedbackId === "number" ? [`feedback:${evidence.feedbackId}`] : [])),
};
