import { describe, expect, it } from "vitest";

import {
  canGiveFeedback,
  canWithdrawNotice,
  comingNext,
  howAmIDoing,
  educationAttended,
  monthBounds,
  monthCalendar,
  nextFeedbackOn,
  noticeDateProblem,
  placementWeeks,
  reachedIndependentOn,
  unitProgress,
} from "./me-progress";
import { currentLevels, type AssessmentRecord } from "./progress";

const rec = (id: number, competencyId: number, level: AssessmentRecord["level"], observedOn: string, supersedesId: number | null = null): AssessmentRecord => ({
  id,
  competencyId,
  level,
  observedOn,
  supersedesId,
});

// Two units: unit 1 has competencies 1–3 (expected by weeks 2, 4, 6), unit 2 has 4–5 (weeks 8, 10).
const units = [{ id: 1 }, { id: 2 }];
const comps = [
  { id: 1, unitId: 1, expectedByWeek: 2 },
  { id: 2, unitId: 1, expectedByWeek: 4 },
  { id: 3, unitId: 1, expectedByWeek: 6 },
  { id: 4, unitId: 2, expectedByWeek: 8 },
  { id: 5, unitId: 2, expectedByWeek: 10 },
];

describe("unitProgress", () => {
  it("counts each unit's levels and its progress against plan", () => {
    const levels = currentLevels([rec(1, 1, "independent", "2026-10-01"), rec(2, 2, "supervised", "2026-10-08"), rec(3, 4, "with_help", "2026-10-08")]);
    const [u1, u2] = unitProgress(units, comps, levels, 5);
    expect(u1).toMatchObject({ unitId: 1, total: 3, competent: 1, expectedByNow: 2, competentOfExpected: 1, ratioAgainstPlan: 0.5 });
    expect(u1?.levels).toEqual(["independent", "supervised", "unassessed"]);
    expect(u1?.byLevel).toEqual({ unassessed: 1, not_yet: 0, with_help: 0, supervised: 1, independent: 1 });
    expect(u2).toMatchObject({ unitId: 2, total: 2, competent: 0, expectedByNow: 0, ratioAgainstPlan: null });
  });

  it("shows a unit with nothing assessed as all unassessed, not as an error or a zero share of nothing", () => {
    const [, u2] = unitProgress(units, comps, currentLevels([rec(1, 1, "independent", "2026-10-01")]), 12);
    expect(u2).toMatchObject({ total: 2, competent: 0, expectedByNow: 2, competentOfExpected: 0, ratioAgainstPlan: 0 });
    expect(u2?.levels).toEqual(["unassessed", "unassessed"]);
    expect(u2?.byLevel.unassessed).toBe(2);
  });

  it("gives a unit with no competencies zero of zero", () => {
    const [empty] = unitProgress([{ id: 9 }], comps, new Map(), 3);
    expect(empty).toMatchObject({ unitId: 9, total: 0, competent: 0, ratioAgainstPlan: null, levels: [] });
  });
});

describe("placementWeeks", () => {
  it("counts the week holding today out of the planned length", () => {
    expect(placementWeeks({ startDate: "2026-09-07", plannedWeeks: 12, today: "2026-09-24" })).toEqual({
      current: 3,
      shown: 3,
      planned: 12,
      overBy: 0,
      started: true,
    });
  });

  it("caps the bar at the plan and says how far past its planned end a placement is", () => {
    expect(placementWeeks({ startDate: "2026-06-01", plannedWeeks: 8, today: "2026-08-12" })).toEqual({
      current: 11,
      shown: 8,
      planned: 8,
      overBy: 3,
      started: true,
    });
  });

  it("counts an ended placement up to its last day", () => {
    expect(placementWeeks({ startDate: "2026-06-01", plannedWeeks: 8, today: "2026-11-19", endedOn: "2026-07-24" })).toMatchObject({
      current: 8,
      shown: 8,
      overBy: 0,
    });
  });

  it("has not started before the start date", () => {
    expect(placementWeeks({ startDate: "2026-12-01", plannedWeeks: 8, today: "2026-11-19" })).toEqual({
      current: 0,
      shown: 0,
      planned: 8,
      overBy: 0,
      started: false,
    });
  });
});

describe("comingNext", () => {
  const levels = currentLevels([rec(1, 1, "independent", "2026-10-01"), rec(2, 2, "with_help", "2026-10-08")]);

  it("lists what is due, then what is due soon, and not what is reached or far ahead", () => {
    const next = comingNext(comps, levels, { current: 5, planned: 12 });
    expect(next.map((n) => [n.competency.id, n.status, n.level])).toEqual([
      [2, "due", "with_help"],
      [3, "soon", null],
    ]);
  });

  it("puts everything not yet reached as due once the placement is past its planned end", () => {
    const next = comingNext(comps, levels, { current: 9, planned: 8 });
    expect(next.map((n) => [n.competency.id, n.status])).toEqual([
      [2, "due"],
      [3, "due"],
      [4, "due"],
      [5, "due"],
    ]);
  });

  it("keeps to the limit, the most overdue first", () => {
    expect(comingNext(comps, new Map(), { current: 20, planned: 24 }, { limit: 2 }).map((n) => n.competency.id)).toEqual([1, 2]);
  });

  it("is empty when everything is reached", () => {
    const all = currentLevels(comps.map((c, i) => rec(i + 1, c.id, "independent", "2026-10-01")));
    expect(comingNext(comps, all, { current: 30, planned: 12 })).toEqual([]);
  });
});

describe("monthCalendar", () => {
  // November 2026 starts on a Sunday; today is Thursday 19 November.
  const base = {
    today: "2026-11-19",
    startDate: "2026-11-04",
    workingWeekdays: [1, 2, 3, 4, 5, 6],
    holidays: new Set(["2026-11-09"]),
    attendance: new Map([
      ["2026-11-05", "present"],
      ["2026-11-06", "late"],
      ["2026-11-07", "absent"],
      ["2026-11-10", "education"],
      ["2026-11-01", "present"], // before the start: a stray record still does not count as inside
    ] as const),
    notices: new Map([["2026-11-20", "absent"]] as const),
  };

  it("lays the month out in Monday-first weeks with the neighbouring days blank", () => {
    const cal = monthCalendar(base);
    expect(cal.month).toBe("2026-11");
    expect(cal.weeks).toHaveLength(6);
    expect(cal.weeks[0]!.map((d) => d.date)).toEqual(["2026-10-26", "2026-10-27", "2026-10-28", "2026-10-29", "2026-10-30", "2026-10-31", "2026-11-01"]);
    expect(cal.weeks[0]!.filter((d) => d.inMonth).map((d) => d.date)).toEqual(["2026-11-01"]);
    expect(cal.weeks.at(-1)!.at(-1)!.date).toBe("2026-12-06");
  });

  it("marks each day: recorded, holiday, day off, not recorded, future, outside the placement", () => {
    const days = new Map(
      monthCalendar(base)
        .weeks.flat()
        .map((d) => [d.date, d]),
    );
    expect(days.get("2026-11-03")?.mark).toBe("outside");
    expect(days.get("2026-11-05")?.mark).toBe("present");
    expect(days.get("2026-11-06")?.mark).toBe("late");
    expect(days.get("2026-11-07")?.mark).toBe("absent");
    expect(days.get("2026-11-08")?.mark).toBe("day_off"); // Sunday
    expect(days.get("2026-11-09")?.mark).toBe("holiday");
    expect(days.get("2026-11-11")?.mark).toBe("not_recorded");
    expect(days.get("2026-11-19")).toMatchObject({ mark: "not_recorded", today: true });
    expect(days.get("2026-11-20")).toMatchObject({ mark: "future", notice: "absent" });
  });

  it("counts only the month's recorded days inside the placement", () => {
    expect(monthCalendar(base).counts).toEqual({ present: 1, late: 1, absent: 1, education: 1, leave: 0 });
  });

  it("knows the bounds of any month, February of a leap year included", () => {
    expect(monthBounds("2028-02-10")).toEqual({ first: "2028-02-01", last: "2028-02-29" });
    expect(monthBounds("2026-12-31")).toEqual({ first: "2026-12-01", last: "2026-12-31" });
  });
});

describe("educationAttended", () => {
  it("counts afternoons agreed so far and those attended, by the latest word", () => {
    const result = educationAttended(
      [
        { date: "2026-11-03", events: ["released", "attended"] },
        { date: "2026-11-05", events: ["released", "confirmed_by_apprentice"] },
        { date: "2026-11-10", events: ["released", "attended", "missed"] },
        { date: "2026-11-12", events: ["refused"] },
        { date: "2026-11-24", events: [] },
      ],
      "2026-11-19",
    );
    expect(result).toEqual({ attended: 2, agreed: 4 });
  });

  it("is zero of zero with no afternoons", () => {
    expect(educationAttended([], "2026-11-19")).toEqual({ attended: 0, agreed: 0 });
  });
});

describe("reachedIndependentOn", () => {
  it("dates a competency from the start of its current run at independent", () => {
    const reached = reachedIndependentOn([
      rec(1, 7, "supervised", "2026-09-01"),
      rec(2, 7, "independent", "2026-09-10"),
      rec(3, 7, "independent", "2026-10-01"),
      rec(4, 8, "independent", "2026-09-15"),
      rec(5, 8, "supervised", "2026-10-01"),
      rec(6, 9, "independent", "2026-09-01"),
      rec(7, 9, "with_help", "2026-09-20"),
      rec(8, 9, "independent", "2026-10-20"),
    ]);
    expect([...reached]).toEqual([
      [7, "2026-09-10"],
      [9, "2026-10-20"],
    ]);
  });

  it("follows corrections", () => {
    const reached = reachedIndependentOn([
      rec(1, 7, "independent", "2026-09-10"),
      rec(2, 7, "supervised", "2026-09-10", 1),
      rec(3, 8, "supervised", "2026-09-10"),
      rec(4, 8, "independent", "2026-09-10", 3),
    ]);
    expect([...reached]).toEqual([[8, "2026-09-10"]]);
  });
});

describe("feedback window", () => {
  it("opens 14 days after the last feedback", () => {
    expect(nextFeedbackOn("2026-11-13")).toBe("2026-11-27");
    expect(canGiveFeedback("2026-11-13", "2026-11-26")).toBe(false);
    expect(canGiveFeedback("2026-11-13", "2026-11-27")).toBe(true);
  });

  it("is open when there has been no feedback", () => {
    expect(nextFeedbackOn(null)).toBeNull();
    expect(canGiveFeedback(null, "2026-11-19")).toBe(true);
  });
});

describe("advance notice dates", () => {
  const rules = { today: "2026-11-19", workingWeekdays: [1, 2, 3, 4, 5, 6], holidays: new Set(["2026-11-23"]) };

  it("accepts today and working days up to 30 days ahead", () => {
    expect(noticeDateProblem("2026-11-19", rules)).toBeNull();
    expect(noticeDateProblem("2026-12-19", rules)).toBeNull();
  });

  it("refuses the past, more than 30 days ahead, days off and nonsense", () => {
    expect(noticeDateProblem("2026-11-18", rules)).toBe("past");
    expect(noticeDateProblem("2026-12-21", rules)).toBe("too_far");
    expect(noticeDateProblem("2026-11-22", rules)).toBe("day_off"); // Sunday
    expect(noticeDateProblem("2026-11-23", rules)).toBe("day_off"); // public holiday
    expect(noticeDateProblem("2026-02-30", rules)).toBe("invalid");
    expect(noticeDateProblem("tomorrow", rules)).toBe("invalid");
  });

  it("can be withdrawn until the end of its day", () => {
    expect(canWithdrawNotice("2026-11-19", "2026-11-19")).toBe(true);
    expect(canWithdrawNotice("2026-11-18", "2026-11-19")).toBe(false);
  });
});

describe("how am I doing, in one sentence", () => {
  const at = (over: Partial<Parameters<typeof howAmIDoing>[0]>) => howAmIDoing({ started: true, competent: 3, total: 10, ratioAgainstPlan: 0.5, ...over }, 0.7);

  it("says the placement has not started, and when every skill is done", () => {
    expect(at({ started: false })).toBe("not_started");
    expect(at({ competent: 10, total: 10, ratioAgainstPlan: 1 })).toBe("all_done");
  });

  it("judges against the plan at the flag's threshold: 70% is on track, below is behind", () => {
    expect(at({ ratioAgainstPlan: null })).toBe("early");
    expect(at({ ratioAgainstPlan: 0.7 })).toBe("on_track");
    expect(at({ ratioAgainstPlan: 0.69 })).toBe("behind");
  });
});
