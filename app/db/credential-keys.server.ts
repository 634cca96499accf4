/**
 * The signing keys of records of achievement, kept in the database (docs/decisions/0020, 0013):
 * one row of `instance_secrets` named `credential_keys`, holding the key set as JSON. A backup
 * therefore carries the keys, and a restore on a new machine still verifies every record issued
 * before it and publishes the same keys.
 *
 * Installs from before the keys moved into the database kept them in `.credential-keys.json`
 * beside the database. The first start that finds no keys in the database adopts that file, then
 * renames it `.credential-keys.json.adopted`: nothing reads it again, and it is needed only to
 * restore a backup taken before the upgrade (put back as `.credential-keys.json`, it is adopted).
 */
import fs from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { eq } from "drizzle-orm";

import {
  ensureSigningKey,
  newKeySet,
  parseKeySet,
  publishedKeys,
  serializeKeySet,
  type KeySet,
  type KeyStore,
  type PublishedKey,
} from "~/credentials/keys.server";

import { db, type DB } from "./client.server";
import * as schema from "./schema";
import { instanceSecrets } from "./schema";

export const CREDENTIAL_KEYS = "credential_keys";
export const LEGACY_KEY_FILE = ".credential-keys.json";
const ADOPTED_SUFFIX = ".adopted";

type Reader = Pick<DB, "select">;

/** The last set read, by its text: a read costs one row by primary key and a string comparison. */
let last: { text: string; set: KeySet } | null = null;

function readSet(from: Reader): KeySet | null {
  const row = from.select({ value: instanceSecrets.value }).from(instanceSecrets).where(eq(instanceSecrets.name, CREDENTIAL_KEYS)).get();
  if (!row) return null;
  if (last?.text !== row.value) last = { text: row.value, set: parseKeySet(row.value, `instance_secrets.${CREDENTIAL_KEYS}`) };
  return last.set;
}

/**
 * The key set in `database`. Every read goes to the row, so a rotation by `npm run keys:rotate`
 * (another process) is seen by a running server at its next signature or look-up, with no restart.
 */
export function databaseKeyStore(database: DB = db()): KeyStore {
  return {
    read: () => readSet(database),
    createIfAbsent(first) {
      // Two processes starting at once: the first insert wins and both read it back.
      database
        .insert(instanceSecrets)
        .values({ name: CREDENTIAL_KEYS, value: serializeKeySet(first) })
        .onConflictDoNothing()
        .run();
      return readSet(database)!;
    },
    replace(change) {
      // IMMEDIATE: the write lock is taken before the read, so two rotations cannot both start from one set.
      return database.transaction(
        (tx) => {
          const next = change(readSet(tx));
          const value = serializeKeySet(next);
          tx.insert(instanceSecrets).values({ name: CREDENTIAL_KEYS, value }).onConflictDoUpdate({ target: instanceSecrets.name, set: { value } }).run();
          return next;
        },
        { behavior: "immediate" },
      );
    },
  };
}

/** The folder of the database's file, or null for a database in memory. */
function folderOf(database: DB): string | null {
  const name = database.$client.name;
  return name && name !== ":memory:" ? path.dirname(path.resolve(name)) : null;
}

export type KeysOnStart =
  { kid: string; source: "stored" } | { kid: string; source: "created" } | { kid: string; source: "adopted"; from: string; renamedTo: string };

/**
 * At start-up (and before a rotation): the keys in the database; else the legacy key file beside
 * it, adopted once; else a new key. Refuses to start on a legacy file that is not a key set rather
 * than replace keys that records were signed with.
 */
export async function ensureCredentialKeys(database: DB = db()): Promise<KeysOnStart> {
  const store = databaseKeyStore(database);
  const folder = folderOf(database);
  const legacy = folder ? path.join(folder, LEGACY_KEY_FILE) : null;
  // Read only when the database holds no keys: once adopted, the file is never read again.
  const found: { legacy: KeySet | null } = { legacy: null };
  const { kid, created } = await ensureSigningKey(store, () => {
    if (legacy && fs.existsSync(legacy)) return (found.legacy = parseKeySet(fs.readFileSync(legacy, "utf8"), legacy));
    return newKeySet();
  });
  if (!created) return { kid, source: "stored" };
  if (!found.legacy || !legacy) return { kid, source: "created" };
  const renamedTo = `${legacy}${ADOPTED_SUFFIX}`;
  try {
    fs.renameSync(legacy, renamedTo);
  } catch (error) {
    // Another process starting at the same moment adopted the same file and renamed it first.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return { kid, source: "adopted", from: legacy, renamedTo };
}

/**
 * The published keys of the database at `file`, opened read-only (never migrated, never written):
 * what `npm run verify` checks against by default. Throws, saying why, when there are none.
 */
export function publishedKeysOfFile(file: string): PublishedKey[] {
  const target = path.resolve(file);
  if (!fs.existsSync(target)) throw new Error(`There is no database at ${target} (DATABASE_PATH)`);
  const sqlite = new Database(target, { readonly: true, fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 5000");
    const hasTable = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'instance_secrets'").get();
    const keys = hasTable ? publishedKeys(databaseKeyStore(drizzle(sqlite, { schema }) as DB)) : [];
    if (keys.length === 0) throw new Error(`${target} holds no signing keys yet: start the portal once`);
    return keys;
  } finally {
    sqlite.close();
  }
}
