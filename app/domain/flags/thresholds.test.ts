import { describe, expect, it } from "vitest";

import { DEFAULT_THRESHOLDS, lookbackDays, resolveThresholds, ThresholdOverridesSchema, ThresholdsSchema } from "./thresholds";

describe("thresholds", () => {
  it("defaults to the values of docs/product.md §5", () => {
    expect(DEFAULT_THRESHOLDS).toMatchObject({
      noReviewWarnWeeks: 2,
      noReviewUrgentWeeks: 3,
      behindPlanWarnPercent: 70,
      behindPlanUrgentPercent: 40,
      bulkSignoffCount: 8,
      bulkSignoffFrameworkPercent: 40,
      bulkSignoffWindowDays: 7,
      educationReleasedMinPercent: 75,
      educationWindowWeeks: 4,
      attendanceAbsences: 3,
      attendanceLates: 5,
      attendanceUnexplainedRun: 2,
      attendanceWindowDays: 28,
      feedbackMeanMax: 2,
      feedbackSafetyMax: 2,
      trainerInactiveDays: 21,
    });
    expect(ThresholdsSchema.safeParse(DEFAULT_THRESHOLDS).success).toBe(true);
  });

  it("takes a site's overrides over the defaults", () => {
    expect(resolveThresholds({ noReviewWarnWeeks: 1, trainerInactiveDays: 14 })).toEqual({
      ...DEFAULT_THRESHOLDS,
      noReviewWarnWeeks: 1,
      trainerInactiveDays: 14,
    });
    expect(resolveThresholds(null)).toEqual(DEFAULT_THRESHOLDS);
  });

  it("falls back to the default for a bad, unknown or contradictory value", () => {
    expect(resolveThresholds({ behindPlanWarnPercent: 170, nonsense: 3, trainerInactiveDays: "x" })).toEqual(DEFAULT_THRESHOLDS);
    expect(resolveThresholds({ noReviewWarnWeeks: 4 })).toEqual(DEFAULT_THRESHOLDS);
  });

  it("refuses a bad admin submission", () => {
    expect(ThresholdOverridesSchema.safeParse({ bulkSignoffCount: 0 }).success).toBe(false);
    expect(ThresholdOverridesSchema.safeParse({ unknown: 1 }).success).toBe(false);
    expect(ThresholdsSchema.safeParse({ ...DEFAULT_THRESHOLDS, behindPlanUrgentPercent: 80 }).success).toBe(false);
  });

  it("tells the loader how far back the rules read", () => {
    expect(lookbackDays([])).toBe(34);
    expect(lookbackDays([{ ...DEFAULT_THRESHOLDS, attendanceWindowDays: 60 }])).toBe(60);
  });
});
