import { describe, expect, it } from "vitest";

import { FLAG_RULES } from "../enums";
import { DEFAULT_THRESHOLDS, evaluateFlags, FLAG_RULE_DEFINITIONS, PLACEMENT_RULES, ruleDefinition, TRAINER_RULES } from "./index";
import { daysAgo, placementFacts, signoff, TODAY, trainerFacts } from "./testing";

describe("the rule list", () => {
  it("has one rule for every flag rule of the schema, in its order", () => {
    expect(FLAG_RULE_DEFINITIONS.map((r) => r.rule)).toEqual([...FLAG_RULES]);
    expect([...PLACEMENT_RULES, ...TRAINER_RULES]).toHaveLength(FLAG_RULES.length);
    expect(ruleDefinition("bulk_signoff")?.subjectType).toBe("trainer");
    expect(ruleDefinition("under_18")?.subjectType).toBe("placement");
  });
});

describe("evaluateFlags", () => {
  const minor = placementFacts({ placementId: 5, siteId: 2, apprenticeId: 55, employerId: 66, trainerUserId: 77, apprenticeDateOfBirth: "2010-01-01" });

  it("fills every link a placement flag needs", () => {
    expect(evaluateFlags({ today: TODAY, placements: [minor], trainers: [], holidaysBySite: new Map() })).toEqual([
      {
        rule: "under_18",
        subjectType: "placement",
        subjectId: 5,
        siteId: 2,
        placementId: 5,
        trainerUserId: 77,
        employerId: 66,
        apprenticeId: 55,
        severity: "info",
        evidence: { startDate: "2026-09-07", adultOn: "2028-01-01" },
      },
    ]);
  });

  it("makes trainer flags about the trainer, naming a placement only when one is concerned", () => {
    const trainer = trainerFacts({
      trainerUserId: 8,
      siteId: 3,
      employerId: 9,
      lastSignedOn: daysAgo(40),
      signoffs: Array.from({ length: 4 }, () => signoff(daysAgo(1), { placementId: 4, apprenticeId: 44, frameworkSize: 10 })),
    });
    const found = evaluateFlags({ today: TODAY, placements: [], trainers: [trainer], holidaysBySite: new Map() });
    expect(found.map((f) => [f.rule, f.subjectType, f.subjectId, f.siteId, f.trainerUserId, f.employerId, f.placementId, f.apprenticeId])).toEqual([
      ["bulk_signoff", "trainer", 8, 3, 8, 9, 4, 44],
      ["trainer_inactive", "trainer", 8, 3, 8, 9, null, null],
    ]);
  });

  it("uses each site's thresholds, and the defaults for a site without its own", () => {
    const strict = new Map([[2, { ...DEFAULT_THRESHOLDS, under18Age: 14 }]]);
    expect(evaluateFlags({ today: TODAY, placements: [minor], trainers: [], holidaysBySite: new Map(), thresholdsBySite: strict })).toEqual([]);
    const other = new Map([[1, { ...DEFAULT_THRESHOLDS, under18Age: 14 }]]);
    expect(evaluateFlags({ today: TODAY, placements: [minor], trainers: [], holidaysBySite: new Map(), thresholdsBySite: other })).toHaveLength(1);
  });

  it("returns nothing for a healthy placement and trainer", () => {
    expect(evaluateFlags({ today: TODAY, placements: [placementFacts()], trainers: [trainerFacts()], holidaysBySite: new Map() })).toEqual([]);
  });
});
