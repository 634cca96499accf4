import { describe, expect, it } from "vitest";

import { ctx, daysAgo, trainerFacts } from "./testing";
import { trainerInactive } from "./trainer-inactive";

const started = (n: number, id = 1) => ({ placementId: id, apprenticeId: 10 + id, startDate: daysAgo(n) });

describe("trainer_inactive", () => {
  it("is quiet when the trainer signed 20 days ago, warns at 21 and 22", () => {
    expect(trainerInactive.evaluate(trainerFacts({ lastSignedOn: daysAgo(20) }), ctx())).toBeNull();
    expect(trainerInactive.evaluate(trainerFacts({ lastSignedOn: daysAgo(21) }), ctx())).toEqual({
      severity: "warn",
      evidence: { lastSignedOn: daysAgo(21), since: daysAgo(21), activePlacementIds: [1] },
    });
    expect(trainerInactive.evaluate(trainerFacts({ lastSignedOn: daysAgo(22) }), ctx())).not.toBeNull();
  });

  it("needs active apprentices", () => {
    expect(trainerInactive.evaluate(trainerFacts({ lastSignedOn: daysAgo(60), activePlacements: [] }), ctx())).toBeNull();
  });

  it("counts from the first active placement's start when that is later than the last signature", () => {
    expect(trainerInactive.evaluate(trainerFacts({ lastSignedOn: daysAgo(90), activePlacements: [started(10)] }), ctx())).toBeNull();
    expect(trainerInactive.evaluate(trainerFacts({ lastSignedOn: null, activePlacements: [started(20)] }), ctx())).toBeNull();
    expect(trainerInactive.evaluate(trainerFacts({ lastSignedOn: null, activePlacements: [started(5, 2), started(21)] }), ctx())?.evidence).toEqual({
      lastSignedOn: null,
      since: daysAgo(21),
      activePlacementIds: [1, 2],
    });
  });

  it("clears when the trainer signs again", () => {
    expect(trainerInactive.evaluate(trainerFacts({ lastSignedOn: daysAgo(0) }), ctx())).toBeNull();
  });
});
