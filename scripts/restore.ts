// `npm run restore -- FILE`: replace the database at DATABASE_PATH with a backup, after checking
// it; refuses while a server uses the database. The replaced database is kept in BACKUP_DIR.
import path from "node:path";

import { BackupError, restoreBackup } from "~/db/backup.server";
import { backupDir, env } from "~/env.server";

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error("Usage: npm run restore -- FILE   (a backup such as data/backups/portal-2026-11-19T02-00-00.000Z.db)");
  process.exit(2);
}
const config = env();
const target = path.resolve(config.DATABASE_PATH);
try {
  const result = restoreBackup({ file, databasePath: target, dir: backupDir(config) });
  console.log(`Restored ${path.resolve(file)} into ${target}.`);
  if (result.pending > 0) console.log(`Applied ${result.pending} newer migration(s) to it.`);
  if (result.previous) console.log(`The database it replaced is kept as ${result.previous}.`);
  console.log(
    config.SESSION_SECRET
      ? "Sessions open at the time of the backup still work if SESSION_SECRET is the one used then; later ones have ended."
      : "Sessions open at the time of the backup still work (their secret came back with the data); later ones have ended.",
  );
} catch (error) {
  console.error(`Restore refused: ${error instanceof BackupError ? error.message : String(error)}. Nothing was changed.`);
  process.exit(1);
}
