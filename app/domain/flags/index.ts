/**
 * The flag engine's rules (docs/product.md §5), one pure function each, and `evaluateFlags`, which
 * turns loaded facts into the flags the data calls for now. The runner in
 * app/db/flags.server.ts loads the facts and reconciles the findings with the `flags` table.
 */
import type { FlagRule } from "../enums";
import { attendanceRisk } from "./attendance-risk";
import { behindPlan } from "./behind-plan";
import { bulkSignoff } from "./bulk-signoff";
import { Calendar } from "./calendar";
import { educationMismatch } from "./education-mismatch";
import { educationNotGranted } from "./education-not-granted";
import { feedbackConcern } from "./feedback-concern";
import { noWeeklyReview } from "./no-weekly-review";
import { overdue } from "./overdue";
import { signoffWhileAbsent } from "./signoff-while-absent";
import { DEFAULT_THRESHOLDS, lookbackDays, type Thresholds } from "./thresholds";
import { trainerInactive } from "./trainer-inactive";
import type { Finding, FlagRuleDefinition, PlacementFacts, PlacementRule, RuleContext, TrainerFacts, TrainerRule } from "./types";
import { under18 } from "./under-18";

export { Calendar, type CalendarDay } from "./calendar";
export { DEFAULT_THRESHOLDS, lookbackDays, resolveThresholds, ThresholdOverridesSchema, ThresholdsSchema, type Thresholds } from "./thresholds";
export type * from "./types";

export const PLACEMENT_RULES: readonly PlacementRule[] = [
  noWeeklyReview,
  behindPlan,
  signoffWhileAbsent,
  educationNotGranted,
  educationMismatch,
  attendanceRisk,
  feedbackConcern,
  under18,
  overdue,
];

export const TRAINER_RULES: readonly TrainerRule[] = [bulkSignoff, trainerInactive];

/** Every rule, in the order of docs/product.md §5. */
export const FLAG_RULE_DEFINITIONS: readonly FlagRuleDefinition[] = [
  noWeeklyReview,
  behindPlan,
  bulkSignoff,
  signoffWhileAbsent,
  educationNotGranted,
  educationMismatch,
  attendanceRisk,
  feedbackConcern,
  under18,
  overdue,
  trainerInactive,
];

const BY_RULE = new Map<FlagRule, FlagRuleDefinition>(FLAG_RULE_DEFINITIONS.map((r) => [r.rule, r]));

export function ruleDefinition(rule: FlagRule): FlagRuleDefinition | undefined {
  return BY_RULE.get(rule);
}

export interface EvaluateInput {
  today: string;
  placements: readonly PlacementFacts[];
  trainers: readonly TrainerFacts[];
  holidaysBySite: ReadonlyMap<number, ReadonlySet<string>>;
  /** Sites without an entry use DEFAULT_THRESHOLDS. */
  thresholdsBySite?: ReadonlyMap<number, Thresholds>;
  /** Only these rules (all when absent). */
  rules?: ReadonlySet<FlagRule>;
}

const NO_HOLIDAYS: ReadonlySet<string> = new Set();

/** The flags the facts call for as of `today`: at most one per rule and subject. */
export function evaluateFlags(input: EvaluateInput): Finding[] {
  const calendar = new Calendar(input.today, lookbackDays(input.thresholdsBySite?.values() ?? []));
  // One context per site and one list of the rules asked for, not one per subject.
  const contexts = new Map<number, RuleContext>();
  const ctxFor = (siteId: number): RuleContext => {
    let ctx = contexts.get(siteId);
    if (!ctx) {
      ctx = {
        today: input.today,
        calendar,
        thresholds: input.thresholdsBySite?.get(siteId) ?? DEFAULT_THRESHOLDS,
        holidays: input.holidaysBySite.get(siteId) ?? NO_HOLIDAYS,
      };
      contexts.set(siteId, ctx);
    }
    return ctx;
  };
  const { rules } = input;
  const placementRules = rules ? PLACEMENT_RULES.filter((r) => rules.has(r.rule)) : PLACEMENT_RULES;
  const trainerRules = rules ? TRAINER_RULES.filter((r) => rules.has(r.rule)) : TRAINER_RULES;
  const out: Finding[] = [];
  for (const p of input.placements) {
    const ctx = ctxFor(p.siteId);
    for (const rule of placementRules) {
      const result = rule.evaluate(p, ctx);
      if (!result) continue;
      out.push({
        rule: rule.rule,
        subjectType: "placement",
        subjectId: p.placementId,
        siteId: p.siteId,
        placementId: p.placementId,
        trainerUserId: p.trainerUserId,
        employerId: p.employerId,
        apprenticeId: p.apprenticeId,
        severity: result.severity,
        evidence: result.evidence,
      });
    }
  }
  for (const t of input.trainers) {
    const ctx = ctxFor(t.siteId);
    for (const rule of trainerRules) {
      const result = rule.evaluate(t, ctx);
      if (!result) continue;
      out.push({
        rule: rule.rule,
        subjectType: "trainer",
        subjectId: t.trainerUserId,
        siteId: t.siteId,
        placementId: result.about?.placementId ?? null,
        trainerUserId: t.trainerUserId,
        employerId: t.employerId,
        apprenticeId: result.about?.apprenticeId ?? null,
        severity: result.severity,
        evidence: result.evidence,
      });
    }
  }
  return out;
}
