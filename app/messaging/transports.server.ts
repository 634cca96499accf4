/**
 * How a reminder leaves the portal. Each transport answers with a result and never throws, so a
 * failing one is recorded on its own message and cannot stop another (docs/decisions/0018).
 */
import { Api, GrammyError, HttpError } from "grammy";

import type { MessageChannel } from "~/domain/reminders";

import type { MessagingConfig, SmsConfig, TelegramConfig } from "./config.server";

export type SendResult =
  | { ok: true; providerId: string | null }
  | {
      ok: false;
      /** The provider's own words (status and description), for staff. */
      error: string;
      retryable: boolean;
      retryAfterMs?: number;
      /** The recipient ended the conversation (Telegram 403): unlink the chat. */
      unlink?: boolean;
    };

export interface Transport {
  channel: MessageChannel;
  send(to: string, text: string): Promise<SendResult>;
}

const SEND_TIMEOUT_SECONDS = 15;

function short(text: string, max = 300): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

function telegramTransport(config: TelegramConfig): Transport {
  const api = new Api(config.token, { apiRoot: config.apiRoot, timeoutSeconds: SEND_TIMEOUT_SECONDS });
  return {
    channel: "telegram",
    async send(chatId, text) {
      try {
        // No link previews: the message's links are personal sign-in links.
        const sent = await api.sendMessage(chatId, text, { link_preview_options: { is_disabled: true } });
        return { ok: true, providerId: String(sent.message_id) };
      } catch (error) {
        if (error instanceof GrammyError) {
          const retryAfter = error.parameters?.retry_after;
          return {
            ok: false,
            error: short(`Telegram ${error.error_code}: ${error.description}`),
            retryable: error.error_code === 429 || error.error_code >= 500,
            ...(typeof retryAfter === "number" ? { retryAfterMs: retryAfter * 1000 } : {}),
            ...(error.error_code === 403 ? { unlink: true } : {}),
          };
        }
        if (error instanceof HttpError)
          return { ok: false, error: short(`Telegram unreachable: ${String((error.error as Error | undefined)?.message ?? error.message)}`), retryable: true };
        return { ok: false, error: short(`Telegram: ${error instanceof Error ? error.message : String(error)}`), retryable: true };
      }
    },
  };
}

/** Fill {{to}} and {{text}} in a template, escaping each value for where it goes. */
function fillTemplate(template: string, values: { to: string; text: string }, escape: (value: string) => string): string {
  return template.replace(/\{\{(to|text)\}\}/g, (_m, name: "to" | "text") => escape(values[name]));
}

const ESCAPES: Record<SmsConfig["contentType"], (value: string) => string> = {
  // The template holds the quotes: escape the value as the inside of a JSON string.
  "application/json": (value) => JSON.stringify(value).slice(1, -1),
  "application/x-www-form-urlencoded": (value) => encodeURIComponent(value),
  "text/plain": (value) => value,
};

function smsTransport(config: SmsConfig, fetchImpl: typeof fetch = fetch): Transport {
  return {
    channel: "sms",
    async send(phone, text) {
      const values = { to: phone.replace(/[\s-]/g, ""), text };
      const url = fillTemplate(config.url, values, encodeURIComponent);
      const headers: Record<string, string> = {};
      if (config.authorization) headers.authorization = config.authorization;
      let body: string | undefined;
      if (config.method === "POST") {
        headers["content-type"] = config.contentType;
        body = fillTemplate(config.body, values, ESCAPES[config.contentType]);
      }
      try {
        const response = await fetchImpl(url, { method: config.method, headers, body, signal: AbortSignal.timeout(SEND_TIMEOUT_SECONDS * 1000) });
        const answer = await response.text().catch(() => "");
        if (response.ok) return { ok: true, providerId: short(answer, 100) || null };
        const retryAfter = Number(response.headers.get("retry-after"));
        return {
          ok: false,
          error: short(`SMS gateway ${response.status}: ${answer || response.statusText}`),
          retryable: response.status === 429 || response.status >= 500,
          ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
        };
      } catch (error) {
        return { ok: false, error: short(`SMS gateway unreachable: ${error instanceof Error ? error.message : String(error)}`), retryable: true };
      }
    },
  };
}

/** The offline demo's transport: nothing leaves the machine; the outbox row is what staff see. */
function logTransport(log: (line: string) => void = console.log): Transport {
  return {
    channel: "log",
    async send(to) {
      // Ids only: the message itself is on /staff/reminders.
      log(`Reminder recorded by the log transport (nothing sent) for ${to}.`);
      return { ok: true, providerId: null };
    },
  };
}

export type Transports = Partial<Record<MessageChannel, Transport>>;

export function transportsFor(config: MessagingConfig, log?: (line: string) => void): Transports {
  const out: Transports = {};
  if (config.telegram) out.telegram = telegramTransport(config.telegram);
  if (config.sms) out.sms = smsTransport(config.sms);
  if (!config.telegram && !config.sms) out.log = logTransport(log);
  return out;
}
