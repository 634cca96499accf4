/**
 * The trainer-accountability report (docs/product.md §6): per trainer and per employer over a
 * period. The rows it reads and the figures it gives are in ./types.
 */
import { placementWeek } from "../dates";
import { FLAG_RULES, type FlagRule } from "../enums";
import { progressSummary, type CompetencyPlan, type CurrentLevel } from "../progress";
import { classifyAfternoon, dayRangeMask, popcount, type ReportEducationWeek } from "./afternoons";
import { asOfDate, dayNumbers, groupBy, inPeriod, mean, MIN_FEEDBACK_RESPONDENTS, share, type Period } from "./common";
import { activeInPeriod, expectedWeekNumbers } from "./review-weeks";
import type {
  AccountabilityFigures,
  AccountabilityInput,
  AccountabilityReport,
  EmployerAccountability,
  FlagCount,
  ReportAfternoon,
  ReportFeedback,
  ReportFlag,
  ReportLevel,
  ReportPlacement,
  ReportReview,
  ReportSignoff,
  TrainerAccountability,
} from "./types";

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
    /** The last day whose afternoons count: the period's end, or yesterday (today's is still open). */
    educationTo: string;
    reviews: readonly ReportReview[];
    levels: readonly ReportLevel[];
    competencies: readonly CompetencyPlan[];
    afternoons: readonly ReportAfternoon[];
    educationWeeks: readonly ReportEducationWeek[];
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
    const { counted, released: wasReleased } = classifyAfternoon(a.events, a.attendance);
    if (!counted) continue;
    agreed += 1;
    if (wasReleased) released += 1;
  }
  for (const w of ctx.educationWeeks) {
    const mask = dayRangeMask(days, w.weekOf, period.from, ctx.educationTo);
    agreed += popcount(w.agreedMask & mask);
    released += popcount(w.releasedMask & mask);
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
    reviews: share(
      sum((p) => p.reviewsSubmitted),
      sum((p) => p.reviewsExpected),
    ),
    meanDaysBetweenReviews: mean(gaps),
    competenciesSigned: countFirstSignoffs(signoffs, period),
    progressAgainstPlan: mean(progress),
    progressPlacements: progress.length,
    flagsRaised,
    flagsResolved,
    flagsByRule,
    educationReleased: share(
      sum((p) => p.afternoonsReleased),
      sum((p) => p.afternoonsAgreed),
    ),
    feedbackMean: showFeedback ? mean(responses.map((f) => (f.ratings[0] + f.ratings[1] + f.ratings[2] + f.ratings[3]) / 4)) : null,
    completion: share(
      completed,
      sum((p) => (p.ended ? 1 : 0)),
    ),
    retention: share(
      sum((p) => (p.retained ? 1 : 0)),
      completed,
    ),
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

const countFirstSignoffs = (signoffs: readonly ReportSignoff[], period: Period) => signoffs.filter((s) => inPeriod(s.observedOn, period)).length;

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
  const afternoonsBy = groupBy(input.afternoons ?? [], (a) => a.placementId);
  const educationWeeksBy = groupBy(input.educationWeeks ?? [], (w) => w.placementId);
  const competenciesBy = groupBy(input.competencies, (c) => c.versionId);
  const educationTo = asOf < period.today ? asOf : days.date(days.of(period.today) - 1);
  const parts = placements.map((p) =>
    placementPart(p, {
      period,
      days,
      asOf,
      educationTo,
      reviews: reviewsBy.get(p.id) ?? [],
      levels: levelsBy.get(p.id) ?? [],
      competencies: competenciesBy.get(p.frameworkVersionId) ?? [],
      afternoons: afternoonsBy.get(p.id) ?? [],
      educationWeeks: educationWeeksBy.get(p.id) ?? [],
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

  const employerOfSignoff = (s: ReportSignoff) => placementById.get(s.placementId)?.employerId ?? trainerById.get(s.trainerUserId)?.employerId ?? null;
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
    const showFeedback = respondents(rows, period).size >= MIN_FEEDBACK_RESPONDENTS && (hiddenRemainder === 0 || hiddenRemainder >= MIN_FEEDBACK_RESPONDENTS);
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
