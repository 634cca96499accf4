/**
 * planWeek, the week card's rule for what a card writes, fed cards as the form sends them: read
 * by the form's parser (./week-card.server.ts), so it lives beside the parser rather than in
 * app/domain, which imports no server-only module. The rule's other tests are in
 * app/domain/week-card.test.ts.
 */
import { describe, expect, it } from "vitest";

import { EDITED_BEFORE_REVIEW, planWeek, type WeekShape, type WeekState } from "~/domain/week-card";

import { parseWeekCard } from "./week-card.server";

const shape: WeekShape = {
  weekOf: "2026-11-16",
  today: "2026-11-25",
  startDate: "2026-09-01",
  workingWeekdays: [1, 2, 3, 4, 5, 6],
  educationWeekdays: [2, 4],
  holidays: new Set(["2026-11-20"]),
};

const empty: WeekState = { currentLevels: new Map(), weekAssessments: new Map(), attendance: new Map(), education: new Map(), review: null };

/** A card as the form sends it, read by the form's parser (app/forms/week-card.server.ts). */
const parse = (fields: Record<string, string>) => {
  const result = parseWeekCard(new URLSearchParams({ submissionKey: "k".repeat(20), baseline: "0.0.0.0", ...fields }));
  if (!result.ok) return { errors: result.errors } as const;
  return { input: result.value } as const;
};

describe("planWeek", () => {
  const ids = new Set([1, 2, 3]);
  const plan = (state: WeekState, fields: Record<string, string>) => planWeek(shape, state, parse(fields).input!, ids);
  const planned = (state: WeekState, fields: Record<string, string>) => {
    const result = plan(state, fields);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.plan;
  };

  it("records 'reviewed, no change' as a review and nothing else", () => {
    const result = plan(empty, { intent: "submit" });
    expect(result).toEqual({
      ok: true,
      plan: { assessments: [], attendance: [], education: [], review: { noChange: true, note: null, supersedesId: null, correctionReason: null } },
    });
  });

  it("appends only the levels that changed, observed on the card's date", () => {
    const state = { ...empty, currentLevels: new Map([[1, "supervised" as const]]) };
    const result = plan(state, {
      intent: "submit",
      "level.1": "supervised",
      "level.2": "with_help",
      "level.3": "independent",
      "note.3": "Did a full cut alone",
    });
    expect(result.ok && result.plan.assessments).toEqual([
      { competencyId: 2, level: "with_help", observedOn: "2026-11-21", evidenceNote: null, supersedesId: null, correctionReason: null },
      { competencyId: 3, level: "independent", observedOn: "2026-11-21", evidenceNote: "Did a full cut alone", supersedesId: null, correctionReason: null },
    ]);
    expect(result.ok && result.plan.review?.noChange).toBe(false);
  });

  it("refuses a competency that is not on the placement's framework, and an afternoon that is not a class day", () => {
    expect(plan(empty, { intent: "submit", "level.99": "independent" })).toEqual({ ok: false, errors: { "level.99": ["week.errors.notOnFramework"] } });
    expect(plan(empty, { intent: "save", "note.99": "Good work" })).toEqual({ ok: false, errors: { "note.99": ["week.errors.notOnFramework"] } });
    expect(plan(empty, { intent: "submit", "edu.2026-11-18.status": "released" })).toEqual({
      ok: false,
      errors: { "edu.2026-11-18.status": ["week.errors.notClassDay"] },
    });
  });

  it("asks for a level rather than drop an evidence note written without one", () => {
    expect(plan(empty, { intent: "save", "note.2": "Mixed the colour alone" })).toEqual({ ok: false, errors: { "level.2": ["week.errors.noteNeedsLevel"] } });
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

  it("saves everything entered with any button; only 'Submit the week' records the review", () => {
    const fields = {
      "att.2026-11-18.status": "late",
      "att.2026-11-18.lateMinutes": "15",
      "level.2": "supervised",
      "note.2": "Washed and dried alone",
      "edu.2026-11-17.status": "released",
      weekNote: "A good week",
    };
    for (const intent of ["save", "all_present", "submit"] as const) {
      const result = planned(empty, { intent, ...fields });
      expect(
        result.attendance.find((a) => a.date === "2026-11-18"),
        intent,
      ).toMatchObject({ status: "late", lateMinutes: 15 });
      expect(result.assessments, intent).toEqual([
        { competencyId: 2, level: "supervised", observedOn: "2026-11-21", evidenceNote: "Washed and dried alone", supersedesId: null, correctionReason: null },
      ]);
      expect(result.education, intent).toEqual([{ date: "2026-11-17", afternoonId: null, kind: "released", reason: null }]);
      expect(result.review, intent).toEqual(intent === "submit" ? { noChange: false, note: "A good week", supersedesId: null, correctionReason: null } : null);
    }
    // "All present" fills the other past days; "Save" leaves them blank.
    expect(planned(empty, { intent: "save", ...fields }).attendance).toHaveLength(1);
    expect(planned(empty, { intent: "all_present", ...fields }).attendance.map((a) => [a.date, a.status])).toEqual([
      ["2026-11-16", "present"],
      ["2026-11-17", "present"],
      ["2026-11-18", "late"],
      ["2026-11-19", "present"],
      ["2026-11-21", "present"],
    ]);
  });

  it("calls a review 'no change' when the week has no sign-off, saved earlier or sent now", () => {
    expect(planned(empty, { intent: "submit", "att.2026-11-16.status": "present" }).review?.noChange).toBe(true);
    const savedEarlier = {
      ...empty,
      currentLevels: new Map([[1, "supervised" as const]]),
      weekAssessments: new Map([[1, { id: 4, level: "supervised" as const }]]),
    };
    expect(planned(savedEarlier, { intent: "submit", "level.1": "supervised" })).toEqual({
      assessments: [],
      attendance: [],
      education: [],
      review: { noChange: false, note: null, supersedesId: null, correctionReason: null },
    });
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
        assessments: [
          { competencyId: 1, level: "supervised", observedOn: "2026-11-21", evidenceNote: null, supersedesId: 40, correctionReason: "Ticked the wrong row" },
        ],
        attendance: [],
        education: [],
        review: { noChange: false, note: null, supersedesId: 77, correctionReason: "Ticked the wrong row" },
      });
    });
  });

  it("records an afternoon released or refused only when the trainer's word changes", () => {
    const state: WeekState = { ...empty, education: new Map([["2026-11-17", { afternoonId: 3, status: "released" as const, reason: null }]]) };
    const result = plan(state, {
      intent: "submit",
      "edu.2026-11-17.status": "released",
      "edu.2026-11-19.status": "refused",
      "edu.2026-11-19.reason": "Wedding booking",
    });
    expect(result.ok && result.plan.education).toEqual([{ date: "2026-11-19", afternoonId: null, kind: "refused", reason: "Wedding booking" }]);
  });
});
