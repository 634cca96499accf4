/**
 * Sign-offs and levels from an assessment history, as the loader selects them in SQL (tests and
 * fixtures use these).
 */
import { currentLevels, type AssessmentRecord } from "../progress";
import { groupBy } from "./common";
import type { ReportLevel, ReportSignoff } from "./types";

/**
 * Standing `independent` sign-offs from an assessment history: independent records that no
 * correction has superseded. (The loader selects the same in SQL; tests use this.)
 */
export function standingSignoffs(history: readonly (AssessmentRecord & { placementId: number; trainerUserId: number })[]): ReportSignoff[] {
  const superseded = new Set(history.flatMap((a) => (a.supersedesId === null ? [] : [a.supersedesId])));
  return history
    .filter((a) => a.level === "independent" && !superseded.has(a.id))
    .map((a) => ({
      assessmentId: a.id,
      placementId: a.placementId,
      competencyId: a.competencyId,
      trainerUserId: a.trainerUserId,
      observedOn: a.observedOn,
    }));
}

/**
 * The level of each competency holding on `date`: `currentLevels` of the records observed by then.
 * (The loader selects the same in SQL; tests use this.)
 */
export function levelsAt(history: readonly (AssessmentRecord & { placementId: number })[], date: string): ReportLevel[] {
  const byPlacement = groupBy(
    history.filter((a) => a.observedOn <= date),
    (a) => a.placementId,
  );
  return [...byPlacement].flatMap(([placementId, rows]) => [...currentLevels(rows)].map(([competencyId, level]) => ({ placementId, competencyId, ...level })));
}
