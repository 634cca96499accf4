/**
 * When the flag engine runs inside the server: after each relevant write (the records-changed
 * hook) and once a day for every site, one site at a time so no request waits long behind it.
 */
import { asc } from "drizzle-orm";

import { siteToday } from "~/utils/today.server";

import { db, type DB } from "./client.server";
import { registerFlagHooks, runFlagPass } from "./flags.server";
import { sites } from "./schema";
import { thresholdsBySite } from "./site-settings.server";

/** A full pass, site by site, yielding to the event loop between sites. */
export async function runFullPass(database: DB = db(), today = siteToday()) {
  const thresholds = thresholdsBySite(database);
  const totals = { raised: 0, updated: 0, cleared: 0 };
  for (const { id } of database.select({ id: sites.id }).from(sites).orderBy(asc(sites.id)).all()) {
    const result = runFlagPass(database, { today, siteId: id, thresholdsBySite: thresholds });
    totals.raised += result.raised;
    totals.updated += result.updated;
    totals.cleared += result.cleared;
    await new Promise((resolve) => setImmediate(resolve));
  }
  return totals;
}

const HOUR = 3_600_000;

/** Subscribe to writes, run a pass now, then again whenever the sites' calendar day changes. */
export async function startFlagEngine(log: (line: string) => void = console.log) {
  registerFlagHooks({ thresholdsBySite });
  let lastDay = siteToday();
  const first = await runFullPass(db(), lastDay);
  log(`Flag pass as of ${lastDay}: ${first.raised} raised, ${first.updated} updated, ${first.cleared} cleared.`);
  const timer = setInterval(() => {
    const today = siteToday();
    if (today === lastDay) return;
    lastDay = today;
    runFullPass(db(), today)
      .then((r) => log(`Daily flag pass as of ${today}: ${r.raised} raised, ${r.updated} updated, ${r.cleared} cleared.`))
      .catch((error: unknown) => console.error("daily flag pass failed", error));
  }, HOUR);
  timer.unref();
  return () => clearInterval(timer);
}
