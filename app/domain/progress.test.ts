import { describe, expect, it } from "vitest";

import { currentLevels, dueNow, progressSummary, type AssessmentRecord } from "./progress";

const rec = (id: number, competencyId: number, level: AssessmentRecord["level"], observedOn: string, supersedesId: number | null = null): AssessmentRecord => ({
  id,
  competencyId,
  level,
  observedOn,
  supersedesId,
});

describe("currentLevels from an append-only history", () => {
  it("takes the latest observation per competency", () => {
    const levels = currentLevels([rec(1, 7, "with_help", "2026-10-01"), rec(2, 7, "supervised", "2026-10-08")]);
    expect(levels.get(7)?.level).toBe("supervised");
  });

  it("follows a correction that supersedes the latest record", () => {
    const levels = currentLevels([rec(1, 7, "supervised", "2026-10-01"), rec(2, 7, "independent", "2026-10-08"), rec(3, 7, "supervised", "2026-10-08", 2)]);
    expect(levels.get(7)).toEqual({ level: "supervised", observedOn: "2026-10-08", assessmentId: 3 });
  });

  it("keeps a later observation when an earlier record is corrected", () => {
    const levels = currentLevels([rec(1, 7, "supervised", "2026-10-01"), rec(2, 7, "independent", "2026-10-15"), rec(3, 7, "with_help", "2026-10-01", 1)]);
    expect(levels.get(7)?.level).toBe("independent");
  });

  it("uses the record order when two observations share a date", () => {
    const levels = currentLevels([rec(5, 1, "supervised", "2026-10-01"), rec(4, 1, "independent", "2026-10-01")]);
    expect(levels.get(1)?.level).toBe("supervised");
  });
});

describe("progress against plan", () => {
  const plan = [
    { id: 1, expectedByWeek: 2 },
    { id: 2, expectedByWeek: 4 },
    { id: 3, expectedByWeek: 10 },
  ];

  it("counts competent against what is expected by this week", () => {
    const levels = currentLevels([rec(1, 1, "independent", "2026-10-01"), rec(2, 2, "supervised", "2026-10-01")]);
    const summary = progressSummary(plan, levels, 5);
    expect(summary).toMatchObject({ total: 3, competent: 1, expectedByNow: 2, competentOfExpected: 1, ratioAgainstPlan: 0.5 });
    expect(summary.byLevel).toEqual({ unassessed: 1, not_yet: 0, with_help: 0, supervised: 1, independent: 1 });
    expect(dueNow(plan, levels, 5).map((c) => c.id)).toEqual([2]);
  });

  it("has no ratio before anything is expected, and nothing due", () => {
    const summary = progressSummary(plan, new Map(), 1);
    expect(summary.ratioAgainstPlan).toBeNull();
    expect(summary.byLevel.unassessed).toBe(3);
    expect(dueNow(plan, new Map(), 1)).toEqual([]);
  });

  it("expects everything once a placement runs past its plan", () => {
    const summary = progressSummary(plan, new Map(), 30);
    expect(summary.expectedByNow).toBe(3);
    expect(summary.ratioAgainstPlan).toBe(0);
  });
});
