/**
 * The database: one better-sqlite3 connection per process, drizzle on top, pragmas checked and
 * migrations applied when it opens.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";

import { env } from "~/env.server";

import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** The `drizzle/` folder, found from this module (source) or the server build, never the cwd. */
export function migrationsFolder(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.resolve(here, "../../drizzle"), path.resolve(here, "../drizzle")]) {
    if (fs.existsSync(path.join(candidate, "meta", "_journal.json"))) return candidate;
  }
  throw new Error(`Cannot find the drizzle migrations folder near ${here}`);
}

export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Explicit: a new file switched to WAL reports FULL, a reopened one NORMAL.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  checkPragmas(sqlite, file);
  const db = drizzle(sqlite, { schema }) as DB;
  migrate(db, { migrationsFolder: migrationsFolder() });
  return db;
}

function checkPragmas(sqlite: Database.Database, file: string) {
  const journal = sqlite.pragma("journal_mode", { simple: true });
  const fk = sqlite.pragma("foreign_keys", { simple: true });
  const sync = sqlite.pragma("synchronous", { simple: true });
  const expectedJournal = file === ":memory:" ? "memory" : "wal";
  if (journal !== expectedJournal || fk !== 1 || sync !== 1) {
    throw new Error(
      `SQLite pragmas not as required: journal_mode=${String(journal)} foreign_keys=${String(fk)} synchronous=${String(sync)}`,
    );
  }
}

const globalForDb = globalThis as unknown as { __portalDb?: DB };

/** The process's database, opened (and migrated) on first use. */
export function db(): DB {
  globalForDb.__portalDb ??= openDatabase(env().DATABASE_PATH);
  return globalForDb.__portalDb;
}

/** For tests: point the process at another database. */
export function setDb(next: DB | undefined) {
  globalForDb.__portalDb = next;
}
