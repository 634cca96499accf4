/**
 * Environment, parsed once with zod at start. A missing value takes a working default for the
 * embedded demo; a bad value stops the app with a message naming the variable.
 */
import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1");

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_PATH: z.string().min(1).default("data/portal.db"),
  /** Comma-separated secrets for signing the session cookie; the first signs, all verify. */
  SESSION_SECRET: z
    .string()
    .min(32, "must be at least 32 characters")
    .optional(),
  /** Sets the cookie's Secure attribute; defaults to true in production. */
  COOKIE_SECURE: booleanish.optional(),
  /** Seed the demo data when the database is empty. */
  SEED_DEMO: booleanish.default(true),
  /** Sign-in attempts allowed per minute, per IP and per username. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  TRUST_PROXY: booleanish.default(false),
  LOG_REQUESTS: booleanish.default(true),
  /** Pretend today is this date (YYYY-MM-DD) in the sites' calendar: for demos, training and browser tests. */
  DEMO_TODAY: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-11-19")
    .optional(),

  // Reminders (issue 13, docs/decisions/0018–0019). With neither Telegram nor an SMS gateway
  // configured, the `log` transport records what would have been sent (shown on /staff/reminders).
  /** The portal's address as trainers reach it: the links in reminder messages start with it. */
  PUBLIC_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) address" }).optional(),
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
}).superRefine((value, ctx) => {
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

export function cookieSecure(): boolean {
  const e = env();
  return e.COOKIE_SECURE ?? e.NODE_ENV === "production";
}

/** The portal's public address, without a trailing slash (defaults to this server on localhost). */
export function publicUrl(): string {
  const e = env();
  return (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, "");
}
