/**
 * "Link Telegram" and "Unlink Telegram" as the pages offer them: to a trainer on /trainer, to
 * staff for a trainer of their site, and to staff for their own digest.
 */
import { qrSvg } from "~/components/qr.server";
import { createTelegramLinkToken, telegramChatOf, unlinkUser } from "~/db/telegram-links.server";
import type { TelegramIntent } from "~/forms/reminders.server";

import { botUsername, deepLink, initInBackground, telegramRuntime } from "./telegram.server";

export type TelegramAvailability = "ok" | "notSetUp" | "unreachable";

function telegramAvailability(): TelegramAvailability {
  const runtime = telegramRuntime();
  if (!runtime) return "notSetUp";
  if (botUsername()) return "ok";
  initInBackground(runtime);
  return "unreachable";
}

export interface TelegramState {
  availability: TelegramAvailability;
  linkedAt: string | null;
  /** Only for staff of the user's site (the caller decides). */
  chatId: string | null;
}

export function telegramState(userId: number, options: { showChatId: boolean }): TelegramState {
  const chat = telegramChatOf(userId);
  return { availability: telegramAvailability(), linkedAt: chat?.linkedAt.toISOString() ?? null, chatId: options.showChatId ? (chat?.chatId ?? null) : null };
}

export interface TelegramResult {
  created: { url: string; svg: string; expiresAt: string } | null;
  unlinked: boolean;
  error: "reminders.telegram.unreachable" | "reminders.telegram.notSetUp" | "reminders.telegram.inactive" | null;
}

export async function telegramAction(
  intent: TelegramIntent,
  input: { subject: { id: number; active: boolean }; actorUserId: number; reason: "staff" | "self"; requestId?: string },
): Promise<{ status: number; telegram: TelegramResult }> {
  const none: TelegramResult = { created: null, unlinked: false, error: null };
  if (intent === "telegram_unlink") {
    const unlinked = unlinkUser({
      userId: input.subject.id,
      actorUserId: input.actorUserId,
      reason: input.reason,
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
    return { status: 200, telegram: { ...none, unlinked } };
  }
  if (!input.subject.active) return { status: 400, telegram: { ...none, error: "reminders.telegram.inactive" } };
  const availability = telegramAvailability();
  if (availability !== "ok")
    return { status: 503, telegram: { ...none, error: availability === "notSetUp" ? "reminders.telegram.notSetUp" : "reminders.telegram.unreachable" } };
  const { token, expiresAt } = createTelegramLinkToken({
    userId: input.subject.id,
    createdBy: input.actorUserId,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
  const url = deepLink(botUsername()!, token);
  return { status: 200, telegram: { ...none, created: { url, svg: await qrSvg(url), expiresAt: expiresAt.toISOString() } } };
}
