/**
 * The flag runner (docs/product.md §5): loads the facts the rules read, set-based (a fixed number of
 * queries whatever the number of sites, placements or days), asks the pure rules in
 * app/domain/flags what flags the data calls for, and reconciles that with the `flags` table in
 * one synchronous transaction:
 *
 * - a finding with no open flag raises one (status `open`, event `raised`);
 * - a finding with an open or acknowledged flag updates its severity, evidence and links when
 *   they changed (event `severity_changed` with note "warn → urgent" when the severity moved);
 * - an open or acknowledged flag with no finding is closed as `cleared` (event `cleared`),
 *   keeping the row and its history; a later return of the condition raises a new flag.
 *
 * Flags staff resolved or dismissed: while the condition still holds they are not raised again.
 * The first pass that finds the condition gone stamps `cleared_at` on the resolved/dismissed
 * flag (status unchanged, event `cleared`); only after that can the rule raise a new one. So
 * "resolved or dismissed with `cleared_at` null" means "staff closed it and its condition has
 * held ever since". Rules about discrete events (feedback_concern, signoff_while_absent,
 * education_mismatch, bulk_signoff) raise again at once when the condition rests on an event the
 * closed flags did not cover (`isNewEpisode`): a new unsafe feedback response is news, whatever
 * staff did about the last one.
 *
 * Running the same pass twice changes nothing the second time.
 *
 * A pass works in batches of subjects (placements, then trainers): each batch is a bounded load
 * and one reconcile transaction, so neither memory nor the time a batch holds the event loop
 * grows with the data (docs/decisions/0015). The loader reads no history: the level of each
 * competency comes from `competency_levels` (kept by triggers in the write transaction), the
 * latest reviewed week is one index seek, and attendance, the education ledger and sign-offs
 * are read for the rules' look-back window only.
 */
import { addDays, mondayOf, parseWeekdays, SITE_TIME_ZONE, startOfDayMs, zonedDateOf } from "~/domain/dates";
import {
  FLAG_RULES,
  type AssessmentLevel,
  type EducationEventKind,
  type FlagRule,
  type FlagSeverity,
  type FlagStatus,
  type FlagSubjectType,
} from "~/domain/enums";
import { decodeAttendanceWeek } from "~/domain/attendance-codes";
import { onRecordsChanged, type RecordKind } from "~/domain/events";
import {
  DEFAULT_THRESHOLDS,
  evaluateFlags,
  lookbackDays,
  ruleDefinition,
  type AssessmentFact,
  type AttendanceDay,
  type EducationAfternoonFact,
  type EducationWeek,
  type Evidence,
  type FeedbackFact,
  type Finding,
  type PlacementFacts,
  type SignoffFact,
  type Thresholds,
  type TrainerFacts,
} from "~/domain/flags";
import { currentLevels, type CompetencyPlan, type HeldLevel } from "~/domain/progress";
import { siteToday } from "~/utils/today.server";

import { db as processDb, type DB } from "./client.server";
import { yieldToOthers } from "~/utils/yield.server";

export interface FlagPassOptions {
  /** `YYYY-MM-DD` in the sites' zone. */
  today: string;
  /** Only this site (all sites when absent). */
  siteId?: number;
  /** Only these placements, and the trainers who train or recently signed for them. */
  placementIds?: number[];
  /** With `placementIds`: exactly these trainers instead. */
  trainerIds?: number[];
  /** With `placementIds`: `false` evaluates no trainer at all. */
  trainers?: boolean;
  /** Only these rules; flags of other rules are left as they are (all rules when absent). */
  rules?: readonly FlagRule[];
  /** Per-site thresholds; a site without an entry uses DEFAULT_THRESHOLDS. */
  thresholdsBySite?: ReadonlyMap<number, Thresholds>;
  /** The moment written to raised/updated/cleared timestamps (tests). */
  now?: Date;
  /** Subjects per batch: each batch is one load and one transaction. */
  batchSize?: number;
}

export interface FlagPassResult {
  raised: number;
  updated: number;
  cleared: number;
}

/** The rules that read each kind of record: what a write of that kind can change. */
export const RULES_BY_RECORD_KIND: Record<RecordKind, readonly FlagRule[]> = {
  assessments: ["behind_plan", "overdue", "signoff_while_absent", "bulk_signoff", "trainer_inactive"],
  attendance: ["attendance_risk", "signoff_while_absent", "education_not_granted"],
  education: ["education_not_granted", "education_mismatch"],
  reviews: ["no_weekly_review", "trainer_inactive"],
  feedback: ["feedback_concern"],
  placement: FLAG_RULES,
};

/** The level the pass loads for a competency that is `independent` now (all the rules read). */
const INDEPENDENT: HeldLevel = Object.freeze({ level: "independent" });

const NO_WEEKS: ReadonlyMap<string, EducationWeek> = new Map();
const NO_LEVELS: ReadonlyMap<number, HeldLevel> = new Map();
const NO_REVIEWS: ReadonlySet<string> = new Set();
/** Shared by every placement without such records: the rules only read them. */
const NONE: readonly never[] = Object.freeze([]);

const TRAINER_RULE_NAMES: ReadonlySet<FlagRule> = new Set(["bulk_signoff", "trainer_inactive"]);

/** Subjects per batch by default: a batch of 50 placements takes about 10 ms of CPU on the 100× data. */
export const DEFAULT_BATCH_SIZE = 50;

// ---------------------------------------------------------------------------------------------
// Which subjects a pass covers

interface Subjects {
  placementIds: number[];
  trainerIds: number[];
}

const json = (ids: readonly number[]) => JSON.stringify(ids);

/** Open or acknowledged, or closed by staff while the condition held (see the module comment). */
const LIVE = "status in ('open', 'acknowledged', 'resolved', 'dismissed') and (status in ('open', 'acknowledged') or cleared_at is null)";

function sitesSubjects(database: DB, siteIds: number[] | null): Subjects {
  const sql = database.$client;
  const sitesParam = siteIds === null ? null : json(siteIds);
  const siteList = siteIds === null ? "select id from sites" : "select value from json_each(@sites)";
  const params = sitesParam === null ? {} : { sites: sitesParam };
  // Active placements of the sites, and any subject with a live flag there (an ended placement's
  // flags are cleared by the pass that finds it no longer active).
  const placementIds = (
    sql
      .prepare(
        `select p.id from placements p join employers e on e.id = p.employer_id
         where p.status = 'active' ${siteIds === null ? "" : "and e.site_id in (select value from json_each(@sites))"}
         union
         select subject_id from flags where site_id in (${siteList}) and subject_type = 'placement' and ${LIVE}
         order by 1`,
      )
      .raw()
      .all(params) as [number][]
  ).map((r) => r[0]);
  const trainerIds = (
    sql
      .prepare(
        `select id from users where role = 'trainer' and site_id in (${siteList})
         union
         select subject_id from flags where site_id in (${siteList}) and subject_type = 'trainer' and ${LIVE}
         order by 1`,
      )
      .raw()
      .all(params) as [number][]
  ).map((r) => r[0]);
  return { placementIds, trainerIds };
}

/** The trainers a write to these placements concerns: their trainer, and whoever signed for them lately. */
function trainersOfPlacements(database: DB, placementIds: number[], from: string): number[] {
  return (
    database.$client
      .prepare(
        `select trainer_user_id from placements where id in (select value from json_each(@ids))
         union
         select a.trainer_user_id from json_each(@ids) j join assessments a on a.placement_id = j.value and a.observed_on >= @from
         order by 1`,
      )
      .raw()
      .all({ ids: json(placementIds), from }) as [number][]
  ).map((r) => r[0]);
}

// ---------------------------------------------------------------------------------------------
// Loading the facts of a batch

/**
 * A row of the batch's statement (`loadPlacements`), read as an array and used as it is: the
 * placement's columns, then its one-seek facts.
 */
type PlacementTuple = [
  id: number,
  apprenticeId: number,
  employerId: number,
  trainerUserId: number,
  frameworkVersionId: number,
  startDate: string,
  plannedWeeks: number,
  workingWeekdays: string,
  educationWeekdays: string,
  siteId: number,
  dateOfBirth: string,
  /** 1: a record observed after the day of the pass (levels from the history). */
  observedLater: 0 | 1,
  /** The independent competencies, comma-separated. */
  independentIds: string | null,
  lastReviewedWeek: string | null,
  feedbackId: number | null,
  feedbackSubmittedAt: number | null,
  explains: number | null,
  learning: number | null,
  fairness: number | null,
  safety: number | null,
];

interface TrainerRow {
  id: number;
  site_id: number;
  employer_id: number;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** What a pass works out once and every batch shares. */
interface PassContext {
  database: DB;
  today: string;
  /** The first day of the rules' look-back. */
  from: string;
  /** The first day the placement rules' windows reach (attendance, sign-offs, the ledger). */
  placementFrom: string;
  /** Last week's Monday: the latest week a review can be missing for. */
  lastEnded: string;
  /** Moments up to the end of today, and from the day before the look-back. */
  endOfToday: number;
  startOfFrom: number;
  rules: ReadonlySet<FlagRule>;
  siteId: number | null;
  thresholdsBySite: ReadonlyMap<number, Thresholds> | undefined;
  competencies: Map<number, CompetencyPlan[]>;
  zones: Map<number, string>;
  dateOf: Map<string, (ms: number) => string>;
  holidaysBySite: Map<number, Set<string>>;
  weeks: Map<string, string[]>;
  /** The days of `attendance_days` values, by week and value (`attendanceDaysOf`), and parsed weekday lists by value: most weeks and placements repeat a few. */
  attendanceDays: Map<string, Map<number, readonly AttendanceDay[]>>;
  weekdays: Map<string, number[]>;
  /** `independentLevels`, by value. */
  independentLevels: Map<string, ReadonlyMap<number, HeldLevel>>;
  now: number;
}

const needs = (ctx: PassContext, ...rules: FlagRule[]) => rules.some((r) => ctx.rules.has(r));

/** The seven dates of the week of a Monday, worked out once per pass. */
function weekDates(ctx: PassContext, monday: string): string[] {
  let dates = ctx.weeks.get(monday);
  if (!dates) {
    dates = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
    ctx.weeks.set(monday, dates);
  }
  return dates;
}

/**
 * The days of a packed attendance week (`placement_weeks.attendance_days`) within the pass's
 * look-back, as frozen objects shared by every placement with the same week and value: on the
 * 100× data 230k weeks of a pass hold under 5,000 distinct (week, value) pairs, so the pass
 * allocates a few thousand day objects instead of about a million.
 */
function attendanceDaysOf(ctx: PassContext, weekOf: string, packed: number): readonly AttendanceDay[] {
  let byValue = ctx.attendanceDays.get(weekOf);
  if (!byValue) ctx.attendanceDays.set(weekOf, (byValue = new Map()));
  let days = byValue.get(packed);
  if (!days) {
    const dates = weekDates(ctx, weekOf);
    const list: AttendanceDay[] = [];
    for (const d of decodeAttendanceWeek(packed)) {
      const date = dates[d.day]!;
      if (date < ctx.placementFrom || date > ctx.today) continue;
      list.push(Object.freeze({ date, status: d.status, absenceReason: d.absenceReason, hasNote: d.hasNote }));
    }
    days = Object.freeze(list);
    // Bounded: a pass as of one day meets a few thousand values; a long-lived context would not grow for ever.
    if (byValue.size >= 50_000) byValue.clear();
    byValue.set(packed, days);
  }
  return days;
}

/**
 * The levels of a placement's independent competencies (`group_concat` of their ids), one map per
 * distinct list, shared: on the 100× data 40,000 active placements hold 145 distinct lists, and a
 * map built per placement was a tenth of the pass's JavaScript. The rules only read it.
 */
function independentLevels(ctx: PassContext, ids: string): ReadonlyMap<number, HeldLevel> {
  let map = ctx.independentLevels.get(ids);
  if (!map) {
    const built = new Map<number, HeldLevel>();
    for (const c of ids.split(",")) built.set(Number(c), INDEPENDENT);
    // Bounded like `attendanceDays`.
    if (ctx.independentLevels.size >= 50_000) ctx.independentLevels.clear();
    ctx.independentLevels.set(ids, (map = built));
  }
  return map;
}

function weekdaysOf(ctx: PassContext, list: string): number[] {
  let days = ctx.weekdays.get(list);
  if (!days) ctx.weekdays.set(list, (days = parseWeekdays(list)));
  return days;
}

function siteDate(ctx: PassContext, siteId: number, ms: number): string {
  const zone = ctx.zones.get(siteId) ?? SITE_TIME_ZONE;
  let format = ctx.dateOf.get(zone);
  if (!format) ctx.dateOf.set(zone, (format = zonedDateOf(zone)));
  return format(ms);
}

/** Zones and holidays of sites not seen yet in this pass. */
function loadSites(ctx: PassContext, siteIds: Iterable<number>) {
  const missing = [...new Set(siteIds)].filter((id) => !ctx.zones.has(id));
  if (missing.length === 0) return;
  const sql = ctx.database.$client;
  for (const s of sql.prepare("select id, timezone from sites where id in (select value from json_each(@sites))").all({ sites: json(missing) }) as {
    id: number;
    timezone: string;
  }[]) {
    ctx.zones.set(s.id, s.timezone || SITE_TIME_ZONE);
  }
  for (const h of sql
    .prepare("select site_id, date from public_holidays where site_id in (select value from json_each(@sites)) and date between @from and @today")
    .all({ sites: json(missing), from: ctx.from, today: ctx.today }) as { site_id: number; date: string }[]) {
    const set = ctx.holidaysBySite.get(h.site_id) ?? new Set<string>();
    set.add(h.date);
    ctx.holidaysBySite.set(h.site_id, set);
  }
  for (const id of missing) if (!ctx.zones.has(id)) ctx.zones.set(id, SITE_TIME_ZONE);
}

function loadCompetencies(ctx: PassContext, versionIds: Iterable<number>) {
  const missing = [...new Set(versionIds)].filter((v) => !ctx.competencies.has(v));
  if (missing.length === 0) return;
  for (const v of missing) ctx.competencies.set(v, []);
  for (const [id, versionId, expectedByWeek] of ctx.database.$client
    .prepare("select id, version_id, expected_by_week from competencies where version_id in (select value from json_each(@versions)) order by version_id, id")
    .raw()
    .all({ versions: json(missing) }) as [number, number, number][]) {
    ctx.competencies.get(versionId)!.push({ id, expectedByWeek });
  }
}

function loadPlacements(ctx: PassContext, ids: number[]): PlacementFacts[] {
  const sql = ctx.database.$client;
  const { today, placementFrom: from } = ctx;

  // The batch's active placements, and in the same row what is one index seek each
  // (docs/decisions/0035, 0040, 0048): one statement rather than two, read as arrays (the
  // placements were row objects, read by a second walk of the batch's ids). `cross join` keeps
  // the batch's ids the outer loop: on a small database the planner walked every active
  // placement and looked each up in the batch instead.
  // - whether it has a record observed after `today` (a pass "as of" an earlier day): then its
  //   levels are worked out from its history, by one seek of `assessments_placement_observed`;
  // - otherwise its current levels: only `independent` matters to the rules that read levels, and
  //   only the level (they count competencies), so its independent competencies are one value,
  //   read from the partial index `competency_levels_independent` alone;
  // - the latest reviewed week before this one: all that `no_weekly_review` reads;
  // - its latest feedback.
  const wantLevels = needs(ctx, "behind_plan", "overdue");
  const wantReview = needs(ctx, "no_weekly_review");
  const wantFeedback = needs(ctx, "feedback_concern");
  const tuples = sql
    .prepare(
      `select p.id, p.apprentice_id, p.employer_id, p.trainer_user_id, p.framework_version_id, p.start_date,
              p.planned_weeks, p.working_weekdays, p.education_weekdays, e.site_id, a.date_of_birth,
              ${wantLevels ? "exists (select 1 from assessments x where x.placement_id = p.id and x.observed_on > @today)" : "0"},
              ${wantLevels ? "(select group_concat(l.competency_id) from competency_levels l where l.placement_id = p.id and l.level = 'independent')" : "null"},
              ${wantReview ? "(select max(r.week_of) from weekly_reviews r where r.placement_id = p.id and r.week_of <= @lastEnded)" : "null"},
              ${wantFeedback ? "f.id, f.submitted_at, f.explains_rating, f.learning_rating, f.fairness_rating, f.safety_rating" : "null, null, null, null, null, null"}
       from json_each(@ids) j
       cross join placements p on p.id = j.value
       join employers e on e.id = p.employer_id
       join apprentices a on a.id = p.apprentice_id
       ${
         wantFeedback
           ? `left join feedback f on f.id = (
                select g.id from feedback g where g.placement_id = p.id and g.submitted_at < @endOfToday
                order by g.submitted_at desc, g.id desc limit 1)`
           : ""
       }
       where p.status = 'active' ${ctx.siteId === null ? "" : "and e.site_id = @site"}
       order by p.id`,
    )
    .raw()
    .all({
      ids: json(ids),
      ...(ctx.siteId === null ? {} : { site: ctx.siteId }),
      ...(wantLevels ? { today } : {}),
      ...(wantReview ? { lastEnded: ctx.lastEnded } : {}),
      ...(wantFeedback ? { endOfToday: ctx.endOfToday } : {}),
    }) as PlacementTuple[];
  if (tuples.length === 0) return [];
  // The tuples are the batch's rows (columns as `PlacementTuple`): no second object per placement.
  const levels = new Map<number, ReadonlyMap<number, HeldLevel>>();
  const asOfHistory: number[] = [];
  for (const t of tuples) if (t[11] === 1) asOfHistory.push(t[0]);
  const pids = json(tuples.map((t) => t[0]));
  loadSites(
    ctx,
    tuples.map((t) => t[9]),
  );
  loadCompetencies(
    ctx,
    tuples.map((t) => t[4]),
  );
  if (asOfHistory.length > 0) {
    const history = new Map<number, AssessmentFact[]>();
    for (const [id, placementId, competencyId, level, observedOn, supersedesId] of sql
      .prepare(
        `select id, placement_id, competency_id, level, observed_on, supersedes_id from assessments
         where placement_id in (select value from json_each(@ids)) and observed_on <= @today`,
      )
      .raw()
      .all({ ids: json(asOfHistory), today }) as [number, number, number, AssessmentLevel, string, number | null][]) {
      push(history, placementId, { id, competencyId, level, observedOn, supersedesId });
    }
    for (const id of asOfHistory) levels.set(id, currentLevels(history.get(id) ?? []));
  }

  // The current attendance record of each day in the look-back, a week per row
  // (`placement_weeks.attendance_days`, kept by the write transactions), and from the same rows
  // the weeks' education afternoons that count and those released (`education_not_granted`).
  const currentDay = new Map<number, AttendanceDay[]>();
  const educationWeeks = new Map<number, Map<string, EducationWeek>>();
  const masks = needs(ctx, "education_not_granted");
  if (needs(ctx, "attendance_risk", "signoff_while_absent", "education_not_granted")) {
    for (const [placementId, weekOf, packed, agreed, released] of sql
      .prepare(
        `select placement_id, week_of, attendance_days, afternoons_agreed_mask, afternoons_released_mask from placement_weeks
         where placement_id in (select value from json_each(@pids)) and week_of between @fromMonday and @today
           and (attendance_days <> 0 or (@masks and afternoons_agreed_mask <> 0))`,
      )
      .raw()
      .all({ pids, fromMonday: mondayOf(from), today, masks: masks ? 1 : 0 }) as [number, string, number, number, number][]) {
      if (masks && agreed !== 0) {
        let weeks = educationWeeks.get(placementId);
        if (!weeks) educationWeeks.set(placementId, (weeks = new Map()));
        weeks.set(weekOf, { agreed, released });
      }
      if (packed === 0) continue;
      const days = attendanceDaysOf(ctx, weekOf, packed);
      if (days.length === 0) continue;
      const list = currentDay.get(placementId);
      if (list) for (const d of days) list.push(d);
      else currentDay.set(placementId, days.slice());
    }
  }

  // Standing records observed on the days of the look-back that the current attendance says
  // absent or at education (sign-off while absent): only a sign-off on such a day counts, and
  // most placements have none. One seek of `assessments_placement_observed` per such day
  // (docs/decisions/0034, 0035).
  const recent = new Map<number, AssessmentFact[]>();
  if (needs(ctx, "signoff_while_absent")) {
    const away: [number, string][] = [];
    for (const t of tuples) {
      const id = t[0];
      for (const d of currentDay.get(id) ?? []) if (d.status === "absent" || d.status === "education") away.push([id, d.date]);
    }
    if (away.length > 0) {
      for (const [id, placementId, competencyId, level, observedOn, supersedesId] of sql
        .prepare(
          `select a.id, a.placement_id, a.competency_id, a.level, a.observed_on, a.supersedes_id
           from json_each(@away) j
           join assessments a on a.placement_id = json_extract(j.value, '$[0]') and a.observed_on = json_extract(j.value, '$[1]')
           where not exists (select 1 from assessments s where s.supersedes_id = a.id and s.placement_id = a.placement_id)`,
        )
        .raw()
        .all({ away: JSON.stringify(away) }) as [number, number, number, AssessmentLevel, string, number | null][]) {
        push(recent, placementId, { id, competencyId, level, observedOn, supersedesId });
      }
    }
  }

  // The education ledger in the look-back, events in the order recorded: only the afternoons
  // with a refusal or a "missed" (`education_mismatch` finds nothing in the others), or with a
  // record made after the day of the pass (a pass "as of" an earlier day). For every other
  // afternoon `education_not_granted` reads the weeks' masks above (docs/decisions/0035). The
  // afternoons are picked first (materialized), so their events are joined to the few picked.
  const afternoonsByPlacement = new Map<number, EducationAfternoonFact[]>();
  if (needs(ctx, "education_not_granted", "education_mismatch")) {
    const afternoonById = new Map<number, { afternoonId: number; date: string; events: EducationEventKind[] }>();
    for (const [id, placementId, date, kind] of sql
      .prepare(
        `with f as materialized (
           select f.id, f.placement_id, f.date from education_afternoons f
           where f.placement_id in (select value from json_each(@pids)) and f.date between @from and @today
             and exists (select 1 from education_events x where x.afternoon_id = f.id
                         and (x.created_at >= @endOfToday or x.kind in ('refused', 'missed'))))
         select f.id, f.placement_id, f.date, e.kind from f
         left join education_events e on e.afternoon_id = f.id and e.created_at < @endOfToday
         order by f.placement_id, f.date, e.id`,
      )
      .raw()
      .all({ pids, from, today, endOfToday: ctx.endOfToday }) as [number, number, string, EducationEventKind | null][]) {
      let afternoon = afternoonById.get(id);
      if (!afternoon) {
        afternoon = { afternoonId: id, date, events: [] };
        afternoonById.set(id, afternoon);
        push(afternoonsByPlacement, placementId, afternoon);
      }
      if (kind) afternoon.events.push(kind);
    }
  }

  return tuples.map((t): PlacementFacts => {
    const id = t[0];
    const siteId = t[9];
    // Levels: worked out from the history ("as of" an earlier day), or the independent
    // competencies read with the row (one value, see above).
    let held: ReadonlyMap<number, HeldLevel> = NO_LEVELS;
    if (t[11] === 1) held = levels.get(id) ?? NO_LEVELS;
    else if (t[12] !== null) held = independentLevels(ctx, t[12]);
    const latestFeedback: FeedbackFact | null =
      t[14] !== null
        ? { feedbackId: t[14], submittedOn: siteDate(ctx, siteId, t[15]!), explains: t[16]!, learning: t[17]!, fairness: t[18]!, safety: t[19]! }
        : null;
    return {
      placementId: id,
      siteId,
      apprenticeId: t[1],
      employerId: t[2],
      trainerUserId: t[3],
      startDate: t[5],
      plannedWeeks: t[6],
      workingWeekdays: weekdaysOf(ctx, t[7]),
      educationWeekdays: weekdaysOf(ctx, t[8]),
      apprenticeDateOfBirth: t[10],
      competencies: ctx.competencies.get(t[4]) ?? [],
      assessments: recent.get(id) ?? NONE,
      currentLevels: held,
      reviewedWeeks: t[13] === null ? NO_REVIEWS : new Set([t[13]]),
      attendance: currentDay.get(id) ?? NONE,
      educationAfternoons: afternoonsByPlacement.get(id) ?? NONE,
      ...(masks ? { educationWeeks: educationWeeks.get(id) ?? NO_WEEKS } : {}),
      latestFeedback,
    };
  });
}

function loadTrainers(ctx: PassContext, ids: number[]): TrainerFacts[] {
  const sql = ctx.database.$client;
  const trainerRows = sql
    .prepare(
      `select u.id, u.site_id, u.employer_id from json_each(@ids) j join users u on u.id = j.value
       where u.role = 'trainer' and u.site_id is not null and u.employer_id is not null ${ctx.siteId === null ? "" : "and u.site_id = @site"}
       order by u.id`,
    )
    .all({ ids: json(ids), ...(ctx.siteId === null ? {} : { site: ctx.siteId }) }) as TrainerRow[];
  if (trainerRows.length === 0) return [];
  const tids = json(trainerRows.map((t) => t.id));
  loadSites(
    ctx,
    trainerRows.map((t) => t.site_id),
  );

  // Their active placements (wherever those are).
  const activeByTrainer = new Map<number, { placementId: number; apprenticeId: number; startDate: string }[]>();
  if (needs(ctx, "trainer_inactive")) {
    for (const [id, trainerUserId, apprenticeId, startDate] of sql
      .prepare(
        `select p.id, p.trainer_user_id, p.apprentice_id, p.start_date from json_each(@tids) j
         join placements p on p.trainer_user_id = j.value and p.status = 'active' order by p.id`,
      )
      .raw()
      .all({ tids }) as [number, number, number, string][]) {
      push(activeByTrainer, trainerUserId, { placementId: id, apprenticeId, startDate });
    }
  }

  // The moment each last signed: an assessment entered or a weekly review submitted (index seeks).
  const lastSignedMs = new Map<number, number>();
  if (needs(ctx, "trainer_inactive")) {
    for (const [trainerUserId, a, r] of sql
      .prepare(
        `select j.value,
                (select max(created_at) from assessments where trainer_user_id = j.value and created_at < @endOfToday),
                (select max(submitted_at) from weekly_reviews where trainer_user_id = j.value and submitted_at < @endOfToday)
         from json_each(@tids) j`,
      )
      .raw()
      .all({ tids, endOfToday: ctx.endOfToday }) as [number, number | null, number | null][]) {
      const m = Math.max(a ?? -Infinity, r ?? -Infinity);
      if (Number.isFinite(m)) lastSignedMs.set(trainerUserId, m);
    }
  }

  // Recent `independent` sign-offs by them (entered no earlier than the look-back; nobody
  // records an observation before it happens) that no correction has superseded.
  const signoffsByTrainer = new Map<number, SignoffFact[]>();
  if (needs(ctx, "bulk_signoff")) {
    const rows = sql
      .prepare(
        `select a.id, a.placement_id, p.apprentice_id, a.competency_id, a.observed_on, a.trainer_user_id, p.framework_version_id
         from json_each(@tids) j
         join assessments a on a.trainer_user_id = j.value and a.created_at >= @startOfFrom
         join placements p on p.id = a.placement_id
         where a.level = 'independent' and a.observed_on between @from and @today
           and not exists (select 1 from assessments s where s.supersedes_id = a.id and s.placement_id = a.placement_id)
         order by a.id`,
      )
      .raw()
      .all({ tids, startOfFrom: ctx.startOfFrom, from: ctx.from, today: ctx.today }) as [number, number, number, number, string, number, number][];
    loadCompetencies(
      ctx,
      rows.map((r) => r[6]),
    );
    for (const [assessmentId, placementId, apprenticeId, competencyId, observedOn, trainerUserId, versionId] of rows) {
      push(signoffsByTrainer, trainerUserId, {
        assessmentId,
        placementId,
        apprenticeId,
        competencyId,
        observedOn,
        frameworkSize: ctx.competencies.get(versionId)?.length ?? 0,
      });
    }
  }

  return trainerRows.map((t) => {
    const ms = lastSignedMs.get(t.id);
    return {
      trainerUserId: t.id,
      siteId: t.site_id,
      employerId: t.employer_id,
      activePlacements: activeByTrainer.get(t.id) ?? [],
      lastSignedOn: ms === undefined ? null : siteDate(ctx, t.site_id, ms),
      signoffs: signoffsByTrainer.get(t.id) ?? [],
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Reconciling with the flags table

interface FlagRow {
  id: number;
  site_id: number;
  rule: FlagRule;
  subject_type: FlagSubjectType;
  subject_id: number;
  placement_id: number | null;
  trainer_user_id: number | null;
  employer_id: number | null;
  apprentice_id: number | null;
  severity: FlagSeverity;
  status: FlagStatus;
  evidence: string;
}

/** The columns of `FlagRow`, read as arrays (cheaper than better-sqlite3's row objects) and named once in JavaScript. */
const FLAG_COLUMNS = "id, site_id, rule, subject_type, subject_id, placement_id, trainer_user_id, employer_id, apprentice_id, severity, status, evidence";
type FlagTuple = [
  number,
  number,
  FlagRule,
  FlagSubjectType,
  number,
  number | null,
  number | null,
  number | null,
  number | null,
  FlagSeverity,
  FlagStatus,
  string,
];

const keyOf = (f: { rule: string; subjectType?: string; subject_type?: string; subjectId?: number; subject_id?: number }) =>
  `${f.rule}|${f.subjectType ?? f.subject_type}|${f.subjectId ?? f.subject_id}`;

/** JSON with object keys sorted, so equal evidence compares equal whatever its key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function parseEvidence(text: string): Evidence {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Evidence) : {};
  } catch {
    return {};
  }
}

function reconcile(ctx: PassContext, subjects: Subjects, findings: Finding[]): FlagPassResult {
  const sql = ctx.database.$client;
  const { now } = ctx;
  const result: FlagPassResult = { raised: 0, updated: 0, cleared: 0 };

  // The live flags of exactly these subjects (by the placement and trainer indexes), of the
  // rules this pass evaluates: cleared flags pile up over the years and are never read.
  const allRules = ctx.rules.size === FLAG_RULES.length;
  const ruleFilter = allRules ? "" : "and rule in (select value from json_each(@rules))";
  const siteFilter = ctx.siteId === null ? "" : "and site_id = @site";
  const selectFlags = sql.prepare(
    `select ${FLAG_COLUMNS} from flags where subject_type = 'placement' and placement_id in (select value from json_each(@pids)) and ${LIVE} ${ruleFilter} ${siteFilter}
     union all
     select ${FLAG_COLUMNS} from flags where subject_type = 'trainer' and trainer_user_id in (select value from json_each(@tids)) and ${LIVE} ${ruleFilter} ${siteFilter}`,
  );
  const params = {
    pids: json(subjects.placementIds),
    tids: json(subjects.trainerIds),
    ...(allRules ? {} : { rules: JSON.stringify([...ctx.rules]) }),
    ...(ctx.siteId === null ? {} : { site: ctx.siteId }),
  };

  const touched = ", updated_at = @now";
  const insertFlag = sql.prepare(
    `insert into flags (site_id, rule, subject_type, subject_id, placement_id, trainer_user_id, employer_id, apprentice_id,
                        severity, status, evidence, raised_at, updated_at)
     values (@siteId, @rule, @subjectType, @subjectId, @placementId, @trainerUserId, @employerId, @apprenticeId,
             @severity, 'open', @evidence, @now, @now)`,
  );
  const updateFlag = sql.prepare(
    `update flags set site_id = @siteId, placement_id = @placementId, trainer_user_id = @trainerUserId, employer_id = @employerId,
            apprentice_id = @apprenticeId, severity = @severity, evidence = @evidence${touched}
     where id = @id`,
  );
  const clearOpen = sql.prepare(`update flags set status = 'cleared', cleared_at = @now${touched} where id = @id`);
  const stampClosed = sql.prepare(`update flags set cleared_at = @now${touched} where id = @id`);
  const event = sql.prepare("insert into flag_events (flag_id, action, actor_user_id, note, created_at) values (@flagId, @action, null, @note, @now)");

  sql
    .transaction(() => {
      const open = new Map<string, FlagRow>();
      const closed = new Map<string, FlagRow[]>();
      for (const r of selectFlags.raw().all(params) as FlagTuple[]) {
        const row: FlagRow = {
          id: r[0],
          site_id: r[1],
          rule: r[2],
          subject_type: r[3],
          subject_id: r[4],
          placement_id: r[5],
          trainer_user_id: r[6],
          employer_id: r[7],
          apprentice_id: r[8],
          severity: r[9],
          status: r[10],
          evidence: r[11],
        };
        if (row.status === "open" || row.status === "acknowledged") open.set(keyOf(row), row);
        else push(closed, keyOf(row), row);
      }
      const stillHolds = new Set<string>();

      for (const f of findings) {
        const key = keyOf(f);
        const evidence = JSON.stringify(f.evidence);
        const values = {
          siteId: f.siteId,
          placementId: f.placementId,
          trainerUserId: f.trainerUserId,
          employerId: f.employerId,
          apprenticeId: f.apprenticeId,
          severity: f.severity,
          evidence,
          now,
        };
        stillHolds.add(key);
        const current = open.get(key);
        if (current) {
          open.delete(key);
          const same =
            current.severity === f.severity &&
            current.site_id === f.siteId &&
            current.placement_id === f.placementId &&
            current.trainer_user_id === f.trainerUserId &&
            current.employer_id === f.employerId &&
            current.apprentice_id === f.apprenticeId &&
            // The evidence as stored is what JSON.stringify wrote: equal text is equal evidence,
            // and only a difference is worth comparing key by key.
            (current.evidence === evidence || canonical(parseEvidence(current.evidence)) === canonical(f.evidence));
          if (same) continue;
          updateFlag.run({ ...values, id: current.id });
          if (current.severity !== f.severity) {
            event.run({ flagId: current.id, action: "severity_changed", note: `${current.severity} → ${f.severity}`, now });
          }
          result.updated += 1;
          continue;
        }

        const dealtWith = closed.get(key);
        if (dealtWith) {
          const isNewEpisode = ruleDefinition(f.rule)?.isNewEpisode;
          if (
            !isNewEpisode?.(
              dealtWith.map((row) => parseEvidence(row.evidence)),
              f.evidence,
            )
          )
            continue;
        }

        const id = Number(insertFlag.run({ ...values, rule: f.rule, subjectType: f.subjectType, subjectId: f.subjectId }).lastInsertRowid);
        event.run({ flagId: id, action: "raised", note: null, now });
        result.raised += 1;
      }

      for (const row of open.values()) {
        clearOpen.run({ id: row.id, now });
        event.run({ flagId: row.id, action: "cleared", note: null, now });
        result.cleared += 1;
      }
      for (const [key, rows] of closed) {
        if (stillHolds.has(key)) continue;
        for (const row of rows) {
          stampClosed.run({ id: row.id, now });
          event.run({ flagId: row.id, action: "cleared", note: null, now });
          result.cleared += 1;
        }
      }
    })
    .immediate();

  return result;
}

// ---------------------------------------------------------------------------------------------
// The pass

export interface BatchStats {
  batches: number;
  /** The longest a batch held the event loop (load, rules and its transaction), wall clock … */
  longestBatchMs: number;
  /** … and the CPU it used (on a busy machine the wall clock also counts other processes' turns). */
  longestBatchCpuMs: number;
}

/**
 * `startOfDayMs`, remembered: every pass (the write hook's too) needs the same two or three day
 * boundaries, and working one out through `Intl` costs about 0.1 ms. A pure function of its
 * arguments, so the answers never go stale; the map is emptied when it grows large.
 */
const dayStarts = new Map<string, number>();
function dayStart(date: string, zone: string): number {
  const key = `${date}|${zone}`;
  let ms = dayStarts.get(key);
  if (ms === undefined) {
    if (dayStarts.size >= 256) dayStarts.clear();
    ms = startOfDayMs(date, zone);
    dayStarts.set(key, ms);
  }
  return ms;
}

function passContext(database: DB, options: FlagPassOptions): PassContext {
  const { today, thresholdsBySite } = options;
  const thresholds = thresholdsBySite ? [...thresholdsBySite.values()] : [DEFAULT_THRESHOLDS];
  const from = addDays(today, -lookbackDays(thresholds));
  // The first day a placement rule looks at: `lookbackDays` allows for any weekday, this is the
  // day itself (education_not_granted's whole weeks start on this week's Monday).
  let placementFrom = today;
  for (const t of [DEFAULT_THRESHOLDS, ...thresholds]) {
    for (const day of [
      addDays(today, -(t.recentDays - 1)),
      addDays(today, -(t.attendanceWindowDays - 1)),
      addDays(mondayOf(today), -7 * t.educationWindowWeeks),
    ]) {
      if (day < placementFrom) placementFrom = day;
    }
  }
  // Moments up to the end of `today` (all sites share one zone; with several, the latest end).
  const zones = [SITE_TIME_ZONE, ...new Set((database.$client.prepare("select distinct timezone from sites").raw().all() as [string][]).map((r) => r[0]))];
  return {
    database,
    today,
    from,
    placementFrom,
    lastEnded: addDays(mondayOf(today), -7),
    endOfToday: Math.max(...zones.map((z) => dayStart(addDays(today, 1), z))),
    startOfFrom: Math.min(...zones.map((z) => dayStart(addDays(from, -1), z))),
    rules: new Set(options.rules ?? FLAG_RULES),
    siteId: options.siteId ?? null,
    thresholdsBySite,
    competencies: new Map(),
    zones: new Map(),
    dateOf: new Map(),
    holidaysBySite: new Map(),
    weeks: new Map(),
    attendanceDays: new Map(),
    weekdays: new Map(),
    independentLevels: new Map(),
    now: (options.now ?? new Date()).getTime(),
  };
}

/** A trainer brings a month of sign-offs across all their apprentices: counts as five placements in a batch. */
const TRAINER_WEIGHT = 5;

const weightOf = (subjects: Subjects) => subjects.placementIds.length + TRAINER_WEIGHT * subjects.trainerIds.length;

/** Subjects per page when a pass of every site lists them. */
const SUBJECT_PAGE = 500;

/**
 * Ids a page at a time in id order: a page of `subjects` (ids greater than `@after`, at most
 * `@limit`), and the ids of `flagged` in the same range (`@after` < id ≤ `@last`), merged.
 */
function* paged(database: DB, subjects: string, flagged: string): Generator<number> {
  const sql = database.$client;
  let after = 0;
  for (;;) {
    const page = (sql.prepare(subjects).raw().all({ after, limit: SUBJECT_PAGE }) as [number][]).map((r) => r[0]);
    const last = page.length < SUBJECT_PAGE ? Number.MAX_SAFE_INTEGER : page[page.length - 1]!;
    const more = (sql.prepare(flagged).raw().all({ after, last }) as [number][]).map((r) => r[0]);
    yield* more.length === 0 ? page : [...new Set([...page, ...more])].sort((a, b) => a - b);
    if (last === Number.MAX_SAFE_INTEGER) return;
    after = last;
  }
}

/**
 * The subjects of a pass over every site, a page at a time: active placements and every
 * trainer, and any subject with a live flag (an ended placement's flags are cleared by the pass
 * that finds it no longer active). Listing all of them at once held the event loop for 140 ms
 * (placements) and 15 ms (trainers) on the 100× data; a page is a short range read of the
 * table by id and of the flags' placement or trainer index.
 */
function everyPlacementId(database: DB): Generator<number> {
  return paged(
    database,
    // `+p.status`: walk the placements in id order from `after` (a page reads about twice its
    // size), not every active placement by the status index and then a sort, per page.
    `select p.id from placements p join employers e on e.id = p.employer_id
     where p.id > @after and +p.status = 'active' order by p.id limit @limit`,
    `select distinct placement_id from flags
     where placement_id > @after and placement_id <= @last and subject_type = 'placement' and site_id in (select id from sites) and ${LIVE}
     order by 1`,
  );
}

function everyTrainerId(database: DB): Generator<number> {
  return paged(
    database,
    `select id from users where id > @after and +role = 'trainer' and site_id in (select id from sites) order by id limit @limit`,
    `select distinct trainer_user_id from flags
     where trainer_user_id > @after and trainer_user_id <= @last and subject_type = 'trainer' and site_id in (select id from sites) and ${LIVE}
     order by 1`,
  );
}

/** Ids into batches of `size()` weight, the size asked again for each batch. */
function* cut(ids: Iterable<number>, weight: number, size: () => number, subjects: (ids: number[]) => Subjects): Generator<Subjects> {
  let batch: number[] = [];
  for (const id of ids) {
    batch.push(id);
    if (batch.length * weight >= size()) {
      yield subjects(batch);
      batch = [];
    }
  }
  if (batch.length > 0) yield subjects(batch);
}

/**
 * The subjects of a pass, in batches: placements first, then trainers. A pass over a few
 * subjects (the write hook: a placement and its trainers) is one batch, so one transaction.
 */
function* batchesOf(database: DB, ctx: PassContext, options: FlagPassOptions, size: () => number): Generator<Subjects> {
  const placements = (ids: number[]): Subjects => ({ placementIds: ids, trainerIds: [] });
  const trainers = (ids: number[]): Subjects => ({ placementIds: [], trainerIds: ids });
  let subjects: Subjects;
  if (options.placementIds !== undefined) {
    const placementIds = [...new Set(options.placementIds)].sort((a, b) => a - b);
    const trainerRules = [...ctx.rules].some((r) => TRAINER_RULE_NAMES.has(r));
    const trainerIds = options.trainerIds
      ? [...new Set(options.trainerIds)].sort((a, b) => a - b)
      : options.trainers === false || !trainerRules || placementIds.length === 0
        ? []
        : trainersOfPlacements(database, placementIds, ctx.from);
    subjects = { placementIds, trainerIds };
    if (weightOf(subjects) <= size()) {
      if (weightOf(subjects) > 0) yield subjects;
      return;
    }
  } else if (options.siteId !== undefined) {
    subjects = sitesSubjects(database, [options.siteId]);
  } else {
    yield* cut(everyPlacementId(database), 1, size, placements);
    yield* cut(everyTrainerId(database), TRAINER_WEIGHT, size, trainers);
    return;
  }
  yield* cut(subjects.placementIds, 1, size, placements);
  yield* cut(subjects.trainerIds, TRAINER_WEIGHT, size, trainers);
}

function findingsOf(ctx: PassContext, subjects: Subjects): Finding[] {
  const placements = subjects.placementIds.length > 0 ? loadPlacements(ctx, subjects.placementIds) : [];
  const trainers = subjects.trainerIds.length > 0 ? loadTrainers(ctx, subjects.trainerIds) : [];
  return evaluateFlags({
    today: ctx.today,
    placements,
    trainers,
    holidaysBySite: ctx.holidaysBySite,
    rules: ctx.rules,
    ...(ctx.thresholdsBySite ? { thresholdsBySite: ctx.thresholdsBySite } : {}),
  });
}

function runBatch(ctx: PassContext, subjects: Subjects): FlagPassResult {
  return reconcile(ctx, subjects, findingsOf(ctx, subjects));
}

const fixedSize = (options: FlagPassOptions) => {
  const size = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  return () => size;
};

/** What a pass would find, without writing anything (tests compare it with the rules run on whole histories). */
export function findFlags(database: DB, options: FlagPassOptions): Finding[] {
  const ctx = passContext(database, options);
  return [...batchesOf(database, ctx, options, fixedSize(options))].flatMap((subjects) => findingsOf(ctx, subjects));
}

const add = (total: FlagPassResult, r: FlagPassResult) => {
  total.raised += r.raised;
  total.updated += r.updated;
  total.cleared += r.cleared;
};

/**
 * One pass of the flag engine as of `today`: every site, one site, or some placements (and the
 * trainers who train or recently signed for them), for every rule or some. Runs its batches one
 * after the other without yielding: for scripts, tests and the write hook (one batch).
 */
export function runFlagPass(database: DB, options: FlagPassOptions): FlagPassResult {
  const ctx = passContext(database, options);
  const total: FlagPassResult = { raised: 0, updated: 0, cleared: 0 };
  for (const subjects of batchesOf(database, ctx, options, fixedSize(options))) add(total, runBatch(ctx, subjects));
  return total;
}

/**
 * The CPU one batch of the server's pass aims to use. A request that arrives during a pass waits
 * for the batch under way, so this is what the pass adds to a request on average, and the bound
 * (20 ms) must hold for the dearest batches: batches of the same size vary twofold, and on a
 * shared machine the wall clock runs ahead of the CPU (docs/decisions/0034). At 5 ms the fixed
 * cost of a batch (its transaction and flags read) is under a tenth of it.
 */
export const BATCH_TARGET_MS = 5;
/** The first batch also warms up statements and the JIT: it starts small. */
const FIRST_BATCH = 2;
const LARGEST_BATCH = 500;

/**
 * The same pass for the server: it gives the event loop back between batches, so requests are
 * served while it runs and none waits longer than one batch. Batches are sized by time, not by
 * count: each is as many subjects as the batches so far say fit in BATCH_TARGET_MS of CPU (a
 * subject's cost differs tenfold between a new placement and a trainer of fifty apprentices, and
 * the first batches of a process are slower). `batchSize` fixes the size instead.
 */
export async function runFlagPassInBatches(database: DB, options: FlagPassOptions): Promise<FlagPassResult & BatchStats> {
  const ctx = passContext(database, options);
  const total: FlagPassResult & BatchStats = { raised: 0, updated: 0, cleared: 0, batches: 0, longestBatchMs: 0, longestBatchCpuMs: 0 };
  let size = Math.max(1, options.batchSize ?? FIRST_BATCH);
  /** CPU milliseconds per unit of weight (a placement), smoothed over the batches so far. */
  let msPerSubject: number | null = null;
  const batches = batchesOf(database, ctx, options, () => size);
  for (;;) {
    // The batch's own listing of subjects (a page of them, now and then) counts in its time.
    const started = performance.now();
    const cpu = process.cpuUsage();
    const next = batches.next();
    if (next.done) break;
    add(total, runBatch(ctx, next.value));
    const used = process.cpuUsage(cpu);
    const ms = performance.now() - started;
    const cpuMs = (used.user + used.system) / 1000;
    total.batches += 1;
    total.longestBatchMs = Math.max(total.longestBatchMs, ms);
    total.longestBatchCpuMs = Math.max(total.longestBatchCpuMs, cpuMs);
    if (options.batchSize === undefined) {
      // By the CPU the batch used, not the wall clock: on a busy machine the wall clock also counts
      // other processes' turns, and shrinking batches for those would only add per-batch overhead.
      const rate = cpuMs / Math.max(1, weightOf(next.value));
      msPerSubject = msPerSubject === null ? rate : 0.7 * msPerSubject + 0.3 * rate;
      // A batch slower than the average so far shrinks the next one at once; faster ones grow it gradually.
      size = Math.min(LARGEST_BATCH, Math.max(1, Math.floor(BATCH_TARGET_MS / Math.max(msPerSubject, rate))));
    }
    await yieldToOthers();
  }
  return total;
}

let unsubscribe: (() => void) | null = null;

/**
 * Re-evaluate after each relevant write (docs/product.md §5): when a placement's records change,
 * run the rules that read those records for that placement and the trainers who train or
 * recently signed for it. Returns the unsubscribe function; registering again replaces the
 * earlier one.
 */
export function registerFlagHooks(
  options: {
    database?: () => DB;
    today?: () => string;
    /** Per-site thresholds, read when the hook runs (e.g. from `site_settings`). */
    thresholdsBySite?: (database: DB) => ReadonlyMap<number, Thresholds> | undefined;
  } = {},
): () => void {
  unsubscribe?.();
  const off = onRecordsChanged((event) => {
    const database = (options.database ?? processDb)();
    const thresholdsBySite = options.thresholdsBySite?.(database);
    const rules = [...new Set(event.kinds.flatMap((kind) => RULES_BY_RECORD_KIND[kind]))];
    runFlagPass(database, {
      today: (options.today ?? siteToday)(),
      placementIds: [event.placementId],
      rules,
      ...(thresholdsBySite ? { thresholdsBySite } : {}),
    });
  });
  const stop = () => {
    off();
    if (unsubscribe === stop) unsubscribe = null;
  };
  unsubscribe = stop;
  return stop;
}
