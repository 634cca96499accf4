import { describe, expect, it } from "vitest";

import { signoffWhileAbsent } from "./signoff-while-absent";
import { assessment, ctx, day, daysAgo, placementFacts } from "./testing";

describe("signoff_while_absent", () => {
  it("warns for a sign-off on a day recorded absent or at education", () => {
    const a = assessment(1, "supervised", daysAgo(3));
    const absent = signoffWhileAbsent.evaluate(placementFacts({ assessments: [a], attendance: [day(daysAgo(3), "absent")] }), ctx());
    expect(absent).toEqual({
      severity: "warn",
      evidence: {
        windowDays: 28,
        signoffs: [{ assessmentId: a.id, competencyId: 1, observedOn: daysAgo(3), attendance: "absent" }],
      },
    });
    const education = signoffWhileAbsent.evaluate(placementFacts({ assessments: [a], attendance: [day(daysAgo(3), "education")] }), ctx());
    expect(education?.evidence.signoffs).toMatchObject([{ attendance: "education" }]);
  });

  it("is quiet on days present, late, on leave or without a record", () => {
    const a = assessment(1, "supervised", daysAgo(3));
    for (const status of ["present", "late", "leave"] as const) {
      expect(signoffWhileAbsent.evaluate(placementFacts({ assessments: [a], attendance: [day(daysAgo(3), status)] }), ctx())).toBeNull();
    }
    expect(signoffWhileAbsent.evaluate(placementFacts({ assessments: [a] }), ctx())).toBeNull();
  });

  it("looks back 28 days: 27 days ago counts, 28 does not", () => {
    const at = (n: number) =>
      signoffWhileAbsent.evaluate(placementFacts({ assessments: [assessment(1, "with_help", daysAgo(n))], attendance: [day(daysAgo(n), "absent")] }), ctx());
    expect(at(27)).not.toBeNull();
    expect(at(28)).toBeNull();
  });

  it("ignores a sign-off a correction has superseded", () => {
    const wrong = assessment(1, "supervised", daysAgo(3));
    const fixed = assessment(1, "supervised", daysAgo(2), { supersedesId: wrong.id });
    const facts = placementFacts({ assessments: [wrong, fixed], attendance: [day(daysAgo(3), "absent"), day(daysAgo(2), "present")] });
    expect(signoffWhileAbsent.evaluate(facts, ctx())).toBeNull();
  });

  it("after staff closed a flag, counts only another sign-off as new", () => {
    const a = assessment(1, "supervised", daysAgo(3));
    const b = assessment(2, "supervised", daysAgo(3));
    const attendance = [day(daysAgo(3), "absent")];
    const seen = signoffWhileAbsent.evaluate(placementFacts({ assessments: [a], attendance }), ctx())?.evidence ?? {};
    const more = signoffWhileAbsent.evaluate(placementFacts({ assessments: [a, b], attendance }), ctx())?.evidence ?? {};
    expect(signoffWhileAbsent.isNewEpisode?.([seen], seen)).toBe(false);
    expect(signoffWhileAbsent.isNewEpisode?.([seen], more)).toBe(true);
  });
});
