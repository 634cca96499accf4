import { describe, expect, it } from "vitest";

import { expectedReviewWeeks } from "./review-weeks";
import { period } from "./testing";

describe("expectedReviewWeeks", () => {
  it("owes the weeks of the period within the placement's dates, up to last week or the week it ended", () => {
    // Started Wed 11 Mar: the week of 9 Mar is its first.
    expect(expectedReviewWeeks({ startDate: "2026-03-11", endedOn: null }, period)).toEqual(["2026-03-09", "2026-03-16", "2026-03-23"]);
    // Ended Wed 4 Mar: the week of 2 Mar is its last.
    expect(expectedReviewWeeks({ startDate: "2026-01-05", endedOn: "2026-03-04" }, period)).toEqual(["2026-03-02"]);
    // A period from Wed 4 Mar: the week of 2 Mar began before it and belongs to the period before.
    expect(expectedReviewWeeks({ startDate: "2026-01-05", endedOn: null }, { ...period, from: "2026-03-04" })).toEqual([
      "2026-03-09",
      "2026-03-16",
      "2026-03-23",
    ]);
    // Today is Wed 25 Mar: the week of 23 Mar is not over, so not owed yet.
    expect(expectedReviewWeeks({ startDate: "2026-01-05", endedOn: null }, { ...period, today: "2026-03-25" })).toEqual([
      "2026-03-02",
      "2026-03-09",
      "2026-03-16",
    ]);
  });
});
