import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

import { hashToken } from "~/auth/session.server";
import { useTestDatabase } from "~/test/db";

import { listBackups } from "./backup.server";
import { createEmployer, createSite, createUser } from "./factories.server";
import { LINK_KEEP_DAYS, startHousekeeping, sweep } from "./housekeeping.server";
import { sessions, signInLinks } from "./schema";

const db = useTestDatabase();
const site = createSite(db);
const employer = createEmployer(db, { siteId: site.id });
const staff = createUser(db, { role: "staff", siteId: site.id });
const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: employer.id });
const gone = createUser(db, { role: "staff", siteId: site.id, active: false });

const NOW = new Date("2026-11-19T03:00:00Z");
const MIN = 60_000;
const DAY = 86_400_000;
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const ahead = (ms: number) => new Date(NOW.getTime() + ms);

let k = 0;
function session(userId: number, over: Partial<typeof sessions.$inferInsert> = {}) {
  const idHash = hashToken(`session-${++k}`);
  db.insert(sessions)
    .values({ idHash, userId, createdAt: ago(MIN), lastSeenAt: ago(MIN), expiresAt: ahead(DAY), method: "password", ...over })
    .run();
  return idHash;
}
function link(over: Partial<typeof signInLinks.$inferInsert> = {}) {
  return db
    .insert(signInLinks)
    .values({ userId: trainer.id, tokenHash: hashToken(`link-${++k}`), createdBy: staff.id, createdAt: ago(40 * DAY), expiresAt: ahead(DAY), ...over })
    .returning()
    .get();
}

describe("sweep", () => {
  it("removes every session that can no longer be used, and only those", () => {
    const revoked = link({ revokedAt: ago(MIN) });
    const expired = link({ expiresAt: ago(MIN) });
    const active = link();
    const ended = {
      pastItsEnd: session(trainer.id, { expiresAt: ago(1) }),
      staffIdle31Minutes: session(staff.id, { lastSeenAt: ago(31 * MIN) }),
      deactivatedUser: session(gone.id),
      revokedLink: session(trainer.id, { method: "link", linkId: revoked.id }),
      expiredLink: session(trainer.id, { method: "link", linkId: expired.id }),
    };
    const kept = {
      staffUsed29MinutesAgo: session(staff.id, { lastSeenAt: ago(29 * MIN) }),
      trainerIdle13Days: session(trainer.id, { lastSeenAt: ago(13 * DAY), expiresAt: ahead(DAY) }),
      activeLink: session(trainer.id, { method: "link", linkId: active.id }),
    };
    expect(sweep(db, NOW).sessions).toBe(Object.keys(ended).length);
    const left = new Set(
      db
        .select({ idHash: sessions.idHash })
        .from(sessions)
        .all()
        .map((s) => s.idHash),
    );
    for (const [what, id] of Object.entries(ended)) expect(left.has(id), what).toBe(false);
    for (const [what, id] of Object.entries(kept)) expect(left.has(id), what).toBe(true);
  });

  it(`keeps ended sign-in links listed for ${LINK_KEEP_DAYS} days, then removes them`, () => {
    const recentlyRevoked = link({ revokedAt: ago(29 * DAY), expiresAt: ahead(DAY) });
    const longRevoked = link({ revokedAt: ago(31 * DAY), expiresAt: ahead(DAY) });
    const recentlyExpired = link({ expiresAt: ago(10 * DAY) });
    const longExpired = link({ expiresAt: ago(31 * DAY) });
    const revokedAfterItsEnd = link({ expiresAt: ago(31 * DAY), revokedAt: ago(5 * DAY) });
    const active = link();
    const { links } = sweep(db, NOW);
    const left = new Set(
      db
        .select({ id: signInLinks.id })
        .from(signInLinks)
        .all()
        .map((l) => l.id),
    );
    expect(links).toBeGreaterThanOrEqual(3);
    for (const l of [recentlyRevoked, recentlyExpired, active]) expect(left.has(l.id)).toBe(true);
    for (const l of [longRevoked, longExpired, revokedAfterItsEnd]) expect(left.has(l.id)).toBe(false);
  });

  it("has nothing to do the second time", () => {
    sweep(db, NOW);
    expect(sweep(db, NOW)).toEqual({ sessions: 0, links: 0 });
    expect(db.select().from(sessions).where(eq(sessions.userId, gone.id)).all()).toEqual([]);
  });
});

describe("the server's schedule", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-daily-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  afterEach(() => vi.useRealTimers());

  it("sweeps at once and hourly, and takes one backup a day, in the background, one at a time", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
    vi.setSystemTime(NOW);
    const lines: string[] = [];
    session(staff.id, { expiresAt: ago(1) });
    const housekeeping = startHousekeeping({ database: db, backupDir: dir, backupKeep: 3, dailyBackup: true, log: (l) => lines.push(l) });
    expect(lines).toEqual([expect.stringMatching(/removed 1 ended session/)]);
    expect(listBackups(dir)).toEqual([]);

    vi.advanceTimersByTime(MIN);
    // Started, not finished: the copy is made in a worker thread while this one carries on.
    expect(listBackups(dir)).toEqual([]);
    const endsSoon = session(trainer.id, { expiresAt: ahead(30 * MIN) });
    vi.advanceTimersByTime(58 * MIN);
    // Ended half an hour ago, swept on the hour.
    expect(db.select().from(sessions).where(eq(sessions.idHash, endsSoon)).all()).toHaveLength(1);
    vi.advanceTimersByTime(MIN);
    expect(db.select().from(sessions).where(eq(sessions.idHash, endsSoon)).all()).toEqual([]);
    // The hourly check found no backup yet, but one running: it did not start a second.
    await housekeeping.idle();
    expect(listBackups(dir).map((b) => b.takenAt)).toEqual([ahead(MIN)]);
    expect(lines.at(-1)).toMatch(/^Daily backup written to .*portal-2026-11-19T03-01-00\.000Z\.db\.$/);

    vi.advanceTimersByTime(22 * 60 * MIN);
    await housekeeping.idle();
    expect(listBackups(dir)).toHaveLength(1);

    vi.advanceTimersByTime(2 * 60 * MIN);
    await housekeeping.idle();
    expect(listBackups(dir)).toHaveLength(2);
    for (let day = 0; day < 3; day++) {
      vi.advanceTimersByTime(DAY);
      await housekeeping.idle();
    }
    expect(listBackups(dir)).toHaveLength(3);
    expect(lines.at(-1)).toMatch(/\(removed 1 older\)\.$/);
    housekeeping.stop();
  });

  it("logs a failed daily backup and keeps going", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout", "setInterval", "clearInterval"] });
    vi.setSystemTime(NOW);
    const blocker = path.join(dir, "a-file");
    fs.writeFileSync(blocker, "");
    const errors: string[] = [];
    const housekeeping = startHousekeeping({
      database: db,
      backupDir: path.join(blocker, "backups"),
      backupKeep: 3,
      dailyBackup: true,
      log: () => {},
      logError: (l) => errors.push(l),
    });
    vi.advanceTimersByTime(MIN);
    await housekeeping.idle();
    expect(errors).toEqual([expect.stringMatching(/^Daily backup failed: cannot create the backup folder .*a-file\/backups: /)]);
    // The next hourly check tries again.
    vi.advanceTimersByTime(60 * MIN);
    await housekeeping.idle();
    expect(errors).toHaveLength(2);
    housekeeping.stop();
  });
});
