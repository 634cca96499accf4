// `npm run flags`: one full flag pass for every site as of today in the sites' zone
// (Asia/Phnom_Penh, or DEMO_TODAY), on the database at DATABASE_PATH; prints what changed.
import { db } from "~/db/client.server";
import { runFlagPass } from "~/db/flags.server";
import { thresholdsBySite } from "~/db/site-settings.server";
import { siteToday } from "~/utils/today.server";

const database = db();
const today = siteToday();
const started = performance.now();
const result = runFlagPass(database, { today, thresholdsBySite: thresholdsBySite(database) });
const ms = Math.round(performance.now() - started);

console.log(`Flag pass as of ${today}: ${result.raised} raised, ${result.updated} updated, ${result.cleared} cleared (${ms} ms).`);
const open = database.$client
  .prepare(
    `select s.code as site, f.rule, f.severity, count(*) as n from flags f join sites s on s.id = f.site_id
     where f.status in ('open', 'acknowledged') group by s.code, f.rule, f.severity order by s.code, f.rule, f.severity`,
  )
  .all() as { site: string; rule: string; severity: string; n: number }[];
if (open.length === 0) console.log("No open flags.");
for (const row of open) console.log(`  ${row.site.padEnd(4)} ${row.rule.padEnd(22)} ${row.severity.padEnd(7)} ${row.n}`);
