/**
 * Progress from the append-only assessment history: the current level of each competency,
 * and progress against plan (docs/product.md §3, §5 `behind_plan`).
 */
import type { AssessmentLevel } from "./enums";

export interface AssessmentRecord {
  id: number;
  competencyId: number;
  level: AssessmentLevel;
  observedOn: string;
  supersedesId: number | null;
}

export interface CurrentLevel {
  level: AssessmentLevel;
  observedOn: string;
  assessmentId: number;
}

/** All that progress against plan reads of a current level (the flag pass loads no more). */
export type HeldLevel = Pick<CurrentLevel, "level">;

/**
 * The level that holds now for each competency: the latest observation (by date, then by
 * record) among records that no correction has superseded.
 */
export function currentLevels(history: readonly AssessmentRecord[]): Map<number, CurrentLevel> {
  const superseded = new Set(history.flatMap((a) => (a.supersedesId === null ? [] : [a.supersedesId])));
  const out = new Map<number, CurrentLevel>();
  for (const a of history) {
    if (superseded.has(a.id)) continue;
    const held = out.get(a.competencyId);
    const later = !held || a.observedOn > held.observedOn || (a.observedOn === held.observedOn && a.id > held.assessmentId);
    if (later) out.set(a.competencyId, { level: a.level, observedOn: a.observedOn, assessmentId: a.id });
  }
  return out;
}

export const isCompetent = (level: AssessmentLevel | undefined) => level === "independent";

export interface CompetencyPlan {
  id: number;
  expectedByWeek: number;
}

export interface ProgressSummary {
  total: number;
  competent: number;
  /** Competencies a typical apprentice reaches by this week. */
  expectedByNow: number;
  /** Of those expected by now, how many are competent. */
  competentOfExpected: number;
  /** competentOfExpected / expectedByNow, or null when nothing is expected yet. */
  ratioAgainstPlan: number | null;
  byLevel: Record<AssessmentLevel | "unassessed", number>;
}

export function progressSummary(competencies: readonly CompetencyPlan[], levels: ReadonlyMap<number, HeldLevel>, week: number): ProgressSummary {
  const byLevel: ProgressSummary["byLevel"] = { unassessed: 0, not_yet: 0, with_help: 0, supervised: 0, independent: 0 };
  let competent = 0;
  let expectedByNow = 0;
  let competentOfExpected = 0;
  for (const c of competencies) {
    const level = levels.get(c.id)?.level;
    byLevel[level ?? "unassessed"] += 1;
    if (isCompetent(level)) competent += 1;
    if (c.expectedByWeek <= week) {
      expectedByNow += 1;
      if (isCompetent(level)) competentOfExpected += 1;
    }
  }
  return {
    total: competencies.length,
    competent,
    expectedByNow,
    competentOfExpected,
    ratioAgainstPlan: expectedByNow === 0 ? null : competentOfExpected / expectedByNow,
    byLevel,
  };
}

/** Competencies due by plan (expected by this week) and not yet competent. */
export function dueNow<C extends CompetencyPlan>(competencies: readonly C[], levels: ReadonlyMap<number, HeldLevel>, week: number): C[] {
  return competencies.filter((c) => c.expectedByWeek <= week && !isCompetent(levels.get(c.id)?.level));
}
