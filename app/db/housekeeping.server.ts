/**
 * Housekeeping inside the server: every hour, sweep ended sessions and long-ended sign-in
 * links; once a day, a backup (docs/decisions/0013). `npm run sweep` and `npm run backup` do
 * the same by hand.
 */
import { and, eq, inArray, isNotNull, lte, or, sql } from "drizzle-orm";

import { ROLES } from "~/domain/enums";
import { sessionPolicy } from "~/domain/session-policy";

import { listBackups, takeBackupInBackground } from "./backup.server";
import { db, type DB } from "./client.server";
import { sessions, signInLinks, users } from "./schema";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Ended links stay listed for staff this long after they expire or are revoked. */
export const LINK_KEEP_DAYS = 30;

export interface SweepResult {
  sessions: number;
  links: number;
}

/**
 * Delete every session that can no longer be used (past its end, idle too long for its role,
 * its user deactivated, or its sign-in link ended) and every sign-in link that ended more than
 * LINK_KEEP_DAYS ago. One transaction.
 */
export function sweep(database: DB = db(), now = new Date()): SweepResult {
  const t = now.getTime();
  return database.transaction((tx) => {
    const inactiveUsers = tx.select({ id: users.id }).from(users).where(eq(users.active, false));
    const endedLinks = tx
      .select({ id: signInLinks.id })
      .from(signInLinks)
      .where(or(isNotNull(signInLinks.revokedAt), lte(signInLinks.expiresAt, now)));
    const conditions = [
      lte(sessions.expiresAt, now),
      inArray(sessions.userId, inactiveUsers),
      and(isNotNull(sessions.linkId), inArray(sessions.linkId, endedLinks)),
      ...ROLES.map((role) =>
        and(
          lte(sessions.lastSeenAt, new Date(t - sessionPolicy(role).idleMs)),
          inArray(sessions.userId, tx.select({ id: users.id }).from(users).where(eq(users.role, role))),
        ),
      ),
    ];
    const sessionCount = tx
      .delete(sessions)
      .where(or(...conditions))
      .run().changes;
    const keepFrom = t - LINK_KEEP_DAYS * DAY;
    const linkCount = tx
      .delete(signInLinks)
      .where(sql`coalesce(min(${signInLinks.revokedAt}, ${signInLinks.expiresAt}), ${signInLinks.expiresAt}) <= ${keepFrom}`)
      .run().changes;
    return { sessions: sessionCount, links: linkCount };
  });
}

export interface HousekeepingOptions {
  database?: DB;
  backupDir: string;
  backupKeep: number;
  dailyBackup: boolean;
  log?: (line: string) => void;
  logError?: (line: string) => void;
}

export interface Housekeeping {
  stop(): void;
  /** Settles when no backup is running (for tests and a clean stop). */
  idle(): Promise<void>;
}

/**
 * Run a sweep now and hourly; take a backup whenever the newest is a day old (checked hourly).
 * The backup runs in a worker thread (takeBackupInBackground): requests are served meanwhile,
 * and no second backup starts while one is running.
 */
export function startHousekeeping(options: HousekeepingOptions): Housekeeping {
  const log = options.log ?? console.log;
  const logError = options.logError ?? console.error;
  const database = () => options.database ?? db();
  const failed = (what: string, error: unknown) => logError(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  const sweepNow = () => {
    const r = sweep(database());
    if (r.sessions + r.links > 0) log(`Housekeeping: removed ${r.sessions} ended session(s) and ${r.links} old sign-in link(s).`);
  };
  let backup: Promise<void> | null = null;
  const backupIfDue = () => {
    if (!options.dailyBackup || backup) return;
    const newest = listBackups(options.backupDir).at(-1);
    if (newest && Date.now() - newest.takenAt.getTime() < DAY) return;
    backup = takeBackupInBackground(database().$client.name, options.backupDir, options.backupKeep)
      .then(({ file, removed }) => log(`Daily backup written to ${file}${removed.length ? ` (removed ${removed.length} older)` : ""}.`))
      .catch((error: unknown) => failed("Daily backup", error))
      .finally(() => {
        backup = null;
      });
  };
  const run = (what: string, job: () => void) => {
    try {
      job();
    } catch (error) {
      failed(what, error);
    }
  };
  run("Housekeeping", sweepNow);
  // The first backup waits a minute, so that a start is never slowed by it.
  const first = setTimeout(() => run("Daily backup", backupIfDue), 60_000);
  const timer = setInterval(() => {
    run("Housekeeping", sweepNow);
    run("Daily backup", backupIfDue);
  }, HOUR);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
    idle: () => backup ?? Promise.resolve(),
  };
}
