import { describe, expect, it } from "vitest";

import { overdue } from "./overdue";
import { assessment, ctx, placementFacts } from "./testing";

// Start 2026-09-07 for 11 weeks: the last planned day is 2026-11-22.
const competencies = [1, 2, 3].map((id) => ({ id, expectedByWeek: 2 }));
const evaluate = (today: string, independent: number[] = [1, 2]) =>
  overdue.evaluate(
    placementFacts({ plannedWeeks: 11, competencies, assessments: independent.map((id) => assessment(id, "independent", "2026-11-01")) }),
    ctx({ today }),
  );

describe("overdue", () => {
  it("is quiet up to the last planned day", () => {
    expect(evaluate("2026-11-21")).toBeNull();
    expect(evaluate("2026-11-22")).toBeNull();
  });

  it("warns from the day after, while competencies are outstanding", () => {
    expect(evaluate("2026-11-23")).toEqual({
      severity: "warn",
      evidence: { plannedEndDate: "2026-11-22", outstanding: 1, total: 3, outstandingCompetencyIds: [3] },
    });
    expect(evaluate("2026-12-10")?.severity).toBe("warn");
  });

  it("clears when every competency is independent", () => {
    expect(evaluate("2026-11-23", [1, 2, 3])).toBeNull();
  });
});
