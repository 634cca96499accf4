// Seeds the demo into an empty database at DATABASE_PATH (default data/portal.db), without serving.
import { db } from "~/db/client.server";
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from "~/db/seed.server";
import { env } from "~/env.server";
import { siteToday } from "~/utils/today.server";

const database = db();
if (!isDatabaseEmpty(database)) {
  console.log(`${env().DATABASE_PATH} already holds data; nothing seeded.`);
} else {
  const summary = seedDemo(database, { today: siteToday() });
  console.log(`Seeded ${env().DATABASE_PATH}. Demo accounts (password "${DEMO_PASSWORD}"):`);
  for (const a of summary.accounts) console.log(`  ${a.username.padEnd(12)} ${a.role.padEnd(11)} ${a.description}`);
}
