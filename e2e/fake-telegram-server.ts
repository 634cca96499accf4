// The browser tests' fake Telegram Bot API server, started by Playwright before the app
// (playwright.config.ts). Specs drive it through its /__fake/ control addresses.
import { FakeTelegram } from "../app/test/fake-telegram";
import { E2E_TELEGRAM_ENV, E2E_TELEGRAM_PORT } from "./env";

const fake = await new FakeTelegram(E2E_TELEGRAM_ENV.TELEGRAM_BOT_TOKEN, "cpp_reminders_test_bot").listen(E2E_TELEGRAM_PORT);
console.log(`Fake Telegram Bot API on ${fake.apiRoot}`);
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void fake.close().then(() => process.exit(0)));
