/**
 * Start-up, called by server.js before it listens: parse the environment (a bad value stops
 * the app with a message naming the variable), open and migrate the database, seed the demo
 * when the database is empty, print the demo accounts, make sure the database holds the
 * credential signing keys (adopting an older install's key file once, or creating the first key),
 * start the flag engine (after every relevant write, and in the background once started and
 * daily: no pass runs before listening, whatever the size of the database — docs/decisions/0015),
 * the reminders (Telegram updates, a pass a minute) and housekeeping (sweeps hourly, a backup
 * daily), move WAL checkpoints to a worker thread (docs/decisions/0038), and mark the database as
 * in use so that a restore refuses to replace it under the server.
 */
import { startCheckpointer } from "~/db/checkpoint.server";
import { db } from "~/db/client.server";
import { ensureCredentialKeys } from "~/db/credential-keys.server";
import { startFlagEngine } from "~/db/flag-schedule.server";
import { runFlagPass } from "~/db/flags.server";
import { thresholdsBySite } from "~/db/site-settings.server";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from "~/db/seed.server";
import { verifyAgainstNothing } from "~/auth/password.server";
import { startReminders } from "~/messaging/schedule.server";
import { sessionSecrets } from "~/auth/secret.server";
import { startHousekeeping } from "~/db/housekeeping.server";
import { markServer } from "~/db/server-mark.server";
import { backupDir, env } from "~/env.server";
import { serverT } from "~/i18n/i18n.server";
import { siteToday } from "~/utils/today.server";

export async function bootServer() {
  const config = env();
  const database = db();
  sessionSecrets();
  if (config.SEED_DEMO && isDatabaseEmpty(database)) {
    const started = Date.now();
    const summary = seedDemo(database, { today: siteToday() });
    // A demo just seeded is small by construction: its flags are there from the first page.
    runFlagPass(database, { today: siteToday(), thresholdsBySite: thresholdsBySite(database) });
    console.log(`Seeded the demo into ${config.DATABASE_PATH} in ${Date.now() - started} ms.`);
    console.log(`Demo accounts (password "${DEMO_PASSWORD}"):`);
    for (const account of summary.accounts) {
      console.log(`  ${account.username.padEnd(12)} ${account.role.padEnd(11)} ${account.description}`);
    }
  }
  const keys = await ensureCredentialKeys(database);
  if (keys.source === "adopted")
    console.log(
      `Moved the credential signing keys from ${keys.from} into the database; the file is now ${keys.renamedTo}, needed only to restore a backup taken before this upgrade.`,
    );
  if (keys.source === "created") console.log(`Created the credential signing key ${keys.kid} in the database.`);
  startFlagEngine();
  startHousekeeping({ backupDir: backupDir(config), backupKeep: config.BACKUP_KEEP, dailyBackup: config.BACKUP_DAILY });
  const checkpointer = startCheckpointer(database);
  markServer(config.DATABASE_PATH, config.PORT);
  // The dummy hash that unknown usernames are checked against, made now rather than on the first one.
  await verifyAgainstNothing("warm-up");
  startReminders();
  const en = serverT("en");
  const km = serverT("km");
  return {
    port: config.PORT,
    host: config.HOST,
    // One proxy hop (Caddy, nginx): the client is the address that proxy saw, never an
    // X-Forwarded-For entry the client wrote itself (sign-in throttling keys on it).
    trustProxy: config.TRUST_PROXY ? 1 : false,
    logRequests: config.LOG_REQUESTS,
    crossOriginMessage: `${km("errors.crossOrigin")}\n${en("errors.crossOrigin")}\n`,
    badRequestMessage: `${km("errors.badRequestBody")}\n${en("errors.badRequestBody")}\n`,
    /** On shutdown: the checkpoint thread finishes the checkpoint under way and closes its connection. */
    stop: () => checkpointer.stop(),
  };
}
