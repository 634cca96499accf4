/**
 * When the flag engine runs inside the server (docs/decisions/0015):
 * - after each relevant write, the rules that kind of record can change, for that placement and
 *   its trainers (the records-changed hook, `registerFlagHooks`);
 * - in the background, never before the server listens and never holding the event loop for
 *   more than one batch: once after start (every rule, every subject), then whenever the sites'
 *   calendar day changes, the daily pass.
 *
 * The daily pass runs only what the date alone can change. A new week (Monday) moves the rules
 * that count weeks (no weekly review, behind plan, education not granted): then every rule runs
 * for every subject. Other days, without a write the rules' windows only lose days, so only
 * placements with a live flag of a windowed rule can change; overdue begins the day after the
 * planned end; trainers can become inactive on any day; and a placement that is no longer active
 * has its flags cleared.
 */
import { mondayOf } from "~/domain/dates";
import type { FlagRule } from "~/domain/enums";
import { siteToday } from "~/utils/today.server";

import { db, optimize, type DB } from "./client.server";
import { registerFlagHooks, runFlagPassInBatches, type BatchStats, type FlagPassResult } from "./flags.server";
import { thresholdsBySite } from "./site-settings.server";
import { yieldToOthers } from "~/utils/yield.server";

const WINDOWED: readonly FlagRule[] = ["attendance_risk", "signoff_while_absent", "education_mismatch"];
const TRAINER_RULES: readonly FlagRule[] = ["trainer_inactive", "bulk_signoff"];

const ids = (database: DB, query: string, params: Record<string, unknown> = {}) =>
  (database.$client.prepare(query).raw().all(params) as [number][]).map((r) => r[0]);

const LIVE = "status in ('open', 'acknowledged', 'resolved', 'dismissed') and (status in ('open', 'acknowledged') or cleared_at is null)";

export type PassStats = FlagPassResult & BatchStats & { kind: "full" | "daily" };

function sum(parts: (FlagPassResult & BatchStats)[], kind: PassStats["kind"]): PassStats {
  return parts.reduce<PassStats>(
    (t, p) => ({
      kind,
      raised: t.raised + p.raised,
      updated: t.updated + p.updated,
      cleared: t.cleared + p.cleared,
      batches: t.batches + p.batches,
      longestBatchMs: Math.max(t.longestBatchMs, p.longestBatchMs),
      longestBatchCpuMs: Math.max(t.longestBatchCpuMs, p.longestBatchCpuMs),
    }),
    { kind, raised: 0, updated: 0, cleared: 0, batches: 0, longestBatchMs: 0, longestBatchCpuMs: 0 },
  );
}

/**
 * The pass for a day: every rule for every subject (`full`), or what the date alone changes
 * since the day before (see the module comment). In batches, yielding between them.
 */
export async function runDailyPass(database: DB = db(), today = siteToday(), options: { full?: boolean } = {}): Promise<PassStats> {
  const thresholds = thresholdsBySite(database);
  const base = { today, thresholdsBySite: thresholds };
  if (options.full) return sum([await runFlagPassInBatches(database, base)], "full");

  const parts: (FlagPassResult & BatchStats)[] = [];
  // Which placements to look at, listed a site at a time with the event loop given back between
  // sites: listed across every site at once, each of these lists held it for 20–25 ms on the 100×
  // data (docs/decisions/0034).
  const sites = ids(database, "select id from sites order by id");
  const bySite = async (query: string, params: Record<string, unknown> = {}) => {
    const found: number[] = [];
    for (const site of sites) {
      found.push(...ids(database, query, { ...params, site }));
      await yieldToOthers();
    }
    return found;
  };
  const windowed = await bySite(
    `select distinct placement_id from flags where site_id = @site and subject_type = 'placement'
       and rule in ('attendance_risk', 'signoff_while_absent', 'education_mismatch') and ${LIVE}`,
  );
  parts.push(await runFlagPassInBatches(database, { ...base, placementIds: windowed, rules: WINDOWED, trainers: false }));
  const pastPlannedEnd = await bySite(
    `select p.id from employers e join placements p on p.employer_id = e.id and p.status = 'active'
     where e.site_id = @site and date(p.start_date, '+' || (7 * p.planned_weeks - 1) || ' days') < @today`,
    { today },
  );
  parts.push(await runFlagPassInBatches(database, { ...base, placementIds: pastPlannedEnd, rules: ["overdue"], trainers: false }));
  const ended = await bySite(
    `select distinct f.placement_id from flags f join placements p on p.id = f.placement_id
     where f.site_id = @site and f.subject_type = 'placement' and f.status in ('open', 'acknowledged', 'resolved', 'dismissed')
       and (f.status in ('open', 'acknowledged') or f.cleared_at is null) and p.status <> 'active'`,
  );
  parts.push(await runFlagPassInBatches(database, { ...base, placementIds: ended, trainers: false }));
  const trainers = ids(database, "select id from users where role = 'trainer' and site_id is not null order by id");
  parts.push(await runFlagPassInBatches(database, { ...base, placementIds: [], trainerIds: trainers, rules: TRAINER_RULES }));
  return sum(parts, "daily");
}

/** Every rule for one site, in batches (after its thresholds change). */
export async function runSitePass(siteId: number, database: DB = db(), today = siteToday()) {
  return runFlagPassInBatches(database, { today, siteId, thresholdsBySite: thresholdsBySite(database) });
}

const CHECK_EVERY_MS = 10 * 60_000;

/**
 * Subscribe to writes, then (in the background, after the caller has started listening) a full
 * pass, and the daily pass whenever the sites' calendar day changes. Returns a stop function.
 */
export function startFlagEngine(log: (line: string) => void = console.log): () => void {
  registerFlagHooks({ thresholdsBySite });
  let lastDay: string | null = null;
  let lastFullMonday: string | null = null;
  let running = false;
  const tick = async () => {
    const today = siteToday();
    if (running || today === lastDay) return;
    running = true;
    try {
      const full = mondayOf(today) !== lastFullMonday;
      const started = performance.now();
      const r = await runDailyPass(db(), today, { full });
      lastDay = today;
      if (full) lastFullMonday = mondayOf(today);
      optimize(db());
      log(
        `Flag pass (${r.kind}) as of ${today}: ${r.raised} raised, ${r.updated} updated, ${r.cleared} cleared; ` +
          `${Math.round(performance.now() - started)} ms in ${r.batches} batches, longest ${Math.round(r.longestBatchMs)} ms (${Math.round(r.longestBatchCpuMs)} ms CPU).`,
      );
    } catch (error) {
      console.error("flag pass failed", error);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 0);
  const timer = setInterval(() => void tick(), CHECK_EVERY_MS);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
