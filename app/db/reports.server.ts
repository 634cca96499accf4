/**
 * Loading the reports of docs/product.md §6 (figures: app/domain/reports/). Set-based: a fixed number
 * of queries per report whatever the number of sites, trainers or days (trainer accountability:
 * 11, and one more per further PLACEMENTS_PER_READ placements for the four reads by placement;
 * programme outcomes: 5; the admin's rows across sites: 2 a site, counted in SQL, docs/decisions/
 * 0051), each filtered by site and period in SQL so a report reads the period's records, not the
 * whole history. The trainer report reads on a snapshot (`withReadSnapshot`, docs/decisions/0049),
 * in parts with the event loop given back between them.
 *
 * Scope: staff read their own site, admin every site or one chosen site (`sitesFor`). A site id
 * outside the caller's sites is refused here too, not only by the form.
 *
 * Index use (schema.ts): placements by employer (`placements_employer_status`), weekly reviews
 * by placement and week, assessments by placement and competency, education afternoons by
 * placement and date, attendance by placement and date, feedback by placement and moment,
 * flag events by flag, check-ins by apprentice, apprentices by intake. Two reads scan more than
 * they return as the years add up, and would take an index (not added here): flags by site and
 * moment, and ended placements by end date — see the notes at `loadFlags` and `loadExits`.
 */
import type { Actor } from "~/domain/permissions";
import { addDays, mondayOf, startOfDayMs, zonedDateOf } from "~/domain/dates";
import {
  OUTCOME_CHECKIN_MONTHS,
  type AssessmentLevel,
  type FlagRule,
  type FlagStatus,
  type OutcomeCheckinMonths,
  type Phase,
  type PlacementOutcome,
  type PlacementStatus,
} from "~/domain/enums";
import {
  addMonths,
  asOfDate,
  levelsAt,
  checkinDueWindows,
  figuresFromCounts,
  programmeOutcomes,
  siteAccountability,
  trainerAccountability,
  type AccountabilityReport,
  type OutcomeApprentice,
  type OutcomeCounts,
  type OutcomeFigures,
  type OutcomesInput,
  type OutcomesReport,
  type Period,
  type ReportLevel,
  type ReportPlacement,
  type ReportReview,
  type SiteAccountability,
} from "~/domain/reports";

import { readNow, withReadSnapshot, type ReadSnapshot } from "./read-snapshot.server";
import { feedback as feedbackTable, flagEvents, flags as flagsTable } from "./schema";
import { sitesFor, type SiteRow } from "./staff.server";
import { yieldToOthers } from "~/utils/yield.server";

/**
 * Moment columns are named through the schema, which has renamed them before (a review's
 * moment became `submitted_at`, a flag's `raised_at`); other columns are named plainly.
 */
const FEEDBACK_SUBMITTED = feedbackTable.submittedAt.name;
const FLAG_RAISED = flagsTable.raisedAt.name;
const FLAG_EVENT_AT = flagEvents.createdAt.name;

export interface ReportScope {
  /** The sites the report covers (already checked against the caller). */
  sites: SiteRow[];
}

export class ReportScopeError extends Error {}

/** The caller's sites, or the one chosen among them. */
export function reportScope(actor: Actor, siteId?: number): ReportScope {
  const visible = sitesFor(actor);
  if (siteId === undefined) return { sites: visible };
  const site = visible.find((s) => s.id === siteId);
  if (!site) throw new ReportScopeError(`site ${siteId} is not one of the caller's sites`);
  return { sites: [site] };
}

export interface IntakeChoice {
  id: number;
  siteId: number;
  name: string;
  startsOn: string;
}

/** Intakes of the given sites, newest first (the outcomes filter's choices). */
export function intakesOf(siteIds: readonly number[]): IntakeChoice[] {
  return all<IntakeChoice>(
    `select id, site_id as siteId, name, starts_on as startsOn from intakes
     where site_id in (select value from json_each(@sites)) order by starts_on desc, id desc`,
    { sites: json(siteIds) },
  );
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const json = (ids: readonly number[]) => JSON.stringify(ids);

/** The number of bits set in 0…127, one digit each: a 7-day mask's count, looked up in SQL. */
const POPCOUNT = Array.from({ length: 128 }, (_, m) => m.toString(2).replaceAll("0", "").length).join("");

/** A query's rows: on the server's connection (`all`), or on a snapshot (`ReadSnapshot.all`). */
type Read = ReadSnapshot["all"];

const all: Read = readNow;

/** The moments of a period: from its first day's start to the next day after its last. */
function periodMoments(period: { from: string; to: string }) {
  return { startMs: startOfDayMs(period.from), endMs: startOfDayMs(addDays(period.to, 1)) };
}

// ---------------------------------------------------------------------------------------------
// Trainer accountability

export interface AccountabilityResult {
  period: Period;
  sites: SiteRow[];
  report: AccountabilityReport;
}

/**
 * A site's trainer-accountability report (or every site's, in one piece, for tests and the
 * benchmark). The nine reads run on one snapshot of the database (`withReadSnapshot`), giving the
 * event loop back between them: the report is of one state of the database, whatever others write
 * meanwhile. The figures are then worked out from the rows in memory in a turn of their own. Read
 * in one turn, a year of one site made others wait 80 ms at the median, 187 ms at the most, on the
 * 100× data (docs/decisions/0047, 0049).
 */
export async function loadTrainerAccountability(actor: Actor, filters: Period & { siteId?: number }): Promise<AccountabilityResult> {
  const { sites } = reportScope(actor, filters.siteId);
  const period: Period = { from: filters.from, to: filters.to, today: filters.today };
  const empty: AccountabilityReport = { trainers: [], employers: [] };
  if (sites.length === 0) return { period, sites, report: empty };

  const asOf = asOfDate(period);
  const siteIds = json(sites.map((s) => s.id));
  const { startMs, endMs } = periodMoments(period);
  const dateOf = zonedDateOf();

  const { trainers, employers, placements, weeks, signoffs, levelsAtEnd, competencies, flags, feedback } = await withReadSnapshot(async (read) => {
    // 1. Every trainer of the sites: a row each, busy or idle, active or not.
    const trainers = read.all<{ id: number; name: string; employerId: number; siteId: number; active: number }>(
      `select id, display_name as name, employer_id as employerId, site_id as siteId, active from users
       where role = 'trainer' and employer_id is not null and site_id in (select value from json_each(@sites))
       order by id`,
      { sites: siteIds },
    );

    // 2. Their employers.
    const employers = read.all<{ id: number; name: string; siteId: number; active: number }>(
      `select id, name, site_id as siteId, active from employers where site_id in (select value from json_each(@sites)) order by id`,
      { sites: siteIds },
    );
    await read.pause();

    // 3. Placements active at some time in the period.
    const placements = activePlacements(read.all, siteIds, period);
    const placementIds = placements.map((p) => p.id);
    const runningAtEnd = placements.filter((p) => p.startDate <= asOf && (p.endedOn === null || p.endedOn >= asOf)).map((p) => p.id);
    await read.pause();

    // 4. The period's weeks from the facts: the first review of each week, and the education
    //    afternoons of each week already classified (a day per bit).
    const weeks = await byPlacements<{ placementId: number; weekOf: string; firstMs: number | null; agreedMask: number; releasedMask: number }>(
      read,
      placementIds,
      `select w.placement_id as placementId, w.week_of as weekOf, w.first_review_at as firstMs,
              w.afternoons_agreed_mask as agreedMask, w.afternoons_released_mask as releasedMask
       from json_each(@pids) j join placement_weeks w on w.placement_id = j.value and w.week_of between @fromMonday and @to`,
      { fromMonday: mondayOf(period.from), to: period.to },
    );
    await read.pause();

    // 5. Sign-offs: per placement × competency, the first standing `independent` record, when
    //    observed in the period (kept in `competency_levels`).
    const signoffs = await byPlacements<{ assessmentId: number; placementId: number; competencyId: number; trainerUserId: number; observedOn: string }>(
      read,
      placementIds,
      `select l.independent_id as assessmentId, l.placement_id as placementId, l.competency_id as competencyId,
              l.independent_by as trainerUserId, l.independent_on as observedOn
       from json_each(@pids) j join competency_levels l on l.placement_id = j.value
       where l.independent_on between @from and @to`,
      { from: period.from, to: period.to },
    );
    await read.pause();

    // 6. The levels holding at the period's end, for the placements still running then.
    const levelsAtEnd = await levelsOn(read, runningAtEnd, asOf);
    await read.pause();

    // 7. The plans (expected-by weeks) of the frameworks those placements follow.
    const competencies = read.all<{ id: number; versionId: number; expectedByWeek: number }>(
      `select id, version_id as versionId, expected_by_week as expectedByWeek from competencies
       where version_id in (select value from json_each(@versions))`,
      { versions: json([...new Set(placements.map((p) => p.frameworkVersionId))]) },
    );

    // 8. Flags raised in the period, with when staff resolved them.
    const flags = loadFlags(read.all, siteIds, startMs, endMs);
    await read.pause();

    // 9. Feedback submitted in the period (its figures are gated in the domain, ≥ 3 apprentices).
    const feedback = await byPlacements<{ placementId: number; ms: number; e: number; l: number; f: number; s: number }>(
      read,
      placementIds,
      `select f.placement_id as placementId, f.${FEEDBACK_SUBMITTED} as ms, f.explains_rating as e, f.learning_rating as l,
              f.fairness_rating as f, f.safety_rating as s
       from json_each(@pids) j join feedback f on f.placement_id = j.value
         and f.${FEEDBACK_SUBMITTED} >= @startMs and f.${FEEDBACK_SUBMITTED} < @endMs`,
      { startMs, endMs },
    );
    return { trainers, employers, placements, weeks, signoffs, levelsAtEnd, competencies, flags, feedback };
  });

  // Everything is read (and the snapshot over): the figures in a turn of their own.
  await yieldToOthers();

  const reviews: ReportReview[] = [];
  for (const w of weeks) if (w.firstMs !== null) reviews.push({ placementId: w.placementId, weekOf: w.weekOf, submittedOn: dateOf(w.firstMs) });

  const busyEmployers = new Set([...trainers.map((t) => t.employerId), ...placements.map((p) => p.employerId)]);
  const report = trainerAccountability({
    period,
    trainers: trainers.map((t) => ({ ...t, active: t.active === 1 })),
    employers: employers.filter((e) => e.active === 1 || busyEmployers.has(e.id)).map(({ active: _a, ...e }) => e),
    placements,
    reviews,
    signoffs,
    levelsAtEnd,
    competencies,
    flags: flags.map((f) => ({
      rule: f.rule,
      trainerUserId: f.trainerUserId,
      employerId: f.employerId,
      raisedOn: dateOf(f.raisedMs),
      status: f.status,
      resolvedOn: f.resolvedMs === null ? null : dateOf(f.resolvedMs),
    })),
    educationWeeks: weeks,
    feedback: feedback.map((r) => ({ placementId: r.placementId, submittedOn: dateOf(r.ms), ratings: [r.e, r.l, r.f, r.s] as const })),
  });
  return { period, sites, report };
}

/**
 * Placements read at a time by the reads keyed by placement. A year of one site's weeks read at
 * once held the server for 25–100 ms on the 100× data (40,000 rows); a snapshot lets it be read in
 * parts, giving the event loop back between them.
 */
export const PLACEMENTS_PER_READ = 100;

/** `query`'s rows for these placements (`@pids`), read in parts of `PLACEMENTS_PER_READ` on the snapshot. */
async function byPlacements<T>(read: ReadSnapshot, placementIds: readonly number[], query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const rows: T[] = [];
  for (let start = 0; start === 0 || start < placementIds.length; start += PLACEMENTS_PER_READ) {
    if (start > 0) await read.pause();
    for (const row of read.all<T>(query, { ...params, pids: json(placementIds.slice(start, start + PLACEMENTS_PER_READ)) })) rows.push(row);
  }
  return rows;
}

type PlacementOfPeriod = Omit<ReportPlacement, "status" | "outcome"> & { status: PlacementStatus; outcome: PlacementOutcome | null; siteId: number };

/**
 * Placements of the sites active at some time in the period: those active now, and those that
 * ended since its start (by `placements_employer_status`: a site's years of ended placements are
 * not read). `cross join` keeps the employers first: left to itself, SQLite read every site's
 * active placements through `placements_status_ended` (45 ms for one site of the 100× data).
 */
function activePlacements(all: Read, siteIds: string, period: { from: string; to: string }): PlacementOfPeriod[] {
  return all<PlacementOfPeriod>(
    `select p.id, p.apprentice_id as apprenticeId, p.employer_id as employerId, p.trainer_user_id as trainerUserId,
            p.framework_version_id as frameworkVersionId, p.start_date as startDate, p.ended_on as endedOn, p.status, p.outcome,
            e.site_id as siteId
     from employers e
     cross join placements p on p.employer_id = e.id
       and (p.status = 'active' or (p.status in ('completed', 'withdrawn', 'transferred') and p.ended_on >= @from))
     where e.site_id in (select value from json_each(@sites)) and p.start_date <= @to
     order by p.id`,
    { sites: siteIds, from: period.from, to: period.to },
  );
}

/**
 * The level of each competency holding on `date` (`currentLevels` of the records observed by
 * then), for these placements. A placement with no record observed after that day reads its
 * levels from `competency_levels`; one with later records, from its records up to the day (the
 * same two queries whatever the data), on the report's snapshot. Only `independent` levels are
 * returned: the reports count competent ones.
 */
async function levelsOn(read: ReadSnapshot, placementIds: readonly number[], date: string): Promise<ReportLevel[]> {
  const ids = json(placementIds);
  const later = new Set(
    read
      .all<{ id: number }>(
        `select j.value as id from json_each(@ids) j
       where exists (select 1 from assessments a where a.placement_id = j.value and a.observed_on > @date)`,
        { ids, date },
      )
      .map((r) => r.id),
  );
  await read.pause();
  const current = await byPlacements<ReportLevel>(
    read,
    placementIds.filter((id) => !later.has(id)),
    `select l.placement_id as placementId, l.competency_id as competencyId, l.level, l.observed_on as observedOn, l.assessment_id as assessmentId
     from json_each(@pids) j join competency_levels l on l.placement_id = j.value and l.level = 'independent'`,
  );
  await read.pause();
  const history = read.all<{ id: number; placementId: number; competencyId: number; level: AssessmentLevel; observedOn: string; supersedesId: number | null }>(
    `select a.id, a.placement_id as placementId, a.competency_id as competencyId, a.level, a.observed_on as observedOn, a.supersedes_id as supersedesId
     from json_each(@ids) j join assessments a on a.placement_id = j.value and a.observed_on <= @date`,
    { ids: json([...later]), date },
  );
  return [...current, ...levelsAt(history, date).filter((l) => l.level === "independent")];
}

/**
 * The admin's report across sites leads with one row per site (`siteAccountability`); a site
 * opens on demand as the full report. Aggregated in SQL from the facts, the same four queries for
 * each site, one site at a time, giving the event loop back between sites: read at once, every
 * site's weeks were one query that held the server for 0.6–1 s on the 100× data (everyone else's
 * pages waited for it). A site's row is read in one turn, so it is consistent in itself; two
 * sites' rows may be a write apart, as in the outcomes report (docs/decisions/0033, 0042).
 */
export async function loadAccountabilityOverview(actor: Actor, filters: Period): Promise<{ period: Period; sites: SiteRow[]; rows: SiteAccountability[] }> {
  const { sites } = reportScope(actor);
  const period: Period = { from: filters.from, to: filters.to, today: filters.today };
  const rows: SiteAccountability[] = [];
  for (const site of sites) {
    rows.push(...siteOverview(site.id, period));
    await yieldToOthers();
  }
  return { period, sites, rows };
}

/** One site's row of the overview: its counts aggregated in SQL, its placements' shares in the domain. */
function siteOverview(siteId: number, period: Period): SiteAccountability[] {
  const siteIds = json([siteId]);
  const asOf = asOfDate(period);
  const { startMs, endMs } = periodMoments(period);
  const placements = activePlacements(all, siteIds, period);
  // Afternoons count once over (today's is still open): up to the day before today.
  const educationTo = asOf < period.today ? asOf : addDays(period.today, -1);
  const lastSunday = addDays(mondayOf(period.today), -1);

  // Reviewed weeks owed (a Monday in the period, from the week of the start to the last week
  // over or the week of the end: `expectedReviewWeeks`), and the afternoons of the period's days:
  // whole weeks inside it, and the day bits of the (at most two) weeks it cuts, counted by a
  // look-up of each 7-day mask's bits.
  const daysOfWeek = (monday: string) => {
    let days = 0;
    for (let i = 0; i < 7; i++) {
      const date = addDays(monday, i);
      if (date >= period.from && date <= educationTo) days |= 1 << i;
    }
    return days;
  };
  const firstWeek = mondayOf(period.from);
  const lastWeek = mondayOf(educationTo < period.from ? period.from : educationTo);
  const count = (mask: string) =>
    `unicode(substr(@popcount, (${mask} & (case w.week_of when @firstWeek then @firstDays when @lastWeek then @lastDays
                                                 else (case when w.week_of < @lastWeek then 127 else 0 end) end)) + 1, 1)) - 48`;
  const weekRows = all<{ siteId: number; reviewed: number; agreed: number; released: number }>(
    `select w.site_id as siteId,
            sum(w.reviews > 0 and w.week_of >= @from and w.week_of <= @to
                and (w.week_of >= p.start_date or p.start_date <= date(w.week_of, '+6 days'))
                and w.week_of <= (case when p.ended_on is not null and p.ended_on < @today then p.ended_on else @lastSunday end)) as reviewed,
            sum(${count("w.afternoons_agreed_mask")}) as agreed,
            sum(${count("w.afternoons_released_mask")}) as released
     from placement_weeks w join placements p on p.id = w.placement_id
     where w.site_id in (select value from json_each(@sites)) and w.week_of between @firstWeek and @to
     group by w.site_id`,
    {
      sites: siteIds,
      popcount: POPCOUNT,
      firstWeek,
      lastWeek,
      firstDays: daysOfWeek(firstWeek),
      lastDays: daysOfWeek(lastWeek),
      from: period.from,
      to: period.to,
      today: period.today,
      lastSunday,
    },
  );
  const signed = all<{ siteId: number; n: number }>(
    `select site_id as siteId, count(*) as n from competency_levels
     where independent_on between @from and @to and site_id in (select value from json_each(@sites)) group by site_id`,
    { sites: siteIds, from: period.from, to: period.to },
  );
  const flagRows = all<{ siteId: number; raised: number; resolved: number }>(
    `select f.site_id as siteId, count(*) as raised,
            sum(f.status = 'resolved' and (select min(e.${FLAG_EVENT_AT}) from flag_events e where e.flag_id = f.id and e.action = 'resolved') < @endMs) as resolved
     from flags f
     where f.site_id in (select value from json_each(@sites)) and f.${FLAG_RAISED} >= @startMs and f.${FLAG_RAISED} < @endMs
       and f.rule <> 'feedback_concern'
     group by f.site_id`,
    { sites: siteIds, startMs, endMs },
  );
  const weeksBy = new Map(weekRows.map((r) => [r.siteId, r]));
  const signedBy = new Map(signed.map((r) => [r.siteId, r.n]));
  const flagsBy = new Map(flagRows.map((r) => [r.siteId, r]));
  return siteAccountability(period, placements, [
    {
      siteId,
      reviewsSubmitted: weeksBy.get(siteId)?.reviewed ?? 0,
      afternoonsAgreed: weeksBy.get(siteId)?.agreed ?? 0,
      afternoonsReleased: weeksBy.get(siteId)?.released ?? 0,
      competenciesSigned: signedBy.get(siteId) ?? 0,
      flagsRaised: flagsBy.get(siteId)?.raised ?? 0,
      flagsResolved: flagsBy.get(siteId)?.resolved ?? 0,
    },
  ]);
}

/**
 * Flags of the sites raised in the period. Reads through `flags_site_status` (site, status,
 * severity) and filters the moment: over the years that scans every flag of the site. The index
 * that keeps it to the period, for schema.ts:
 *   index("flags_site_raised").on(t.siteId, t.raisedAt)
 */
function loadFlags(all: Read, siteIds: string, startMs: number, endMs: number) {
  return all<{ rule: FlagRule; trainerUserId: number | null; employerId: number | null; raisedMs: number; status: FlagStatus; resolvedMs: number | null }>(
    `select f.rule, f.trainer_user_id as trainerUserId, f.employer_id as employerId, f.${FLAG_RAISED} as raisedMs, f.status,
            (select min(e.${FLAG_EVENT_AT}) from flag_events e where e.flag_id = f.id and e.action = 'resolved') as resolvedMs
     from flags f
     where f.site_id in (select value from json_each(@sites)) and f.${FLAG_RAISED} >= @startMs and f.${FLAG_RAISED} < @endMs`,
    { sites: siteIds, startMs, endMs },
  );
}

// ---------------------------------------------------------------------------------------------
// Programme outcomes

/** Work readiness begins at the intake's start, or a few weeks after for a late joiner. */
const LATE_JOINER_SLACK_DAYS = 182;

export interface OutcomesResult {
  period: Period;
  sites: SiteRow[];
  report: OutcomesReport;
}

function loadOutcomesInput(actor: Actor, filters: Period & { siteId?: number; intakeId?: number }): { period: Period; sites: SiteRow[]; input: OutcomesInput } {
  const { sites } = reportScope(actor, filters.siteId);
  const period: Period = { from: filters.from, to: filters.to, today: filters.today };
  if (sites.length === 0) return { period, sites, input: { period, apprentices: [], exits: [], checkins: [] } };

  const asOf = asOfDate(period);
  const siteIds = json(sites.map((s) => s.id));
  const intake = filters.intakeId ?? null;
  const intakeClause = intake === null ? "" : "and a.intake_id = @intake";

  // 1. Apprentices whose work readiness may have begun in the period — those of intakes that
  //    started from half a year before it up to its end, and those with no intake — with the two
  //    phase changes `workReadiness` reads (the domain finds who began in the period): the first
  //    `work_readiness` change, and the first other phase recorded from the day it began (from
  //    the intake's start without one), by date then record. A row per apprentice, from the
  //    indexes alone (`apprentices_intake`, `phase_changes_apprentice`): an admin's report runs
  //    this for every site, and the apprentices' records are wide.
  const candidates = all<{
    id: number;
    siteId: number;
    intakeId: number | null;
    phase: Phase;
    intakeStartsOn: string | null;
    wrOn: string | null;
    next: string | null;
  }>(
    `select b.*,
            (select c.changed_on || c.phase from phase_changes c
             where c.apprentice_id = b.id and c.changed_on >= coalesce(b.wrOn, b.intakeStartsOn) and c.phase <> 'work_readiness'
             order by c.changed_on, c.id limit 1) as next
     from (select a.*, (select min(c.changed_on) from phase_changes c where c.apprentice_id = a.id and c.phase = 'work_readiness') as wrOn
           from (select a.id, a.site_id as siteId, a.intake_id as intakeId, a.phase, i.starts_on as intakeStartsOn
                 from intakes i join apprentices a on a.intake_id = i.id
                 where i.site_id in (select value from json_each(@sites)) and i.starts_on between @slackFrom and @asOf
                   and a.site_id in (select value from json_each(@sites)) ${intakeClause}
                 union all
                 select a.id, a.site_id, null, a.phase, null from apprentices a
                 where a.intake_id is null and a.site_id in (select value from json_each(@sites)) ${intakeClause}) a) b`,
    { sites: siteIds, slackFrom: addDays(period.from, -LATE_JOINER_SLACK_DAYS), asOf, ...(intake === null ? {} : { intake }) },
  );
  const apprentices: OutcomeApprentice[] = candidates.map(({ wrOn, next, ...a }) => ({
    ...a,
    phaseChanges: [
      ...(wrOn === null ? [] : [{ phase: "work_readiness" as const, changedOn: wrOn }]),
      // `next` is the date (10 characters) then the phase.
      ...(next === null ? [] : [{ phase: next.slice(10) as Phase, changedOn: next.slice(0, 10) }]),
    ],
  }));

  // 2. Exits from the apprenticeship up to the period's end, from 24 months before its start
  //    (whose 24-month check-in may fall due in the period).
  const exits = loadExits(siteIds, addMonths(period.from, -24), asOf, intakeClause, intake);

  // 3. Their outcome check-ins, as they stand: a corrected check-in counts by its correction.
  const checkins = all<{ apprenticeId: number; months: OutcomeCheckinMonths; employed: number }>(
    `select c.apprentice_id as apprenticeId, c.months, c.employed from outcome_checkins c
     where c.apprentice_id in (select value from json_each(@ids))
       and not exists (select 1 from outcome_checkins n where n.supersedes_id = c.id)`,
    { ids: json([...new Set(exits.map((x) => x.apprenticeId))]) },
  );

  return { period, sites, input: { period, apprentices, exits, checkins: checkins.map((c) => ({ ...c, employed: c.employed === 1 })) } };
}

export function loadProgrammeOutcomes(actor: Actor, filters: Period & { siteId?: number; intakeId?: number }): OutcomesResult {
  const { period, sites, input } = loadOutcomesInput(actor, filters);
  return { period, sites, report: programmeOutcomes(input) };
}

/**
 * The admin's rows across sites: each site's figures, all intakes together, for the sites with
 * anything in the period (`figuresFromCounts`). Counted in SQL, two statements a site, one site
 * at a time, giving the event loop back between sites: a site's rows read into memory (80k
 * apprentices, 40k exits and 69k check-ins over the 100× data's sites) cost more to build and
 * count in JavaScript than to count where they are (docs/decisions/0051). A site's row is read
 * in one turn, so it is consistent in itself; two sites' rows may be a write apart (0042).
 */
export async function loadOutcomesBySite(actor: Actor, filters: Period): Promise<{ siteId: number; figures: OutcomeFigures }[]> {
  const { sites } = reportScope(actor);
  const period: Period = { from: filters.from, to: filters.to, today: filters.today };
  const asOf = asOfDate(period);
  const windows = checkinDueWindows(period);
  const wrParams = { from: period.from, asOf, slackFrom: addDays(period.from, -LATE_JOINER_SLACK_DAYS) };
  const exitParams = {
    from: period.from,
    asOf,
    exitsFrom: addMonths(period.from, -24),
    ...Object.fromEntries(
      OUTCOME_CHECKIN_MONTHS.flatMap((m) => [
        [`due${m}From`, windows[m].from],
        [`due${m}To`, windows[m].to],
      ]),
    ),
  };
  const rows: { siteId: number; figures: OutcomeFigures }[] = [];
  for (const site of sites) {
    const figures = figuresFromCounts(siteOutcomeCounts(site.id, wrParams, exitParams));
    if (figures) rows.push({ siteId: site.id, figures });
    await yieldToOthers();
  }
  return rows;
}

/** The bits of a check-in's months in `EXIT_COUNTS`' packed check-ins: recorded (1) and employed (2), two bits a months. */
const checkinShift = (months: OutcomeCheckinMonths) => 2 * OUTCOME_CHECKIN_MONTHS.indexOf(months);

/**
 * A site's work-readiness cohort by result: `workReadiness` in SQL over the same candidates and
 * the same two phase changes as `loadOutcomesInput` reads. Work readiness began on the first
 * `work_readiness` change, or the intake's start; only those begun in the period are counted. The
 * next phase is the first other phase recorded from that day (by date, then record; the current
 * phase without one): still `work_readiness` is pending, `exited` not completed, any other
 * completed. The subqueries are kept whole (`offset 0`): flattened, SQLite worked the first
 * change out twice per apprentice, and the next one once for each sum. The next change is the
 * least of date, record id and phase packed into one text, read from the index alone (`order by
 * changed_on, id` sorted each apprentice's changes in a temporary b-tree). `cross join` keeps the
 * site's intakes first, so that their apprentices are read from `apprentices_intake` alone.
 */
const WORK_READINESS_COUNTS = `
  select coalesce(sum(s.next <> 'work_readiness'), 0) as wrKnown,
         coalesce(sum(s.next not in ('work_readiness', 'exited')), 0) as wrCompleted,
         coalesce(sum(s.next = 'work_readiness'), 0) as wrPending
  from (select coalesce((select substr(min(c.changed_on || printf('%012d', c.id) || c.phase), 23) from phase_changes c
                         where c.apprentice_id = b.id and c.changed_on >= b.startedOn and c.phase <> 'work_readiness'),
                        b.phase) as next
        from (select a.id, a.phase,
                     coalesce((select min(c.changed_on) from phase_changes c where c.apprentice_id = a.id and c.phase = 'work_readiness'),
                              a.intakeStartsOn) as startedOn
              from (select a.id, a.phase, i.starts_on as intakeStartsOn
                    from intakes i cross join apprentices a on a.intake_id = i.id
                    where i.site_id = @site and i.starts_on between @slackFrom and @asOf and a.site_id = @site
                    union all
                    select a.id, a.phase, null from apprentices a where a.intake_id is null and a.site_id = @site) a
              limit -1 offset 0) b
        where b.startedOn between @from and @asOf
        limit -1 offset 0) s`;

/**
 * A site's exits counted: the exits `loadExits` reads (24 months before the period to its end),
 * those dated in the period by status and outcome, and the completers' check-ins due in the
 * period (`@dueMFrom`…`@dueMTo`: the exit dates whose M-month check-in falls due in it). Each exit
 * is reduced to flags (0 or 1: `is` and `ifnull` keep a missing outcome from making them null)
 * that the figures multiply and add: worked out once per exit, not once per figure. An exit's
 * check-ins as they stand (a corrected one by its correction; one per months) are packed into one
 * number, two bits a months (`checkinShift`), read once per completer. `x` is kept whole (`offset
 * 0`) so that none of it is worked out again for each figure.
 */
const EXIT_COUNTS = `
  select coalesce(sum(x.inPeriod), 0) as ended,
         coalesce(sum(x.inPeriod * x.completed), 0) as completed,
         coalesce(sum(x.inPeriod * x.known), 0) as withOutcome,
         coalesce(sum(x.inPeriod * x.inWork), 0) as inWork,
         coalesce(sum(x.inPeriod * x.completed * x.known), 0) as completedWithOutcome,
         coalesce(sum(x.inPeriod * x.completed * x.retained), 0) as retained,
         coalesce(sum(x.inPeriod * x.ownBusiness), 0) as ownBusiness,
         coalesce(sum(x.inPeriod * (x.salary is not null)), 0) as salaryCount,
         coalesce(sum(x.inPeriod * x.salary), 0) as salarySumCents,
         ${OUTCOME_CHECKIN_MONTHS.map(
           (m) => `coalesce(sum(x.due${m}), 0) as due${m},
         coalesce(sum(x.due${m} * ((x.checkins >> ${checkinShift(m)}) & 1)), 0) as recorded${m},
         coalesce(sum(x.due${m} * ((x.checkins >> ${checkinShift(m) + 1}) & 1)), 0) as employed${m}`,
         ).join(",\n         ")}
  from (select p.ended_on between @from and @asOf as inPeriod,
               p.status = 'completed' as completed,
               p.outcome is not null as known,
               ifnull(p.outcome in ('retained_by_employer', 'employed_elsewhere', 'own_business'), 0) as inWork,
               p.outcome is 'retained_by_employer' as retained,
               p.outcome is 'own_business' as ownBusiness,
               case when p.outcome in ('retained_by_employer', 'employed_elsewhere') then p.starting_salary_cents end as salary,
               ${OUTCOME_CHECKIN_MONTHS.map((m) => `(p.status = 'completed' and p.ended_on between @due${m}From and @due${m}To) as due${m},`).join("\n               ")}
               case when p.status = 'completed' then
                 coalesce((select sum((1 + 2 * c.employed) << (case c.months ${OUTCOME_CHECKIN_MONTHS.map((m) => `when ${m} then ${checkinShift(m)}`).join(" ")} end))
                           from outcome_checkins c
                           where c.apprentice_id = p.apprentice_id and not exists (select 1 from outcome_checkins n where n.supersedes_id = c.id)), 0)
               else 0 end as checkins
        from apprentices a cross join placements p on p.apprentice_id = a.id
        where a.site_id = @site and p.status in ('completed', 'withdrawn') and p.ended_on between @exitsFrom and @asOf
          and not exists (select 1 from placements q
                          where q.apprentice_id = p.apprentice_id and q.id <> p.id and q.start_date > p.ended_on)
        limit -1 offset 0) x`;

/** A site's counts: its two statements' one row each. */
function siteOutcomeCounts(siteId: number, wrParams: Record<string, string>, exitParams: Record<string, string>): OutcomeCounts {
  const [wr] = all<Pick<OutcomeCounts, "wrCompleted" | "wrKnown" | "wrPending">>(WORK_READINESS_COUNTS, { ...wrParams, site: siteId });
  const [x] = all<Record<string, number>>(EXIT_COUNTS, { ...exitParams, site: siteId });
  const count = (key: string) => x?.[key] ?? 0;
  return {
    wrCompleted: wr?.wrCompleted ?? 0,
    wrKnown: wr?.wrKnown ?? 0,
    wrPending: wr?.wrPending ?? 0,
    ended: count("ended"),
    completed: count("completed"),
    withOutcome: count("withOutcome"),
    inWork: count("inWork"),
    completedWithOutcome: count("completedWithOutcome"),
    retained: count("retained"),
    ownBusiness: count("ownBusiness"),
    salaryCount: count("salaryCount"),
    salarySumCents: count("salarySumCents"),
    checkins: Object.fromEntries(
      OUTCOME_CHECKIN_MONTHS.map((m) => [m, { due: count(`due${m}`), recorded: count(`recorded${m}`), employed: count(`employed${m}`) }]),
    ) as OutcomeCounts["checkins"],
  };
}

/**
 * Exits: placements ended completed or withdrawn, with no later placement of the apprentice.
 * Read from the sites' apprentices (`apprentices_site_phase`, then `placements_apprentice`), so a
 * site's report never reads other sites' exits; the window (24 months before the period to its
 * end) covers most of a site's history anyway.
 */
function loadExits(siteIds: string, from: string, to: string, intakeClause: string, intake: number | null) {
  return all<{
    placementId: number;
    apprenticeId: number;
    siteId: number;
    intakeId: number | null;
    endedOn: string;
    status: "completed" | "withdrawn";
    outcome: PlacementOutcome | null;
    startingSalaryCents: number | null;
  }>(
    `select p.id as placementId, p.apprentice_id as apprenticeId, a.site_id as siteId, a.intake_id as intakeId,
            p.ended_on as endedOn, p.status, p.outcome, p.starting_salary_cents as startingSalaryCents
     from apprentices a cross join placements p on p.apprentice_id = a.id
     where a.site_id in (select value from json_each(@sites)) ${intakeClause}
       and p.status in ('completed', 'withdrawn') and p.ended_on between @from and @to
       and not exists (select 1 from placements q
                       where q.apprentice_id = p.apprentice_id and q.id <> p.id and q.start_date > p.ended_on)
     order by p.ended_on, p.id`,
    { sites: siteIds, from, to, ...(intake === null ? {} : { intake }) },
  );
}
