/**
 * Start-up, called by server.js before it listens: parse the environment (a bad value stops
 * the app with a message naming the variable), open and migrate the database, seed the demo
 * when the database is empty, print the demo accounts, and start the flag engine (after every
 * relevant write, and in the background once started and daily: no pass runs before listening,
 * whatever the size of the database — docs/decisions/0015).
 */
import { db } from "~/db/client.server";
import { startFlagEngine } from "~/db/flag-schedule.server";
import { runFlagPass } from "~/db/flags.server";
import { thresholdsBySite } from "~/db/site-settings.server";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from "~/db/seed.server";
import { env } from "~/env.server";
import { sessionSecrets } from "~/auth/secret.server";
import { serverT } from "~/i18n/i18n.server";
import { siteToday } from "~/utils/today.server";

export async function bootServer() {
  const config = env();
  sessionSecrets();
  const database = db();
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
  startFlagEngine();
  const en = serverT("en");
  const km = serverT("km");
  return {
    port: config.PORT,
    host: config.HOST,
    trustProxy: config.TRUST_PROXY,
    logRequests: config.LOG_REQUESTS,
    crossOriginMessage: `${km("errors.crossOrigin")}\n${en("errors.crossOrigin")}\n`,
  };
}
