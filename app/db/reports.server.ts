/**
 * Loading the reports of docs/product.md §6 (figures: app/domain/reports.ts). Set-based: a fixed number
 * of queries per report whatever the number of sites, trainers, placements or days (trainer
 * accountability: 11; programme outcomes: 5), each filtered by site and period in SQL so a
 * report reads the period's records, not the whole history.
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
import { addDays, startOfDayMs, zonedDateOf } from "~/domain/dates";
import type { AssessmentLevel, AttendanceStatus, EducationEventKind, FlagRule, FlagStatus, OutcomeCheckinMonths, Phase, PlacementOutcome, PlacementStatus } from "~/domain/enums";
import {
  addMonths,
  asOfDate,
  programmeOutcomes,
  trainerAccountability,
  type AccountabilityReport,
  type OutcomeApprentice,
  type OutcomesReport,
  type Period,
  type ReportAfternoon,
  type ReportPlacement,
} from "~/domain/reports";

import { db } from "./client.server";
import { feedback as feedbackTable, flagEvents, flags as flagsTable, weeklyReviews } from "./schema";
import { sitesFor, type SiteRow } from "./staff.server";

/**
 * Moment columns are named through the schema, which has renamed them before (a review's
 * moment became `submitted_at`, a flag's `raised_at`); other columns are named plainly.
 */
const REVIEW_SUBMITTED = weeklyReviews.submittedAt.name;
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

function all<T>(query: string, params: Record<string, unknown> = {}): T[] {
  return db().$client.prepare(query).all(params) as T[];
}

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

export function loadTrainerAccountability(actor: Actor, filters: Period & { siteId?: number }): AccountabilityResult {
  const { sites } = reportScope(actor, filters.siteId);
  const period: Period = { from: filters.from, to: filters.to, today: filters.today };
  const empty: AccountabilityReport = { trainers: [], employers: [] };
  if (sites.length === 0) return { period, sites, report: empty };

  const asOf = asOfDate(period);
  const siteIds = json(sites.map((s) => s.id));
  const { startMs, endMs } = periodMoments(period);
  const dateOf = zonedDateOf();

  // 1. Every trainer of the sites: a row each, busy or idle, active or not.
  const trainers = all<{ id: number; name: string; employerId: number; siteId: number; active: number }>(
    `select id, display_name as name, employer_id as employerId, site_id as siteId, active from users
     where role = 'trainer' and employer_id is not null and site_id in (select value from json_each(@sites))
     order by id`,
    { sites: siteIds },
  );

  // 2. Their employers.
  const employers = all<{ id: number; name: string; siteId: number; active: number }>(
    `select id, name, site_id as siteId, active from employers where site_id in (select value from json_each(@sites)) order by id`,
    { sites: siteIds },
  );

  // 3. Placements active at some time in the period.
  const placements = all<Omit<ReportPlacement, "status" | "outcome"> & { status: PlacementStatus; outcome: PlacementOutcome | null }>(
    `select id, apprentice_id as apprenticeId, employer_id as employerId, trainer_user_id as trainerUserId,
            framework_version_id as frameworkVersionId, start_date as startDate, ended_on as endedOn, status, outcome
     from placements
     where employer_id in (select id from employers where site_id in (select value from json_each(@sites)))
       and start_date <= @to and (ended_on is null or ended_on >= @from)
     order by id`,
    { sites: siteIds, from: period.from, to: period.to },
  );
  const pids = json(placements.map((p) => p.id));
  const runningAtEnd = json(placements.filter((p) => p.startDate <= asOf && (p.endedOn === null || p.endedOn >= asOf)).map((p) => p.id));

  // 4. Weekly reviews of the period's weeks: the first submission of each week.
  const reviews = all<{ placementId: number; weekOf: string; firstMs: number }>(
    `select placement_id as placementId, week_of as weekOf, min(${REVIEW_SUBMITTED}) as firstMs from weekly_reviews
     where placement_id in (select value from json_each(@pids)) and week_of between @from and @to
     group by placement_id, week_of`,
    { pids, from: period.from, to: period.to },
  );

  // 5. Sign-offs: per placement × competency, the first standing `independent` record (none of
  //    the placement's corrections supersedes it), when observed in the period.
  const signoffs = all<{ assessmentId: number; placementId: number; competencyId: number; trainerUserId: number; observedOn: string }>(
    `select id as assessmentId, placement_id as placementId, competency_id as competencyId,
            trainer_user_id as trainerUserId, observed_on as observedOn
     from (
       select a.id, a.placement_id, a.competency_id, a.trainer_user_id, a.observed_on,
              row_number() over (partition by a.placement_id, a.competency_id order by a.observed_on, a.id) as rn
       from assessments a
       where a.placement_id in (select value from json_each(@pids)) and a.level = 'independent'
         and a.id not in (select supersedes_id from assessments
                          where placement_id in (select value from json_each(@pids)) and supersedes_id is not null))
     where rn = 1 and observed_on between @from and @to`,
    { pids, from: period.from, to: period.to },
  );

  // 6. The level holding at the period's end (as `currentLevels` of the records observed by
  //    then), for the placements still running then.
  const levelsAtEnd = all<{ placementId: number; competencyId: number; level: AssessmentLevel; observedOn: string; assessmentId: number }>(
    `select placement_id as placementId, competency_id as competencyId, level, observed_on as observedOn, id as assessmentId
     from (
       select a.id, a.placement_id, a.competency_id, a.level, a.observed_on,
              row_number() over (partition by a.placement_id, a.competency_id order by a.observed_on desc, a.id desc) as rn
       from assessments a
       where a.placement_id in (select value from json_each(@pids)) and a.observed_on <= @asOf
         and a.id not in (select supersedes_id from assessments
                          where placement_id in (select value from json_each(@pids)) and observed_on <= @asOf
                            and supersedes_id is not null))
     where rn = 1`,
    { pids: runningAtEnd, asOf },
  );

  // 7. The plans (expected-by weeks) of the frameworks those placements follow.
  const competencies = all<{ id: number; versionId: number; expectedByWeek: number }>(
    `select id, version_id as versionId, expected_by_week as expectedByWeek from competencies
     where version_id in (select value from json_each(@versions))`,
    { versions: json([...new Set(placements.map((p) => p.frameworkVersionId))]) },
  );

  // 8. Flags raised in the period, with when staff resolved them.
  const flags = loadFlags(siteIds, startMs, endMs);

  // 9. Education afternoons dated in the period: each with its ledger (kinds in the order
  //    recorded) and, where the trainer gave no word, the day's current attendance status.
  const afternoonRows = all<{ placementId: number; date: string; kinds: string | null; attendance: AttendanceStatus | null }>(
    `select x.placement_id as placementId, x.date, group_concat(e.kind, ',' order by e.id) as kinds,
            case when max(e.kind in ('released', 'refused')) = 1 then null
                 else (select t.status from attendance t where t.placement_id = x.placement_id and t.date = x.date
                       order by t.id desc limit 1) end as attendance
     from education_afternoons x
     left join education_events e on e.afternoon_id = x.id
     where x.placement_id in (select value from json_each(@pids)) and x.date between @from and @asOf
     group by x.id`,
    { pids, from: period.from, asOf },
  );
  const afternoons: ReportAfternoon[] = afternoonRows.map((row) => ({
    placementId: row.placementId,
    date: row.date,
    events: row.kinds ? (row.kinds.split(",") as EducationEventKind[]) : [],
    attendance: row.attendance,
  }));

  // 10. Feedback submitted in the period (its figures are gated in the domain, ≥ 3 apprentices).
  const feedback = all<{ placementId: number; ms: number; e: number; l: number; f: number; s: number }>(
    `select placement_id as placementId, ${FEEDBACK_SUBMITTED} as ms, explains_rating as e, learning_rating as l,
            fairness_rating as f, safety_rating as s
     from feedback
     where placement_id in (select value from json_each(@pids))
       and ${FEEDBACK_SUBMITTED} >= @startMs and ${FEEDBACK_SUBMITTED} < @endMs`,
    { pids, startMs, endMs },
  );

  const busyEmployers = new Set([...trainers.map((t) => t.employerId), ...placements.map((p) => p.employerId)]);
  const report = trainerAccountability({
    period,
    trainers: trainers.map((t) => ({ ...t, active: t.active === 1 })),
    employers: employers.filter((e) => e.active === 1 || busyEmployers.has(e.id)).map(({ active: _a, ...e }) => e),
    placements,
    reviews: reviews.map((r) => ({ placementId: r.placementId, weekOf: r.weekOf, submittedOn: dateOf(r.firstMs) })),
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
    afternoons,
    feedback: feedback.map((r) => ({ placementId: r.placementId, submittedOn: dateOf(r.ms), ratings: [r.e, r.l, r.f, r.s] as const })),
  });
  return { period, sites, report };
}

/**
 * Flags of the sites raised in the period. Reads through `flags_site_status` (site, status,
 * severity) and filters the moment: over the years that scans every flag of the site. The index
 * that keeps it to the period, for schema.ts:
 *   index("flags_site_raised").on(t.siteId, t.raisedAt)
 */
function loadFlags(siteIds: string, startMs: number, endMs: number) {
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

export function loadProgrammeOutcomes(actor: Actor, filters: Period & { siteId?: number; intakeId?: number }): OutcomesResult {
  const { sites } = reportScope(actor, filters.siteId);
  const period: Period = { from: filters.from, to: filters.to, today: filters.today };
  const emptyReport = programmeOutcomes({ period, apprentices: [], exits: [], checkins: [] });
  if (sites.length === 0) return { period, sites, report: emptyReport };

  const asOf = asOfDate(period);
  const siteIds = json(sites.map((s) => s.id));
  const intake = filters.intakeId ?? null;
  const intakeClause = intake === null ? "" : "and a.intake_id = @intake";

  // 1. Apprentices whose work readiness may have begun in the period — those of intakes that
  //    started from half a year before it up to its end, and those with no intake — with their
  //    phase history (the domain finds who began in the period).
  const candidateRows = all<{
    id: number;
    siteId: number;
    intakeId: number | null;
    phase: Phase;
    intakeStartsOn: string | null;
    changePhase: Phase | null;
    changedOn: string | null;
  }>(
    `select a.id, a.site_id as siteId, a.intake_id as intakeId, a.phase, i.starts_on as intakeStartsOn,
            c.phase as changePhase, c.changed_on as changedOn
     from apprentices a
     left join intakes i on i.id = a.intake_id
     left join phase_changes c on c.apprentice_id = a.id
     where a.id in (
             select id from apprentices where intake_id in (
               select id from intakes where site_id in (select value from json_each(@sites)) and starts_on between @slackFrom and @asOf)
             union all
             select id from apprentices where intake_id is null and site_id in (select value from json_each(@sites)))
       and a.site_id in (select value from json_each(@sites)) ${intakeClause}
     order by a.id, c.changed_on, c.id`,
    { sites: siteIds, slackFrom: addDays(period.from, -LATE_JOINER_SLACK_DAYS), asOf, ...(intake === null ? {} : { intake }) },
  );
  const apprentices = new Map<number, OutcomeApprentice & { phaseChanges: { phase: Phase; changedOn: string }[] }>();
  for (const row of candidateRows) {
    let a = apprentices.get(row.id);
    if (!a) {
      a = { id: row.id, siteId: row.siteId, intakeId: row.intakeId, phase: row.phase, intakeStartsOn: row.intakeStartsOn, phaseChanges: [] };
      apprentices.set(row.id, a);
    }
    if (row.changePhase !== null && row.changedOn !== null) a.phaseChanges.push({ phase: row.changePhase, changedOn: row.changedOn });
  }

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

  const report = programmeOutcomes({
    period,
    apprentices: [...apprentices.values()],
    exits,
    checkins: checkins.map((c) => ({ ...c, employed: c.employed === 1 })),
  });
  return { period, sites, report };
}

/**
 * Exits: placements ended completed or withdrawn, with no later placement of the apprentice.
 * Reads the site's apprentices' placements and filters the end date; the index that reads only
 * the period's endings, for schema.ts:
 *   index("placements_status_ended").on(t.status, t.endedOn)
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
     from placements p join apprentices a on a.id = p.apprentice_id
     where p.status in ('completed', 'withdrawn') and p.ended_on between @from and @to
       and a.site_id in (select value from json_each(@sites)) ${intakeClause}
       and not exists (select 1 from placements q
                       where q.apprentice_id = p.apprentice_id and q.id <> p.id and q.start_date > p.ended_on)
     order by p.ended_on, p.id`,
    { sites: siteIds, from, to, ...(intake === null ? {} : { intake }) },
  );
}
