import { describe, expect, it } from "vitest";

import {
  codeFitsSite,
  intakeYear,
  nextApprenticeCode,
  parseApprenticeCode,
  placementProblems,
  plannedWeeksInRange,
  weekdayList,
  type PlacementFacts,
} from "./records";

describe("apprentice codes", () => {
  it("reads the site, year and number of a code", () => {
    expect(parseApprenticeCode("PP-26-014")).toEqual({ site: "PP", year: "26", number: 14 });
    expect(parseApprenticeCode("PP-26-14")).toBeNull();
    expect(parseApprenticeCode("pp-26-014")).toBeNull();
    expect(parseApprenticeCode("PP-2026-014")).toBeNull();
  });

  it("checks a code against its site and intake year", () => {
    expect(codeFitsSite("PP-26-014", "PP")).toBe(true);
    expect(codeFitsSite("PP-26-014", "PP", "26")).toBe(true);
    expect(codeFitsSite("PP-26-014", "PP", "25")).toBe(false);
    expect(codeFitsSite("SR-26-014", "PP")).toBe(false);
    expect(codeFitsSite("PP-26-000", "PP")).toBe(false);
    expect(intakeYear("2026-01-05")).toBe("26");
  });

  it("proposes one past the highest code of the site and year", () => {
    expect(nextApprenticeCode("PP", "26", [])).toBe("PP-26-001");
    expect(nextApprenticeCode("PP", "26", ["PP-26-001", "PP-26-014", "PP-25-090", "SR-26-200", "junk"])).toBe("PP-26-015");
    expect(nextApprenticeCode("PP", "26", ["PP-26-999"])).toBeNull();
  });
});

describe("placement rules", () => {
  const ok: PlacementFacts = {
    apprentice: { siteId: 1, phase: "apprenticeship", hasActivePlacement: false },
    employer: { id: 5, siteId: 1, active: true },
    trainer: { employerId: 5, active: true, role: "trainer" },
    version: { status: "published" },
    plannedWeeks: 12,
  };

  it("accepts 2 to 52 weeks", () => {
    expect([1, 2, 52, 53, 2.5].map(plannedWeeksInRange)).toEqual([false, true, true, false, false]);
  });

  it("finds nothing wrong with a good placement", () => {
    expect(placementProblems(ok)).toEqual({});
  });

  it("names each problem against its field", () => {
    expect(placementProblems({ ...ok, apprentice: { ...ok.apprentice!, hasActivePlacement: true } })).toEqual({
      apprenticeId: ["records.errors.activePlacement"],
    });
    expect(placementProblems({ ...ok, trainer: { employerId: 6, active: true, role: "trainer" } })).toEqual({
      trainerUserId: ["records.errors.trainerOtherEmployer"],
    });
    expect(placementProblems({ ...ok, version: { status: "draft" } })).toEqual({ frameworkVersionId: ["records.errors.frameworkNotPublished"] });
    expect(placementProblems({ ...ok, plannedWeeks: 60 })).toEqual({ plannedWeeks: ["records.errors.plannedWeeks"] });
    expect(placementProblems({ ...ok, employer: { id: 5, siteId: 2, active: false } })).toEqual({
      employerId: ["records.errors.employerInactive", "records.errors.otherSite"],
    });
    expect(placementProblems({ ...ok, trainer: { employerId: null, active: true, role: "staff" } })).toEqual({
      trainerUserId: ["records.errors.unknownTrainer"],
    });
  });

  it("lists weekdays sorted and unique", () => {
    expect(weekdayList([4, 2, 2, 9])).toBe("2,4");
  });
});
