/**
 * The migration that makes case records append-only keeps what a database already holds: an
 * advance notice withdrawn before it (a `withdrawn_at` column then) is still withdrawn after it
 * (a row of `advance_notice_withdrawals` now).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";

import { migrationsBefore } from "~/test/migrations";

import { migrationsFolder } from "./client.server";
import { createApprentice, createEmployer, createFramework, createPlacement, createSite } from "./factories.server";
import * as schema from "./schema";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-migration-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("migrating to append-only case records", () => {
  it("turns each withdrawn notice into a withdrawal row, keeps the others, and drops the column", () => {
    const sqlite = new Database(path.join(dir, "old.db"));
    sqlite.pragma("foreign_keys = ON");
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder: migrationsBefore(dir, "case_record_corrections") });

    const site = createSite(db);
    const employer = createEmployer(db, { siteId: site.id });
    // In SQL: the factory writes every column of today's users table, newer than this database.
    const trainer = {
      id: Number(
        sqlite
          .prepare("insert into users (username, display_name, role, site_id, employer_id) values ('old-trainer', 'Old Trainer', 'trainer', ?, ?)")
          .run(site.id, employer.id).lastInsertRowid,
      ),
    };
    const fw = createFramework(db);
    const placement = createPlacement(db, {
      apprenticeId: createApprentice(db, { siteId: site.id }).id,
      employerId: employer.id,
      trainerUserId: trainer.id,
      frameworkVersionId: fw.version.id,
    });
    const insert = sqlite.prepare("insert into advance_notices (placement_id, date, kind, reason, withdrawn_at) values (?, ?, 'late', 'transport', ?)");
    const withdrawn = Number(insert.run(placement.id, "2026-11-20", 1_763_600_000_000).lastInsertRowid);
    const held = Number(insert.run(placement.id, "2026-11-21", null).lastInsertRowid);

    migrate(db, { migrationsFolder: migrationsFolder() });

    expect(sqlite.prepare("select notice_id as noticeId, withdrawn_by as withdrawnBy, created_at as createdAt from advance_notice_withdrawals").all()).toEqual([
      { noticeId: withdrawn, withdrawnBy: null, createdAt: 1_763_600_000_000 },
    ]);
    expect(sqlite.prepare("select id from advance_notices order by id").all()).toEqual([{ id: withdrawn }, { id: held }]);
    const columns = (sqlite.prepare("pragma table_info(advance_notices)").all() as { name: string }[]).map((c) => c.name);
    expect(columns).not.toContain("withdrawn_at");
    expect(() => sqlite.prepare("delete from advance_notices where id = ?").run(held)).toThrow(/append-only/);
    sqlite.close();
  });
});
