import path from "node:path";

export const E2E_PORT = Number(process.env.E2E_PORT ?? 3107);
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
export const E2E_DATABASE = path.resolve("data/e2e/portal.db");
export const E2E_TODAY = "2026-11-19";
export const E2E_SESSION_SECRET = "e2e-session-secret-e2e-session-secret-0123";

/** The fake Telegram Bot API server (app/test/fake-telegram.ts) listens on the next port. */
export const E2E_TELEGRAM_PORT = E2E_PORT + 1;
/** How the e2e server (and `npm run reminders` in the specs) reach it: webhook mode, like a real install. */
export const E2E_TELEGRAM_ENV = {
  TELEGRAM_BOT_TOKEN: "777000:e2e-fake-bot-token-0123456789abcdef",
  TELEGRAM_API_ROOT: `http://127.0.0.1:${E2E_TELEGRAM_PORT}`,
  TELEGRAM_MODE: "webhook",
  TELEGRAM_WEBHOOK_SECRET: "e2e-webhook-secret-0123456789",
  PUBLIC_URL: E2E_BASE_URL,
} as const;
