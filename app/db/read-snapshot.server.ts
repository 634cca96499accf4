/**
 * Reads that give the event loop back between them and still see one state of the database
 * (docs/decisions/0049). The server's connection cannot hold a snapshot across turns: whatever
 * another request writes in between is what its next read sees. A second, read-only connection to
 * the same file can: in WAL mode a read transaction sees the database as it was at its first read
 * until it ends, whatever is committed meanwhile.
 *
 * One such connection per process, opened on first use, and one snapshot on it at a time: a
 * second caller waits for the first to finish (in the order they asked). Reads run on the one
 * JavaScript thread whichever connection they use, so a second connection would not make two
 * reports faster together; it would add its own page cache to the server's memory.
 */
import type Database from "better-sqlite3";

import { yieldToOthers } from "~/utils/yield.server";

import { CHECK_EVERY_MS, CHECKPOINT_PAGES, walIndex } from "./checkpoint.server";
import { db, openReader, type DB } from "./client.server";

/**
 * The reader's page cache. The report's reads touch each page about once, and the reader's cache
 * is emptied whenever another connection has written since its last transaction (SQLite in WAL
 * mode), so a large one would mostly hold pages that are dropped before they are read again; the
 * OS keeps the file's pages cached either way. Measured in 0049.
 */
export const READER_CACHE_KIB = 2 * 1024;

export interface ReadSnapshot {
  /** The rows of one query, as of the snapshot. */
  all<T>(query: string, params?: Record<string, unknown>): T[];
  /**
   * Gives the event loop back between reads (`yieldToOthers`); the snapshot holds across it. On
   * an in-memory database (tests, scripts) there is no second connection: the reads run on the
   * one connection and this does not yield, so they stay in one turn and see one state still.
   */
  pause(): Promise<void>;
}

/** A query's rows on the server's connection, as the database stands now (no snapshot). */
export function readNow<T>(query: string, params: Record<string, unknown> = {}): T[] {
  return db().$client.prepare(query).all(params) as T[];
}

/**
 * How long a snapshot waits at most, with none held, for the checkpoint to catch up with the WAL
 * before it begins: two of the checkpoint worker's looks at the WAL (0038).
 */
const WAIT_FOR_CHECKPOINT_MS = 2 * CHECK_EVERY_MS;

interface Reader {
  main: DB;
  sqlite: Database.Database;
  /** The WAL's header, as the checkpoint worker reads it. */
  wal: ReturnType<typeof walIndex>;
}

const globalForReader = globalThis as unknown as { __portalReader?: Reader };

/** The reader of the process's database, (re)opened when that database is another (tests swap it). */
function reader(main: DB): Reader {
  const held = globalForReader.__portalReader;
  if (held?.main === main && held.sqlite.open) return held;
  if (held) close(held);
  const sqlite = openReader(main, READER_CACHE_KIB);
  const opened: Reader = { main, sqlite, wal: walIndex(sqlite.name) };
  globalForReader.__portalReader = opened;
  return opened;
}

function close(held: Reader) {
  if (held.sqlite.open) held.sqlite.close();
  held.wal.close();
}

/** The WAL's frames when the last snapshot ended. */
let framesAtLastEnd = 0;

/**
 * Between two snapshots: a turn of the event loop, then, if the WAL is at the checkpoint's size
 * and what it held when the last snapshot ended is not all in the database file yet, a wait (at
 * most WAIT_FOR_CHECKPOINT_MS) for the checkpoint to copy it. A snapshot holds the checkpoint back
 * to the state it reads, and SQLite starts the WAL over only once it is wholly copied: with
 * snapshots one after the other and others writing while each is held, that never happened and
 * the WAL grew without bound (0049).
 */
async function between() {
  await new Promise<void>((resolve) => setImmediate(resolve));
  const held = globalForReader.__portalReader;
  if (!held?.sqlite.open || held.main !== db()) return;
  const until = performance.now() + WAIT_FOR_CHECKPOINT_MS;
  for (;;) {
    const wal = held.wal.progress();
    if (wal === null || wal.frames < CHECKPOINT_PAGES || wal.frames < framesAtLastEnd || wal.copied >= framesAtLastEnd) return;
    if (performance.now() >= until) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The end of the last snapshot asked for (and the wait after it): the next one starts then. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs `work` on one snapshot of the database: a read transaction on the reader, begun before
 * `work` and ended when it settles, whether it returns or throws. `work` may `await read.pause()`
 * between reads; it must not keep `read` beyond its end (its reads would throw). A second call
 * while one runs waits for it (calls run in the order they were made).
 */
export function withReadSnapshot<T>(work: (read: ReadSnapshot) => Promise<T>): Promise<T> {
  const turn = queue.then(() => inSnapshot(work));
  queue = turn.then(between, between);
  return turn;
}

async function inSnapshot<T>(work: (read: ReadSnapshot) => Promise<T>): Promise<T> {
  const main = db();
  if (main.$client.memory) return work(onMainConnection);
  const held = reader(main);
  const { sqlite } = held;
  let open = true;
  const read: ReadSnapshot = {
    all<R>(query: string, params: Record<string, unknown> = {}) {
      if (!open) throw new Error("withReadSnapshot: a read after the snapshot ended");
      return sqlite.prepare(query).all(params) as R[];
    },
    pause: yieldToOthers,
  };
  // Deferred: the snapshot is taken by the first read, in this turn.
  sqlite.exec("BEGIN");
  try {
    return await work(read);
  } finally {
    open = false;
    if (sqlite.inTransaction) sqlite.exec("COMMIT");
    framesAtLastEnd = held.wal.progress()?.frames ?? 0;
  }
}

/** An in-memory database's "snapshot": its one connection, read in one turn. */
const onMainConnection: ReadSnapshot = { all: readNow, pause: () => Promise.resolve() };
