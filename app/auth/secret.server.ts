import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

import { env } from "~/env.server";

/**
 * Cookie-signing secrets. SESSION_SECRET (comma-separated, to rotate) when set; otherwise a
 * random secret kept beside the database, so the embedded demo needs no configuration and
 * sessions survive a restart.
 */
export function sessionSecrets(): string[] {
  const { SESSION_SECRET, DATABASE_PATH } = env();
  if (SESSION_SECRET) return SESSION_SECRET.split(",").map((s) => s.trim()).filter(Boolean);
  const file = path.join(path.dirname(path.resolve(DATABASE_PATH)), ".session-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return [fs.readFileSync(file, "utf8").trim()];
}
