/**
 * Environment, parsed once with zod at start. A missing value takes a working default for the
 * embedded demo; a bad value stops the app with a message naming the variable.
 */
import path from "node:path";

import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

export const EnvSchema = z.object({
  /** Production unless told otherwise: secure by default (the session cookie is `Secure`). */
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("data/portal.db"),
  /** Comma-separated secrets for signing the session cookie; the first signs, all verify. */
  SESSION_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional(),
  /** Sets the cookie's Secure attribute; defaults to true in production. `false` only for a plain-HTTP LAN install. */
  COOKIE_SECURE: booleanish.optional(),
  /** Seed the demo data when the database is empty. */
  SEED_DEMO: booleanish.default(true),
  /** Per client (IP): failed sign-ins in 15 minutes before waits start, and sign-in link openings a minute. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Behind one reverse proxy (Caddy, nginx): take the client address from the X-Forwarded-For entry it adds. */
  TRUST_PROXY: booleanish.default(false),
  LOG_REQUESTS: booleanish.default(true),
  /** Where backups go; unset: `backups/` beside the database (`data/backups/` by default). */
  BACKUP_DIR: z.string().min(1).optional(),
  /** How many backups `npm run backup` and the daily backup keep (the newest ones). */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(10_000).default(14),
  /** The server takes a backup once a day on its own. */
  BACKUP_DAILY: booleanish.default(true),
  /**
   * The portal's public address (e.g. https://portal.example.org), baked into every signed record
   * of achievement (its id, issuer and key). Unset: the address the issuing request came to.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) address like https://portal.example.org" })
    .transform((u) => u.replace(/\/+$/, ""))
    .optional(),
  /** Pretend today is this date (YYYY-MM-DD) in the sites' calendar: for demos, training and browser tests. */
  DEMO_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-11-19")
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** The folder backups are written to. */
export function backupDir(e: Pick<Env, "BACKUP_DIR" | "DATABASE_PATH"> = env()): string {
  return path.resolve(e.BACKUP_DIR ?? path.join(path.dirname(path.resolve(e.DATABASE_PATH)), "backups"));
}

export function cookieSecure(): boolean {
  const e = env();
  return e.COOKIE_SECURE ?? e.NODE_ENV === "production";
}
