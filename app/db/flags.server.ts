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
 */
import { addDays, parseWeekdays, SITE_TIME_ZONE, startOfDayMs, zonedDateOf } from "~/domain/dates";
import type { AbsenceReason, AssessmentLevel, AttendanceStatus, EducationEventKind, FlagRule, FlagSeverity, FlagStatus, FlagSubjectType } from "~/domain/enums";
import { onRecordsChanged } from "~/domain/events";
import {
  DEFAULT_THRESHOLDS,
  evaluateFlags,
  lookbackDays,
  ruleDefinition,
  type AssessmentFact,
  type AttendanceDay,
  type EducationAfternoonFact,
  type Evidence,
  type FeedbackFact,
  type Finding,
  type PlacementFacts,
  type SignoffFact,
  type Thresholds,
  type TrainerFacts,
} from "~/domain/flags";
import type { CompetencyPlan } from "~/domain/progress";
import { siteToday } from "~/utils/today.server";

import { db as processDb, type DB } from "./client.server";

export interface FlagPassOptions {
  /** `YYYY-MM-DD` in the sites' zone. */
  today: string;
  /** Only this site (all sites when absent). */
  siteId?: number;
  /** Only these placements, and the trainers who train or recently signed for them. */
  placementIds?: number[];
  /** Per-site thresholds; a site without an entry uses DEFAULT_THRESHOLDS. */
  thresholdsBySite?: Map<number, Thresholds>;
  /** The moment written to raised/updated/cleared timestamps (tests). */
  now?: Date;
}

export interface FlagPassResult {
  raised: number;
  updated: number;
  cleared: number;
}

// ---------------------------------------------------------------------------------------------
// Moments ↔ site dates


// ---------------------------------------------------------------------------------------------
// Loading the facts

type Scope =
  | { kind: "sites"; siteIds: number[] | null }
  | { kind: "placements"; placementIds: number[]; siteId: number | null };

interface PlacementRow {
  id: number;
  apprentice_id: number;
  employer_id: number;
  trainer_user_id: number;
  framework_version_id: number;
  start_date: string;
  planned_weeks: number;
  working_weekdays: string;
  education_weekdays: string;
  site_id: number;
  date_of_birth: string;
}

interface TrainerRow {
  id: number;
  site_id: number;
  employer_id: number;
}

interface Facts {
  placements: PlacementFacts[];
  trainers: TrainerFacts[];
  holidaysBySite: Map<number, Set<string>>;
  /** Trainer subjects whose flags this pass owns (placements mode). */
  trainerIds: number[];
}

const json = (ids: readonly number[]) => JSON.stringify(ids);

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function loadFacts(database: DB, scope: Scope, today: string, thresholds: Iterable<Thresholds>): Facts {
  const sql = database.$client;
  const from = addDays(today, -lookbackDays(thresholds));

  // 1. The active placements to evaluate.
  const placementWhere =
    scope.kind === "sites"
      ? scope.siteIds === null
        ? "1 = 1"
        : "e.site_id in (select value from json_each(@sites))"
      : `p.id in (select value from json_each(@ids))${scope.siteId === null ? "" : " and e.site_id = @site"}`;
  const placementRows = sql
    .prepare(
      `select p.id, p.apprentice_id, p.employer_id, p.trainer_user_id, p.framework_version_id, p.start_date,
              p.planned_weeks, p.working_weekdays, p.education_weekdays, e.site_id, a.date_of_birth
       from placements p
       join employers e on e.id = p.employer_id
       join apprentices a on a.id = p.apprentice_id
       where p.status = 'active' and ${placementWhere}
       order by p.id`,
    )
    .all(
      scope.kind === "sites"
        ? scope.siteIds === null
          ? {}
          : { sites: json(scope.siteIds) }
        : { ids: json(scope.placementIds), ...(scope.siteId === null ? {} : { site: scope.siteId }) },
    ) as PlacementRow[];
  const pids = json(placementRows.map((p) => p.id));

  // 2. The trainers to evaluate: every trainer of the site(s), or those of the placements.
  const trainerRows = (
    scope.kind === "sites"
      ? sql
          .prepare(
            `select id, site_id, employer_id from users where role = 'trainer' and site_id is not null and employer_id is not null
             ${scope.siteIds === null ? "" : "and site_id in (select value from json_each(@sites))"} order by id`,
          )
          .all(scope.siteIds === null ? {} : { sites: json(scope.siteIds) })
      : sql
          .prepare(
            `select id, site_id, employer_id from users
             where role = 'trainer' and site_id is not null and employer_id is not null ${scope.siteId === null ? "" : "and site_id = @site"} and id in (
               select trainer_user_id from placements where id in (select value from json_each(@ids))
               union
               select trainer_user_id from assessments where placement_id in (select value from json_each(@ids)) and observed_on >= @from)
             order by id`,
          )
          .all({ ids: json(scope.placementIds), from, ...(scope.siteId === null ? {} : { site: scope.siteId }) })
  ) as TrainerRow[];
  const tids = json(trainerRows.map((t) => t.id));

  const siteIds = [...new Set([...placementRows.map((p) => p.site_id), ...trainerRows.map((t) => t.site_id)])];
  const sites = sql
    .prepare("select id, timezone from sites where id in (select value from json_each(@sites))")
    .all({ sites: json(siteIds) }) as { id: number; timezone: string }[];
  const zoneOf = new Map(sites.map((s) => [s.id, s.timezone || SITE_TIME_ZONE]));
  const zones = [...new Set(zoneOf.values())];
  const formatters = new Map(zones.map((z) => [z, zonedDateOf(z)]));
  const siteDate = (siteId: number, ms: number) =>
    (formatters.get(zoneOf.get(siteId) ?? SITE_TIME_ZONE) ?? zonedDateOf(SITE_TIME_ZONE))(ms);
  // Moments up to the end of `today` (all sites share one zone; with several, the latest end).
  const endOfToday = Math.max(...(zones.length ? zones : [SITE_TIME_ZONE]).map((z) => startOfDayMs(addDays(today, 1), z)));
  const startOfFrom = Math.min(...(zones.length ? zones : [SITE_TIME_ZONE]).map((z) => startOfDayMs(addDays(from, -1), z)));

  // 3. Public holidays of those sites within the look-back.
  const holidaysBySite = new Map<number, Set<string>>();
  for (const h of sql
    .prepare("select site_id, date from public_holidays where site_id in (select value from json_each(@sites)) and date between @from and @today")
    .all({ sites: json(siteIds), from, today }) as { site_id: number; date: string }[]) {
    const set = holidaysBySite.get(h.site_id) ?? new Set<string>();
    set.add(h.date);
    holidaysBySite.set(h.site_id, set);
  }

  // 4. Competencies of the placements' framework versions, with every version's size.
  const competencies = new Map<number, CompetencyPlan[]>();
  for (const c of sql
    .prepare(
      `select id, version_id, expected_by_week from competencies
       where version_id in (select framework_version_id from placements where id in (select value from json_each(@pids)))
       order by version_id, id`,
    )
    .all({ pids }) as { id: number; version_id: number; expected_by_week: number }[]) {
    push(competencies, c.version_id, { id: c.id, expectedByWeek: c.expected_by_week });
  }

  // 5. The assessment history of the placements (as of today).
  const assessmentsByPlacement = new Map<number, AssessmentFact[]>();
  for (const a of sql
    .prepare(
      `select id, placement_id, competency_id, level, observed_on, supersedes_id from assessments
       where placement_id in (select value from json_each(@pids)) and observed_on <= @today`,
    )
    .all({ pids, today }) as {
    id: number;
    placement_id: number;
    competency_id: number;
    level: AssessmentLevel;
    observed_on: string;
    supersedes_id: number | null;
  }[]) {
    push(assessmentsByPlacement, a.placement_id, {
      id: a.id,
      competencyId: a.competency_id,
      level: a.level,
      observedOn: a.observed_on,
      supersedesId: a.supersedes_id,
    });
  }

  // 6. Reviewed weeks.
  const reviewed = new Map<number, Set<string>>();
  for (const r of sql
    .prepare(
      `select distinct placement_id, week_of from weekly_reviews
       where placement_id in (select value from json_each(@pids)) and week_of <= @today`,
    )
    .all({ pids, today }) as { placement_id: number; week_of: string }[]) {
    const set = reviewed.get(r.placement_id) ?? new Set<string>();
    set.add(r.week_of);
    reviewed.set(r.placement_id, set);
  }

  // 7. The current attendance row of each day in the look-back: the latest row for the date
  //    (a correction is a later row that supersedes), kept by walking the rows in id order.
  const currentDay = new Map<number, Map<string, AttendanceDay>>();
  for (const d of sql
    .prepare(
      `select placement_id, date, status, absence_reason, (note is not null and trim(note) <> '') as has_note
       from attendance where placement_id in (select value from json_each(@pids)) and date between @from and @today
       order by placement_id, date, id`,
    )
    .all({ pids, from, today }) as {
    placement_id: number;
    date: string;
    status: AttendanceStatus;
    absence_reason: AbsenceReason | null;
    has_note: number;
  }[]) {
    let days = currentDay.get(d.placement_id);
    if (!days) currentDay.set(d.placement_id, (days = new Map()));
    days.set(d.date, { date: d.date, status: d.status, absenceReason: d.absence_reason, hasNote: d.has_note === 1 });
  }

  // 8. The education ledger in the look-back, events in the order recorded.
  const afternoonsByPlacement = new Map<number, EducationAfternoonFact[]>();
  const afternoonById = new Map<number, { afternoonId: number; date: string; events: EducationEventKind[] }>();
  for (const row of sql
    .prepare(
      `select f.id, f.placement_id, f.date, e.kind from education_afternoons f
       left join education_events e on e.afternoon_id = f.id and e.created_at < @endOfToday
       where f.placement_id in (select value from json_each(@pids)) and f.date between @from and @today
       order by f.placement_id, f.date, e.id`,
    )
    .all({ pids, from, today, endOfToday }) as { id: number; placement_id: number; date: string; kind: EducationEventKind | null }[]) {
    let afternoon = afternoonById.get(row.id);
    if (!afternoon) {
      afternoon = { afternoonId: row.id, date: row.date, events: [] };
      afternoonById.set(row.id, afternoon);
      push(afternoonsByPlacement, row.placement_id, afternoon);
    }
    if (row.kind) afternoon.events.push(row.kind);
  }

  // 9. The latest feedback of each placement.
  const feedbackRows = sql
    .prepare(
      `select id, placement_id, submitted_at, explains_rating, learning_rating, fairness_rating, safety_rating from (
         select f.*, row_number() over (partition by placement_id order by submitted_at desc, id desc) as rn
         from feedback f where placement_id in (select value from json_each(@pids)) and submitted_at < @endOfToday)
       where rn = 1`,
    )
    .all({ pids, endOfToday }) as {
    id: number;
    placement_id: number;
    submitted_at: number;
    explains_rating: number;
    learning_rating: number;
    fairness_rating: number;
    safety_rating: number;
  }[];
  const feedbackByPlacement = new Map(feedbackRows.map((f) => [f.placement_id, f]));

  const placements: PlacementFacts[] = placementRows.map((p) => {
    const f = feedbackByPlacement.get(p.id);
    const latestFeedback: FeedbackFact | null = f
      ? {
          feedbackId: f.id,
          submittedOn: siteDate(p.site_id, f.submitted_at),
          explains: f.explains_rating,
          learning: f.learning_rating,
          fairness: f.fairness_rating,
          safety: f.safety_rating,
        }
      : null;
    return {
      placementId: p.id,
      siteId: p.site_id,
      apprenticeId: p.apprentice_id,
      employerId: p.employer_id,
      trainerUserId: p.trainer_user_id,
      startDate: p.start_date,
      plannedWeeks: p.planned_weeks,
      workingWeekdays: parseWeekdays(p.working_weekdays),
      educationWeekdays: parseWeekdays(p.education_weekdays),
      apprenticeDateOfBirth: p.date_of_birth,
      competencies: competencies.get(p.framework_version_id) ?? [],
      assessments: assessmentsByPlacement.get(p.id) ?? [],
      reviewedWeeks: reviewed.get(p.id) ?? new Set(),
      attendance: [...(currentDay.get(p.id)?.values() ?? [])],
      educationAfternoons: afternoonsByPlacement.get(p.id) ?? [],
      latestFeedback,
    };
  });

  // 10. Trainers: their active placements (wherever they are in scope or not).
  const activeByTrainer = new Map<number, { placementId: number; apprenticeId: number; startDate: string }[]>();
  for (const p of sql
    .prepare(
      `select id, trainer_user_id, apprentice_id, start_date from placements
       where status = 'active' and trainer_user_id in (select value from json_each(@tids)) order by id`,
    )
    .all({ tids }) as { id: number; trainer_user_id: number; apprentice_id: number; start_date: string }[]) {
    push(activeByTrainer, p.trainer_user_id, { placementId: p.id, apprenticeId: p.apprentice_id, startDate: p.start_date });
  }

  // 11. The moment each trainer last signed: an assessment entered or a weekly review submitted.
  const lastSignedMs = new Map<number, number>();
  for (const r of sql
    .prepare(
      `select trainer_user_id as t, max(created_at) as m from assessments
       where trainer_user_id in (select value from json_each(@tids)) and created_at < @endOfToday group by trainer_user_id
       union all
       select trainer_user_id as t, max(submitted_at) as m from weekly_reviews
       where trainer_user_id in (select value from json_each(@tids)) and submitted_at < @endOfToday group by trainer_user_id`,
    )
    .all({ tids, endOfToday }) as { t: number; m: number | null }[]) {
    if (r.m !== null) lastSignedMs.set(r.t, Math.max(r.m, lastSignedMs.get(r.t) ?? 0));
  }

  // 12. Recent `independent` sign-offs by those trainers (entered no earlier than the look-back;
  //     nobody records an observation before it happens), with their framework's size …
  const signoffRows = sql
    .prepare(
      `select a.id, a.placement_id, p.apprentice_id, a.competency_id, a.observed_on, a.trainer_user_id,
              (select count(*) from competencies c where c.version_id = p.framework_version_id) as framework_size
       from assessments a join placements p on p.id = a.placement_id
       where a.trainer_user_id in (select value from json_each(@tids)) and a.created_at >= @startOfFrom
         and a.level = 'independent' and a.observed_on between @from and @today
       order by a.id`,
    )
    .all({ tids, startOfFrom, from, today }) as {
    id: number;
    placement_id: number;
    apprentice_id: number;
    competency_id: number;
    observed_on: string;
    trainer_user_id: number;
    framework_size: number;
  }[];
  // 13. … less those a correction has superseded.
  const supersededSignoffs = new Set(
    (
      sql
        .prepare(
          `select supersedes_id from assessments
           where placement_id in (select value from json_each(@signoffPids)) and supersedes_id is not null`,
        )
        .all({ signoffPids: json([...new Set(signoffRows.map((s) => s.placement_id))]) }) as { supersedes_id: number }[]
    ).map((r) => r.supersedes_id),
  );
  const signoffsByTrainer = new Map<number, SignoffFact[]>();
  for (const s of signoffRows) {
    if (supersededSignoffs.has(s.id)) continue;
    push(signoffsByTrainer, s.trainer_user_id, {
      assessmentId: s.id,
      placementId: s.placement_id,
      apprenticeId: s.apprentice_id,
      competencyId: s.competency_id,
      observedOn: s.observed_on,
      frameworkSize: s.framework_size,
    });
  }

  const trainers: TrainerFacts[] = trainerRows.map((t) => {
    const ms = lastSignedMs.get(t.id);
    return {
      trainerUserId: t.id,
      siteId: t.site_id,
      employerId: t.employer_id,
      activePlacements: activeByTrainer.get(t.id) ?? [],
      lastSignedOn: ms === undefined ? null : siteDate(t.site_id, ms),
      signoffs: signoffsByTrainer.get(t.id) ?? [],
    };
  });

  return { placements, trainers, holidaysBySite, trainerIds: trainerRows.map((t) => t.id) };
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

function reconcile(database: DB, scope: Scope, facts: Facts, findings: Finding[], now: number): FlagPassResult {
  const sql = database.$client;
  const result: FlagPassResult = { raised: 0, updated: 0, cleared: 0 };

  // Open or acknowledged, or closed by staff while the condition held (written so that the
  // (site_id, status) index narrows it: cleared flags pile up over the years and are never read).
  const live =
    "status in ('open', 'acknowledged', 'resolved', 'dismissed') and (status in ('open', 'acknowledged') or cleared_at is null)";
  const selectFlags =
    scope.kind === "sites"
      ? scope.siteIds === null
        ? sql.prepare(`select * from flags where site_id in (select id from sites) and ${live}`)
        : sql.prepare(`select * from flags where site_id in (select value from json_each(@sites)) and ${live}`)
      : sql.prepare(
          `select * from flags where (${live}) and (
             (subject_type = 'placement' and placement_id in (select value from json_each(@pids)))
             or (subject_type = 'trainer' and trainer_user_id in (select value from json_each(@tids))))
           ${scope.siteId === null ? "" : "and site_id = @site"}`,
        );
  const params =
    scope.kind === "sites"
      ? scope.siteIds === null
        ? {}
        : { sites: json(scope.siteIds) }
      : { pids: json(scope.placementIds), tids: json(facts.trainerIds), ...(scope.siteId === null ? {} : { site: scope.siteId }) };

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
  const event = sql.prepare(
    "insert into flag_events (flag_id, action, actor_user_id, note, created_at) values (@flagId, @action, null, @note, @now)",
  );

  sql
    .transaction(() => {
      const open = new Map<string, FlagRow>();
      const closed = new Map<string, FlagRow[]>();
      for (const row of selectFlags.all(params) as FlagRow[]) {
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
            canonical(parseEvidence(current.evidence)) === canonical(f.evidence);
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
          if (!isNewEpisode?.(dealtWith.map((row) => parseEvidence(row.evidence)), f.evidence)) continue;
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

/**
 * One pass of the flag engine as of `today`: every site, one site, or some placements (and the
 * trainers who train or recently signed for them). Set-based: the number of queries does not
 * grow with the data.
 */
export function runFlagPass(database: DB, options: FlagPassOptions): FlagPassResult {
  const { today, thresholdsBySite } = options;
  let scope: Scope;
  if (options.placementIds !== undefined) {
    const ids = [...new Set(options.placementIds)];
    if (ids.length === 0) return { raised: 0, updated: 0, cleared: 0 };
    scope = { kind: "placements", placementIds: ids, siteId: options.siteId ?? null };
  } else {
    scope = { kind: "sites", siteIds: options.siteId === undefined ? null : [options.siteId] };
  }
  const thresholds = thresholdsBySite ? [...thresholdsBySite.values()] : [DEFAULT_THRESHOLDS];
  const facts = loadFacts(database, scope, today, thresholds);
  const findings = evaluateFlags({
    today,
    placements: facts.placements,
    trainers: facts.trainers,
    holidaysBySite: facts.holidaysBySite,
    ...(thresholdsBySite ? { thresholdsBySite } : {}),
  });
  return reconcile(database, scope, facts, findings, (options.now ?? new Date()).getTime());
}

let unsubscribe: (() => void) | null = null;

/**
 * Re-evaluate after each relevant write (docs/product.md §5): when a placement's records change, run
 * the pass for that placement and the trainers who train or recently signed for it. Returns the
 * unsubscribe function; registering again replaces the earlier subscription.
 */
export function registerFlagHooks(
  options: {
    database?: () => DB;
    today?: () => string;
    /** Per-site thresholds, read when the hook runs (e.g. from `site_settings`). */
    thresholdsBySite?: (database: DB) => Map<number, Thresholds> | undefined;
  } = {},
): () => void {
  unsubscribe?.();
  const off = onRecordsChanged((event) => {
    const database = (options.database ?? processDb)();
    const thresholdsBySite = options.thresholdsBySite?.(database);
    runFlagPass(database, {
      today: (options.today ?? siteToday)(),
      placementIds: [event.placementId],
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
