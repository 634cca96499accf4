import { describe, expect, it } from "vitest";

import {
  addDays,
  addYears,
  ageOn,
  dateInZone,
  isIsoDate,
  isMonday,
  isoWeekday,
  mondayOf,
  mondaysBetween,
  parseWeekdays,
  placementWeek,
  startOfDayMs,
  workingDaysOfWeek,
  zonedDateOf,
} from "./dates";

describe("dates in the site's zone", () => {
  it("counts 23:30 on Sunday in Phnom Penh as that Sunday, whatever the UTC date", () => {
    // 2026-11-29 23:30 at UTC+7 is 16:30 UTC the same day; 2026-11-30 00:30 local is still the 29th in UTC.
    expect(dateInZone(new Date("2026-11-29T16:30:00Z"))).toBe("2026-11-29");
    expect(dateInZone(new Date("2026-11-29T17:30:00Z"))).toBe("2026-11-30");
    expect(mondayOf(dateInZone(new Date("2026-11-29T16:30:00Z")))).toBe("2026-11-23");
  });

  it("validates real calendar dates only", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2026-13-01")).toBe(false);
    expect(isIsoDate("26-1-1")).toBe(false);
  });

  it("does week arithmetic across months and years", () => {
    expect(isoWeekday("2026-11-23")).toBe(1);
    expect(isoWeekday("2026-11-29")).toBe(7);
    expect(mondayOf("2027-01-01")).toBe("2026-12-28");
    expect(isMonday("2026-11-23")).toBe(true);
    expect(isMonday("2026-11-24")).toBe(false);
    expect(addDays("2026-12-30", 3)).toBe("2027-01-02");
    expect(mondaysBetween("2026-11-18", "2026-12-02")).toEqual(["2026-11-16", "2026-11-23", "2026-11-30"]);
  });

  it("numbers placement weeks from the week that holds the start date", () => {
    expect(placementWeek("2026-11-18", "2026-11-18")).toBe(1);
    expect(placementWeek("2026-11-18", "2026-11-22")).toBe(1);
    expect(placementWeek("2026-11-18", "2026-11-23")).toBe(2);
    expect(placementWeek("2026-09-07", "2026-11-25")).toBe(12);
  });

  it("leaves public holidays and days off out of the working week", () => {
    const holidays = new Set(["2026-11-24"]);
    expect(workingDaysOfWeek("2026-11-23", [1, 2, 3, 4, 5, 6], holidays)).toEqual(["2026-11-23", "2026-11-25", "2026-11-26", "2026-11-27", "2026-11-28"]);
  });

  it("computes age in whole years on a date", () => {
    expect(ageOn("2009-11-26", "2026-11-25")).toBe(16);
    expect(ageOn("2008-11-25", "2026-11-25")).toBe(18);
  });

  it("computes age as whole years less one before the birthday, on every pair of these days (leap days included)", () => {
    // What ageOn computed before it read the digits itself (split into numbers): the same answers.
    const bySplitting = (dateOfBirth: string, on: string) => {
      const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
      const [y, m, d] = on.split("-").map(Number) as [number, number, number];
      return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
    };
    const days = ["2000-02-29", "2001-02-28", "2001-03-01", "2008-11-25", "2008-11-26", "2009-01-01", "2009-12-31", "2026-02-28", "2026-11-25", "2028-02-29"];
    for (const born of days) for (const on of days) expect(ageOn(born, on), `${born} on ${on}`).toBe(bySplitting(born, on));
    expect(ageOn("2012-02-29", "2030-02-28")).toBe(17);
    expect(ageOn("2012-02-29", "2030-03-01")).toBe(18);
    // Not `YYYY-MM-DD`: answered as before (by splitting on "-").
    expect(ageOn("2008-1-5", "2026-01-04")).toBe(bySplitting("2008-1-5", "2026-01-04"));
  });

  it("parses weekday lists, dropping nonsense", () => {
    expect(parseWeekdays("4, 2,2,9,x")).toEqual([2, 4]);
  });
});

describe("moments and site dates", () => {
  it("finds the first moment of a Phnom Penh date (UTC+7)", () => {
    expect(new Date(startOfDayMs("2026-11-26")).toISOString()).toBe("2026-11-25T17:00:00.000Z");
  });

  it("converts many moments to site dates, midnight included", () => {
    const dateOf = zonedDateOf();
    expect(dateOf(Date.parse("2026-11-25T16:59:59Z"))).toBe("2026-11-25");
    expect(dateOf(Date.parse("2026-11-25T17:00:00Z"))).toBe("2026-11-26");
  });

  it("gives the date `dateInZone` gives for any moment, across daylight-saving changes and half-hour zones", () => {
    for (const zone of ["Asia/Phnom_Penh", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "Pacific/Kiritimati"]) {
      const dateOf = zonedDateOf(zone);
      // Every 52 minutes 37 seconds through 2026, in an order that revisits days already seen.
      const start = Date.parse("2026-01-01T00:00:00Z");
      const moments = Array.from({ length: 10_000 }, (_, i) => start + ((i * 7919) % 10_000) * 3_157_000);
      for (const ms of moments) expect(dateOf(ms), `${zone} ${new Date(ms).toISOString()}`).toBe(dateInZone(new Date(ms), zone));
    }
  });
});

describe("addYears", () => {
  it("moves to the same day in another year, 29 February to 28 February", () => {
    expect(addYears("2026-11-19", 1)).toBe("2027-11-19");
    expect(addYears("2026-11-19", -70)).toBe("1956-11-19");
    expect(addYears("2024-02-29", 1)).toBe("2025-02-28");
    expect(addYears("2024-02-29", 4)).toBe("2028-02-29");
  });
});
