import { describe, expect, it } from "vitest";

import { behindPlan } from "./behind-plan";
import { assessment, ctx, placementFacts, TODAY } from "./testing";

/** Ten competencies expected by week 1, `competent` of them independent now. */
function facts(competent: number) {
  const competencies = Array.from({ length: 10 }, (_, i) => ({ id: i + 1, expectedByWeek: 1 }));
  const assessments = competencies.map((c, i) => assessment(c.id, i < competent ? "independent" : "supervised", "2026-11-20"));
  return placementFacts({ competencies, assessments });
}

describe("behind_plan", () => {
  it("is quiet at exactly 70% and above", () => {
    expect(behindPlan.evaluate(facts(7), ctx())).toBeNull();
    expect(behindPlan.evaluate(facts(8), ctx())).toBeNull();
  });

  it("warns just below 70% and at 40%", () => {
    expect(behindPlan.evaluate(facts(6), ctx())).toMatchObject({ severity: "warn", evidence: { expectedByNow: 10, competentOfExpected: 6, percent: 60 } });
    expect(behindPlan.evaluate(facts(5), ctx())?.severity).toBe("warn");
    expect(behindPlan.evaluate(facts(4), ctx())?.severity).toBe("warn");
  });

  it("rounds the percent it reports to the nearest: 6 of 9 is 67%, not 66%", () => {
    const competencies = Array.from({ length: 9 }, (_, i) => ({ id: i + 1, expectedByWeek: 1 }));
    const assessments = competencies.map((c, i) => assessment(c.id, i < 6 ? "independent" : "supervised", "2026-11-20"));
    expect(behindPlan.evaluate(placementFacts({ competencies, assessments }), ctx())?.evidence).toMatchObject({
      competentOfExpected: 6,
      expectedByNow: 9,
      percent: 67,
    });
  });

  it("is urgent below 40%", () => {
    const result = behindPlan.evaluate(facts(3), ctx());
    expect(result?.severity).toBe("urgent");
    expect(result?.evidence.dueCompetencyIds).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(behindPlan.evaluate(facts(0), ctx())?.severity).toBe("urgent");
  });

  it("judges only what is expected by this placement week", () => {
    // Start 2026-09-07: today is week 12. Ten expected by week 12, ten more by week 13.
    const competencies = [
      ...Array.from({ length: 10 }, (_, i) => ({ id: i + 1, expectedByWeek: 12 })),
      ...Array.from({ length: 10 }, (_, i) => ({ id: i + 11, expectedByWeek: 13 })),
    ];
    const assessments = competencies.slice(0, 7).map((c) => assessment(c.id, "independent", "2026-11-20"));
    const result = behindPlan.evaluate(placementFacts({ competencies, assessments }), ctx());
    expect(result).toBeNull();
    expect(behindPlan.evaluate(placementFacts({ competencies, assessments }), ctx({ today: "2026-11-30" }))?.severity).toBe("urgent");
  });

  it("says nothing when nothing is expected yet", () => {
    const competencies = [{ id: 1, expectedByWeek: 20 }];
    expect(behindPlan.evaluate(placementFacts({ competencies }), ctx())).toBeNull();
  });

  it("uses the current level: a corrected sign-off no longer counts", () => {
    const competencies = [{ id: 1, expectedByWeek: 1 }];
    const wrong = assessment(1, "independent", "2026-11-20");
    const fixed = assessment(1, "supervised", "2026-11-20", { supersedesId: wrong.id });
    expect(behindPlan.evaluate(placementFacts({ competencies, assessments: [wrong] }), ctx())).toBeNull();
    expect(behindPlan.evaluate(placementFacts({ competencies, assessments: [wrong, fixed] }), ctx())?.severity).toBe("urgent");
  });

  it("clears once enough is signed", () => {
    const before = facts(6);
    expect(behindPlan.evaluate(before, ctx())).not.toBeNull();
    const after = { ...before, assessments: [...before.assessments, assessment(7, "independent", TODAY)] };
    expect(behindPlan.evaluate(after, ctx())).toBeNull();
  });
});
