import { describe, expect, it } from "vitest";

import { bulkSignoff } from "./bulk-signoff";
import { ctx, daysAgo, signoff, TODAY, trainerFacts } from "./testing";

const many = (n: number, observedOn: string, over: Parameters<typeof signoff>[1] = {}) => Array.from({ length: n }, () => signoff(observedOn, over));
const evaluate = (signoffs: ReturnType<typeof signoff>[], over: Parameters<typeof ctx>[0] = {}) => bulkSignoff.evaluate(trainerFacts({ signoffs }), ctx(over));

describe("bulk_signoff: 8 competencies within 7 days", () => {
  it("is quiet at 7, warns at 8 and 9", () => {
    expect(evaluate(many(7, daysAgo(3)))).toBeNull();
    expect(evaluate(many(8, daysAgo(3)))?.severity).toBe("warn");
    expect(evaluate(many(9, daysAgo(3)))?.evidence.signoffs).toBe(9);
  });

  it("counts across the trainer's apprentices", () => {
    const result = evaluate([...many(4, daysAgo(5), { placementId: 1, apprenticeId: 11 }), ...many(4, daysAgo(4), { placementId: 2, apprenticeId: 12 })]);
    expect(result?.evidence).toMatchObject({
      signoffs: 8,
      firstSignoffOn: daysAgo(5),
      lastSignoffOn: daysAgo(4),
      windowDays: 7,
      placements: [
        { placementId: 1, signoffs: 4, frameworkSize: 50 },
        { placementId: 2, signoffs: 4, frameworkSize: 50 },
      ],
    });
    expect(result?.about).toBeUndefined();
  });

  it("needs them within 7 consecutive days: 6 days apart counts, 7 days apart does not", () => {
    expect(evaluate([...many(4, daysAgo(10)), ...many(4, daysAgo(4))])?.severity).toBe("warn");
    expect(evaluate([...many(4, daysAgo(10)), ...many(4, daysAgo(3))])).toBeNull();
  });

  it("counts a competency once per window, and only recent windows (28 days)", () => {
    const same = many(8, daysAgo(2), { competencyId: 5 });
    expect(evaluate(same)).toBeNull();
    expect(evaluate(many(8, daysAgo(28)))).toBeNull();
    expect(evaluate(many(8, daysAgo(27)))?.severity).toBe("warn");
  });

  it("shows the most recent window that crosses", () => {
    const result = evaluate([...many(10, daysAgo(20)), ...many(8, daysAgo(5)), ...many(2, daysAgo(1))]);
    expect(result?.evidence).toMatchObject({ signoffs: 10, firstSignoffOn: daysAgo(5), lastSignoffOn: daysAgo(1) });
  });
});

describe("bulk_signoff: 40% of a framework within 7 days", () => {
  const ofTen = (n: number) => many(n, daysAgo(1), { frameworkSize: 10 });

  it("is quiet at 30%, warns at 40% and 50%", () => {
    expect(evaluate(ofTen(3))).toBeNull();
    expect(evaluate(ofTen(4))?.severity).toBe("warn");
    expect(evaluate(ofTen(5))?.severity).toBe("warn");
  });

  it("names the one placement concerned", () => {
    expect(evaluate(ofTen(4))?.about).toEqual({ placementId: 1, apprenticeId: 11 });
  });

  it("judges each placement against its own framework", () => {
    const result = evaluate([...many(3, daysAgo(1), { placementId: 1, frameworkSize: 10 }), ...many(3, daysAgo(1), { placementId: 2, frameworkSize: 10 })]);
    expect(result).toBeNull();
  });
});

describe("bulk_signoff: evidence and incidents", () => {
  it("lists the sign-offs behind the flag", () => {
    const signoffs = many(8, TODAY);
    expect(evaluate(signoffs)?.evidence.assessmentIds).toEqual(signoffs.map((s) => s.assessmentId).sort((a, b) => a - b));
  });

  it("after staff closed a flag, counts only a burst that began after the one they saw as new", () => {
    const seen = evaluate(many(8, daysAgo(10)))?.evidence ?? {};
    const sameBurstGrown = evaluate([...many(8, daysAgo(10)), ...many(1, daysAgo(8))])?.evidence ?? {};
    const laterBurst = evaluate([...many(8, daysAgo(10)), ...many(8, daysAgo(2))])?.evidence ?? {};
    expect(bulkSignoff.isNewEpisode?.([seen], sameBurstGrown)).toBe(false);
    expect(bulkSignoff.isNewEpisode?.([seen], laterBurst)).toBe(true);
  });

  it("follows the site's thresholds", () => {
    expect(evaluate(many(5, daysAgo(1)), { thresholds: { bulkSignoffCount: 5 } })?.severity).toBe("warn");
  });
});
