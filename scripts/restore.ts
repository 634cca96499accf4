// `npm run restore -- FILE`: replace the database at DATABASE_PATH with a backup, after checking
// it; refuses while a server uses the database. The replaced database is kept in BACKUP_DIR.
import fs from "node:fs";
import path from "node:path";

import { BackupError, restoreBackup } from "~/db/backup.server";
import { LEGACY_KEY_FILE, publishedKeysOfFile } from "~/db/credential-keys.server";
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
  reportKeys(target);
} catch (error) {
  console.error(`Restore refused: ${error instanceof BackupError ? error.message : String(error)}. Nothing was changed.`);
  process.exit(1);
}

/** The signing keys of records of achievement travel in the database; a backup from before that move has none. */
function reportKeys(database: string) {
  let count = 0;
  try {
    count = publishedKeysOfFile(database).length;
  } catch {
    count = 0;
  }
  if (count > 0) {
    console.log(`The signing keys of records of achievement came back with the data (${count} published): records issued before the backup still verify.`);
    return;
  }
  const legacy = path.join(path.dirname(database), LEGACY_KEY_FILE);
  if (fs.existsSync(legacy)) {
    console.log(`This backup holds no signing keys; ${legacy} will be adopted when the server starts.`);
    return;
  }
  console.warn(
    `This backup holds no signing keys for records of achievement (it was taken before they moved into the database, or before the portal first started). ` +
      `Put the ${LEGACY_KEY_FILE} of the install it came from beside the database before starting the server, ` +
      `or records issued before it will not verify and a new key will be made.`,
  );
}
