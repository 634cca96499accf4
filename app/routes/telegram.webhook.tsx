import type { ActionFunctionArgs } from "@remix-run/node";

import { notFound } from "~/auth/guards.server";
import { handleWebhookUpdate, initInBackground, isUpdate, secretMatches, telegramRuntime } from "~/messaging/telegram.server";

/** Telegram's updates are small; anything bigger is not from Telegram. */
const MAX_BODY_BYTES = 256 * 1024;

const plain = (text: string, status: number, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", ...headers } });

// public route: there is nothing to read here.
export async function loader() {
  throw notFound();
}

// public route: Telegram posts updates here in webhook mode (TELEGRAM_MODE=webhook). The
// X-Telegram-Bot-Api-Secret-Token header, compared in constant time, is the credential; without
// webhook mode the address does not exist.
export async function action({ request }: ActionFunctionArgs) {
  const runtime = telegramRuntime();
  if (!runtime || runtime.config.mode !== "webhook" || !runtime.config.webhookSecret) throw notFound();
  if (!secretMatches(request.headers.get("x-telegram-bot-api-secret-token"), runtime.config.webhookSecret)) return plain("Unauthorized", 401);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_BODY_BYTES) return plain("Too large", 413);
  const body = await request.text();
  if (body.length > MAX_BODY_BYTES) return plain("Too large", 413);
  let update: unknown;
  try {
    update = JSON.parse(body);
  } catch {
    return plain("Bad request", 400);
  }
  if (!isUpdate(update)) return plain("Bad request", 400);
  if (!runtime.bot.isInited()) {
    // Telegram tries again later; meanwhile ask it who the bot is.
    initInBackground(runtime);
    return plain("Not ready", 503, { "Retry-After": "5" });
  }
  await handleWebhookUpdate(runtime, update);
  return plain("ok", 200);
}
