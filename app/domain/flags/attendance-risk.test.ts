import { describe, expect, it } from "vitest";

import { attendanceRisk } from "./attendance-risk";
import { ctx, day, daysAgo, placementFacts, TODAY } from "./testing";
import type { AttendanceDay } from "./types";

const evaluate = (attendance: AttendanceDay[], over: Parameters<typeof placementFacts>[0] = {}, c = ctx()) =>
  attendanceRisk.evaluate(placementFacts({ attendance, ...over }), c);
const absences = (...ago: number[]) => ago.map((n) => day(daysAgo(n), "absent", { absenceReason: "transport", hasNote: true }));
const lates = (...ago: number[]) => ago.map((n) => day(daysAgo(n), "late"));
/** Explained absence reason "other" (with a note) vs unexplained (no note). */
const other = (date: string, hasNote = false) => day(date, "absent", { absenceReason: "other", hasNote });

describe("attendance_risk: absences and lates in the last 28 days", () => {
  it("is quiet at 2 absences, warns at 3 and 4", () => {
    expect(evaluate(absences(1, 8))).toBeNull();
    expect(evaluate(absences(1, 8, 15))).toMatchObject({
      severity: "warn",
      evidence: { reasons: ["absences"], absences: 3, absenceReasons: { transport: 3 }, absenceDates: [daysAgo(15), daysAgo(8), daysAgo(1)] },
    });
    expect(evaluate(absences(1, 8, 15, 22))?.evidence.absences).toBe(4);
  });

  it("counts the 28 days up to today: 27 days ago is in, 28 is out", () => {
    expect(evaluate(absences(1, 8, 27))).not.toBeNull();
    expect(evaluate(absences(1, 8, 28))).toBeNull();
  });

  it("is quiet at 4 lates, warns at 5 and 6", () => {
    expect(evaluate(lates(1, 2, 3, 5, 6))?.evidence).toMatchObject({ reasons: ["lates"], lates: 5 });
    expect(evaluate(lates(1, 2, 3, 5))).toBeNull();
    expect(evaluate(lates(1, 2, 3, 5, 6, 7))?.evidence.lates).toBe(6);
  });

  it("does not count a public holiday as an absence", () => {
    expect(evaluate(absences(1, 8, 15), {}, ctx({ holidays: [daysAgo(15)] }))).toBeNull();
  });

  it("is urgent for an apprentice under 21 today, warn from the 21st birthday", () => {
    const twentyFirst = `${Number(TODAY.slice(0, 4)) - 21}${TODAY.slice(4)}`;
    expect(evaluate(absences(1, 8, 15), { apprenticeDateOfBirth: twentyFirst })?.severity).toBe("warn");
    const dayAfter = `${Number(TODAY.slice(0, 4)) - 21}-11-26`;
    expect(evaluate(absences(1, 8, 15), { apprenticeDateOfBirth: dayAfter })).toMatchObject({ severity: "urgent", evidence: { underUrgentAge: true } });
  });
});

describe("attendance_risk: 2 consecutive unexplained absences (reason other, no note)", () => {
  // 2026-11-20 is a Friday, 11-21 Saturday, 11-22 Sunday, 11-23 Monday.
  it("warns for two consecutive working days", () => {
    expect(evaluate([other("2026-11-19"), other("2026-11-20")])).toMatchObject({
      severity: "warn",
      evidence: { reasons: ["unexplained_absences"], unexplainedDates: ["2026-11-19", "2026-11-20"], absences: 2 },
    });
  });

  it("is quiet for one, or for two with a working day between", () => {
    expect(evaluate([other("2026-11-20")])).toBeNull();
    expect(evaluate([other("2026-11-18"), day("2026-11-19", "present"), other("2026-11-20")])).toBeNull();
    expect(evaluate([other("2026-11-18"), other("2026-11-20")])).toBeNull();
  });

  it("is quiet when either day has a note or another reason", () => {
    expect(evaluate([other("2026-11-19"), other("2026-11-20", true)])).toBeNull();
    expect(evaluate([other("2026-11-19"), day("2026-11-20", "absent", { absenceReason: "illness" })])).toBeNull();
  });

  it("runs over days that are not working days: Saturday then Monday, or across a public holiday", () => {
    expect(evaluate([other("2026-11-21"), other("2026-11-23")])?.evidence.unexplainedDates).toEqual(["2026-11-21", "2026-11-23"]);
    expect(evaluate([other("2026-11-20"), other("2026-11-23")], { workingWeekdays: [1, 2, 3, 4, 5] })).not.toBeNull();
    expect(evaluate([other("2026-11-20"), other("2026-11-23")])).toBeNull();
    expect(evaluate([other("2026-11-17"), other("2026-11-19")], {}, ctx({ holidays: ["2026-11-18"] }))).not.toBeNull();
  });

  it("clears when a day is corrected with a reason", () => {
    expect(evaluate([other("2026-11-19"), day("2026-11-20", "absent", { absenceReason: "family" })])).toBeNull();
  });
});
