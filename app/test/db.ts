/** A real SQLite file built from the migrations, fresh for each test file. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll } from "vitest";

import { openDatabase, setDb, type DB } from "~/db/client.server";

let sink: ((sql: string) => void) | null = null;

export function useTestDatabase(): DB {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-test-"));
  const file = path.join(dir, "test.db");
  const db = openDatabase(file, { trace: (sql) => sink?.(sql) });
  setDb(db);
  afterAll(() => {
    setDb(undefined);
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return db;
}

/** Every statement the test database executes while `fn` runs, with its parameters filled in. */
export async function recordQueries(fn: () => unknown): Promise<string[]> {
  const seen: string[] = [];
  const previous = sink;
  sink = (sql) => seen.push(sql);
  try {
    await fn();
  } finally {
    sink = previous;
  }
  return seen;
}

/** The same, for synchronous work. */
export function recordQueriesSync(fn: () => void): string[] {
  const seen: string[] = [];
  const previous = sink;
  sink = (sql) => seen.push(sql);
  try {
    fn();
  } finally {
    sink = previous;
  }
  return seen;
}
