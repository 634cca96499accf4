import { describe, expect, it } from "vitest";

import {
  checkWeek,
  educationDays,
  EDITED_BEFORE_REVIEW,
  fieldErrors,
  nestFormData,
  observedDate,
  placementDays,
  planWeek,
  WeekCardSchema,
  type WeekShape,
  type WeekState,
} from "./week-card";

const shape: WeekShape = {
  weekOf: "2026-11-16",
  today: "2026-11-25",
  startDate: "2026-09-01",
  workingWeekdays: [1, 2, 3, 4, 5, 6],
  educationWeekdays: [2, 4],
  holidays: new Set(["2026-11-20"]),
};

const empty: WeekState = { currentLevels: new Map(), weekAssessments: new Map(), attendance: new Map(), education: new Map(), review: null };

const parse = (fields: Record<string, string>) => {
  const result = WeekCardSchema.safeParse(
    nestFormData(Object.entries({ submissionKey: "k".repeat(20), baseline: "0", ...fields })),
  );
  if (!result.success) return { errors: fieldErrors(result.error) } as const;
  return { input: result.data } as const;
};

describe("checkWeek", () => {
  const ctx = { today: "2026-11-25", startDate: "2026-09-02" };
  it("accepts past and current Mondays of the placement", () => {
    expect(checkWeek("2026-11-23", ctx)).toEqual({ ok: true });
    expect(checkWeek("2026-08-31", ctx)).toEqual({ ok: true }); // the week holding the start date
  });
  it("refuses a day that is not a Monday, the future, and before the start", () => {
    expect(checkWeek("2026-11-24", ctx)).toEqual({ ok: false, reason: "not_monday" });
    expect(checkWeek("2026-11-30", ctx)).toEqual({ ok: false, reason: "future" });
    expect(checkWeek("2026-08-24", ctx)).toEqual({ ok: false, reason: "before_start" });
    expect(checkWeek("2026-02-30", ctx)).toEqual({ ok: false, reason: "not_a_date" });
    expect(checkWeek("2026-10-05", { ...ctx, endDate: "2026-09-30" })).toEqual({ ok: false, reason: "after_end" });
  });
});

describe("days of the week card", () => {
  it("leaves out holidays and days before the start, and finds education afternoons", () => {
    expect(placementDays(shape)).toEqual(["2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-21"]);
    expect(educationDays(shape)).toEqual(["2026-11-17", "2026-11-19"]);
    expect(placementDays({ ...shape, startDate: "2026-11-18" })).toEqual(["2026-11-18", "2026-11-19", "2026-11-21"]);
  });
  it("dates a sign-off today in the current week, else on the week's last working day", () => {
    expect(observedDate(shape)).toBe("2026-11-21");
    expect(observedDate({ ...shape, weekOf: "2026-11-23" })).toBe("2026-11-25");
  });
});

describe("the form", () => {
  it("refuses a level outside the list", () => {
    expect(parse({ intent: "submit", "level.3": "expert" }).errors).toEqual({ "level.3": ["errors.invalid"] });
  });
  it("refuses late minutes that are negative, zero or over the working day", () => {
    for (const minutes of ["-5", "0", "601", "ten"]) {
      expect(parse({ intent: "submit", "att.2026-11-16.status": "late", "att.2026-11-16.lateMinutes": minutes }).errors).toEqual({
        "att.2026-11-16.lateMinutes": ["week.errors.lateMinutes"],
      });
    }
    expect(parse({ intent: "submit", "att.2026-11-16.status": "late", "att.2026-11-16.lateMinutes": "20" }).input?.att["2026-11-16"]).toEqual({
      status: "late",
      lateMinutes: 20,
      absenceReason: null,
    });
  });
  it("refuses an absence with no reason", () => {
    expect(parse({ intent: "submit", "att.2026-11-16.status": "absent" }).errors).toEqual({
      "att.2026-11-16.reason": ["week.errors.absenceReason"],
    });
  });
  it("ignores empty boxes, as a browser sends every untouched field", () => {
    const parsed = parse({ intent: "all_present", "note.1": "", "note.2": "", "level.1": "supervised", weekNote: "", "edu.2026-11-17.reason": "" });
    expect(parsed.errors).toBeUndefined();
    expect(parsed.input?.note).toEqual({});
  });

  it("ignores a day sent with no status chosen, as a browser sends untouched fields", () => {
    const parsed = parse({ intent: "submit", "att.2026-11-16.lateMinutes": "", "att.2026-11-16.reason": "transport", "edu.2026-11-17.reason": "" });
    expect(parsed.errors).toBeUndefined();
    expect(planWeek(shape, empty, parsed.input!, new Set()).ok).toBe(true);
    expect(parsed.input?.att["2026-11-16"]).toBeUndefined();
  });

  it("refuses an afternoon not released without a reason", () => {
    expect(parse({ intent: "submit", "edu.2026-11-17.status": "refused", "edu.2026-11-17.reason": "" }).errors).toEqual({
      "edu.2026-11-17.reason": ["week.errors.refusalReason"],
    });
  });
});

describe("planWeek", () => {
  const ids = new Set([1, 2, 3]);
  const plan = (state: WeekState, fields: Record<string, string>) => planWeek(shape, state, parse(fields).input!, ids);

  it("records 'reviewed, no change' as a review and nothing else", () => {
    const result = plan(empty, { intent: "submit" });
    expect(result).toEqual({
      ok: true,
      plan: { assessments: [], attendance: [], education: [], review: { noChange: true, note: null, supersedesId: null, correctionReason: null } },
    });
  });

  it("appends only the levels that changed, observed on the card's date", () => {
    const state = { ...empty, currentLevels: new Map([[1, "supervised" as const]]) };
    const result = plan(state, { intent: "submit", "level.1": "supervised", "level.2": "with_help", "level.3": "independent", "note.3": "Did a full cut alone" });
    expect(result.ok && result.plan.assessments).toEqual([
      { competencyId: 2, level: "with_help", observedOn: "2026-11-21", evidenceNote: null, supersedesId: null, correctionReason: null },
      { competencyId: 3, level: "independent", observedOn: "2026-11-21", evidenceNote: "Did a full cut alone", supersedesId: null, correctionReason: null },
    ]);
    expect(result.ok && result.plan.review?.noChange).toBe(false);
  });

  it("refuses a competency that is not on the placement's framework", () => {
    expect(plan(empty, { intent: "submit", "level.99": "independent" })).toEqual({ ok: false, errors: { "level.99": ["errors.invalid"] } });
  });

  it("marks every day present with one tap, keeping days already recorded", () => {
    const state: WeekState = {
      ...empty,
      attendance: new Map([["2026-11-17", { id: 5, status: "absent" as const, lateMinutes: null, absenceReason: "illness" as const }]]),
    };
    const result = plan(state, { intent: "all_present" });
    expect(result.ok && result.plan.attendance.map((a) => a.date)).toEqual(["2026-11-16", "2026-11-18", "2026-11-19", "2026-11-21"]);
    expect(result.ok && result.plan.review).toBeNull();
  });

  it("leaves days still to come out of 'all present'", () => {
    const thisWeek = { ...shape, weekOf: "2026-11-23", holidays: new Set<string>() };
    const result = planWeek(thisWeek, empty, parse({ intent: "all_present" }).input!, ids);
    expect(result.ok && result.plan.attendance.map((a) => a.date)).toEqual(["2026-11-23", "2026-11-24", "2026-11-25"]);
  });

  it("saves one day on its own", () => {
    const result = plan(empty, { intent: "save_day", day: "2026-11-18", "att.2026-11-18.status": "late", "att.2026-11-18.lateMinutes": "15", "att.2026-11-19.status": "present" });
    expect(result.ok && result.plan.attendance).toEqual([
      { date: "2026-11-18", status: "late", lateMinutes: 15, absenceReason: null, supersedesId: null, correctionReason: null },
    ]);
  });

  it("refuses attendance for a day that is not a working day of the week, or in the future", () => {
    expect(plan(empty, { intent: "submit", "att.2026-11-20.status": "present" })).toEqual({
      ok: false,
      errors: { "att.2026-11-20.status": ["week.errors.dayNotInWeek"] },
    });
    const current = planWeek({ ...shape, weekOf: "2026-11-23" }, empty, parse({ intent: "submit", "att.2026-11-27.status": "present" }).input!, ids);
    expect(current).toEqual({ ok: false, errors: { "att.2026-11-27.status": ["week.errors.futureDay"] } });
  });

  it("supersedes a day changed before the week is submitted, without asking why", () => {
    const state: WeekState = {
      ...empty,
      attendance: new Map([["2026-11-16", { id: 9, status: "present" as const, lateMinutes: null, absenceReason: null }]]),
    };
    const result = plan(state, { intent: "submit", "att.2026-11-16.status": "absent", "att.2026-11-16.reason": "transport" });
    expect(result.ok && result.plan.attendance[0]).toMatchObject({ supersedesId: 9, correctionReason: EDITED_BEFORE_REVIEW });
  });

  describe("a week already reviewed", () => {
    const reviewed: WeekState = {
      ...empty,
      currentLevels: new Map([[1, "independent" as const]]),
      weekAssessments: new Map([[1, { id: 40, level: "independent" as const }]]),
      attendance: new Map([["2026-11-16", { id: 9, status: "present" as const, lateMinutes: null, absenceReason: null }]]),
      review: { id: 77 },
    };

    it("writes nothing when submitted again unchanged", () => {
      expect(plan(reviewed, { intent: "submit", "level.1": "independent", "att.2026-11-16.status": "present" })).toEqual({
        ok: true,
        plan: { assessments: [], attendance: [], education: [], review: null },
      });
    });

    it("asks for a reason before it changes anything", () => {
      expect(plan(reviewed, { intent: "submit", "level.1": "supervised" })).toEqual({
        ok: false,
        errors: { correctionReason: ["week.errors.correctionReason"] },
      });
    });

    it("appends corrections that supersede, with the reason, and a review that supersedes", () => {
      const result = plan(reviewed, { intent: "submit", "level.1": "supervised", correctionReason: "Ticked the wrong row" });
      expect(result.ok && result.plan).toEqual({
        assessments: [{ competencyId: 1, level: "supervised", observedOn: "2026-11-21", evidenceNote: null, supersedesId: 40, correctionReason: "Ticked the wrong row" }],
        attendance: [],
        education: [],
        review: { noChange: false, note: null, supersedesId: 77, correctionReason: "Ticked the wrong row" },
      });
    });
  });

  it("records an afternoon released or refused only when the trainer's word changes", () => {
    const state: WeekState = { ...empty, education: new Map([["2026-11-17", { afternoonId: 3, status: "released" as const, reason: null }]]) };
    const result = plan(state, { intent: "submit", "edu.2026-11-17.status": "released", "edu.2026-11-19.status": "refused", "edu.2026-11-19.reason": "Wedding booking" });
    expect(result.ok && result.plan.education).toEqual([{ date: "2026-11-19", afternoonId: null, kind: "refused", reason: "Wedding booking" }]);
  });
});
