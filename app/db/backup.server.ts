/**
 * Backups and restore of the SQLite database (docs/decisions/0013-backups-and-restore.md).
 *
 * A backup is `VACUUM INTO` a new file: one read transaction, so it is a consistent snapshot
 * that includes everything committed in the WAL, and writers carry on meanwhile. Never a file
 * copy: a copy of a live database misses what is still in the WAL, or catches a page half-written.
 * The snapshot is written under a temporary name, checked, synced, then renamed, so a file named
 * `portal-<UTC time>.db` is always a whole, checked backup.
 *
 * A restore checks the file first (integrity, migrations), refuses while a server uses the
 * database, keeps a copy of the database it replaces, and changes nothing when any step fails.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { readMigrationFiles } from "drizzle-orm/migrator";

import { startSourceWorker } from "~/utils/worker.server";

import { migrationsFolder } from "./client.server";
import { serverUsing } from "./server-mark.server";

/** Why a backup or a restore did not happen, in words for the person at the console. */
export class BackupError extends Error {}

const NAME = /^portal-(\d{4})-(\d{2})-(\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z\.db$/;

/** `portal-2026-11-19T02-00-00.000Z.db`: UTC, sortable, no `:` (which some file systems refuse). */
export function backupFileName(at: Date): string {
  return `portal-${at.toISOString().replace(/:/g, "-")}.db`;
}

export interface BackupFile {
  file: string;
  takenAt: Date;
}

/** The backups in `dir`, oldest first. Only files named like a backup count. */
export function listBackups(dir: string): BackupFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .flatMap((name) => {
      const m = NAME.exec(name);
      if (!m) return [];
      const [, y, mo, d, h, mi, s, ms] = m;
      return [{ file: path.join(dir, name), takenAt: new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`) }];
    })
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime());
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fsyncFile(file: string) {
  const fd = fs.openSync(file, "r+");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncDir(dir: string) {
  try {
    const fd = fs.openSync(dir, "r");
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems cannot sync a directory; the rename is still atomic.
  }
}

/** What `PRAGMA integrity_check` answered, as one line; null when it is sound. */
function integrityVerdict(messages: string[]): string | null {
  return messages.length === 1 && messages[0] === "ok" ? null : messages.slice(0, 5).join("; ");
}

/** `PRAGMA integrity_check` of a file, opened read-only. Null when it is sound. */
function integrityProblem(file: string): string | null {
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    const rows = sqlite.pragma("integrity_check") as { integrity_check: string }[];
    return integrityVerdict(rows.map((r) => r.integrity_check));
  } catch (error) {
    return reason(error);
  } finally {
    sqlite?.close();
  }
}

// ------------------------------------------------------------------------------------------
// Taking a backup: the rules (name, partial file, checks, clean-up, pruning) are shared by the
// synchronous backup of `npm run backup` and the server's backup in a worker thread.

interface BackupPlan {
  dir: string;
  /** `portal-<UTC time>.db`: exists only once the copy is whole, checked and synced. */
  file: string;
  /** Where the copy is written and checked first. */
  partial: string;
}

/** A backup takes minutes at most: a partial file older than this was left by a crash. */
const STALE_PARTIAL_MS = 24 * 3_600_000;
const PARTIAL = /^\.portal-.*\.db\.partial$/;

/** Remove partial files a crash left in `dir` (older than a day, so never a backup still running). */
export function clearStalePartials(dir: string, now = new Date()): string[] {
  if (!fs.existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of fs.readdirSync(dir)) {
    if (!PARTIAL.test(name)) continue;
    const file = path.join(dir, name);
    try {
      if (now.getTime() - fs.statSync(file).mtimeMs < STALE_PARTIAL_MS) continue;
      fs.rmSync(file, { force: true });
      removed.push(file);
    } catch {
      // Gone meanwhile, or not ours to remove: the next backup tries again.
    }
  }
  return removed;
}

/** Make the folder, refuse a name already taken, clear partial files left by a crash. */
function beginBackup(dir: string, now: Date): BackupPlan {
  const file = path.join(dir, backupFileName(now));
  const partial = path.join(dir, `.${path.basename(file)}.partial`);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new BackupError(`cannot create the backup folder ${dir}: ${reason(error)}`);
  }
  if (fs.existsSync(file)) throw new BackupError(`${file} already exists`);
  fs.rmSync(partial, { force: true });
  clearStalePartials(dir);
  return { dir, file, partial };
}

function refuseUnsound(problem: string | null) {
  if (problem) throw new BackupError(`the copy failed its integrity check: ${problem}`);
}

/** The checked, synced copy takes its name: one atomic rename. */
function completeBackup(plan: BackupPlan) {
  // Checked again: the background backup gives the event loop back between its steps.
  if (fs.existsSync(plan.file)) throw new BackupError(`${plan.file} already exists`);
  fs.renameSync(plan.partial, plan.file);
  fsyncDir(plan.dir);
}

/** Remove the partial file; the error to throw, as a BackupError. */
function backupFailed(plan: BackupPlan, error: unknown): BackupError {
  fs.rmSync(plan.partial, { force: true });
  return error instanceof BackupError ? error : new BackupError(`cannot write ${plan.file}: ${reason(error)}`);
}

/**
 * Write a consistent copy of the database open in `sqlite` to `dir`, then keep only the newest
 * `keep` backups there. Returns the new file and the ones removed; throws BackupError, leaving
 * no partial file behind, when it cannot. Synchronous: it holds the thread while it copies and
 * checks (`npm run backup`); the server uses takeBackupInBackground.
 */
export function takeBackup(sqlite: Database.Database, dir: string, keep: number, now = new Date()): { file: string; removed: string[] } {
  const plan = beginBackup(dir, now);
  try {
    sqlite.prepare("VACUUM INTO ?").run(plan.partial);
    refuseUnsound(integrityProblem(plan.partial));
    fsyncFile(plan.partial);
    completeBackup(plan);
  } catch (error) {
    throw backupFailed(plan, error);
  }
  return { file: plan.file, removed: pruneBackups(dir, keep) };
}

/**
 * The worker's part of a background backup: `VACUUM INTO` from its own read-only connection (in
 * WAL mode a reader holds up no writer), then `PRAGMA integrity_check` of the copy. Plain
 * CommonJS evaluated as the worker's source: the server build bundles app/ into one file, so
 * the worker cannot load this module. It answers with one message, after closing both files.
 */
const BACKUP_WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.betterSqlite3);
const message = (error) => (error && error.message ? error.message : String(error));
let answer;
let source;
try {
  source = new Database(workerData.databaseFile, { readonly: true, fileMustExist: true });
  source.pragma("busy_timeout = 5000");
  source.prepare("VACUUM INTO ?").run(workerData.partial);
} catch (error) {
  answer = { copyFailed: message(error) };
} finally {
  if (source) source.close();
}
if (!answer) {
  let copy;
  try {
    copy = new Database(workerData.partial, { readonly: true, fileMustExist: true });
    answer = { integrity: copy.pragma("integrity_check").map((row) => row.integrity_check) };
  } catch (error) {
    answer = { checkFailed: message(error) };
  } finally {
    if (copy) copy.close();
  }
}
parentPort.postMessage(answer);
`;

type WorkerAnswer = { copyFailed: string } | { checkFailed: string } | { integrity: string[] };

/** Copy `databaseFile` to `partial` and check the copy in a worker thread; resolves with its verdict. */
function copyInWorker(databaseFile: string, partial: string): Promise<string | null> {
  const betterSqlite3 = createRequire(import.meta.url).resolve("better-sqlite3");
  return new Promise((resolve, reject) => {
    let answer: WorkerAnswer | undefined;
    const worker = startSourceWorker(BACKUP_WORKER_SOURCE, { databaseFile, partial, betterSqlite3 });
    worker.once("message", (message: WorkerAnswer) => (answer = message));
    worker.once("error", (error) => reject(new BackupError(`the backup thread failed: ${reason(error)}`)));
    // Settled on exit, once the worker has closed both files.
    worker.once("exit", (code) => {
      if (!answer) return reject(new BackupError(`the backup thread stopped (exit code ${code}) before it finished`));
      if ("copyFailed" in answer) return reject(new Error(answer.copyFailed));
      if ("checkFailed" in answer) return resolve(answer.checkFailed);
      resolve(integrityVerdict(answer.integrity));
    });
  });
}

async function fsyncFileInBackground(file: string) {
  const handle = await fs.promises.open(file, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * takeBackup for the server: the same file, checks and guarantees, but the copy and its
 * integrity check run in a worker thread with its own connection to `databaseFile`, and the
 * fsync is asynchronous, so the event loop keeps serving requests meanwhile. Committed writes
 * are all in the copy (the worker reads the WAL too); the server may keep writing. Rejects with
 * BackupError, leaving no partial file, when it cannot.
 */
export async function takeBackupInBackground(databaseFile: string, dir: string, keep: number, now = new Date()): Promise<{ file: string; removed: string[] }> {
  if (!fs.existsSync(databaseFile)) throw new BackupError(`there is no database file at ${databaseFile}`);
  const plan = beginBackup(dir, now);
  try {
    refuseUnsound(await copyInWorker(databaseFile, plan.partial));
    await fsyncFileInBackground(plan.partial);
    completeBackup(plan);
  } catch (error) {
    throw backupFailed(plan, error);
  }
  return { file: plan.file, removed: pruneBackups(dir, keep) };
}

/** Delete all but the newest `keep` backups in `dir`; returns what it deleted. */
function pruneBackups(dir: string, keep: number): string[] {
  const all = listBackups(dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  for (const { file } of old) fs.rmSync(file, { force: true });
  return old.map((b) => b.file);
}

// ------------------------------------------------------------------------------------------
// Checking a backup

export interface BackupInspection {
  /** Migrations the backup already has. */
  applied: number;
  /** Migrations of this version of the portal the backup lacks: applied during the restore. */
  pending: number;
}

/** Check that `file` is a sound portal database this version can take. Throws BackupError. */
export function inspectBackup(file: string): BackupInspection {
  if (!fs.existsSync(file)) throw new BackupError(`there is no file ${file}`);
  if (!fs.statSync(file).isFile()) throw new BackupError(`${file} is not a file`);
  const header = Buffer.alloc(16);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, header, 0, 16, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString("latin1") !== "SQLite format 3\u0000") throw new BackupError(`${file} is not an SQLite database`);
  const problem = integrityProblem(file);
  if (problem) throw new BackupError(`${file} failed its integrity check: ${problem}`);

  let rows: { hash: string; created_at: number }[];
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    if (!hasTable) throw new BackupError(`${file} is not a portal database (it has no migration history)`);
    rows = sqlite.prepare("select hash, created_at from __drizzle_migrations order by created_at").all() as typeof rows;
  } finally {
    sqlite.close();
  }

  const known = readMigrationFiles({ migrationsFolder: migrationsFolder() });
  const knownHashes = new Set(known.map((m) => m.hash));
  const unknown = rows.filter((r) => !knownHashes.has(r.hash));
  if (unknown.length > 0) {
    throw new BackupError(
      `${file} was made by a newer or different version of the portal: ${unknown.length} of its migrations are unknown here. Restore it with the version that made it`,
    );
  }
  const appliedHashes = new Set(rows.map((r) => r.hash));
  const pending = known.filter((m) => !appliedHashes.has(m.hash));
  const newestApplied = Math.max(0, ...rows.map((r) => Number(r.created_at)));
  // drizzle applies only migrations newer than the newest applied one: an older missing one would be skipped.
  const skipped = pending.filter((m) => m.folderMillis <= newestApplied);
  if (skipped.length > 0) {
    throw new BackupError(`${file} lacks ${skipped.length} migration(s) older than its newest one, which could not be applied in order`);
  }
  return { applied: rows.length, pending: pending.length };
}

// ------------------------------------------------------------------------------------------
// Restoring

export interface RestoreResult extends BackupInspection {
  /** A backup of the database that was replaced (null when there was none). */
  previous: string | null;
}

/**
 * Replace the database at `databasePath` with the backup `file`. Refuses while a server uses the
 * database. The backup is checked, copied beside the database, migrated and checked again; the
 * current database (if any) is backed up to `dir` first; then one rename puts the copy in place.
 * Any failure before that rename leaves everything as it was.
 */
export function restoreBackup(input: { file: string; databasePath: string; dir: string; now?: Date }): RestoreResult {
  const now = input.now ?? new Date();
  const target = path.resolve(input.databasePath);
  const source = path.resolve(input.file);
  if (source === target) throw new BackupError("the backup is the database itself");
  const inspection = inspectBackup(source);
  const running = serverUsing(target);
  if (running) {
    throw new BackupError(
      `a portal server (process ${running.pid}${running.port ? `, port ${running.port}` : ""}) is using ${target}. Stop it first, then restore. If no server is running, delete ${running.markFile}`,
    );
  }

  const staging = `${target}.restoring`;
  const cleanStaging = () => {
    for (const f of [staging, `${staging}-wal`, `${staging}-shm`, `${staging}-journal`]) fs.rmSync(f, { force: true });
  };
  cleanStaging();
  let previous: string | null = null;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const from = new Database(source, { readonly: true, fileMustExist: true });
    try {
      from.prepare("VACUUM INTO ?").run(staging);
    } finally {
      from.close();
    }
    const copy = new Database(staging, { fileMustExist: true });
    try {
      copy.pragma("foreign_keys = ON");
      migrate(drizzle(copy), { migrationsFolder: migrationsFolder() });
      const fkProblems = copy.pragma("foreign_key_check") as unknown[];
      if (fkProblems.length > 0) throw new BackupError(`${source} has ${fkProblems.length} broken references`);
      const integrity = copy.pragma("integrity_check", { simple: true });
      if (integrity !== "ok") throw new BackupError(`the restored copy failed its integrity check: ${String(integrity)}`);
      copy.pragma("journal_mode = WAL");
    } finally {
      // The last connection to close checkpoints and removes the copy's WAL.
      copy.close();
    }
    if (fs.existsSync(`${staging}-wal`)) throw new BackupError(`could not finish writing ${staging}`);
    fs.rmSync(`${staging}-shm`, { force: true });
    fsyncFile(staging);

    if (fs.existsSync(target)) {
      // Opening the current database replays its WAL; closing it checkpoints and removes the WAL.
      const current = new Database(target, { fileMustExist: true });
      try {
        current.pragma("busy_timeout = 5000");
        previous = path.join(input.dir, `portal-before-restore-${now.toISOString().replace(/:/g, "-")}.db`);
        fs.mkdirSync(input.dir, { recursive: true });
        current.prepare("VACUUM INTO ?").run(previous);
        current.pragma("wal_checkpoint(TRUNCATE)");
      } finally {
        current.close();
      }
      if (fs.existsSync(`${target}-wal`) && fs.statSync(`${target}-wal`).size > 0) {
        throw new BackupError(`${target} still has unsaved changes in ${target}-wal; is another program using it?`);
      }
      for (const f of [`${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true });
    }
    fs.renameSync(staging, target);
    fsyncDir(path.dirname(target));
  } catch (error) {
    cleanStaging();
    throw error instanceof BackupError ? error : new BackupError(reason(error));
  }
  return { ...inspection, previous };
}
