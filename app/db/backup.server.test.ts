import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";

import Database from "better-sqlite3";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { sessionSecrets } from "~/auth/secret.server";
import { useTestDatabase } from "~/test/db";

import { BackupError, backupFileName, inspectBackup, listBackups, restoreBackup, takeBackup, takeBackupInBackground } from "./backup.server";
import { migrationsFolder, openDatabase, type DB } from "./client.server";
import { markFileFor } from "./server-mark.server";

const db = useTestDatabase();
const work = fs.mkdtempSync(path.join(os.tmpdir(), "portal-backup-"));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

let n = 0;
const fresh = (name: string) => path.join(work, `${name}-${++n}`);

const sha = (file: string) => crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

/**
 * A second thread that inserts numbered rows, one commit each, and publishes the number of the
 * last committed row in shared memory the moment each commit returns (its acknowledgement).
 */
function startWriter(file: string) {
  const betterSqlite3 = createRequire(import.meta.url).resolve("better-sqlite3");
  const shared = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `
    const { workerData } = require("node:worker_threads");
    const Database = require(workerData.betterSqlite3);
    const db = new Database(workerData.file);
    db.pragma("busy_timeout = 5000");
    const insert = db.prepare("insert into audit_events (action, entity, entity_id) values ('probe_write', 'probe', ?)");
    const shared = workerData.shared;
    for (let i = 1; Atomics.load(shared, 1) === 0; i++) {
      insert.run(String(i));
      Atomics.store(shared, 0, i);
    }
    db.close();
    Atomics.store(shared, 1, 2);
    `,
    { eval: true, workerData: { file, betterSqlite3, shared } },
  );
  const wait = async (done: () => boolean) => {
    while (!done()) await new Promise((r) => setTimeout(r, 5));
  };
  return {
    acknowledged: () => Atomics.load(shared, 0),
    until: (count: number) => wait(() => Atomics.load(shared, 0) >= count),
    async stop() {
      Atomics.store(shared, 1, 1);
      await wait(() => Atomics.load(shared, 1) === 2);
      await worker.terminate();
    },
  };
}

const probes = (file: string) => {
  const sqlite = new Database(file, { readonly: true });
  try {
    return (sqlite.prepare("select cast(entity_id as integer) as i from audit_events where action = 'probe_write' order by 1").all() as { i: number }[]).map(
      (r) => r.i,
    );
  } finally {
    sqlite.close();
  }
};

describe("backup while the portal is writing, then restore into a new instance", () => {
  it("holds every write acknowledged before the backup began, as one consistent snapshot", async () => {
    // Some bulk, so the copy takes long enough for writes to land while it runs.
    const bulk = db.$client.prepare("insert into audit_events (action, entity, detail) values ('bulk', 'probe', ?)");
    db.$client.transaction(() => {
      for (let i = 0; i < 20_000; i++) bulk.run(JSON.stringify({ i, pad: "x".repeat(100) }));
    })();
    const writer = startWriter(db.$client.name);
    await writer.until(300);
    const acknowledgedBefore = writer.acknowledged();
    const { file } = takeBackup(db.$client, fresh("backups"), 5);
    const acknowledgedAfter = writer.acknowledged();
    await writer.stop();
    // The writer was not held up: commits went on while the copy was made.
    expect(acknowledgedAfter).toBeGreaterThan(acknowledgedBefore);

    const target = path.join(fresh("restored"), "portal.db");
    const result = restoreBackup({ file, databasePath: target, dir: path.join(path.dirname(target), "backups") });
    expect(result).toMatchObject({ pending: 0, previous: null });
    const restored = openDatabase(target);
    try {
      const ids = (
        restored.$client.prepare("select cast(entity_id as integer) as i from audit_events where action = 'probe_write' order by 1").all() as { i: number }[]
      ).map((r) => r.i);
      // Every acknowledged write is there, and the snapshot is a whole prefix: no gaps, no half-commits.
      expect(ids.length).toBeGreaterThanOrEqual(acknowledgedBefore);
      expect(ids).toEqual(Array.from({ length: ids.length }, (_, k) => k + 1));
      expect(ids.length).toBeLessThanOrEqual(acknowledgedAfter);
      expect(restored.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      restored.$client.close();
    }
  });
});

describe("backups", () => {
  it("are named by UTC time, listed oldest first, and only the newest N are kept", () => {
    const dir = fresh("keep");
    const at = (s: string) => new Date(s);
    expect(backupFileName(at("2026-11-19T02:03:04.005Z"))).toBe("portal-2026-11-19T02-03-04.005Z.db");
    const made = ["2026-11-17T02:00:00Z", "2026-11-18T02:00:00Z", "2026-11-19T02:00:00Z", "2026-11-20T02:00:00Z"].map((t) =>
      takeBackup(db.$client, dir, 3, at(t)),
    );
    fs.writeFileSync(path.join(dir, "notes.txt"), "not a backup");
    expect(made[3]!.removed).toEqual([made[0]!.file]);
    expect(listBackups(dir).map((b) => b.takenAt.toISOString())).toEqual(["2026-11-18T02:00:00.000Z", "2026-11-19T02:00:00.000Z", "2026-11-20T02:00:00.000Z"]);
    expect(filesIn(dir)).toContain("notes.txt");
  });

  it("say why when they cannot be written, and leave nothing behind", () => {
    const blocker = fresh("a-file");
    fs.writeFileSync(blocker, "");
    expect(() => takeBackup(db.$client, path.join(blocker, "backups"), 3)).toThrow(BackupError);
    expect(() => takeBackup(db.$client, path.join(blocker, "backups"), 3)).toThrow(/cannot create the backup folder/);

    const dir = fresh("twice");
    const now = new Date("2026-11-19T02:00:00Z");
    takeBackup(db.$client, dir, 3, now);
    expect(() => takeBackup(db.$client, dir, 3, now)).toThrow(/already exists/);
    expect(filesIn(dir)).toEqual(["portal-2026-11-19T02-00-00.000Z.db"]);
  });

  it("clear a partial file a crash left a day ago, and never one a backup may still be writing", () => {
    const dir = fresh("crashed");
    fs.mkdirSync(dir, { recursive: true });
    const old = path.join(dir, ".portal-2026-11-18T02-00-00.000Z.db.partial");
    const recent = path.join(dir, ".portal-2026-11-19T01-59-00.000Z.db.partial");
    fs.writeFileSync(old, "half a copy");
    fs.writeFileSync(recent, "a copy being written");
    const dayAgo = new Date(Date.now() - 25 * 3_600_000);
    fs.utimesSync(old, dayAgo, dayAgo);
    fs.writeFileSync(path.join(dir, "notes.partial"), "not ours");
    takeBackup(db.$client, dir, 3, new Date("2026-11-19T02:00:00Z"));
    expect(filesIn(dir).sort()).toEqual([".portal-2026-11-19T01-59-00.000Z.db.partial", "notes.partial", "portal-2026-11-19T02-00-00.000Z.db"]);
  });
});

describe("the server's backup, in a worker thread", () => {
  // A portal database of about 30 MB: big enough that a copy on the main thread is felt.
  let big: DB;
  beforeAll(() => {
    big = openDatabase(path.join(fresh("big"), "portal.db"));
    big.$client.exec(`
      create table padding (b blob);
      with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000)
        insert into padding select randomblob(10000) from n;
    `);
  });
  afterAll(() => big.$client.close());

  const count = (sqlite: Database.Database, sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  let probed = 0;
  /** A numbered row written on the server's own connection. */
  const probe = () => big.$client.prepare("insert into audit_events (action, entity, entity_id) values ('probe_write', 'probe', ?)").run(String(++probed));

  /** How many turns of the event loop (setImmediate callbacks) ran before `job` settled. */
  async function turnsWhile(job: () => Promise<unknown>, onTurn = () => {}) {
    let turns = 0;
    let done = false;
    const turn = () => {
      if (done) return;
      turns++;
      onTurn();
      setImmediate(turn);
    };
    setImmediate(turn);
    try {
      await job();
    } finally {
      done = true;
    }
    return turns;
  }

  it("writes a whole, checked copy holding every row committed before it began", async () => {
    for (let k = 0; k < 50; k++) probe();
    const before = {
      probes: count(big.$client, "select count(*) as n from audit_events where action = 'probe_write'"),
      padding: count(big.$client, "select count(*) as n from padding"),
    };
    const dir = fresh("background");
    const now = new Date("2026-11-19T02:00:00Z");
    const { file, removed } = await takeBackupInBackground(big.$client.name, dir, 3, now);
    expect(file).toBe(path.join(dir, "portal-2026-11-19T02-00-00.000Z.db"));
    expect(removed).toEqual([]);
    expect(filesIn(dir)).toEqual(["portal-2026-11-19T02-00-00.000Z.db"]);
    expect(inspectBackup(file)).toMatchObject({ pending: 0 });
    const copy = new Database(file, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(count(copy, "select count(*) as n from audit_events where action = 'probe_write'")).toBe(before.probes);
      expect(count(copy, "select count(*) as n from padding")).toBe(before.padding);
    } finally {
      copy.close();
    }
  });

  it("lets the event loop turn while it copies, where the synchronous backup holds it throughout", async () => {
    const dir = fresh("turns");
    const held = await turnsWhile(async () => takeBackup(big.$client, dir, 5, new Date("2026-11-19T02:00:00Z")));
    const turned = await turnsWhile(() => takeBackupInBackground(big.$client.name, dir, 5, new Date("2026-11-20T02:00:00Z")));
    expect(held).toBe(0);
    expect(turned).toBeGreaterThan(0);
    expect(listBackups(dir)).toHaveLength(2);
  });

  it("lets the server keep writing on its own connection meanwhile", async () => {
    const dir = fresh("writes");
    const startedAfter = count(big.$client, "select count(*) as n from audit_events where action = 'probe_write'");
    const failures: unknown[] = [];
    let written = 0;
    const turns = await turnsWhile(
      () => takeBackupInBackground(big.$client.name, dir, 5),
      () => {
        try {
          probe();
          written++;
        } catch (error) {
          failures.push(error);
        }
      },
    );
    expect(failures).toEqual([]);
    expect(written).toBe(turns);
    expect(written).toBeGreaterThan(0);
    expect(count(big.$client, "select count(*) as n from audit_events where action = 'probe_write'")).toBe(startedAfter + written);
    // The copy is one snapshot: everything from before, then a prefix of the writes made meanwhile.
    const ids = probes(listBackups(dir)[0]!.file);
    expect(ids.length).toBeGreaterThanOrEqual(startedAfter);
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, k) => k + 1));
  });

  it("says why when it cannot, and leaves no partial file", async () => {
    const blocker = fresh("a-file");
    fs.writeFileSync(blocker, "");
    const noFolder = takeBackupInBackground(big.$client.name, path.join(blocker, "backups"), 3);
    await expect(noFolder).rejects.toThrow(BackupError);
    await expect(noFolder).rejects.toThrow(/cannot create the backup folder/);

    const dir = fresh("taken");
    const now = new Date("2026-11-19T02:00:00Z");
    await takeBackupInBackground(big.$client.name, dir, 3, now);
    const again = takeBackupInBackground(big.$client.name, dir, 3, now);
    await expect(again).rejects.toThrow(BackupError);
    await expect(again).rejects.toThrow(/already exists/);
    expect(filesIn(dir)).toEqual(["portal-2026-11-19T02-00-00.000Z.db"]);

    // The worker's copy fails: the source is not a database.
    const notADatabase = fresh("text.db");
    fs.writeFileSync(notADatabase, "hello, this is not SQLite at all ".repeat(200));
    const failedDir = fresh("failed");
    const failed = takeBackupInBackground(notADatabase, failedDir, 3);
    await expect(failed).rejects.toThrow(BackupError);
    await expect(failed).rejects.toThrow(/cannot write .*portal-.*\.db: file is not a database/);
    expect(filesIn(failedDir)).toEqual([]);

    await expect(takeBackupInBackground(fresh("missing.db"), fresh("none"), 3)).rejects.toThrow(/there is no database file/);
  });
});

describe("restore refuses, says why and changes nothing", () => {
  function liveTarget() {
    const target = path.join(fresh("live"), "portal.db");
    const live = openDatabase(target);
    live.$client.exec("insert into audit_events (action, entity) values ('before_restore', 'probe')");
    live.$client.close();
    return { target, dir: path.join(path.dirname(target), "backups"), before: { sha: sha(target), files: filesIn(path.dirname(target)) } };
  }
  const goodBackup = () => takeBackup(db.$client, fresh("good"), 3).file;

  const cases: [string, (t: ReturnType<typeof liveTarget>) => string, RegExp][] = [
    ["a missing file", () => path.join(work, "nope.db"), /there is no file/],
    [
      "a file that is not a database",
      () => {
        const f = fresh("text.db");
        fs.writeFileSync(f, "hello, this is not SQLite at all");
        return f;
      },
      /not an SQLite database/,
    ],
    [
      "a damaged database",
      () => {
        const f = goodBackup();
        const bytes = fs.readFileSync(f);
        const pageSize = bytes.readUInt16BE(16);
        // Scribble over the middle of the file, past the header page.
        bytes.fill(0x5a, pageSize * 3, pageSize * 3 + pageSize * 8);
        fs.writeFileSync(f, bytes);
        return f;
      },
      /integrity check|malformed/,
    ],
    [
      "a database that is not the portal's",
      () => {
        const f = fresh("other.db");
        const other = new Database(f);
        other.exec("create table things (x)");
        other.close();
        return f;
      },
      /not a portal database/,
    ],
    [
      "a backup from a newer version",
      () => {
        const f = goodBackup();
        const newer = new Database(f);
        newer.prepare("insert into __drizzle_migrations (hash, created_at) values (?, ?)").run("f".repeat(64), Date.now() + 86_400_000);
        newer.close();
        return f;
      },
      /newer or different version/,
    ],
    [
      "a backup while a server uses the database",
      (t) => {
        // The parent process stands in for a running server: alive, and not us.
        fs.writeFileSync(markFileFor(t.target), JSON.stringify({ pid: process.ppid, port: 3000, startedAt: new Date().toISOString() }));
        return goodBackup();
      },
      /portal server \(process \d+, port 3000\) is using/,
    ],
  ];

  it.each(cases)("%s", (_label, make, why) => {
    const t = liveTarget();
    const file = make(t);
    const before = { sha: sha(t.target), files: filesIn(path.dirname(t.target)) };
    expect(() => restoreBackup({ file, databasePath: t.target, dir: t.dir })).toThrow(why);
    expect(sha(t.target)).toBe(before.sha);
    expect(filesIn(path.dirname(t.target))).toEqual(before.files);
  });

  it("ignores the mark of a server that is gone", () => {
    const t = liveTarget();
    fs.writeFileSync(markFileFor(t.target), JSON.stringify({ pid: 2 ** 22 + 12345, port: 3000 }));
    expect(restoreBackup({ file: goodBackup(), databasePath: t.target, dir: t.dir }).previous).toMatch(/portal-before-restore-/);
  });
});

describe("restore", () => {
  it("keeps the database it replaces, and brings the backup's session secret with it", () => {
    const target = path.join(fresh("swap"), "portal.db");
    const original = openDatabase(target);
    const config = { SESSION_SECRET: undefined, DATABASE_PATH: target };
    const secret = sessionSecrets(config, original)[0];
    original.$client.exec("insert into audit_events (action, entity) values ('in_backup', 'probe')");
    const { file } = takeBackup(original.$client, path.join(path.dirname(target), "backups"), 3);
    original.$client.exec("insert into audit_events (action, entity) values ('after_backup', 'probe')");
    original.$client.close();

    const result = restoreBackup({ file, databasePath: target, dir: path.join(path.dirname(target), "backups") });
    const restored = openDatabase(target);
    try {
      const actions = (restored.$client.prepare("select action from audit_events where entity = 'probe'").all() as { action: string }[]).map((r) => r.action);
      expect(actions).toEqual(["in_backup"]);
      expect(sessionSecrets(config, restored)).toEqual([secret]);
    } finally {
      restored.$client.close();
    }
    expect(probes(result.previous!)).toEqual([]);
    const kept = new Database(result.previous!, { readonly: true });
    expect((kept.prepare("select count(*) as n from audit_events where action = 'after_backup'").get() as { n: number }).n).toBe(1);
    kept.close();
    expect(fs.existsSync(`${target}.restoring`)).toBe(false);
  });

  it("brings a backup made before newer migrations up to date", () => {
    const old = fresh("old.db");
    const sqlite = new Database(old);
    const migrations = readMigrationFiles({ migrationsFolder: migrationsFolder() });
    sqlite.exec("create table __drizzle_migrations (id integer primary key autoincrement, hash text not null, created_at numeric)");
    for (const m of migrations.slice(0, -1)) {
      for (const statement of m.sql) if (statement.trim()) sqlite.exec(statement);
      sqlite.prepare("insert into __drizzle_migrations (hash, created_at) values (?, ?)").run(m.hash, m.folderMillis);
    }
    sqlite.close();
    expect(inspectBackup(old)).toEqual({ applied: migrations.length - 1, pending: 1 });

    const target = path.join(fresh("upgrade"), "portal.db");
    expect(restoreBackup({ file: old, databasePath: target, dir: path.join(path.dirname(target), "backups") })).toMatchObject({ pending: 1, previous: null });
    const restored = new Database(target, { readonly: true });
    expect((restored.prepare("select count(*) as n from __drizzle_migrations").get() as { n: number }).n).toBe(migrations.length);
    restored.close();
  });
});
