// `npm run reminders [-- --time HH:MM]`: one reminder pass now, on the database at DATABASE_PATH,
// as of today in the sites' calendar (DEMO_TODAY when set) and the sites' clock (or --time).
// Queues the reminders that are due, sends every message that is queued or due for a retry,
// and prints what it queued and sent. The server runs the same pass every minute by itself.
import { parseArgs } from "node:util";

import { db } from "~/db/client.server";
import { runReminderPass } from "~/db/reminders.server";
import { SITE_TIME_ZONE } from "~/domain/dates";
import { TIME_OF_DAY, timeInZone } from "~/domain/reminders";
import { usesLogTransport } from "~/messaging/config.server";
import { siteToday } from "~/utils/today.server";

const { values } = parseArgs({ options: { time: { type: "string" } } });
if (values.time !== undefined && !TIME_OF_DAY.test(values.time)) {
  console.log(`--time must be a time of day such as 16:30, not "${values.time}".`);
  process.exit(2);
}

const now = new Date();
const time = values.time ?? timeInZone(now, SITE_TIME_ZONE);
const result = await runReminderPass(db(), { ...(values.time ? { time: values.time } : {}) });

console.log(`Reminder pass as of ${siteToday(now)} ${time}${usesLogTransport() ? " (log transport: nothing leaves this machine)" : ""}.`);
if (result.queued.length === 0) console.log("Queued: nothing new is due.");
for (const q of result.queued) console.log(`Queued ${String(q.queued).padStart(3)}  ${q.siteCode.padEnd(4)} ${q.kind.padEnd(7)} week of ${q.weekOf}`);
console.log(`Sent ${result.sent.sent}, failed ${result.sent.failed}, not needed ${result.sent.cancelled}.`);
process.exit(0);
