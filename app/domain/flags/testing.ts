/** Builders of plain facts for the rule tests: a healthy placement and trainer, changed per test. */
import { addDays, mondaysBetween } from "../dates";
import type { AssessmentLevel } from "../enums";
import { Calendar } from "./calendar";
import { DEFAULT_THRESHOLDS, lookbackDays, type Thresholds } from "./thresholds";
import type { AssessmentFact, AttendanceDay, PlacementFacts, RuleContext, SignoffFact, TrainerFacts } from "./types";

/** A Wednesday. */
export const TODAY = "2026-11-25";
export const THIS_MONDAY = "2026-11-23";

export const daysAgo = (n: number, from = TODAY) => addDays(from, -n);

export function ctx(over: { today?: string; thresholds?: Partial<Thresholds>; holidays?: string[] } = {}): RuleContext {
  const today = over.today ?? TODAY;
  const thresholds = { ...DEFAULT_THRESHOLDS, ...over.thresholds };
  return { today, calendar: new Calendar(today, lookbackDays([thresholds])), thresholds, holidays: new Set(over.holidays ?? []) };
}

export function placementFacts(over: Partial<PlacementFacts> = {}): PlacementFacts {
  return {
    placementId: 1,
    siteId: 1,
    apprenticeId: 11,
    employerId: 21,
    trainerUserId: 31,
    startDate: "2026-09-07",
    plannedWeeks: 24,
    workingWeekdays: [1, 2, 3, 4, 5, 6],
    educationWeekdays: [],
    apprenticeDateOfBirth: "2000-01-01",
    competencies: [],
    assessments: [],
    // Reviewed every ended week since the start.
    reviewedWeeks: new Set(mondaysBetween("2026-09-07", addDays(THIS_MONDAY, -7))),
    attendance: [],
    educationAfternoons: [],
    latestFeedback: null,
    ...over,
  };
}

let nextId = 1000;

export function assessment(competencyId: number, level: AssessmentLevel, observedOn: string, over: Partial<AssessmentFact> = {}): AssessmentFact {
  return { id: ++nextId, competencyId, level, observedOn, supersedesId: null, ...over };
}

export function day(date: string, status: AttendanceDay["status"], over: Partial<AttendanceDay> = {}): AttendanceDay {
  return { date, status, absenceReason: status === "absent" ? "illness" : null, hasNote: false, ...over };
}

export function trainerFacts(over: Partial<TrainerFacts> = {}): TrainerFacts {
  return {
    trainerUserId: 31,
    siteId: 1,
    employerId: 21,
    activePlacements: [{ placementId: 1, apprenticeId: 11, startDate: "2026-09-07" }],
    lastSignedOn: daysAgo(2),
    signoffs: [],
    ...over,
  };
}

export function signoff(observedOn: string, over: Partial<SignoffFact> = {}): SignoffFact {
  const id = ++nextId;
  return { assessmentId: id, placementId: 1, apprenticeId: 11, competencyId: id, observedOn, frameworkSize: 50, ...over };
}
