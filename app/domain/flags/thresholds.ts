/**
 * Per-site thresholds of the flag rules (docs/product.md §5). A site keeps only the values it changes
 * (a partial object, stored as JSON in `site_settings`); every other value is the default here.
 * Percentages are whole numbers so that comparisons stay in integers (7 of 10 is exactly 70%).
 */
import { z } from "zod";

export interface Thresholds {
  /** no_weekly_review: consecutive ended weeks without a review for warn / urgent. */
  noReviewWarnWeeks: number;
  noReviewUrgentWeeks: number;
  /** behind_plan: competent share of what is expected by this week, below which warn / urgent. */
  behindPlanWarnPercent: number;
  behindPlanUrgentPercent: number;
  /** bulk_signoff: `independent` sign-offs by one trainer within a window of this many days. */
  bulkSignoffCount: number;
  bulkSignoffFrameworkPercent: number;
  bulkSignoffWindowDays: number;
  /** education_not_granted: released share of agreed afternoons over the last full weeks. */
  educationReleasedMinPercent: number;
  educationWindowWeeks: number;
  /** attendance_risk, over the last `attendanceWindowDays` days. */
  attendanceWindowDays: number;
  attendanceAbsences: number;
  attendanceLates: number;
  /** Consecutive working days absent with reason `other` and no note. */
  attendanceUnexplainedRun: number;
  /** attendance_risk is urgent for an apprentice younger than this today. */
  attendanceUrgentUnderAge: number;
  /** feedback_concern: mean of the four ratings at or below → warn; "I feel safe" at or below → urgent. */
  feedbackMeanMax: number;
  feedbackSafetyMax: number;
  /** under_18: the age at placement start below which the labour-law check applies. */
  under18Age: number;
  /** trainer_inactive: days without an assessment or weekly review. */
  trainerInactiveDays: number;
  /** How far back event-like rules look (bulk_signoff, signoff_while_absent, education_mismatch). */
  recentDays: number;
}

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  noReviewWarnWeeks: 2,
  noReviewUrgentWeeks: 3,
  behindPlanWarnPercent: 70,
  behindPlanUrgentPercent: 40,
  bulkSignoffCount: 8,
  bulkSignoffFrameworkPercent: 40,
  bulkSignoffWindowDays: 7,
  educationReleasedMinPercent: 75,
  educationWindowWeeks: 4,
  attendanceWindowDays: 28,
  attendanceAbsences: 3,
  attendanceLates: 5,
  attendanceUnexplainedRun: 2,
  attendanceUrgentUnderAge: 21,
  feedbackMeanMax: 2,
  feedbackSafetyMax: 2,
  under18Age: 18,
  trainerInactiveDays: 21,
  recentDays: 28,
});

const count = (min: number, max: number) => z.number().int().min(min).max(max);
const percent = count(1, 100);
const rating = z.number().min(1).max(5);

const FIELDS = {
  noReviewWarnWeeks: count(1, 52),
  noReviewUrgentWeeks: count(1, 52),
  behindPlanWarnPercent: percent,
  behindPlanUrgentPercent: percent,
  bulkSignoffCount: count(2, 200),
  bulkSignoffFrameworkPercent: percent,
  bulkSignoffWindowDays: count(1, 28),
  educationReleasedMinPercent: percent,
  educationWindowWeeks: count(1, 12),
  attendanceWindowDays: count(7, 90),
  attendanceAbsences: count(1, 60),
  attendanceLates: count(1, 60),
  attendanceUnexplainedRun: count(1, 10),
  attendanceUrgentUnderAge: count(14, 99),
  feedbackMeanMax: rating,
  feedbackSafetyMax: rating,
  under18Age: count(14, 21),
  trainerInactiveDays: count(7, 120),
  recentDays: count(7, 90),
} satisfies Record<keyof Thresholds, z.ZodType<number>>;

const ordered = <T extends Thresholds>(t: T) => t.noReviewUrgentWeeks >= t.noReviewWarnWeeks && t.behindPlanUrgentPercent <= t.behindPlanWarnPercent;

/** A complete set, as an admin form submits it. */
export const ThresholdsSchema = z.object(FIELDS).strict().refine(ordered, { message: "flags.thresholds.order" });

/** What a site stores: only the values it changes. */
export const ThresholdOverridesSchema = z.object(FIELDS).partial().strict();
export type ThresholdOverrides = z.infer<typeof ThresholdOverridesSchema>;

/**
 * The thresholds of a site from its stored overrides. A value that is missing, unknown or out
 * of range falls back to its default, so one bad setting never stops the flag pass.
 */
export function resolveThresholds(overrides: unknown): Thresholds {
  const out: Thresholds = { ...DEFAULT_THRESHOLDS };
  if (typeof overrides !== "object" || overrides === null) return out;
  const given = overrides as Record<string, unknown>;
  for (const key of Object.keys(FIELDS) as (keyof Thresholds)[]) {
    const parsed = FIELDS[key].safeParse(given[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return ordered(out) ? out : { ...DEFAULT_THRESHOLDS };
}

/**
 * How many days before `today` the facts must reach for these thresholds: the loader reads
 * attendance and the education ledger from `today − lookbackDays`.
 */
export function lookbackDays(thresholds: Iterable<Thresholds>): number {
  let days = 0;
  for (const t of [DEFAULT_THRESHOLDS, ...thresholds]) {
    // education_not_granted reaches back whole weeks before this week's Monday (up to 6 days more).
    days = Math.max(days, t.recentDays, t.attendanceWindowDays, 7 * t.educationWindowWeeks + 6, t.bulkSignoffWindowDays);
  }
  return days;
}
