import { describe, expect, it } from "vitest";

import { dateOfBirthRule, earliest, happenedRule, placementStartRule } from "./plausible";

const today = "2026-11-19";

describe("placementStartRule", () => {
  const rule = placementStartRule(today);
  it("takes a start up to a year ahead and up to two years back", () => {
    expect(rule("2027-11-19")).toBeNull();
    expect(rule("2024-11-19")).toBeNull();
    expect(rule(today)).toBeNull();
  });
  it("refuses a start more than a year ahead (2099) or more than two years back (1926)", () => {
    expect(rule("2027-11-20")).toBe("plausible.errors.startTooFarAhead");
    expect(rule("2099-01-05")).toBe("plausible.errors.startTooFarAhead");
    expect(rule("2024-11-18")).toBe("plausible.errors.startTooFarBack");
    expect(rule("1926-11-19")).toBe("plausible.errors.startTooFarBack");
  });
});

describe("dateOfBirthRule", () => {
  const rule = dateOfBirthRule(today);
  it("takes ages 14 to 70", () => {
    expect(rule("2012-11-19")).toBeNull();
    expect(rule("1955-11-20")).toBeNull();
  });
  it("refuses a future date, under 14 and over 70, each with its own message", () => {
    expect(rule("2026-11-20")).toBe("records.errors.future");
    expect(rule("2012-11-20")).toBe("plausible.errors.tooYoung");
    expect(rule(today)).toBe("plausible.errors.tooYoung");
    expect(rule("1955-11-19")).toBe("plausible.errors.tooOld");
    expect(rule("1900-01-01")).toBe("plausible.errors.tooOld");
  });
});

describe("happenedRule", () => {
  const rule = happenedRule(today, "2026-03-02", "plausible.errors.beforePlacement");
  it("takes a date from the subject's beginning up to today", () => {
    expect(rule("2026-03-02")).toBeNull();
    expect(rule(today)).toBeNull();
  });
  it("refuses the future and a date before the subject existed", () => {
    expect(rule("2026-11-20")).toBe("records.errors.future");
    expect(rule("1900-01-01")).toBe("plausible.errors.beforePlacement");
  });
  it("has no lower bound when the beginning is unknown", () => {
    expect(happenedRule(today, null, "x")("2001-01-01")).toBeNull();
  });
});

describe("earliest", () => {
  it("is the first of the known dates", () => {
    expect(earliest("2026-03-02", null, "2025-12-01", undefined)).toBe("2025-12-01");
    expect(earliest(null, undefined)).toBeNull();
  });
});
