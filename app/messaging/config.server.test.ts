import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "~/env.server";

describe("the reminders' environment", () => {
  it("works offline by default: no Telegram, no SMS, the schedule on, links for 72 hours", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({
      REMINDER_SCHEDULE: true,
      REMINDER_LINK_HOURS: 72,
      TELEGRAM_MODE: "polling",
      TELEGRAM_API_ROOT: "https://api.telegram.org",
      SMS_GATEWAY_METHOD: "POST",
    });
    expect(env.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(env.SMS_GATEWAY_URL).toBeUndefined();
  });

  it("stops with a message naming the variable: a bad token, a webhook without its secret, a bad address", () => {
    expect(() => parseEnv({ TELEGRAM_BOT_TOKEN: "not-a-token" })).toThrow(/TELEGRAM_BOT_TOKEN/);
    expect(() => parseEnv({ TELEGRAM_BOT_TOKEN: "123456:abcdefghijklmnopqrstuvwxyz", TELEGRAM_MODE: "webhook" })).toThrow(
      /TELEGRAM_WEBHOOK_SECRET: is required when TELEGRAM_MODE=webhook/,
    );
    expect(() => parseEnv({ PUBLIC_URL: "ftp://portal.example" })).toThrow(EnvError);
    expect(() => parseEnv({ SMS_GATEWAY_URL: "portal.example/send" })).toThrow(/SMS_GATEWAY_URL/);
    expect(() => parseEnv({ REMINDER_LINK_HOURS: "0" })).toThrow(/REMINDER_LINK_HOURS/);
    expect(
      parseEnv({ TELEGRAM_BOT_TOKEN: "123456:abcdefghijklmnopqrstuvwxyz", TELEGRAM_MODE: "webhook", TELEGRAM_WEBHOOK_SECRET: "s".repeat(16) }).TELEGRAM_MODE,
    ).toBe("webhook");
  });
});
