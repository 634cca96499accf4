// `npm run backup`: a consistent copy of the live database at DATABASE_PATH (the server may keep
// running) into BACKUP_DIR as portal-<UTC time>.db; keeps the newest BACKUP_KEEP. Prints the path.
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

import { BackupError, takeBackup } from "~/db/backup.server";
import { backupDir, env } from "~/env.server";

const config = env();
const source = path.resolve(config.DATABASE_PATH);
const dir = backupDir(config);

function fail(message: string): never {
  console.error(`Backup failed: ${message}. Nothing was written.`);
  process.exit(1);
}

if (!fs.existsSync(source)) fail(`there is no database at ${source} (DATABASE_PATH)`);
let sqlite: Database.Database;
try {
  // Read-only: the backup never writes to the database it copies.
  sqlite = new Database(source, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
} catch (error) {
  fail(`cannot open ${source}: ${error instanceof Error ? error.message : String(error)}`);
}
try {
  const { file, removed } = takeBackup(sqlite, dir, config.BACKUP_KEEP);
  console.log(file);
  if (removed.length > 0) console.log(`Removed ${removed.length} older backup(s), keeping the newest ${config.BACKUP_KEEP}.`);
} catch (error) {
  fail(error instanceof BackupError ? error.message : String(error));
} finally {
  sqlite.close();
}
