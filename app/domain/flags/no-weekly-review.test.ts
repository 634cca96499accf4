import { describe, expect, it } from "vitest";

import { addDays, mondayOf } from "../dates";
import { missingReviewWeeks } from "../weeks";
import { noWeeklyReview } from "./no-weekly-review";
import { ctx, placementFacts, THIS_MONDAY } from "./testing";

/** Reviews for every week from the start's week up to (not including) `until`, less `skip`. */
function reviewed(start: string, until: string, skip: string[] = []): Set<string> {
  const out = new Set<string>();
  for (let m = start; m < until; m = addDays(m, 7)) if (!skip.includes(m)) out.add(m);
  return out;
}
const weeksBack = (n: number) => addDays(THIS_MONDAY, -7 * n);
const evaluate = (reviewedWeeks: Set<string>, startDate = "2026-09-07", over: Parameters<typeof ctx>[0] = {}) =>
  noWeeklyReview.evaluate(placementFacts({ startDate, reviewedWeeks }), ctx(over));

describe("no_weekly_review", () => {
  it("is quiet with one ended week missing (just below warn)", () => {
    expect(evaluate(reviewed("2026-09-07", weeksBack(1)))).toBeNull();
  });

  it("warns at 2 consecutive ended weeks without a review", () => {
    const result = evaluate(reviewed("2026-09-07", weeksBack(2)));
    expect(result).toEqual({
      severity: "warn",
      evidence: { weeksWithoutReview: 2, weeks: [weeksBack(2), weeksBack(1)], lastReviewedWeek: weeksBack(3) },
    });
  });

  it("is urgent at 3 and above", () => {
    expect(evaluate(reviewed("2026-09-07", weeksBack(3)))?.severity).toBe("urgent");
    const four = evaluate(reviewed("2026-09-07", weeksBack(4)));
    expect(four?.severity).toBe("urgent");
    expect(four?.evidence.weeksWithoutReview).toBe(4);
  });

  it("never counts the current week, reviewed or not", () => {
    expect(evaluate(reviewed("2026-09-07", weeksBack(0)))).toBeNull();
    expect(evaluate(reviewed("2026-09-07", THIS_MONDAY, [weeksBack(1)]))).toBeNull();
  });

  it("counts only the most recent unbroken run: older gaps that were followed by reviews do not count", () => {
    expect(evaluate(reviewed("2026-09-07", weeksBack(0), [weeksBack(3), weeksBack(4), weeksBack(5)]))).toBeNull();
  });

  it("clears itself when the missing weeks are reviewed late", () => {
    const late = reviewed("2026-09-07", weeksBack(2));
    expect(evaluate(late)).not.toBeNull();
    late.add(weeksBack(1));
    expect(evaluate(late)).toBeNull();
  });

  it("counts a new placement's first weeks, partial first week included", () => {
    expect(evaluate(new Set(), weeksBack(1))).toBeNull();
    expect(evaluate(new Set(), addDays(weeksBack(2), 4))?.severity).toBe("warn");
    expect(evaluate(new Set(), THIS_MONDAY)).toBeNull();
  });

  it("follows the site's thresholds", () => {
    expect(evaluate(reviewed("2026-09-07", weeksBack(1)), undefined, { thresholds: { noReviewWarnWeeks: 1 } })?.severity).toBe("warn");
  });

  it("agrees with missingReviewWeeks: the run is the unbroken tail of the missing weeks", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 200; i++) {
      const startDate = addDays("2026-06-01", Math.floor(random() * 180));
      const reviewedWeeks = new Set<string>();
      for (let m = mondayOf(startDate); m < THIS_MONDAY; m = addDays(m, 7)) if (random() < 0.6) reviewedWeeks.add(m);
      const missing = missingReviewWeeks({ startDate, today: "2026-11-25", reviewedWeeks });
      const tail: string[] = [];
      for (let k = missing.length - 1, m = weeksBack(1); k >= 0 && missing[k] === m; k--, m = addDays(m, -7)) tail.unshift(m);
      const result = noWeeklyReview.evaluate(placementFacts({ startDate, reviewedWeeks }), ctx({ thresholds: { noReviewWarnWeeks: 1 } }));
      expect(result?.evidence.weeks ?? []).toEqual(tail);
    }
  });
});
