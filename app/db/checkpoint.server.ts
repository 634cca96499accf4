/**
 * WAL checkpoints off the request thread (docs/decisions/0038).
 *
 * By default SQLite checkpoints inside a commit: the write that takes the WAL past 1000 pages
 * copies them back into the database file, with an fsync of the WAL before and of the database
 * after, before its request can answer. On the 100× database that is one sign-off in about 40
 * waiting 5–9 ms more. The server instead gives the checkpoints to a worker thread with its own
 * connection to the file: the same PASSIVE checkpoint, at the same size, with the same syncs
 * (`synchronous = NORMAL`, like the server's connection), while the request thread goes on.
 *
 * The worker looks at the WAL every CHECK_EVERY_MS and checkpoints when it holds CHECKPOINT_PAGES
 * frames or more and some are not yet in the database file: SQLite's own rule, which also
 * finishes a checkpoint that a write overtook (until the WAL is wholly copied, the next write
 * cannot start it again from the beginning, and it grows). It reads the WAL's size from the
 * wal-index header at the start of the `-shm` file (https://www.sqlite.org/walformat.html:
 * `mxFrame` at byte 16, `nBackfill` at byte 96, native byte order), without a lock: a torn read
 * only makes one check early or late; the checkpoint itself is SQLite's. While the worker runs, the server's
 * connection keeps an automatic checkpoint at FALLBACK_PAGES, so the WAL stays bounded if the
 * worker falls behind or stops; when the worker stops, the connection goes back to SQLite's
 * default.
 *
 * Started by the server only (`bootServer`): scripts and tests keep SQLite's own checkpoints, and
 * an in-memory database has no WAL.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";

import { startSourceWorker } from "~/utils/worker.server";

import type { DB } from "./client.server";

/** SQLite's default `wal_autocheckpoint`: the worker checkpoints at the same size, so the I/O is the same. */
export const CHECKPOINT_PAGES = 1000;
/** The server connection's own automatic checkpoint while the worker runs: the WAL's bound (40 MB at 4 KB pages). */
export const FALLBACK_PAGES = 10_000;
/** How often the worker reads the wal-index header (a 136-byte read; a checkpoint only when due). */
export const CHECK_EVERY_MS = 250;
const SQLITE_DEFAULT_AUTOCHECKPOINT = 1000;

/** What one checkpoint of the worker did: frames in the WAL and frames now in the database file. */
export interface CheckpointRun {
  busy: boolean;
  log: number;
  checkpointed: number;
}

export interface CheckpointerOptions {
  pages?: number;
  fallbackPages?: number;
  everyMs?: number;
  /** Each checkpoint the worker ran (tests). */
  onCheckpoint?: (run: CheckpointRun) => void;
  logError?: (line: string) => void;
}

export interface Checkpointer {
  /** False for a database the worker does not serve (in memory), and once stopped. */
  readonly running: boolean;
  /** The worker's own connection's `synchronous` (1 = NORMAL), once it has opened. */
  readonly ready: Promise<{ synchronous: number }>;
  /** Stops the worker after the checkpoint under way, closes its connection; resolves when it has exited. */
  stop(): Promise<void>;
}

type WorkerMessage = { ready: { synchronous: number } } | { checkpoint: CheckpointRun } | { failed: string };

/**
 * The worker's source (see startSourceWorker): its own connection, a timer, a checkpoint when due.
 */
const CHECKPOINT_WORKER_SOURCE = `
const fs = require("node:fs");
const os = require("node:os");
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.betterSqlite3);
const { file, pages, everyMs } = workerData;
const message = (error) => (error && error.message ? error.message : String(error));

let db;
let shm = null;
let timer = null;
const header = Buffer.alloc(100);
const u32 = os.endianness() === "LE" ? (at) => header.readUInt32LE(at) : (at) => header.readUInt32BE(at);

/**
 * Whether a checkpoint is due: the WAL holds "pages" frames or more, and some are not yet in the
 * database file. The same rule as SQLite's automatic checkpoint after a commit; it also finishes a
 * checkpoint that writes overtook, so that the next write starts the WAL from its beginning again.
 */
function due() {
  try {
    shm ??= fs.openSync(file + "-shm", "r");
    if (fs.readSync(shm, header, 0, header.length, 0) < header.length) return true;
    const frames = u32(16);
    return frames >= pages && u32(96) < frames;
  } catch {
    return true;
  }
}

function tick() {
  if (!due()) return;
  try {
    const [run] = db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ checkpoint: { busy: run.busy === 1, log: run.log, checkpointed: run.checkpointed } });
  } catch (error) {
    parentPort.postMessage({ failed: message(error) });
  }
}

function stop() {
  if (timer) clearInterval(timer);
  if (shm !== null) fs.closeSync(shm);
  if (db) db.close();
  parentPort.close();
}

try {
  db = new Database(file, { fileMustExist: true });
  // The server's setting: the WAL is synced before a checkpoint and the database file after it.
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  parentPort.postMessage({ ready: { synchronous: db.pragma("synchronous", { simple: true }) } });
  timer = setInterval(tick, everyMs);
} catch (error) {
  parentPort.postMessage({ failed: message(error) });
  stop();
}
parentPort.on("message", (m) => {
  if (m === "stop") stop();
});
`;

/** What the wal-index header says of the WAL: its frames, and how many of them are in the database file. */
export interface WalProgress {
  frames: number;
  copied: number;
}

/**
 * The wal-index header of a database file, read on the request thread as the worker reads it (see
 * the module comment): `progress()` is null when it cannot be read. The `-shm` file is opened on the
 * first read and kept open until `close()`. The worker's source keeps its own copy of these few
 * lines: it runs as plain JavaScript in its thread.
 */
export function walIndex(file: string): { progress(): WalProgress | null; close(): void } {
  const header = Buffer.alloc(100);
  const u32 = os.endianness() === "LE" ? (at: number) => header.readUInt32LE(at) : (at: number) => header.readUInt32BE(at);
  let shm: number | null = null;
  return {
    progress() {
      try {
        shm ??= fs.openSync(`${file}-shm`, "r");
        if (fs.readSync(shm, header, 0, header.length, 0) < header.length) return null;
        return { frames: u32(16), copied: u32(96) };
      } catch {
        return null;
      }
    },
    close() {
      if (shm !== null) fs.closeSync(shm);
      shm = null;
    },
  };
}

const stopped: Checkpointer = { running: false, ready: Promise.resolve({ synchronous: -1 }), stop: () => Promise.resolve() };

/** Move this connection's WAL checkpoints to a worker thread; see the module comment. */
export function startCheckpointer(database: DB, options: CheckpointerOptions = {}): Checkpointer {
  const sqlite = database.$client;
  if (sqlite.memory || sqlite.pragma("journal_mode", { simple: true }) !== "wal") return stopped;
  const logError = options.logError ?? console.error;
  const restore = () => {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${SQLITE_DEFAULT_AUTOCHECKPOINT}`);
  };

  const worker = startSourceWorker(CHECKPOINT_WORKER_SOURCE, {
    file: sqlite.name,
    pages: options.pages ?? CHECKPOINT_PAGES,
    everyMs: options.everyMs ?? CHECK_EVERY_MS,
    betterSqlite3: createRequire(import.meta.url).resolve("better-sqlite3"),
  });
  // A background helper: it never keeps a process (a script, a test) alive.
  worker.unref();
  sqlite.pragma(`wal_autocheckpoint = ${options.fallbackPages ?? FALLBACK_PAGES}`);

  let running = true;
  let stopping = false;
  let markReady: (value: { synchronous: number }) => void = () => {};
  const ready = new Promise<{ synchronous: number }>((resolve) => (markReady = resolve));
  const exited = new Promise<void>((resolve) =>
    worker.once("exit", (code) => {
      running = false;
      restore();
      markReady({ synchronous: -1 });
      // Checkpoints are back on the request thread, as SQLite does them by default: nothing is lost.
      if (!stopping) logError(`The checkpoint thread stopped (exit code ${code}); checkpoints are back on the server's connection.`);
      resolve();
    }),
  );
  worker.on("message", (message: WorkerMessage) => {
    if ("ready" in message) markReady(message.ready);
    else if ("checkpoint" in message) options.onCheckpoint?.(message.checkpoint);
    else logError(`WAL checkpoint failed: ${message.failed}`);
  });
  worker.on("error", (error) => logError(`The checkpoint thread failed: ${error.message}`));

  return {
    get running() {
      return running;
    },
    ready,
    stop() {
      if (running && !stopping) {
        stopping = true;
        worker.postMessage("stop");
      }
      return exited;
    },
  };
}
