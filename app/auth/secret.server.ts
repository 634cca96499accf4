import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { eq } from "drizzle-orm";

import { db, type DB } from "~/db/client.server";
import { instanceSecrets } from "~/db/schema";
import { env, type Env } from "~/env.server";

const NAME = "session_secret";

/**
 * Cookie-signing secrets (docs/decisions/0013-backups-and-restore.md). SESSION_SECRET
 * (comma-separated, to rotate) when set. Otherwise one random secret generated once and kept
 * in the database itself, so a backup carries the secret its sessions were signed with: a
 * restore, even on a new machine, keeps everyone who was signed in at the backup signed in.
 *
 * Installs from before the secret moved into the database kept it in `.session-secret` beside
 * the database: that value is adopted once, so upgrading signs nobody out.
 */
export function sessionSecrets(config: Pick<Env, "SESSION_SECRET" | "DATABASE_PATH"> = env(), database: DB = db()): string[] {
  if (config.SESSION_SECRET)
    return config.SESSION_SECRET.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
  const stored = database.select().from(instanceSecrets).where(eq(instanceSecrets.name, NAME)).get();
  if (stored) return [stored.value];
  const legacy = path.join(path.dirname(path.resolve(config.DATABASE_PATH)), ".session-secret");
  const value = fs.existsSync(legacy) ? fs.readFileSync(legacy, "utf8").trim() : crypto.randomBytes(32).toString("base64url");
  // Two processes starting at once: the first insert wins and both read it back.
  database.insert(instanceSecrets).values({ name: NAME, value }).onConflictDoNothing().run();
  return [database.select().from(instanceSecrets).where(eq(instanceSecrets.name, NAME)).get()!.value];
}
