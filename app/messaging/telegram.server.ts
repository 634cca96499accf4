/**
 * The portal's Telegram bot (grammY, docs/decisions/0019). It understands two commands in a
 * private chat: `/start <token>` binds the chat to the user who asked for the token, `/stop`
 * unbinds it. Everything else, and anything from a group or channel, is ignored. Updates come by
 * long polling or by webhook (TELEGRAM_MODE); the webhook is checked against its secret token.
 */
import crypto from "node:crypto";

import { Bot, BotError, type Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";

import { bindChatWithToken, unlinkChat } from "~/db/telegram-links.server";
import { DEFAULT_LOCALE } from "~/i18n/config";
import { serverT } from "~/i18n/i18n.server";

import { messagingConfig, type TelegramConfig } from "./config.server";
import { bilingualBadToken, botReply } from "./messages";

export interface TelegramRuntime {
  bot: Bot;
  config: TelegramConfig;
}

async function reply(ctx: Context, text: string) {
  try {
    await ctx.reply(text, { link_preview_options: { is_disabled: true } });
  } catch (error) {
    // The binding already happened; a lost answer is not worth failing the update for.
    console.warn(`Telegram reply failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A private chat's id is its user's id; anything else is not a person talking to the bot. */
function fromItsOwner(ctx: Context): boolean {
  return !!ctx.from && !ctx.from.is_bot && !!ctx.chat && ctx.chat.type === "private" && ctx.from.id === ctx.chat.id;
}

function createBot(config: TelegramConfig, botInfo?: UserFromGetMe): Bot {
  const info = botInfo ?? (config.username ? botInfoFor(config) : undefined);
  const bot = new Bot(config.token, { client: { apiRoot: config.apiRoot, timeoutSeconds: 60 }, ...(info ? { botInfo: info } : {}) });
  const mine = bot.chatType("private").filter(fromItsOwner);

  mine.command("start", async (ctx) => {
    const result = bindChatWithToken(ctx.match.trim(), String(ctx.chat.id));
    if (result.status === "linked") {
      await reply(ctx, botReply(serverT(result.user.locale ?? DEFAULT_LOCALE), "linked", result.user.displayName));
    } else {
      await reply(ctx, bilingualBadToken(serverT("km"), serverT("en")));
    }
  });

  mine.command("stop", async (ctx) => {
    const user = unlinkChat(String(ctx.chat.id));
    // A chat nobody linked gets no answer.
    if (user) await reply(ctx, botReply(serverT(user.locale ?? DEFAULT_LOCALE), "stopped"));
  });

  bot.catch((error) => {
    console.error("Telegram update failed", error.error);
  });
  return bot;
}

/** With TELEGRAM_BOT_USERNAME set, the bot needs no getMe call to start. */
function botInfoFor(config: TelegramConfig): UserFromGetMe {
  const username = config.username ?? "";
  return {
    id: Number(config.token.split(":")[0]),
    is_bot: true,
    first_name: username,
    username,
    can_join_groups: false,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
  } as UserFromGetMe;
}

const holder = globalThis as unknown as { __telegram?: TelegramRuntime | null; __telegramSeen?: number[] };

/** The process's bot, or null when Telegram is not configured. */
export function telegramRuntime(): TelegramRuntime | null {
  if (holder.__telegram === undefined) {
    const config = messagingConfig().telegram;
    holder.__telegram = config ? { bot: createBot(config), config } : null;
  }
  return holder.__telegram;
}

/** For tests: forget the bot (after changing the messaging config). */
export function resetTelegramRuntime() {
  holder.__telegram = undefined;
  holder.__telegramSeen = undefined;
}

/** The bot's username for t.me links, or null while it is not known (Telegram off or not reached yet). */
export function botUsername(): string | null {
  const runtime = telegramRuntime();
  if (!runtime) return null;
  return runtime.bot.isInited() ? runtime.bot.botInfo.username : null;
}

export function deepLink(username: string, token: string): string {
  return `https://t.me/${username}?start=${token}`;
}

let initializing: Promise<void> | null = null;
/** Ask Telegram who the bot is (getMe), in the background; grammY retries until it answers. */
export function initInBackground(runtime: TelegramRuntime) {
  if (runtime.bot.isInited() || initializing) return;
  initializing = runtime.bot
    .init()
    .catch((error: unknown) => console.warn(`Telegram getMe failed: ${error instanceof Error ? error.message : String(error)}`))
    .finally(() => {
      initializing = null;
    });
}

/** Constant time, whatever the lengths. */
export function secretMatches(given: string | null, expected: string): boolean {
  if (given === null) return false;
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

/** The least an update must look like before the bot reads it. */
export function isUpdate(value: unknown): value is Update {
  return typeof value === "object" && value !== null && Number.isSafeInteger((value as { update_id?: unknown }).update_id);
}

/** Handle one webhook update; Telegram retries a call it thinks failed, so a repeated update_id is dropped. */
export async function handleWebhookUpdate(runtime: TelegramRuntime, update: Update): Promise<void> {
  const seen = (holder.__telegramSeen ??= []);
  if (seen.includes(update.update_id)) return;
  seen.push(update.update_id);
  if (seen.length > 1000) seen.splice(0, seen.length - 1000);
  try {
    await runtime.bot.handleUpdate(update);
  } catch (error) {
    // A handler's error (wrapped by grammY) is ours to log; Telegram gets its 200 and does not resend.
    console.error("Telegram update failed", error instanceof BotError ? error.error : error);
  }
}

let webhookRegistered = false;
let webhookFailures = 0;
let registering: Promise<boolean> | null = null;
/** Tell Telegram where to post updates (webhook mode). Returns whether it is registered; tried again each minute until it is. */
export function registerWebhook(runtime: TelegramRuntime, publicUrl: string, log: (line: string) => void = console.log): Promise<boolean> {
  if (webhookRegistered) return Promise.resolve(true);
  registering ??= setWebhook(runtime, publicUrl, log).finally(() => {
    registering = null;
  });
  return registering;
}

async function setWebhook(runtime: TelegramRuntime, publicUrl: string, log: (line: string) => void): Promise<boolean> {
  try {
    await runtime.bot.api.setWebhook(`${publicUrl}/telegram/webhook`, {
      secret_token: runtime.config.webhookSecret ?? undefined,
      allowed_updates: ["message"],
    });
    webhookRegistered = true;
    log(`Telegram webhook registered at ${publicUrl}/telegram/webhook.`);
  } catch (error) {
    // Once, then hourly: a wrong PUBLIC_URL should not flood the log.
    if (webhookFailures++ % 60 === 0) console.warn(`Telegram setWebhook failed (will try again): ${error instanceof Error ? error.message : String(error)}`);
  }
  return webhookRegistered;
}

/** Long polling: grammY asks Telegram for updates in a loop (and retries while it is unreachable). */
export function startPolling(runtime: TelegramRuntime, log: (line: string) => void = console.log) {
  if (runtime.bot.isRunning()) return;
  runtime.bot
    .start({ allowed_updates: ["message"], onStart: (me) => log(`Telegram bot @${me.username} is polling for updates.`) })
    .catch((error: unknown) => console.error("Telegram polling stopped", error));
}

export async function stopPolling(runtime: TelegramRuntime) {
  if (runtime.bot.isRunning()) await runtime.bot.stop();
}
