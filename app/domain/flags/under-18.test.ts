import { describe, expect, it } from "vitest";

import { ctx, placementFacts } from "./testing";
import { birthdayAt, under18 } from "./under-18";

const evaluate = (apprenticeDateOfBirth: string, startDate = "2026-09-07") => under18.evaluate(placementFacts({ apprenticeDateOfBirth, startDate }), ctx());

describe("under_18", () => {
  it("notes an apprentice who was 17 at the start", () => {
    expect(evaluate("2008-09-08")).toEqual({ severity: "info", evidence: { startDate: "2026-09-07", adultOn: "2026-09-08" } });
  });

  it("is quiet for an apprentice who turned 18 on the start day or before", () => {
    expect(evaluate("2008-09-07")).toBeNull();
    expect(evaluate("2008-09-06")).toBeNull();
  });

  it("stays while the placement is active, even after the 18th birthday (the rule reads the start)", () => {
    expect(under18.evaluate(placementFacts({ apprenticeDateOfBirth: "2008-09-08" }), ctx({ today: "2027-01-10" }))).not.toBeNull();
  });

  it("finds the 18th birthday of someone born on 29 February", () => {
    expect(birthdayAt("2008-02-29", 18)).toBe("2026-03-01");
    expect(birthdayAt("2008-02-29", 20)).toBe("2028-02-29");
  });
});
