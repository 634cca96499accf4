/**
 * Environment, parsed once with zod at start. A missing value takes a working default for the
 * embedded demo; a bad value stops the app with a message naming the variable.
 */
import path from "node:path";

import { z } from "zod";

const booleanish = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const EnvSchema = z
  .object({
    /** Production unless told otherwise: secure by default (the session cookie is `Secure`). */
    NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    DATABASE_PATH: z.string().min(1).default("data/portal.db"),
    /** Comma-separated secrets for signing the session cookie; the first signs, all verify. */
    SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
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
     * The portal's public address (e.g. https://portal.example.org): baked into every signed record
     * of achievement (its id, issuer and key), the start of every link in a reminder message, and
     * where the Telegram webhook is registered. Unset: the address a request came to (records) or
     * http://localhost:PORT (reminders).
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

    // Reminders (docs/decisions/0018–0019). With neither Telegram nor an SMS gateway
    // configured, the `log` transport records what would have been sent (shown on /staff/reminders).
    /** The server runs the reminder schedule itself (checks every minute). */
    REMINDER_SCHEDULE: booleanish.default(true),
    /** How long the sign-in link in a reminder works, in hours. */
    REMINDER_LINK_HOURS: z.coerce.number().int().min(1).max(168).default(72),
    /** The bot's token from @BotFather; unset turns Telegram off. */
    TELEGRAM_BOT_TOKEN: z
      .string()
      .regex(/^\d{1,20}:[A-Za-z0-9_-]{20,}$/, "must look like 123456789:AA… (from @BotFather)")
      .optional(),
    /** The bot's username (without @), for the t.me links; asked from Telegram (getMe) when unset. */
    TELEGRAM_BOT_USERNAME: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, "must be a bot username such as CareerPathwaysBot")
      .optional(),
    /** The Bot API server: Telegram's, a local Bot API server, or the tests' fake. */
    TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: "must be an http(s) address" }).default("https://api.telegram.org"),
    /** `webhook`: Telegram posts updates to PUBLIC_URL/telegram/webhook; `polling`: the server asks for them. */
    TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
    /** Sent by Telegram in X-Telegram-Bot-Api-Secret-Token with every webhook call; required for `webhook`. */
    TELEGRAM_WEBHOOK_SECRET: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16–256 letters, digits, _ or -")
      .optional(),
    /** A generic HTTP SMS gateway: the address, with {{to}} and {{text}} filled in (URL-encoded). Unset turns SMS off. */
    SMS_GATEWAY_URL: z
      .string()
      .regex(/^https?:\/\/\S+$/, "must be an http(s) address (it may hold {{to}} and {{text}})")
      .optional(),
    SMS_GATEWAY_METHOD: z.enum(["POST", "GET"]).default("POST"),
    /** The request body, with {{to}} and {{text}} escaped for the content type. */
    SMS_GATEWAY_BODY: z.string().default('{"to":"{{to}}","text":"{{text}}"}'),
    SMS_GATEWAY_CONTENT_TYPE: z.enum(["application/json", "application/x-www-form-urlencoded", "text/plain"]).default("application/json"),
    /** Sent as the Authorization header, e.g. `Bearer …`. */
    SMS_GATEWAY_AUTHORIZATION: z.string().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.TELEGRAM_BOT_TOKEN && value.TELEGRAM_MODE === "webhook" && !value.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "is required when TELEGRAM_MODE=webhook" });
    }
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

/** The portal's public address, without a trailing slash (defaults to this server on localhost). */
export function publicUrl(): string {
  const e = env();
  return (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}
