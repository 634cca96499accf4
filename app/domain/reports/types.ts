/**
 * The rows the trainer-accountability report reads (as the loader, app/db/reports.server.ts,
 * selects them) and the figures it gives.
 */
import type { AttendanceStatus, EducationEventKind, FlagRule, FlagStatus, PlacementOutcome, PlacementStatus } from "../enums";
import type { CompetencyPlan, CurrentLevel } from "../progress";
import type { ReportEducationWeek } from "./afternoons";
import type { Period, Share } from "./common";

export interface ReportTrainer {
  id: number;
  name: string;
  employerId: number;
  siteId: number;
  active: boolean;
}

export interface ReportEmployer {
  id: number;
  name: string;
  siteId: number;
}

export interface ReportPlacement {
  id: number;
  apprenticeId: number;
  employerId: number;
  /** The primary trainer: accountable for the placement's reviews, progress, afternoons and ending. */
  trainerUserId: number;
  frameworkVersionId: number;
  startDate: string;
  endedOn: string | null;
  status: PlacementStatus;
  outcome: PlacementOutcome | null;
}

/** A weekly review: the week it covers and the site date it was submitted (corrections are more rows). */
export interface ReportReview {
  placementId: number;
  weekOf: string;
  submittedOn: string;
}

/** An `independent` assessment that no correction has superseded (see `standingSignoffs`). */
export interface ReportSignoff {
  assessmentId: number;
  placementId: number;
  competencyId: number;
  /** Who signed: sign-offs count for the trainer who made them, whoever the primary trainer is. */
  trainerUserId: number;
  observedOn: string;
}

/** The level holding for a competency at the period's end (see `levelsAt`). */
export interface ReportLevel extends CurrentLevel {
  placementId: number;
  competencyId: number;
}

export interface ReportCompetency extends CompetencyPlan {
  versionId: number;
}

export interface ReportFlag {
  rule: FlagRule;
  trainerUserId: number | null;
  employerId: number | null;
  /** The site date the flag was raised. */
  raisedOn: string;
  status: FlagStatus;
  /** The site date of the flag's `resolved` event, if staff resolved it. */
  resolvedOn: string | null;
}

export interface ReportAfternoon {
  placementId: number;
  date: string;
  /** The ledger, in the order recorded. */
  events: readonly EducationEventKind[];
  /** The day's current attendance status, if recorded. */
  attendance: AttendanceStatus | null;
}

export interface ReportFeedback {
  placementId: number;
  submittedOn: string;
  /** I am taught (explains), I learn, I am treated fairly, I feel safe: each 1–5. */
  ratings: readonly [number, number, number, number];
}

export interface AccountabilityInput {
  period: Period;
  trainers: readonly ReportTrainer[];
  employers: readonly ReportEmployer[];
  /** Placements active at some time in the period (others are ignored). */
  placements: readonly ReportPlacement[];
  reviews: readonly ReportReview[];
  signoffs: readonly ReportSignoff[];
  levelsAtEnd: readonly ReportLevel[];
  competencies: readonly ReportCompetency[];
  flags: readonly ReportFlag[];
  /** Education afternoons one by one (with their ledger), or … */
  afternoons?: readonly ReportAfternoon[];
  /** … already classified, a week per row (`placement_weeks`): the loader's way. */
  educationWeeks?: readonly ReportEducationWeek[];
  feedback: readonly ReportFeedback[];
}

export interface FlagCount {
  raised: number;
  resolved: number;
}

export interface AccountabilityFigures {
  /** Distinct apprentices of the placements active in the period. */
  apprentices: number;
  /** Weekly reviews submitted / expected. */
  reviews: Share;
  meanDaysBetweenReviews: number | null;
  /** Competencies that reached `independent` in the period (first standing sign-off). */
  competenciesSigned: number;
  /** Mean of competent / expected-by-now over the placements active at the period's end. */
  progressAgainstPlan: number | null;
  /** How many placements that mean is taken over. */
  progressPlacements: number;
  flagsRaised: number;
  flagsResolved: number;
  /** Per rule; `feedback_concern` is null where feedback figures are withheld. */
  flagsByRule: Record<FlagRule, FlagCount | null>;
  educationReleased: Share;
  /** Mean of the four 1–5 ratings; null unless ≥ MIN_FEEDBACK_RESPONDENTS apprentices answered. */
  feedbackMean: number | null;
  /** Placements ended in the period: completed / ended. */
  completion: Share;
  /** Of those completed: retained by the employer / completed. */
  retention: Share;
}

export interface TrainerAccountability extends AccountabilityFigures {
  trainerUserId: number;
  name: string;
  active: boolean;
  employerId: number;
  employerName: string;
  siteId: number;
}

export interface EmployerAccountability extends AccountabilityFigures {
  employerId: number;
  name: string;
  siteId: number;
}

export interface AccountabilityReport {
  trainers: TrainerAccountability[];
  employers: EmployerAccountability[];
}
