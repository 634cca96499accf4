/** The programme-outcomes report (docs/product.md §6): per site, intake and period. */
import { OUTCOME_CHECKIN_MONTHS, type OutcomeCheckinMonths, type Phase, type PlacementOutcome } from "../enums";
import { addDays } from "../dates";
import { addMonths, asOfDate, groupBy, inPeriod, mean, pendingShare, share, type PendingShare, type Period, type Share } from "./common";

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
    businessStartups: pendingShare(withOutcome.filter((x) => x.outcome === "own_business").length, withOutcome.length, ended.length - withOutcome.length),
    startingSalary: { meanCents: mean(salaries), count: salaries.length },
    retentionAfterExit,
  };
}

/**
 * Figures of disjoint cohorts (sites) added together: every share's counts are sums, and the
 * starting salary is the mean over all the salaries (each mean weighted by its count). Equal to
 * `programmeOutcomes` over the cohorts at once, which a test holds.
 */
export function addOutcomeFigures(parts: readonly OutcomeFigures[]): OutcomeFigures {
  const addShare = (get: (f: OutcomeFigures) => Share) =>
    share(
      parts.reduce((n, f) => n + get(f).numerator, 0),
      parts.reduce((n, f) => n + get(f).denominator, 0),
    );
  const addPending = (get: (f: OutcomeFigures) => PendingShare) => ({ ...addShare(get), pending: parts.reduce((n, f) => n + get(f).pending, 0) });
  const count = parts.reduce((n, f) => n + f.startingSalary.count, 0);
  const total = parts.reduce((n, f) => n + (f.startingSalary.meanCents ?? 0) * f.startingSalary.count, 0);
  return {
    workReadinessCompletion: addPending((f) => f.workReadinessCompletion),
    vocationalCompletion: addShare((f) => f.vocationalCompletion),
    employmentAtExit: addPending((f) => f.employmentAtExit),
    retainedByEmployer: addPending((f) => f.retainedByEmployer),
    businessStartups: addPending((f) => f.businessStartups),
    startingSalary: { meanCents: count === 0 ? null : total / count, count },
    retentionAfterExit: Object.fromEntries(OUTCOME_CHECKIN_MONTHS.map((m) => [m, addPending((f) => f.retentionAfterExit[m])])) as Record<
      OutcomeCheckinMonths,
      PendingShare
    >,
  };
}

/**
 * A site's figures counted in SQL (the admin's row per site, `loadOutcomesBySite`): the same
 * cohorts as `outcomeFigures` counts from rows, as plain counts. Work readiness: the apprentices
 * whose work readiness began in the period, by result. Exits: those dated in the period. Check-ins:
 * per months, the completers whose check-in fell due in the period (`checkinDueWindows`), those
 * with it recorded, and those employed at it.
 */
export interface OutcomeCounts {
  wrCompleted: number;
  wrKnown: number;
  wrPending: number;
  ended: number;
  completed: number;
  withOutcome: number;
  inWork: number;
  completedWithOutcome: number;
  retained: number;
  ownBusiness: number;
  salaryCount: number;
  salarySumCents: number;
  checkins: Record<OutcomeCheckinMonths, { due: number; recorded: number; employed: number }>;
}

/** The figures of `OutcomeCounts` (equal to `outcomeTotal` over the same cohort's rows, which a test holds), or null when the period has nothing. */
export function figuresFromCounts(c: OutcomeCounts): OutcomeFigures | null {
  const figures: OutcomeFigures = {
    workReadinessCompletion: pendingShare(c.wrCompleted, c.wrKnown, c.wrPending),
    vocationalCompletion: share(c.completed, c.ended),
    employmentAtExit: pendingShare(c.inWork, c.withOutcome, c.ended - c.withOutcome),
    retainedByEmployer: pendingShare(c.retained, c.completedWithOutcome, c.completed - c.completedWithOutcome),
    businessStartups: pendingShare(c.ownBusiness, c.withOutcome, c.ended - c.withOutcome),
    startingSalary: { meanCents: c.salaryCount === 0 ? null : c.salarySumCents / c.salaryCount, count: c.salaryCount },
    retentionAfterExit: Object.fromEntries(
      OUTCOME_CHECKIN_MONTHS.map((m) => {
        const { due, recorded, employed } = c.checkins[m];
        return [m, pendingShare(employed, recorded, due - recorded)];
      }),
    ) as Record<OutcomeCheckinMonths, PendingShare>,
  };
  return isEmpty(figures) ? null : figures;
}

/**
 * Per months, the exit dates whose check-in falls due in the period (`addMonths(exit, months)`
 * from the period's start to its last day read), as one range of dates: `addMonths` never goes
 * back as the exit date moves on, so those dates are one run. `from > to` when there are none.
 * Lets SQL select the exits whose check-ins are due without working out `addMonths` itself
 * (which clamps to a month's last day).
 */
export function checkinDueWindows(period: Period): Record<OutcomeCheckinMonths, { from: string; to: string }> {
  const asOf = asOfDate(period);
  return Object.fromEntries(
    OUTCOME_CHECKIN_MONTHS.map((months) => {
      // The first exit date due on or after the start: from a few days before the date `months`
      // earlier (due before the start), day by day.
      let from = addDays(addMonths(period.from, -months), -4);
      while (addMonths(from, months) < period.from) from = addDays(from, 1);
      // The last exit date due on or before the last day read, likewise from a few days after.
      let to = addDays(addMonths(asOf, -months), 4);
      while (addMonths(to, months) > asOf) to = addDays(to, -1);
      return [months, { from, to }];
    }),
  ) as Record<OutcomeCheckinMonths, { from: string; to: string }>;
}

/** Check-in due dates, each worked out once. */
function dueDates() {
  const known = new Map<string, string>();
  return (endedOn: string, months: number) => {
    const key = `${endedOn}+${months}`;
    let due = known.get(key);
    if (due === undefined) {
      due = addMonths(endedOn, months);
      known.set(key, due);
    }
    return due;
  };
}

/**
 * The figures of everyone in the input together (`programmeOutcomes(input).total`), without the
 * groups and sites, or null when the period has nothing (a site left out of the rows per site).
 */
export function outcomeTotal(input: OutcomesInput): OutcomeFigures | null {
  const figures = outcomeFigures(
    input.period,
    input.apprentices,
    input.exits,
    groupBy(input.checkins, (c) => c.apprenticeId),
    dueDates(),
  );
  return isEmpty(figures) ? null : figures;
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
  const dueDate = dueDates();
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
