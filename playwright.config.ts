import { defineConfig, devices } from "playwright/test";

import { E2E_BASE_URL, E2E_DATABASE, E2E_PORT, E2E_SESSION_SECRET, E2E_TELEGRAM_ENV, E2E_TELEGRAM_PORT, E2E_TODAY } from "./e2e/env";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 30_000,
  use: {
    baseURL: E2E_BASE_URL,
    trace: "off",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [{ name: "phone", use: { ...devices["Pixel 5"], viewport: { width: 360, height: 740 }, browserName: "chromium" } }],
  webServer: [
    {
      // Started first: the app registers its webhook with it at start (the reminders).
      command: "node --import tsx ./e2e/fake-telegram-server.ts",
      url: `http://127.0.0.1:${E2E_TELEGRAM_PORT}/`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      // Built by `npm run test:e2e` before Playwright starts; a fresh database every run.
      command: "node ./e2e/serve.mjs",
      url: `${E2E_BASE_URL}/healthcheck`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "ignore",
      stderr: "pipe",
      // No NODE_ENV: the server's own default (production, a Secure cookie) is what is tested.
      env: {
        PORT: String(E2E_PORT),
        DATABASE_PATH: E2E_DATABASE,
        SESSION_SECRET: E2E_SESSION_SECRET,
        LOG_REQUESTS: "false",
        // A fixed "today" (a Thursday with no holiday that week): week cards have past working days.
        DEMO_TODAY: E2E_TODAY,
        // Sign-in throttling is tested in the integration suite; here every spec signs in from one address.
        LOGIN_RATE_LIMIT: "1000",
        // Reminders go to the fake Telegram above, by webhook.
        ...E2E_TELEGRAM_ENV,
      },
    },
  ],
});
