import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";

import { startCheckpointer, type CheckpointRun } from "./checkpoint.server";
import { openDatabase, type DB } from "./client.server";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function fileDatabase(): { db: DB; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-checkpoint-"));
  dirs.push(dir);
  const file = path.join(dir, "portal.db");
  const db = openDatabase(file);
  db.$client.exec("create table notes (id integer primary key, body blob not null)");
  // An empty WAL to begin with (the migrations wrote to it).
  db.$client.pragma("wal_checkpoint(TRUNCATE)");
  return { db, file };
}

/** `transactions` commits of about `pages` pages each (4 KB rows), numbered from `from`. */
function write(db: DB, transactions: number, pages = 10, from = 0) {
  const insert = db.$client.prepare("insert into notes (id, body) values (?, randomblob(4000))");
  const commit = db.$client.transaction((first: number) => {
    for (let i = 0; i < pages; i++) insert.run(first + i);
  });
  for (let t = 0; t < transactions; t++) commit(from + t * pages);
}

const until = async (done: () => boolean) => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 10));
};

const count = (file: string) => {
  const fresh = new Database(file, { readonly: true });
  try {
    return (fresh.prepare("select count(*) as n from notes").get() as { n: number }).n;
  } finally {
    fresh.close();
  }
};

const walPages = (file: string, pageSize: number) => (fs.statSync(`${file}-wal`).size - 32) / (pageSize + 24);

describe("WAL checkpoints in a worker thread", () => {
  it("copies the WAL into the database file from its own connection, synced as the server's, and the WAL starts over", async () => {
    const { db, file } = fileDatabase();
    const runs: CheckpointRun[] = [];
    const checkpointer = startCheckpointer(db, { pages: 100, fallbackPages: 100_000, everyMs: 5, onCheckpoint: (run) => runs.push(run) });
    // The worker's connection syncs as the server's does (NORMAL): durability is unchanged.
    expect((await checkpointer.ready).synchronous).toBe(db.$client.pragma("synchronous", { simple: true }));
    // The server's connection no longer checkpoints at SQLite's 1000 pages, only at the bound.
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(100_000);

    write(db, 15);
    await until(() => runs.some((run) => run.checkpointed === run.log));
    const done = runs.find((run) => run.checkpointed === run.log)!;
    expect(done.log).toBeGreaterThanOrEqual(100);

    // The database file alone, without its WAL, holds every row committed before the checkpoint.
    const alone = path.join(path.dirname(file), "alone.db");
    fs.copyFileSync(file, alone);
    expect(count(alone)).toBe(150);

    // The next writes start the WAL from its beginning: it does not grow past what it held.
    const pageSize = db.$client.pragma("page_size", { simple: true }) as number;
    const held = walPages(file, pageSize);
    write(db, 3, 10, 150);
    expect(walPages(file, pageSize)).toBeLessThanOrEqual(held);
    expect(count(file)).toBe(180);
    await checkpointer.stop();
  });

  it("keeps the WAL bounded when the worker falls behind: the server's connection checkpoints at the bound", async () => {
    const { db, file } = fileDatabase();
    // A worker that never finds a checkpoint due.
    const checkpointer = startCheckpointer(db, { pages: Number.MAX_SAFE_INTEGER, fallbackPages: 50, everyMs: 5 });
    await checkpointer.ready;
    write(db, 40);
    const pageSize = db.$client.pragma("page_size", { simple: true }) as number;
    // 400 pages written; the WAL never held much more than the bound and one commit.
    expect(walPages(file, pageSize)).toBeLessThan(80);
    expect(count(file)).toBe(400);
    await checkpointer.stop();
  });

  it("stops with the server: the worker closes its connection and checkpoints go back to SQLite's default", async () => {
    const { db, file } = fileDatabase();
    const checkpointer = startCheckpointer(db, { everyMs: 5 });
    await checkpointer.ready;
    expect(checkpointer.running).toBe(true);
    write(db, 5);
    await checkpointer.stop();
    expect(checkpointer.running).toBe(false);
    expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    // The server's connection is now the only one: closing it checkpoints and removes the WAL,
    // which SQLite does only when no other connection (the worker's) is open.
    db.$client.close();
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(count(file)).toBe(50);
  });

  it("leaves an in-memory database alone", async () => {
    const memory = openDatabase(":memory:");
    const checkpointer = startCheckpointer(memory);
    expect(checkpointer.running).toBe(false);
    expect(memory.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
    await checkpointer.stop();
    memory.$client.close();
  });
});
