/**
 * The figures of the two reports of docs/product.md §6, from plain rows: trainer accountability (per
 * trainer and per employer over a period) and programme outcomes (per site, intake and period).
 * Pure: the loader (app/db/reports.server.ts) reads the rows set-based, these functions count.
 *
 * Every date is a `YYYY-MM-DD` calendar date in the site's zone; a period is inclusive at both
 * ends. Figures are "as recorded today": a review submitted late for a week of the period counts,
 * a mistaken sign-off corrected since does not. A period reaching past today is read up to today.
 *
 * Every percentage is a `Share`: its numerator and denominator travel with it, so a page or a
 * CSV never shows a bare percentage (and a share of nothing is null, not 0%).
 */
import { isIsoDate, placementWeek } from "./dates";
import {
  FLAG_RULES,
  OUTCOME_CHECKIN_MONTHS,
  type AttendanceStatus,
  type EducationEventKind,
  type FlagRule,
  type FlagStatus,
  type OutcomeCheckinMonths,
  type Phase,
  type PlacementOutcome,
  type PlacementStatus,
} from "./enums";
import { classOutcome, trainerWord } from "./flags/common";
import { currentLevels, progressSummary, type AssessmentRecord, type CompetencyPlan, type CurrentLevel } from "./progress";

/**
 * Feedback is small-cohort data (docs/product.md §4): a figure drawn from it is shown only where at
 * least this many distinct apprentices answered, else nothing at all (not a count, not a part).
 */
export const MIN_FEEDBACK_RESPONDENTS = 3;

/** The longest period a report reads (3 years, leap day included). */
export const MAX_PERIOD_DAYS = 3 * 365 + 1;

export interface Period {
  from: string;
  to: string;
  /** Today at the site: weeks and afternoons not yet over are not owed. */
  today: string;
}

/** The last day a report reads: the period's end, or today when the period reaches past it. */
export function asOfDate(period: Period): string {
  return period.to < period.today ? period.to : period.today;
}

const inPeriod = (date: string | null, period: { from: string; to: string }) =>
  date !== null && date >= period.from && date <= period.to;

export interface Share {
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is 0. */
  ratio: number | null;
}

export function share(numerator: number, denominator: number): Share {
  return { numerator, denominator, ratio: denominator === 0 ? null : numerator / denominator };
}

/** A share with the cohort members whose result is not known yet (shown beside it, never in it). */
export interface PendingShare extends Share {
  pending: number;
}

const pendingShare = (numerator: number, denominator: number, pending: number): PendingShare => ({
  ...share(numerator, denominator),
  pending,
});

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * Day numbers (days since 1970-01-01) of ISO dates, memoised for one report: a report compares
 * hundreds of thousands of dates drawn from a few thousand distinct days, and building a Date
 * for each comparison (as `daysBetween` does) dominates its time.
 */
function dayNumbers(): { of: (date: string) => number; date: (n: number) => string } {
  const cache = new Map<string, number>();
  return {
    of(date) {
      let n = cache.get(date);
      if (n === undefined) {
        if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
        n = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
        cache.set(date, n);
      }
      return n;
    },
    date: (n) => new Date(n * 86_400_000).toISOString().slice(0, 10),
  };
}

/** The Monday on or before a day number (day 0, 1 January 1970, was a Thursday). */
const mondayNumber = (n: number) => n - ((n + 3) % 7);

/** The same calendar day `months` later, or the month's last day when it has no such day. */
export function addMonths(date: string, months: number): string {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}

// =============================================================================================
// Trainer accountability
// =============================================================================================

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
  afternoons: readonly ReportAfternoon[];
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

/**
 * Standing `independent` sign-offs from an assessment history: independent records that no
 * correction has superseded. (The loader selects the same in SQL; tests use this.)
 */
export function standingSignoffs(
  history: readonly (AssessmentRecord & { placementId: number; trainerUserId: number })[],
): ReportSignoff[] {
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
  return [...byPlacement].flatMap(([placementId, rows]) =>
    [...currentLevels(rows)].map(([competencyId, level]) => ({ placementId, competencyId, ...level })),
  );
}

/** Active at some time in the period: started by its end, not ended before its start. */
export function activeInPeriod(p: { startDate: string; endedOn: string | null }, period: { from: string; to: string }): boolean {
  return p.startDate <= period.to && (p.endedOn === null || p.endedOn >= period.from);
}

/**
 * The weeks of the period a placement owes a weekly review for: weeks (Monday to Sunday) whose
 * Monday falls in the period, from the week of its start to the last week that has ended (this
 * week is not owed yet), or to the week of its end if it ended. Same cadence as
 * `missingReviewWeeks` (app/domain/weeks.ts).
 */
export function expectedReviewWeeks(p: { startDate: string; endedOn: string | null }, period: Period): string[] {
  const days = dayNumbers();
  return expectedWeekNumbers(p, period, days).map(days.date);
}

function expectedWeekNumbers(p: { startDate: string; endedOn: string | null }, period: Period, days: ReturnType<typeof dayNumbers>): number[] {
  const start = days.of(p.startDate);
  const lastDay = p.endedOn !== null && p.endedOn < period.today ? days.of(p.endedOn) : mondayNumber(days.of(period.today)) - 1;
  if (lastDay < start) return [];
  const from = days.of(period.from);
  const to = days.of(period.to);
  const out: number[] = [];
  for (let m = Math.max(mondayNumber(start), mondayNumber(from) + (mondayNumber(from) < from ? 7 : 0)); m <= lastDay && m <= to; m += 7) {
    out.push(m);
  }
  return out;
}

/** What one placement contributes to a group's figures. */
interface PlacementPart {
  placement: ReportPlacement;
  reviewsExpected: number;
  reviewsSubmitted: number;
  reviewGaps: number[];
  /** competent / expected by plan at the period's end; undefined when not active then. */
  progress: number | null | undefined;
  afternoonsAgreed: number;
  afternoonsReleased: number;
  ended: boolean;
  completed: boolean;
  retained: boolean;
}

function placementPart(
  p: ReportPlacement,
  ctx: {
    period: Period;
    days: ReturnType<typeof dayNumbers>;
    asOf: string;
    reviews: readonly ReportReview[];
    levels: readonly ReportLevel[];
    competencies: readonly CompetencyPlan[];
    afternoons: readonly ReportAfternoon[];
  },
): PlacementPart {
  const { period, days, asOf } = ctx;

  // Reviews: the first submission of each week counts; a resubmission is the same review.
  const firstByWeek = new Map<number, number>();
  for (const r of ctx.reviews) {
    if (!inPeriod(r.weekOf, period)) continue;
    const week = days.of(r.weekOf);
    const submitted = days.of(r.submittedOn);
    const seen = firstByWeek.get(week);
    if (seen === undefined || submitted < seen) firstByWeek.set(week, submitted);
  }
  const expected = expectedWeekNumbers(p, period, days);
  const submittedDays = [...firstByWeek.values()].sort((a, b) => a - b);
  const reviewGaps = submittedDays.slice(1).map((d, i) => d - (submittedDays[i] as number));

  // Progress against plan, at the period's end, for placements still running then.
  let progress: number | null | undefined;
  if (p.startDate <= asOf && (p.endedOn === null || p.endedOn >= asOf)) {
    const levels = new Map<number, CurrentLevel>(ctx.levels.map((l) => [l.competencyId, l]));
    progress = progressSummary(ctx.competencies, levels, placementWeek(p.startDate, asOf)).ratioAgainstPlan;
  }

  // Education afternoons dated in the period and already past (today's is still open).
  let agreed = 0;
  let released = 0;
  for (const a of ctx.afternoons) {
    if (a.date < period.from || a.date > asOf || a.date >= period.today) continue;
    const word = trainerWord(a.events);
    const atClass = classOutcome(a.events) === "attended" || a.attendance === "education";
    // No word and nobody at work that day: there was nobody to release (as the flag rule reads it).
    if (word === null && !atClass && (a.attendance === "absent" || a.attendance === "leave" || a.attendance === "holiday")) continue;
    agreed += 1;
    if (word === "released" || (word === null && atClass)) released += 1;
  }

  const ended = p.status !== "active" && inPeriod(p.endedOn, period);
  const completed = ended && p.status === "completed";
  return {
    placement: p,
    reviewsExpected: expected.length,
    reviewsSubmitted: expected.filter((w) => firstByWeek.has(w)).length,
    reviewGaps,
    progress,
    afternoonsAgreed: agreed,
    afternoonsReleased: released,
    ended,
    completed,
    retained: completed && p.outcome === "retained_by_employer",
  };
}

interface GroupRows {
  parts: readonly PlacementPart[];
  signoffs: readonly ReportSignoff[];
  flags: readonly ReportFlag[];
  feedback: readonly (ReportFeedback & { apprenticeId: number })[];
  /** Whether this group's feedback figures may be shown (≥ 3 respondents, and no differencing). */
  showFeedback: boolean;
}

function figures({ parts, signoffs, flags, feedback, showFeedback }: GroupRows, period: Period): AccountabilityFigures {
  const sum = (f: (p: PlacementPart) => number) => parts.reduce((n, p) => n + f(p), 0);
  const gaps = parts.flatMap((p) => p.reviewGaps);
  const progress = parts.flatMap((p) => (p.progress === undefined || p.progress === null ? [] : [p.progress]));

  const flagsByRule = Object.fromEntries(FLAG_RULES.map((r) => [r, { raised: 0, resolved: 0 }])) as Record<FlagRule, FlagCount | null>;
  let flagsRaised = 0;
  let flagsResolved = 0;
  for (const f of flags) {
    if (!inPeriod(f.raisedOn, period)) continue;
    // A feedback concern is a figure drawn from feedback: withheld with the feedback mean.
    if (f.rule === "feedback_concern" && !showFeedback) continue;
    const resolved = f.status === "resolved" && f.resolvedOn !== null && f.resolvedOn <= period.to;
    const count = flagsByRule[f.rule];
    if (count) {
      count.raised += 1;
      if (resolved) count.resolved += 1;
    }
    flagsRaised += 1;
    if (resolved) flagsResolved += 1;
  }
  if (!showFeedback) flagsByRule.feedback_concern = null;

  const responses = feedback.filter((f) => inPeriod(f.submittedOn, period));
  const completed = sum((p) => (p.completed ? 1 : 0));
  return {
    apprentices: new Set(parts.map((p) => p.placement.apprenticeId)).size,
    reviews: share(sum((p) => p.reviewsSubmitted), sum((p) => p.reviewsExpected)),
    meanDaysBetweenReviews: mean(gaps),
    competenciesSigned: countFirstSignoffs(signoffs, period),
    progressAgainstPlan: mean(progress),
    progressPlacements: progress.length,
    flagsRaised,
    flagsResolved,
    flagsByRule,
    educationReleased: share(sum((p) => p.afternoonsReleased), sum((p) => p.afternoonsAgreed)),
    feedbackMean: showFeedback ? mean(responses.map((f) => (f.ratings[0] + f.ratings[1] + f.ratings[2] + f.ratings[3]) / 4)) : null,
    completion: share(completed, sum((p) => (p.ended ? 1 : 0))),
    retention: share(sum((p) => (p.retained ? 1 : 0)), completed),
  };
}

/**
 * Competencies signed in the period: for each placement × competency, its first standing
 * `independent` record (by observed date, then record) — so a correction that re-records the
 * same sign-off, or a second observation of a competency already reached, is not counted twice,
 * and a tick later corrected to a lower level is not counted at all — when that falls in the period.
 */
function firstSignoffs(signoffs: readonly ReportSignoff[]): ReportSignoff[] {
  const first = new Map<string, ReportSignoff>();
  for (const s of signoffs) {
    const key = `${s.placementId}:${s.competencyId}`;
    const held = first.get(key);
    if (!held || s.observedOn < held.observedOn || (s.observedOn === held.observedOn && s.assessmentId < held.assessmentId)) {
      first.set(key, s);
    }
  }
  return [...first.values()];
}

const countFirstSignoffs = (signoffs: readonly ReportSignoff[], period: Period) =>
  signoffs.filter((s) => inPeriod(s.observedOn, period)).length;

/** Distinct apprentices among responses in the period. */
const respondents = (rows: readonly (ReportFeedback & { apprenticeId: number })[], period: Period) =>
  new Set(rows.filter((f) => inPeriod(f.submittedOn, period)).map((f) => f.apprenticeId));

/**
 * The trainer-accountability report. How each figure is worked out, for a group of placements
 * (a trainer's: those they are primary trainer of; an employer's: those at the employer), among
 * the placements active in the period (started by its end, not ended before its start):
 *
 * - apprentices: distinct apprentices of those placements.
 * - reviews submitted / expected: expected = the weeks each placement owes (`expectedReviewWeeks`:
 *   Monday in the period, week already over, within the placement's dates); submitted = those of
 *   them with at least one weekly review (whenever submitted, as recorded today).
 * - mean days between reviews: per placement, the first submission date of each week of the
 *   period in order; the days between consecutive submissions, pooled over the placements and
 *   averaged. (Three weeks reviewed at once count as gaps of 0, 0 and the wait before them.)
 * - competencies signed: per placement × competency, its first standing `independent` record
 *   (not superseded by a correction; a correction re-recording the same sign-off is the same
 *   sign-off), counted when observed in the period — for the trainer who signed it, and for the
 *   placement's employer.
 * - progress against plan: for the placements still running at the period's end (or today),
 *   `progressSummary(...).ratioAgainstPlan` in that week (competent / expected by then), averaged
 *   over those with anything expected yet.
 * - flags raised / resolved, by rule: flags of the trainer (or employer) raised in the period;
 *   resolved = of those, status `resolved` with the `resolved` event dated by the period's end.
 *   Dismissed and self-cleared flags are not "resolved".
 * - education afternoons released: agreed afternoons dated in the period and already past;
 *   released when the trainer's latest word is "released", or there is no word but the apprentice
 *   was at class; an afternoon with no word on a day the apprentice was absent, on leave or on
 *   holiday is not counted (as the `education_not_granted` rule reads the ledger).
 * - feedback mean: the mean over the period's responses of the mean of the four ratings — only
 *   where ≥ 3 distinct apprentices answered. For an employer also only when the respondents of its
 *   trainers whose own figure is withheld number 0 or ≥ 3, so that the employer's figure less
 *   the trainers' shown figures cannot single out one or two apprentices. Where withheld, the
 *   `feedback_concern` flags are left out too (they are a figure drawn from feedback).
 * - completion: placements ended in the period (completed, withdrawn or transferred), completed /
 *   ended. A transfer out counts as ended-not-completed for the trainer it left.
 * - retention: of the placements completed in the period, outcome `retained_by_employer` / completed.
 */
export function trainerAccountability(input: AccountabilityInput): AccountabilityReport {
  const { period } = input;
  const asOf = asOfDate(period);
  const days = dayNumbers();
  const placements = input.placements.filter((p) => activeInPeriod(p, period));
  const placementById = new Map(input.placements.map((p) => [p.id, p]));
  const trainerById = new Map(input.trainers.map((t) => [t.id, t]));
  const employerById = new Map(input.employers.map((e) => [e.id, e]));

  const reviewsBy = groupBy(input.reviews, (r) => r.placementId);
  const levelsBy = groupBy(input.levelsAtEnd, (l) => l.placementId);
  const afternoonsBy = groupBy(input.afternoons, (a) => a.placementId);
  const competenciesBy = groupBy(input.competencies, (c) => c.versionId);
  const parts = placements.map((p) =>
    placementPart(p, {
      period,
      days,
      asOf,
      reviews: reviewsBy.get(p.id) ?? [],
      levels: levelsBy.get(p.id) ?? [],
      competencies: competenciesBy.get(p.frameworkVersionId) ?? [],
      afternoons: afternoonsBy.get(p.id) ?? [],
    }),
  );

  const signoffs = firstSignoffs(input.signoffs);
  const feedback = input.feedback.flatMap((f) => {
    const p = placementById.get(f.placementId);
    return p ? [{ ...f, apprenticeId: p.apprenticeId, trainerUserId: p.trainerUserId, employerId: p.employerId }] : [];
  });

  const partsByTrainer = groupBy(parts, (p) => p.placement.trainerUserId);
  const signoffsByTrainer = groupBy(signoffs, (s) => s.trainerUserId);
  const flagsByTrainer = groupBy(input.flags, (f) => f.trainerUserId);
  const feedbackByTrainer = groupBy(feedback, (f) => f.trainerUserId);

  const trainerShows = new Map<number, boolean>();
  for (const [trainerId, rows] of feedbackByTrainer) {
    trainerShows.set(trainerId, respondents(rows, period).size >= MIN_FEEDBACK_RESPONDENTS);
  }

  const trainers: TrainerAccountability[] = input.trainers.map((t) => ({
    trainerUserId: t.id,
    name: t.name,
    active: t.active,
    employerId: t.employerId,
    employerName: employerById.get(t.employerId)?.name ?? "",
    siteId: t.siteId,
    ...figures(
      {
        parts: partsByTrainer.get(t.id) ?? [],
        signoffs: signoffsByTrainer.get(t.id) ?? [],
        flags: flagsByTrainer.get(t.id) ?? [],
        feedback: feedbackByTrainer.get(t.id) ?? [],
        showFeedback: trainerShows.get(t.id) ?? false,
      },
      period,
    ),
  }));

  const employerOfSignoff = (s: ReportSignoff) =>
    placementById.get(s.placementId)?.employerId ?? trainerById.get(s.trainerUserId)?.employerId ?? null;
  const partsByEmployer = groupBy(parts, (p) => p.placement.employerId);
  const signoffsByEmployer = groupBy(signoffs, employerOfSignoff);
  const flagsByEmployer = groupBy(input.flags, (f) => f.employerId);
  const feedbackByEmployer = groupBy(feedback, (f) => f.employerId);

  const employers: EmployerAccountability[] = input.employers.map((e) => {
    const rows = feedbackByEmployer.get(e.id) ?? [];
    const hiddenRemainder = respondents(
      rows.filter((f) => !(trainerShows.get(f.trainerUserId) ?? false)),
      period,
    ).size;
    const showFeedback =
      respondents(rows, period).size >= MIN_FEEDBACK_RESPONDENTS &&
      (hiddenRemainder === 0 || hiddenRemainder >= MIN_FEEDBACK_RESPONDENTS);
    return {
      employerId: e.id,
      name: e.name,
      siteId: e.siteId,
      ...figures(
        {
          parts: partsByEmployer.get(e.id) ?? [],
          signoffs: signoffsByEmployer.get(e.id) ?? [],
          flags: flagsByEmployer.get(e.id) ?? [],
          feedback: rows,
          showFeedback,
        },
        period,
      ),
    };
  });

  return { trainers, employers };
}

// ---------------------------------------------------------------------------------------------
// Sorting the accountability tables (by the column keys the page links to)

export const ACCOUNTABILITY_SORT_KEYS = [
  "trainer",
  "employer",
  "apprentices",
  "reviews",
  "review_gap",
  "signed",
  "progress",
  "flags_raised",
  "flags_resolved",
  "education",
  "feedback",
  "completion",
  "retention",
] as const;
export type AccountabilitySortKey = (typeof ACCOUNTABILITY_SORT_KEYS)[number];

/** `key` ascending, `-key` descending: the values the `sort` query parameter takes. */
export type AccountabilitySort = AccountabilitySortKey | `-${AccountabilitySortKey}`;
export const ACCOUNTABILITY_SORTS = ACCOUNTABILITY_SORT_KEYS.flatMap((k) => [k, `-${k}`]) as unknown as readonly [
  AccountabilitySort,
  ...AccountabilitySort[],
];

export const DEFAULT_ACCOUNTABILITY_SORT: AccountabilitySort = "employer";

export function parseSort(sort: AccountabilitySort): { key: AccountabilitySortKey; descending: boolean } {
  return sort.startsWith("-")
    ? { key: sort.slice(1) as AccountabilitySortKey, descending: true }
    : { key: sort as AccountabilitySortKey, descending: false };
}

function sortValue(row: AccountabilityFigures & { name: string; employerName?: string }, key: AccountabilitySortKey): number | string | null {
  switch (key) {
    case "trainer":
      return row.name;
    case "employer":
      return row.employerName ?? row.name;
    case "apprentices":
      return row.apprentices;
    case "reviews":
      return row.reviews.ratio;
    case "review_gap":
      return row.meanDaysBetweenReviews;
    case "signed":
      return row.competenciesSigned;
    case "progress":
      return row.progressAgainstPlan;
    case "flags_raised":
      return row.flagsRaised;
    case "flags_resolved":
      return row.flagsResolved;
    case "education":
      return row.educationReleased.ratio;
    case "feedback":
      return row.feedbackMean;
    case "completion":
      return row.completion.ratio;
    case "retention":
      return row.retention.ratio;
  }
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Rows sorted by a column; empty figures last whichever the direction; ties by employer, then name. */
export function sortAccountability<R extends AccountabilityFigures & { name: string; employerName?: string }>(
  rows: readonly R[],
  sort: AccountabilitySort,
): R[] {
  const { key, descending } = parseSort(sort);
  const compare = (a: number | string, b: number | string) =>
    typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b));
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const c = compare(va, vb);
      if (c !== 0) return descending ? -c : c;
    }
    return collator.compare(a.employerName ?? "", b.employerName ?? "") || collator.compare(a.name, b.name);
  });
}

// =============================================================================================
// Programme outcomes
// =============================================================================================

/** An apprentice whose work readiness may have begun in the period, with their phase history. */
export interface OutcomeApprentice {
  id: number;
  siteId: number;
  intakeId: number | null;
  /** The current phase. */
  phase: Phase;
  intakeStartsOn: string | null;
  phaseChanges: readonly { phase: Phase; changedOn: string }[];
}

/**
 * An apprentice's exit from the apprenticeship: a placement that ended completed or withdrawn
 * with no later placement of the same apprentice (a transfer, or a withdrawal followed by a new
 * placement, is not an exit).
 */
export interface OutcomeExit {
  placementId: number;
  apprenticeId: number;
  siteId: number;
  intakeId: number | null;
  endedOn: string;
  status: "completed" | "withdrawn";
  outcome: PlacementOutcome | null;
  startingSalaryCents: number | null;
}

export interface OutcomeCheckin {
  apprenticeId: number;
  months: OutcomeCheckinMonths;
  employed: boolean;
}

export interface OutcomesInput {
  period: Period;
  apprentices: readonly OutcomeApprentice[];
  /** Exits ended up to the period's end, from 24 months before its start (for the check-ins). */
  exits: readonly OutcomeExit[];
  checkins: readonly OutcomeCheckin[];
}

export interface OutcomeFigures {
  /** Proxy: moved on from work readiness / work readiness began in the period (result known). */
  workReadinessCompletion: PendingShare;
  /** Exits in the period: completed / completed or withdrawn. */
  vocationalCompletion: Share;
  /** Exits in the period with an outcome: in work (wage or own business) / with an outcome. */
  employmentAtExit: PendingShare;
  /** Completions in the period with an outcome: retained by the employer / with an outcome. */
  retainedByEmployer: PendingShare;
  /** Exits in the period with an outcome: own business / with an outcome. */
  businessStartups: PendingShare;
  /** Mean starting salary (USD cents) of the wage jobs taken at exits in the period. */
  startingSalary: { meanCents: number | null; count: number };
  /** Check-ins due in the period (completers, M months after exit): employed / recorded. */
  retentionAfterExit: Record<OutcomeCheckinMonths, PendingShare>;
}

export interface OutcomeGroup {
  siteId: number;
  /** null: apprentices with no intake recorded. */
  intakeId: number | null;
  figures: OutcomeFigures;
}

export interface OutcomesReport {
  /** Per site and intake (only groups with anything in the period). */
  groups: OutcomeGroup[];
  /** Per site, all intakes together (only sites with anything in the period). */
  sites: { siteId: number; figures: OutcomeFigures }[];
  /** Every site in the report together. */
  total: OutcomeFigures;
}

const IN_WORK: readonly PlacementOutcome[] = ["retained_by_employer", "employed_elsewhere", "own_business"];
const WAGE_JOB: readonly PlacementOutcome[] = ["retained_by_employer", "employed_elsewhere"];

type WorkReadinessResult = "completed" | "not_completed" | "pending";

/**
 * Whether work readiness was completed, from the records. There is no "work readiness completed"
 * record: the proxy is the apprentice's phase history. Work readiness began on the first
 * `work_readiness` phase change (or, with none recorded, on the intake's start). It counts as
 * completed when the next different phase recorded after it is any later stage (guidance,
 * apprenticeship, employed, business, follow-up), as not completed when it is `exited`, and is
 * pending while no later phase is recorded (then the current phase decides, if it has moved on).
 */
export function workReadiness(a: OutcomeApprentice): { startedOn: string | null; result: WorkReadinessResult } {
  const changes = [...a.phaseChanges].sort((x, y) => x.changedOn.localeCompare(y.changedOn));
  const startedOn = changes.find((c) => c.phase === "work_readiness")?.changedOn ?? a.intakeStartsOn;
  if (startedOn === null) return { startedOn, result: "pending" };
  const next = changes.find((c) => c.changedOn >= startedOn && c.phase !== "work_readiness")?.phase ?? a.phase;
  if (next === "work_readiness") return { startedOn, result: "pending" };
  return { startedOn, result: next === "exited" ? "not_completed" : "completed" };
}

function outcomeFigures(
  period: Period,
  apprentices: readonly OutcomeApprentice[],
  exits: readonly OutcomeExit[],
  checkinsByApprentice: ReadonlyMap<number, readonly OutcomeCheckin[]>,
  dueDate: (endedOn: string, months: number) => string,
): OutcomeFigures {
  const asOf = asOfDate(period);

  let wrDone = 0;
  let wrKnown = 0;
  let wrPending = 0;
  for (const a of apprentices) {
    const { startedOn, result } = workReadiness(a);
    if (!inPeriod(startedOn, { from: period.from, to: asOf })) continue;
    if (result === "pending") wrPending += 1;
    else {
      wrKnown += 1;
      if (result === "completed") wrDone += 1;
    }
  }

  const ended = exits.filter((x) => inPeriod(x.endedOn, { from: period.from, to: asOf }));
  const withOutcome = ended.filter((x) => x.outcome !== null);
  const completed = ended.filter((x) => x.status === "completed");
  const completedWithOutcome = completed.filter((x) => x.outcome !== null);
  const salaries = withOutcome.flatMap((x) =>
    x.outcome !== null && WAGE_JOB.includes(x.outcome) && x.startingSalaryCents !== null ? [x.startingSalaryCents] : [],
  );

  const retentionAfterExit = Object.fromEntries(
    OUTCOME_CHECKIN_MONTHS.map((months) => {
      let employed = 0;
      let recorded = 0;
      let pending = 0;
      for (const x of exits) {
        if (x.status !== "completed") continue;
        const due = dueDate(x.endedOn, months);
        if (!inPeriod(due, { from: period.from, to: asOf })) continue;
        const checkin = checkinsByApprentice.get(x.apprenticeId)?.find((c) => c.months === months);
        if (!checkin) pending += 1;
        else {
          recorded += 1;
          if (checkin.employed) employed += 1;
        }
      }
      return [months, pendingShare(employed, recorded, pending)];
    }),
  ) as Record<OutcomeCheckinMonths, PendingShare>;

  return {
    workReadinessCompletion: pendingShare(wrDone, wrKnown, wrPending),
    vocationalCompletion: share(completed.length, ended.length),
    employmentAtExit: pendingShare(
      withOutcome.filter((x) => x.outcome !== null && IN_WORK.includes(x.outcome)).length,
      withOutcome.length,
      ended.length - withOutcome.length,
    ),
    retainedByEmployer: pendingShare(
      completedWithOutcome.filter((x) => x.outcome === "retained_by_employer").length,
      completedWithOutcome.length,
      completed.length - completedWithOutcome.length,
    ),
    businessStartups: pendingShare(
      withOutcome.filter((x) => x.outcome === "own_business").length,
      withOutcome.length,
      ended.length - withOutcome.length,
    ),
    startingSalary: { meanCents: mean(salaries), count: salaries.length },
    retentionAfterExit,
  };
}

const isEmpty = (f: OutcomeFigures) =>
  f.workReadinessCompletion.denominator + f.workReadinessCompletion.pending === 0 &&
  f.vocationalCompletion.denominator === 0 &&
  OUTCOME_CHECKIN_MONTHS.every((m) => f.retentionAfterExit[m].denominator + f.retentionAfterExit[m].pending === 0);

/**
 * The programme-outcomes report: the evaluation's indicators (docs/product.md §1, §6) per site and
 * intake (the apprentice's), over the period. Cohorts, each by an event dated in the period:
 *
 * - work readiness completion (a proxy, see `workReadiness`): apprentices whose work readiness
 *   began in the period; completed / those with a known result; still in work readiness: pending.
 * - vocational completion: exits (see `OutcomeExit`) dated in the period; completed / completed
 *   or withdrawn.
 * - employment at exit: of those exits with an outcome recorded, in work — retained by the
 *   employer, employed elsewhere or own business — / with an outcome. Exits without an outcome
 *   yet are pending.
 * - retention by the employer: of the completions in the period with an outcome, retained by the
 *   employer / with an outcome (the evaluation's "~40% stay on with their employer").
 * - business start-ups: of the exits with an outcome, own business / with an outcome.
 * - starting salary: the mean starting salary of the wage jobs (retained or employed elsewhere)
 *   taken at those exits, with how many it is taken over; own-business income is not a salary.
 * - retention 3 / 6 / 12 / 24 months after exit: completers whose M-month check-in fell due in the
 *   period (exit date + M months, up to today); employed at the check-in / check-ins recorded; due
 *   but not recorded: pending.
 */
export function programmeOutcomes(input: OutcomesInput): OutcomesReport {
  const { period } = input;
  const checkinsByApprentice = groupBy(input.checkins, (c) => c.apprenticeId);
  const dueDates = new Map<string, string>();
  const dueDate = (endedOn: string, months: number) => {
    const key = `${endedOn}+${months}`;
    let due = dueDates.get(key);
    if (due === undefined) {
      due = addMonths(endedOn, months);
      dueDates.set(key, due);
    }
    return due;
  };
  const groupKey = (siteId: number, intakeId: number | null) => `${siteId}:${intakeId ?? ""}`;

  const keys = new Map<string, { siteId: number; intakeId: number | null }>();
  for (const row of [...input.apprentices, ...input.exits]) keys.set(groupKey(row.siteId, row.intakeId), { siteId: row.siteId, intakeId: row.intakeId });
  const apprenticesBy = groupBy(input.apprentices, (a) => groupKey(a.siteId, a.intakeId));
  const exitsBy = groupBy(input.exits, (x) => groupKey(x.siteId, x.intakeId));

  const groups = [...keys]
    .map(([key, { siteId, intakeId }]) => ({
      siteId,
      intakeId,
      figures: outcomeFigures(period, apprenticesBy.get(key) ?? [], exitsBy.get(key) ?? [], checkinsByApprentice, dueDate),
    }))
    .filter((g) => !isEmpty(g.figures));

  const siteIds = [...new Set([...input.apprentices, ...input.exits].map((r) => r.siteId))].sort((a, b) => a - b);
  const apprenticesBySite = groupBy(input.apprentices, (a) => a.siteId);
  const exitsBySite = groupBy(input.exits, (x) => x.siteId);
  const sites = siteIds
    .map((siteId) => ({
      siteId,
      figures: outcomeFigures(period, apprenticesBySite.get(siteId) ?? [], exitsBySite.get(siteId) ?? [], checkinsByApprentice, dueDate),
    }))
    .filter((s) => !isEmpty(s.figures));

  return { groups, sites, total: outcomeFigures(period, input.apprentices, input.exits, checkinsByApprentice, dueDate) };
}
