/**
 * The plain facts the flag rules read, and what they return. The runner (app/db/flags.server.ts)
 * loads these set-based; the rules never touch the database.
 *
 * Every date is a `YYYY-MM-DD` calendar date in the site's zone. Facts dated after `today`
 * are left out by the loader, so a pass "as of" a past day sees only what was known then.
 */
import type { AbsenceReason, AssessmentLevel, AttendanceStatus, EducationEventKind, FlagRule, FlagSeverity, FlagSubjectType } from "../enums";
import type { CompetencyPlan, HeldLevel } from "../progress";
import type { Calendar } from "./calendar";
import type { Thresholds } from "./thresholds";

export interface AssessmentFact {
  id: number;
  competencyId: number;
  level: AssessmentLevel;
  observedOn: string;
  supersedesId: number | null;
}

/** The current attendance record of one day: the latest row for that date (corrections supersede). */
export interface AttendanceDay {
  date: string;
  status: AttendanceStatus;
  absenceReason: AbsenceReason | null;
  /** Whether the trainer wrote any note (the text itself is never read by a rule). */
  hasNote: boolean;
}

/** An agreed education afternoon and its ledger, events in the order they were recorded. */
export interface EducationAfternoonFact {
  afternoonId: number;
  date: string;
  events: readonly EducationEventKind[];
}

/** One week's agreed afternoons that count, and those released, one bit a day (bit 0 = Monday). */
export interface EducationWeek {
  agreed: number;
  released: number;
}

export interface FeedbackFact {
  feedbackId: number;
  /** The site date the apprentice submitted it. */
  submittedOn: string;
  explains: number;
  learning: number;
  fairness: number;
  safety: number;
}

/** An active placement and everything the placement rules read about it. */
export interface PlacementFacts {
  placementId: number;
  siteId: number;
  apprenticeId: number;
  employerId: number;
  trainerUserId: number;
  startDate: string;
  plannedWeeks: number;
  /** ISO weekdays. */
  workingWeekdays: readonly number[];
  /** ISO weekdays of the agreed education afternoons. */
  educationWeekdays: readonly number[];
  apprenticeDateOfBirth: string;
  competencies: readonly CompetencyPlan[];
  /**
   * The assessment history of the placement (corrections included). Without `currentLevels` it
   * must be the whole history; with them, the records of the recent window (`recentDays`) are
   * enough, less those a correction superseded, and of those only the ones observed on a day the
   * attendance says absent or at education (all `signoff_while_absent` reads).
   */
  assessments: readonly AssessmentFact[];
  /**
   * The level holding for each competency (`currentLevels` of the whole history as of today),
   * when the loader has it already (`competency_levels`); at least the `independent` ones. The
   * rules read only the level.
   */
  currentLevels?: ReadonlyMap<number, HeldLevel>;
  /**
   * Mondays of the weeks that have at least one weekly review: all of them, or at least the
   * latest one before this week (all that `no_weekly_review` reads).
   */
  reviewedWeeks: ReadonlySet<string>;
  /** Current attendance rows, at least for the rules' look-back windows. */
  attendance: readonly AttendanceDay[];
  /**
   * Agreed afternoons, at least for the rules' look-back windows. With `educationWeeks`, at least
   * those whose ledger has a refusal, a "missed" or a record made after the day of the pass.
   */
  educationAfternoons: readonly EducationAfternoonFact[];
  /**
   * The other afternoons of `education_not_granted`'s window, by week (its Monday): the derived
   * facts' masks (`placement_weeks`, bit 0 = Monday) of the afternoons that count and of those
   * released. Absent: `educationAfternoons` holds every afternoon of the windows.
   */
  educationWeeks?: ReadonlyMap<string, EducationWeek>;
  latestFeedback: FeedbackFact | null;
}

/** An `independent` sign-off by a trainer that no correction has superseded. */
export interface SignoffFact {
  assessmentId: number;
  placementId: number;
  apprenticeId: number;
  competencyId: number;
  observedOn: string;
  /** Number of competencies in the placement's framework version. */
  frameworkSize: number;
}

export interface TrainerFacts {
  trainerUserId: number;
  siteId: number;
  employerId: number;
  /** The trainer's active placements (as primary trainer). */
  activePlacements: readonly { placementId: number; apprenticeId: number; startDate: string }[];
  /** The latest site date on which the trainer entered an assessment or submitted a weekly review. */
  lastSignedOn: string | null;
  /** Recent `independent` sign-offs (the loader covers at least `recentDays`). */
  signoffs: readonly SignoffFact[];
}

export interface RuleContext {
  today: string;
  /** The days around `today`, shared by every subject of a pass. */
  calendar: Calendar;
  thresholds: Thresholds;
  /** Public holidays of the site: neither working days nor absences. */
  holidays: ReadonlySet<string>;
}

export type Evidence = Record<string, unknown>;

export interface RuleResult {
  severity: FlagSeverity;
  /** Plain JSON: numbers, dates, ids and codes. Never a name or free text. */
  evidence: Evidence;
  /** A trainer flag that concerns one placement only names it, so staff can follow the link. */
  about?: { placementId: number; apprenticeId: number };
}

interface RuleBase {
  rule: FlagRule;
  /**
   * A flag staff resolved or dismissed is not raised again while its condition holds. Rules
   * about discrete events (a feedback response, a sign-off, an afternoon) say here whether the
   * condition now rests on something the closed flags did not cover, e.g. a new "I feel safe: 1"
   * after the last one was dealt with: then a new flag is raised at once. Without it, the rule
   * waits until its condition has cleared once.
   */
  isNewEpisode?: (closed: readonly Evidence[], current: Evidence) => boolean;
}

export interface PlacementRule extends RuleBase {
  subjectType: "placement";
  evaluate(placement: PlacementFacts, ctx: RuleContext): RuleResult | null;
}

export interface TrainerRule extends RuleBase {
  subjectType: "trainer";
  evaluate(trainer: TrainerFacts, ctx: RuleContext): RuleResult | null;
}

export type FlagRuleDefinition = PlacementRule | TrainerRule;

/** One flag the data calls for now, with everything its row needs. */
export interface Finding extends RuleResult {
  rule: FlagRule;
  subjectType: FlagSubjectType;
  subjectId: number;
  siteId: number;
  placementId: number | null;
  trainerUserId: number | null;
  employerId: number | null;
  apprenticeId: number | null;
}
