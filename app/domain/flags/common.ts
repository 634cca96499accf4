/** Small helpers the flag rules share. */
import type { EducationEventKind } from "../enums";
import { currentLevels, type CurrentLevel, type HeldLevel } from "../progress";
import type { AssessmentFact, AttendanceDay, Evidence, PlacementFacts } from "./types";

/** The trainer's latest word on an afternoon: released or refused, or nothing yet. */
export function trainerWord(events: readonly EducationEventKind[]): "released" | "refused" | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const kind = events[i];
    if (kind === "released" || kind === "refused") return kind;
  }
  return null;
}

/**
 * Whether the apprentice reached class: the education staff's latest word (attended or missed);
 * without one, the apprentice's own confirmation counts as attended.
 */
export function classOutcome(events: readonly EducationEventKind[]): "attended" | "missed" | null {
  for (let i = events.length - 1; i >= 0; i--) {
    const kind = events[i];
    if (kind === "attended" || kind === "missed") return kind;
  }
  return events.includes("confirmed_by_apprentice") ? "attended" : null;
}

/** Ids of assessments that a correction has superseded. */
export function supersededIds(history: readonly AssessmentFact[]): Set<number> {
  return new Set(history.flatMap((a) => (a.supersedesId === null ? [] : [a.supersedesId])));
}

const byDateMemo = new WeakMap<readonly AttendanceDay[], Map<string, AttendanceDay>>();

/** A placement's attendance by date, worked out once for all the rules that read it. */
export function attendanceByDate(days: readonly AttendanceDay[]): ReadonlyMap<string, AttendanceDay> {
  let byDate = byDateMemo.get(days);
  if (!byDate) {
    byDate = new Map(days.map((d) => [d.date, d]));
    byDateMemo.set(days, byDate);
  }
  return byDate;
}

/**
 * The record of one date among a placement's days (the last one listed, as `attendanceByDate`
 * keeps), by looking through them: a rule that asks about a few dates of a placement spends less
 * than building its map would (a placement lists about 25 days).
 */
export function recordOn<T extends { date: string }>(records: readonly T[], date: string): T | undefined {
  for (let i = records.length - 1; i >= 0; i--) if (records[i]!.date === date) return records[i];
  return undefined;
}

/**
 * Whole percent, rounded to the nearest (6 of 9 is 67%, not 66%), for evidence that people read.
 * Comparisons with thresholds are made in integers, never with this.
 */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((100 * part) / whole);
}

const levelsMemo = new WeakMap<readonly AssessmentFact[], Map<number, CurrentLevel>>();

/** `currentLevels` of a placement's history, worked out once for all the rules that read it. */
export function levelsOf(history: readonly AssessmentFact[]): Map<number, CurrentLevel> {
  let levels = levelsMemo.get(history);
  if (!levels) {
    levels = currentLevels(history);
    levelsMemo.set(history, levels);
  }
  return levels;
}

/** The placement's current levels: as loaded, or worked out from its history. */
export function levelsFor(p: PlacementFacts): ReadonlyMap<number, HeldLevel> {
  return p.currentLevels ?? levelsOf(p.assessments);
}

/**
 * `isNewEpisode` for rules whose evidence lists discrete events: new when the current evidence
 * names an event that none of the closed flags named.
 */
export function newIncidentIn(keysOf: (evidence: Evidence) => string[]) {
  return (closed: readonly Evidence[], current: Evidence): boolean => {
    const covered = new Set(closed.flatMap(keysOf));
    return keysOf(current).some((key) => !covered.has(key));
  };
}
