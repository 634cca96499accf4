// planWeek is tested with cards as the form sends them, beside the form parser: app/forms/week-card-plan.server.test.ts.
import { describe, expect, it } from "vitest";

import {
  checkWeek,
  educationDays,
  holidayRuns,
  observedDate,
  placementDays,
  parseBaseline,
  reconcileStale,
  weekState,
  type WeekRows,
  type WeekShape,
} from "./week-card";

const shape: WeekShape = {
  weekOf: "2026-11-16",
  today: "2026-11-25",
  startDate: "2026-09-01",
  workingWeekdays: [1, 2, 3, 4, 5, 6],
  educationWeekdays: [2, 4],
  holidays: new Set(["2026-11-20"]),
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

describe("holidays on the week card", () => {
  const water = (date: string) => ({ date, nameEn: "Water Festival", nameKm: "ពិធីបុណ្យអុំទូក" });
  it("groups consecutive days of one holiday, and says when a class afternoon fell on it", () => {
    const runs = holidayRuns(shape, [water("2026-11-16"), water("2026-11-17"), water("2026-11-18")]);
    expect(runs).toEqual([{ from: "2026-11-16", to: "2026-11-18", nameEn: "Water Festival", nameKm: "ពិធីបុណ្យអុំទូក", educationLost: true }]);
  });
  it("names only days the card would have had: working days of the placement, in this week", () => {
    const sunday = { date: "2026-11-22", nameEn: "Sunday holiday", nameKm: "ថ្ងៃឈប់" };
    const nextWeek = water("2026-11-23");
    const beforeStart = { date: "2026-11-16", nameEn: "Early", nameKm: "មុន" };
    expect(holidayRuns({ ...shape, startDate: "2026-11-17" }, [sunday, nextWeek, beforeStart])).toEqual([]);
    const split = holidayRuns(shape, [water("2026-11-16"), water("2026-11-18")]);
    expect(split.map((r) => [r.from, r.to, r.educationLost])).toEqual([
      ["2026-11-16", "2026-11-16", false],
      ["2026-11-18", "2026-11-18", false],
    ]);
  });
});

describe("a stale card", () => {
  // Opened at baseline 10.20.30.40; then someone recorded Tuesday absent, a level and the review.
  const rows: WeekRows = {
    assessments: [
      { id: 10, competencyId: 1, level: "with_help", observedOn: "2026-11-02", supersedesId: null },
      { id: 11, competencyId: 2, level: "independent", observedOn: "2026-11-21", supersedesId: null },
    ],
    attendance: [
      { id: 20, date: "2026-11-16", status: "present", lateMinutes: null, absenceReason: null },
      { id: 21, date: "2026-11-17", status: "absent", lateMinutes: null, absenceReason: "illness" },
    ],
    education: [{ afternoonId: 3, date: "2026-11-17", eventId: 30, kind: "released", reason: null }],
    reviews: [
      { id: 39, weekOf: "2026-11-09", supersedesId: null },
      { id: 41, weekOf: "2026-11-16", supersedesId: null },
    ],
  };
  const opened = parseBaseline("10.20.30.40")!;

  it("rebuilds the week as it stood when the card was opened", () => {
    const before = weekState(rows, "2026-11-16", opened);
    expect([...before.currentLevels]).toEqual([[1, "with_help"]]);
    expect([...before.attendance.keys()]).toEqual(["2026-11-16"]);
    expect(before.review).toBeNull();
    const now = weekState(rows, "2026-11-16");
    expect([...now.currentLevels]).toEqual([
      [1, "with_help"],
      [2, "independent"],
    ]);
    expect(now.weekAssessments.get(2)).toEqual({ id: 11, level: "independent" });
    expect(now.review).toEqual({ id: 41 });
    expect(parseBaseline("1.2.3")).toBeNull();
  });

  it("keeps only what the trainer entered, and names what was recorded meanwhile", () => {
    const sent = {
      intent: "submit",
      submissionKey: "k".repeat(20),
      baseline: "10.20.30.40",
      show: "all",
      // Untouched: as the card showed them when it opened.
      "att.2026-11-16.status": "present",
      "att.2026-11-16.lateMinutes": "",
      "level.1": "with_help",
      "edu.2026-11-17.status": "released",
      "edu.2026-11-17.reason": "",
      // Entered by the trainer.
      "att.2026-11-17.status": "late",
      "att.2026-11-17.lateMinutes": "10",
      "att.2026-11-17.reason": "",
      "level.3": "supervised",
      "note.3": "Cut a fringe",
      "note.1": "",
      weekNote: "Busy week",
    };
    const stale = reconcileStale(sent, weekState(rows, "2026-11-16", opened), weekState(rows, "2026-11-16"));
    expect(stale.keep).toEqual({
      show: "all",
      "att.2026-11-17.status": "late",
      "att.2026-11-17.lateMinutes": "10",
      "att.2026-11-17.reason": "",
      "level.3": "supervised",
      "note.3": "Cut a fringe",
      weekNote: "Busy week",
    });
    expect(stale.changed).toEqual(["att.2026-11-17", "level.2", "review"]);
  });
});
