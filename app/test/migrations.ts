/** Databases as an older version left them, to test what a migration does to existing rows. */
import fs from "node:fs";
import path from "node:path";

import { migrationsFolder } from "~/db/client.server";

/** A copy (under `dir`) of the migrations folder holding only those before the one whose tag ends with `tag`. */
export function migrationsBefore(dir: string, tag: string): string {
  const out = path.join(dir, `before-${tag}`);
  fs.cpSync(migrationsFolder(), out, { recursive: true });
  const journalFile = path.join(out, "meta", "_journal.json");
  const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  if (at <= 0) throw new Error(`no migration after the first ends with ${tag}`);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return out;
}
