/** The database's answer to the uptime check. */
import { sql } from "drizzle-orm";

import { db } from "./client.server";

/** True when the database opens and answers a trivial query; throws when it cannot be opened. */
export function databaseAnswers(): boolean {
  return db().get<{ ok: number }>(sql`select 1 as ok`)?.ok === 1;
}
