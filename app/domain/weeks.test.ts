import { describe, expect, it } from "vitest";

import { missingReviewWeeks, weekState } from "./weeks";

describe("missingReviewWeeks", () => {
  it("lists ended weeks without a review, not the current week", () => {
    const missing = missingReviewWeeks({
      startDate: "2026-10-28",
      today: "2026-11-25",
      reviewedWeeks: new Set(["2026-10-26", "2026-11-09"]),
    });
    expect(missing).toEqual(["2026-11-02", "2026-11-16"]);
  });

  it("has nothing missing in the first week", () => {
    expect(missingReviewWeeks({ startDate: "2026-11-24", today: "2026-11-25", reviewedWeeks: new Set() })).toEqual([]);
  });

  it("stops at the end of a placement that has ended", () => {
    const missing = missingReviewWeeks({
      startDate: "2026-10-05",
      endDate: "2026-10-16",
      today: "2026-11-25",
      reviewedWeeks: new Set(["2026-10-05"]),
    });
    expect(missing).toEqual(["2026-10-12"]);
  });
});

describe("weekState", () => {
  it("says reviewed, saved or not started", () => {
    expect(weekState({ reviewed: true, recordsThisWeek: 0 })).toBe("reviewed");
    expect(weekState({ reviewed: false, recordsThisWeek: 3 })).toBe("saved");
    expect(weekState({ reviewed: false, recordsThisWeek: 0 })).toBe("not_started");
  });
});
