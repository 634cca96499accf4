import { describe, expect, it } from "vitest";

import type { EducationEventKind } from "../enums";
import { educationNotGranted } from "./education-not-granted";
import { ctx, day, placementFacts } from "./testing";

/** Tuesday and Thursday afternoons of the four full weeks before 2026-11-23. */
const AFTERNOONS = ["2026-10-27", "2026-10-29", "2026-11-03", "2026-11-05", "2026-11-10", "2026-11-12", "2026-11-17", "2026-11-19"];

function facts(kinds: (EducationEventKind[] | null)[], over: Parameters<typeof placementFacts>[0] = {}) {
  return placementFacts({
    educationWeekdays: [2, 4],
    educationAfternoons: AFTERNOONS.flatMap((date, i) => {
      const events = kinds[i];
      return events ? [{ afternoonId: 500 + i, date, events }] : [];
    }),
    ...over,
  });
}
const released = (n: number, rest: EducationEventKind[] | null = ["refused"]) =>
  AFTERNOONS.map((_, i) => (i < n ? (["released", "attended"] as EducationEventKind[]) : rest));

describe("education_not_granted: released < 75% of agreed afternoons over the last 4 full weeks", () => {
  it("is quiet at 75% (6 of 8) and above", () => {
    expect(educationNotGranted.evaluate(facts(released(6)), ctx())).toBeNull();
    expect(educationNotGranted.evaluate(facts(released(7)), ctx())).toBeNull();
  });

  it("warns just below (5 of 8)", () => {
    expect(educationNotGranted.evaluate(facts(released(5)), ctx())).toEqual({
      severity: "warn",
      evidence: {
        windowStart: "2026-10-26",
        windowEnd: "2026-11-22",
        agreed: 8,
        released: 5,
        percent: 63,
        refusedAfternoonIds: [505, 506, 507],
        unrecordedDates: [],
      },
    });
  });

  it("gives the same answer for a long ledger (more than 8 afternoons, looked up by a map) as for a short one", () => {
    // Monday to Friday afternoons of the four weeks: 20, released on the first 14 (70%).
    const mondays = ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"];
    const dates = mondays.flatMap((monday) => [0, 1, 2, 3, 4].map((i) => `${monday.slice(0, 8)}${String(Number(monday.slice(8)) + i).padStart(2, "0")}`));
    const ledger = dates.map((date, i) => ({ afternoonId: 900 + i, date, events: (i < 14 ? ["released"] : ["refused"]) as EducationEventKind[] }));
    const long = placementFacts({ educationWeekdays: [1, 2, 3, 4, 5], educationAfternoons: ledger, attendance: [day(dates[19] ?? "", "absent")] });
    expect(educationNotGranted.evaluate(long, ctx())?.evidence).toMatchObject({
      agreed: 20,
      released: 14,
      refusedAfternoonIds: [914, 915, 916, 917, 918, 919],
      unrecordedDates: [],
    });
    // The last 8 alone (a short ledger): 2 released of 8 agreed; the other weekdays have no row and no word.
    const short = placementFacts({ educationWeekdays: [1, 2, 3, 4, 5], educationAfternoons: ledger.slice(12), attendance: [day(dates[0] ?? "", "absent")] });
    expect(educationNotGranted.evaluate(short, ctx())?.evidence).toMatchObject({
      agreed: 19,
      released: 2,
      refusedAfternoonIds: [914, 915, 916, 917, 918, 919],
      unrecordedDates: dates.slice(1, 12),
    });
  });

  it("counts agreed afternoons with no word as not released", () => {
    const result = educationNotGranted.evaluate(facts(released(5, null)), ctx());
    expect(result?.evidence).toMatchObject({ agreed: 8, released: 5, refusedAfternoonIds: [], unrecordedDates: AFTERNOONS.slice(5) });
  });

  it("does not count an afternoon with no word when the apprentice was absent, on leave or on holiday", () => {
    const attendance = [day(AFTERNOONS[5] ?? "", "absent"), day(AFTERNOONS[6] ?? "", "leave")];
    expect(educationNotGranted.evaluate(facts(released(4, null), { attendance }), ctx())?.evidence).toMatchObject({
      agreed: 6,
      released: 4,
      unrecordedDates: [AFTERNOONS[4], AFTERNOONS[7]],
    });
    expect(educationNotGranted.evaluate(facts(released(5, null), { attendance }), ctx())).toBeNull();
    expect(educationNotGranted.evaluate(facts(released(5, null)), ctx())).not.toBeNull();
  });

  it("counts an afternoon attended without a trainer's word as released, and skips public holidays", () => {
    const kinds = released(5, ["attended"]);
    expect(educationNotGranted.evaluate(facts(kinds), ctx())).toBeNull();
    const holidays = AFTERNOONS.slice(6);
    expect(educationNotGranted.evaluate(facts(released(5, null)), ctx({ holidays }))).toBeNull();
  });

  it("follows the trainer's latest word", () => {
    const kinds = released(5);
    kinds[5] = ["refused", "released", "attended"];
    expect(educationNotGranted.evaluate(facts(kinds), ctx())).toBeNull();
    kinds[4] = ["released", "refused"];
    expect(educationNotGranted.evaluate(facts(kinds), ctx())?.severity).toBe("warn");
  });

  it("leaves the current week, still being recorded, out of the count", () => {
    const current = [{ afternoonId: 900, date: "2026-11-24", events: ["refused"] as EducationEventKind[] }];
    const base = facts(released(6));
    expect(educationNotGranted.evaluate({ ...base, educationAfternoons: [...base.educationAfternoons, ...current] }, ctx())).toBeNull();
  });

  it("counts only afternoons from the placement's start, and nothing when none were agreed", () => {
    // Started 2026-11-09: four afternoons, two released = 50%.
    const kinds = AFTERNOONS.map((_, i) => (i === 4 || i === 5 ? (["released"] as EducationEventKind[]) : null));
    expect(educationNotGranted.evaluate(facts(kinds, { startDate: "2026-11-09" }), ctx())?.evidence).toMatchObject({ agreed: 4, released: 2 });
    expect(educationNotGranted.evaluate(placementFacts({ educationWeekdays: [] }), ctx())).toBeNull();
  });

  it("clears when the refused afternoons are corrected to released", () => {
    const kinds = released(5);
    expect(educationNotGranted.evaluate(facts(kinds), ctx())).not.toBeNull();
    kinds[5] = ["refused", "released"];
    expect(educationNotGranted.evaluate(facts(kinds), ctx())).toBeNull();
  });
});
