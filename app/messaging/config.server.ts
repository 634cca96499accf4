/**
 * Which transports send reminders, from the environment (README "Configuration"). Telegram
 * when a bot token is set, SMS when a gateway address is set, and the `log` transport when
 * neither is: it sends nothing and keeps the message for /staff/reminders.
 */
import { env, publicUrl } from "~/env.server";

export interface TelegramConfig {
  token: string;
  apiRoot: string;
  mode: "polling" | "webhook";
  webhookSecret: string | null;
  username: string | null;
}

export interface SmsConfig {
  url: string;
  method: "POST" | "GET";
  body: string;
  contentType: "application/json" | "application/x-www-form-urlencoded" | "text/plain";
  authorization: string | null;
}

export interface MessagingConfig {
  publicUrl: string;
  linkHours: number;
  telegram: TelegramConfig | null;
  sms: SmsConfig | null;
}

function configFromEnv(): MessagingConfig {
  const e = env();
  return {
    publicUrl: publicUrl(),
    linkHours: e.REMINDER_LINK_HOURS,
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ""),
          mode: e.TELEGRAM_MODE,
          webhookSecret: e.TELEGRAM_WEBHOOK_SECRET ?? null,
          username: e.TELEGRAM_BOT_USERNAME ?? null,
        }
      : null,
    sms: e.SMS_GATEWAY_URL
      ? {
          url: e.SMS_GATEWAY_URL,
          method: e.SMS_GATEWAY_METHOD,
          body: e.SMS_GATEWAY_BODY,
          contentType: e.SMS_GATEWAY_CONTENT_TYPE,
          authorization: e.SMS_GATEWAY_AUTHORIZATION ?? null,
        }
      : null,
  };
}

const holder = globalThis as unknown as { __messagingConfig?: MessagingConfig };

export function messagingConfig(): MessagingConfig {
  holder.__messagingConfig ??= configFromEnv();
  return holder.__messagingConfig;
}

/** For tests: point the process at a fake Bot API server or a test SMS gateway. */
export function setMessagingConfig(next: MessagingConfig | undefined) {
  holder.__messagingConfig = next;
}

/** The `log` transport stands in when no real one is configured (the offline demo). */
export function usesLogTransport(config: MessagingConfig = messagingConfig()): boolean {
  return !config.telegram && !config.sms;
}
