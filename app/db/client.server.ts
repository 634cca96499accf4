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

/**
 * Sizes chosen on the 100× benchmark database (docs/performance.md, docs/decisions/0017):
 * - the page cache is 32 MB, twice SQLite's build default here: the hot pages' index pages fit,
 *   and it is a bounded part of the server's memory;
 * - memory-mapped I/O stays off: mapped pages of a multi-gigabyte file count in the process's
 *   resident memory as they are touched, and it measured no faster than the page cache for
 *   these point and range reads (the OS still caches the file).
 */
export const CACHE_SIZE_KIB = 32 * 1024;
export const MMAP_SIZE = 0;
/** Statements kept prepared per connection (`prepare` is answered from this cache). */
const STATEMENT_CACHE_SIZE = 400;

export interface OpenOptions {
  /** Called with every statement executed (SQL with its parameters filled in): tests count and explain them. */
  trace?: (sql: string) => void;
}

/** The trace each database was opened with: its read-only companion (`openReader`) traces to it too. */
const traces = new WeakMap<Database.Database, (sql: string) => void>();

export function openDatabase(file: string, options: OpenOptions = {}): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file, options.trace ? { verbose: (message: unknown) => options.trace?.(String(message)) } : {});
  if (options.trace) traces.set(sqlite, options.trace);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  // Explicit: a new file switched to WAL reports FULL, a reopened one NORMAL.
  sqlite.pragma("synchronous = NORMAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma(`cache_size = -${CACHE_SIZE_KIB}`);
  sqlite.pragma(`mmap_size = ${MMAP_SIZE}`);
  checkPragmas(sqlite, file);
  cacheStatements(sqlite);
  const db = drizzle(sqlite, { schema }) as DB;
  migrate(db, { migrationsFolder: migrationsFolder() });
  // SQLite's advice for a long-lived connection: analyse what needs it now, within a bounded
  // effort (so a large file opens in milliseconds), then again from time to time (`optimize`).
  sqlite.pragma("analysis_limit = 400");
  sqlite.pragma("optimize = 0x10002");
  return db;
}

/**
 * A second, read-only connection to the file of `main` (docs/decisions/0049): the same busy
 * timeout and memory-mapping as the server's connection, a page cache of `cacheKib`, the same
 * statement cache, and the same trace. Not for an in-memory database (a second connection to
 * `:memory:` opens another, empty database).
 */
export function openReader(main: DB, cacheKib: number): Database.Database {
  const file = main.$client.name;
  if (main.$client.memory) throw new Error("openReader: an in-memory database has no second connection");
  const trace = traces.get(main.$client);
  const sqlite = new Database(file, { readonly: true, fileMustExist: true, ...(trace ? { verbose: (message: unknown) => trace(String(message)) } : {}) });
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma(`cache_size = -${cacheKib}`);
  sqlite.pragma(`mmap_size = ${MMAP_SIZE}`);
  const journal = sqlite.pragma("journal_mode", { simple: true });
  if (journal !== "wal") throw new Error(`openReader: journal_mode=${String(journal)}, not wal: a reader would block writers`);
  cacheStatements(sqlite);
  return sqlite;
}

/** `PRAGMA optimize`: refresh the planner's statistics where the data has changed (cheap when nothing has). */
export function optimize(database: DB) {
  database.$client.pragma("optimize");
}

/**
 * Every `prepare` on this connection is answered from a cache of prepared statements keyed by
 * the SQL text: drizzle prepares a statement for each query it runs, and preparing costs more
 * than most of the portal's reads. A cached statement is handed out with its result mode reset
 * (drizzle switches statements to raw arrays and never back), and never while it is busy (a
 * statement being iterated gets a fresh one).
 */
function cacheStatements(sqlite: Database.Database) {
  const cache = new Map<string, Database.Statement>();
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    const held = cache.get(source);
    if (held && !held.busy) {
      cache.delete(source);
      cache.set(source, held);
      if (held.reader) held.raw(false).pluck(false).expand(false);
      return held;
    }
    const statement = prepare(source);
    if (!held) {
      cache.set(source, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

function checkPragmas(sqlite: Database.Database, file: string) {
  const journal = sqlite.pragma("journal_mode", { simple: true });
  const fk = sqlite.pragma("foreign_keys", { simple: true });
  const sync = sqlite.pragma("synchronous", { simple: true });
  const expectedJournal = file === ":memory:" ? "memory" : "wal";
  if (journal !== expectedJournal || fk !== 1 || sync !== 1) {
    throw new Error(`SQLite pragmas not as required: journal_mode=${String(journal)} foreign_keys=${String(fk)} synchronous=${String(sync)}`);
  }
}

const globalForDb = globalThis as unknown as { __portalDb?: DB };

/** The process's database, opened (and migrated) on first use. */
export function db(): DB {
  globalForDb.__portalDb ??= openDatabase(env().DATABASE_PATH);
  return globalForDb.__portalDb;
}

/**
 * A drizzle query prepared once per connection (with `sql.placeholder` for its parameters):
 * for the queries every request runs, building the SQL from the query builder each time cost
 * more than running it.
 */
export function prepared<T>(build: (database: DB) => T): () => T {
  const byDatabase = new WeakMap<DB, T>();
  return () => {
    const database = db();
    let query = byDatabase.get(database);
    if (query === undefined) {
      query = build(database);
      byDatabase.set(database, query);
    }
    return query;
  };
}

/** For tests: point the process at another database. */
export function setDb(next: DB | undefined) {
  globalForDb.__portalDb = next;
}
