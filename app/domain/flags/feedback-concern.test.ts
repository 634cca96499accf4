import { describe, expect, it } from "vitest";

import { feedbackConcern } from "./feedback-concern";
import { ctx, placementFacts } from "./testing";

const evaluate = (explains: number, learning: number, fairness: number, safety: number) =>
  feedbackConcern.evaluate(placementFacts({ latestFeedback: { feedbackId: 9, submittedOn: "2026-11-20", explains, learning, fairness, safety } }), ctx());

describe("feedback_concern", () => {
  it("warns when the mean of the four ratings is 2 or below", () => {
    expect(evaluate(3, 2, 2, 3)).toBeNull(); // 2.5
    expect(evaluate(3, 2, 2, 4)).toBeNull(); // 2.75
    expect(evaluate(2, 2, 3, 3)).toBeNull(); // 2.5
    expect(evaluate(1, 2, 2, 4)).toBeNull(); // 2.25
    expect(evaluate(1, 2, 2, 3)).toEqual({ severity: "warn", evidence: { feedbackId: 9, submittedOn: "2026-11-20", mean: 2 } });
    expect(evaluate(1, 1, 2, 3)?.evidence).toEqual({ feedbackId: 9, submittedOn: "2026-11-20", mean: 1.75 });
  });

  it("is urgent when 'I feel safe' is 2 or below, whatever the mean", () => {
    expect(evaluate(5, 5, 5, 3)).toBeNull();
    expect(evaluate(5, 5, 5, 2)).toEqual({ severity: "urgent", evidence: { feedbackId: 9, submittedOn: "2026-11-20", safety: 2 } });
    expect(evaluate(1, 1, 1, 1)).toEqual({ severity: "urgent", evidence: { feedbackId: 9, submittedOn: "2026-11-20", mean: 1, safety: 1 } });
  });

  it("carries only the figures that crossed a threshold, never the other ratings", () => {
    const evidence = evaluate(5, 4, 5, 2)?.evidence ?? {};
    expect(Object.keys(evidence).sort()).toEqual(["feedbackId", "safety", "submittedOn"]);
  });

  it("says nothing without feedback", () => {
    expect(feedbackConcern.evaluate(placementFacts(), ctx())).toBeNull();
  });

  it("after staff closed a flag, counts only a new response as new", () => {
    const seen = evaluate(5, 5, 5, 2)?.evidence ?? {};
    const sameResponse = evaluate(5, 5, 5, 1)?.evidence ?? {};
    expect(feedbackConcern.isNewEpisode?.([seen], sameResponse)).toBe(false);
    expect(feedbackConcern.isNewEpisode?.([seen], { ...sameResponse, feedbackId: 10 })).toBe(true);
  });
});
