/**
 * The exit outcome has its own column: the migration moves an outcome kept as the first line of
 * an exit's note into it, leaves every other note alone, and phase changes stay append-only.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { afterAll, describe, expect, it } from "vitest";

import { PLACEMENT_OUTCOMES } from "~/domain/enums";
import { migrationsBefore } from "~/test/migrations";

import { migrationsFolder } from "./client.server";
import { createApprentice, createSite } from "./factories.server";
import * as schema from "./schema";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-migration-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("migrating the exit outcome out of the note", () => {
  const sqlite = new Database(path.join(dir, "old.db"));
  sqlite.pragma("foreign_keys = ON");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsBefore(dir, "phase_change_exit_outcome") });
  const site = createSite(db);
  const apprenticeId = () => createApprentice(db, { siteId: site.id }).id;
  const insert = sqlite.prepare("insert into phase_changes (apprentice_id, phase, changed_on, note) values (?, ?, '2026-06-01', ?)");
  const add = (phase: string, note: string | null) => Number(insert.run(apprenticeId(), phase, note).lastInsertRowid);
  const rows = {
    exitWithReason: add("exited", "own_business\nOpened a stall"),
    exitWithoutReason: add("exited", "not_employed\n"),
    exitReasonOverLines: add("exited", "employed_elsewhere\nA café\nin Siem Reap"),
    exitPlainNote: add("exited", "Moved back to the home province with family."),
    exitUnknownFirstLine: add("exited", "rich\nWon the lottery"),
    exitNoNote: add("exited", null),
    otherPhaseLookingLikeOne: add("guidance", "own_business\nJust a note"),
  };

  migrate(db, { migrationsFolder: migrationsFolder() });
  const read = (id: number) => sqlite.prepare("select exit_outcome as exitOutcome, note from phase_changes where id = ?").get(id);

  it("moves the outcome of every exit that holds one, and keeps the reason as the note", () => {
    expect(read(rows.exitWithReason)).toEqual({ exitOutcome: "own_business", note: "Opened a stall" });
    expect(read(rows.exitWithoutReason)).toEqual({ exitOutcome: "not_employed", note: null });
    expect(read(rows.exitReasonOverLines)).toEqual({ exitOutcome: "employed_elsewhere", note: "A café\nin Siem Reap" });
  });

  it("leaves every other note as it was", () => {
    expect(read(rows.exitPlainNote)).toEqual({ exitOutcome: null, note: "Moved back to the home province with family." });
    expect(read(rows.exitUnknownFirstLine)).toEqual({ exitOutcome: null, note: "rich\nWon the lottery" });
    expect(read(rows.exitNoNote)).toEqual({ exitOutcome: null, note: null });
    expect(read(rows.otherPhaseLookingLikeOne)).toEqual({ exitOutcome: null, note: "own_business\nJust a note" });
  });

  it("keeps phase changes append-only", () => {
    expect(() => sqlite.prepare("update phase_changes set note = 'x' where id = ?").run(rows.exitWithReason)).toThrow(/append-only/);
    expect(() => sqlite.prepare("delete from phase_changes where id = ?").run(rows.exitWithReason)).toThrow(/append-only/);
  });

  it("takes every outcome code on an exit, and refuses an unknown code or an outcome on another phase", () => {
    const insertWith = sqlite.prepare("insert into phase_changes (apprentice_id, phase, changed_on, exit_outcome) values (?, ?, '2026-07-01', ?)");
    for (const outcome of PLACEMENT_OUTCOMES) expect(() => insertWith.run(apprenticeId(), "exited", outcome)).not.toThrow();
    expect(() => insertWith.run(apprenticeId(), "exited", "rich")).toThrow(/exit_outcome/);
    expect(() => insertWith.run(apprenticeId(), "employed", "own_business")).toThrow(/exit_outcome/);
    expect(() => insertWith.run(apprenticeId(), "employed", null)).not.toThrow();
  });
});
