/**
 * Linking a user's Telegram chat (docs/decisions/0019). A one-time token, stored as SHA-256,
 * valid for a day, binds the private chat that sends `/start <token>` to the user who asked for
 * it. `/stop`, staff, and deactivation unlink. Every link and unlink is audited (ids only).
 */
import crypto from "node:crypto";

import { and, eq, gt, isNull } from "drizzle-orm";

import { hashToken } from "~/auth/session.server";
import type { Locale } from "~/domain/enums";

import { audit } from "./audit.server";
import { db, type DB } from "./client.server";
import { signInLinks, telegramChats, telegramLinkTokens, users } from "./schema";

const LINK_TOKEN_HOURS = 24;
const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];

/** Issue a one-time token for `/start`; the token is returned once and never stored. */
export function createTelegramLinkToken(input: { userId: number; createdBy: number; requestId?: string; now?: Date }) {
  const token = crypto.randomBytes(32).toString("base64url");
  const now = input.now ?? new Date();
  const expiresAt = new Date(now.getTime() + LINK_TOKEN_HOURS * 3_600_000);
  db().transaction((tx) => {
    const row = tx
      .insert(telegramLinkTokens)
      .values({ userId: input.userId, tokenHash: hashToken(token), createdBy: input.createdBy, createdAt: now, expiresAt })
      .returning({ id: telegramLinkTokens.id })
      .get();
    audit(
      { actorUserId: input.createdBy, action: "telegram_link_token_created", entity: "user", entityId: input.userId, detail: { tokenId: row.id } },
      input.requestId ? { requestId: input.requestId } : null,
      tx,
    );
  });
  return { token, expiresAt };
}

export type BindResult = { status: "linked"; user: { id: number; displayName: string; locale: Locale | null } } | { status: "invalid" };

/**
 * `/start <token>` from a private chat: consume the token (once, before it expires) and bind
 * the chat to its user, in one transaction. An unknown, used or expired token, or a user who
 * is no longer active, binds nothing.
 */
export function bindChatWithToken(token: string, chatId: string, now = new Date()): BindResult {
  if (!TOKEN_FORMAT.test(token) || !/^-?\d{1,20}$/.test(chatId)) return { status: "invalid" };
  return db().transaction((tx): BindResult => {
    // Atomic: of two chats racing with one token, only one update changes the row.
    const used = tx
      .update(telegramLinkTokens)
      .set({ usedAt: now })
      .where(and(eq(telegramLinkTokens.tokenHash, hashToken(token)), isNull(telegramLinkTokens.usedAt), gt(telegramLinkTokens.expiresAt, now)))
      .returning({ id: telegramLinkTokens.id, userId: telegramLinkTokens.userId })
      .get();
    if (!used) return { status: "invalid" };
    const user = tx
      .select({ id: users.id, displayName: users.displayName, locale: users.locale, active: users.active, role: users.role })
      .from(users)
      .where(eq(users.id, used.userId))
      .get();
    if (!user || !user.active || (user.role !== "trainer" && user.role !== "staff")) return { status: "invalid" };

    // A chat belongs to one user: linking it here unlinks it from anyone else.
    const previous = tx.select({ userId: telegramChats.userId }).from(telegramChats).where(eq(telegramChats.chatId, chatId)).get();
    if (previous && previous.userId !== user.id) {
      tx.delete(telegramChats).where(eq(telegramChats.userId, previous.userId)).run();
      audit(
        { actorUserId: user.id, action: "telegram_unlinked", entity: "user", entityId: previous.userId, detail: { reason: "chat_linked_elsewhere" } },
        null,
        tx,
      );
    }
    tx.insert(telegramChats)
      .values({ userId: user.id, chatId, linkedAt: now })
      .onConflictDoUpdate({ target: telegramChats.userId, set: { chatId, linkedAt: now } })
      .run();
    audit({ actorUserId: user.id, action: "telegram_linked", entity: "user", entityId: user.id, detail: { tokenId: used.id } }, null, tx);
    return { status: "linked", user: { id: user.id, displayName: user.displayName, locale: user.locale } };
  });
}

/**
 * Unlink a user's chat inside the caller's transaction, and end the sign-in links that were sent
 * to it. Returns false when nothing was linked.
 */
export function unlinkUserInTx(
  tx: Tx | DB,
  input: { userId: number; actorUserId: number | null; reason: "stop" | "staff" | "self" | "deactivated" | "blocked"; requestId?: string; now?: Date },
): boolean {
  const changed = tx.delete(telegramChats).where(eq(telegramChats.userId, input.userId)).run().changes;
  if (changed === 0) return false;
  const now = input.now ?? new Date();
  const revoked = tx
    .update(signInLinks)
    .set({ revokedAt: now, revokedBy: input.actorUserId ?? input.userId })
    .where(and(eq(signInLinks.userId, input.userId), eq(signInLinks.purpose, "reminder"), isNull(signInLinks.revokedAt)))
    .run().changes;
  audit(
    {
      actorUserId: input.actorUserId,
      action: "telegram_unlinked",
      entity: "user",
      entityId: input.userId,
      detail: { reason: input.reason, reminderLinksRevoked: revoked },
    },
    input.requestId ? { requestId: input.requestId } : null,
    tx,
  );
  return true;
}

export function unlinkUser(input: Parameters<typeof unlinkUserInTx>[1]): boolean {
  return db().transaction((tx) => unlinkUserInTx(tx, input));
}

/** `/stop` from a chat: the linked user, or null for a chat nobody linked (then nothing happens). */
export function unlinkChat(chatId: string): { id: number; locale: Locale | null } | null {
  if (!/^-?\d{1,20}$/.test(chatId)) return null;
  return db().transaction((tx) => {
    const row = tx
      .select({ id: users.id, locale: users.locale })
      .from(telegramChats)
      .innerJoin(users, eq(users.id, telegramChats.userId))
      .where(eq(telegramChats.chatId, chatId))
      .get();
    if (!row) return null;
    unlinkUserInTx(tx, { userId: row.id, actorUserId: row.id, reason: "stop" });
    return row;
  });
}

export function telegramChatOf(userId: number, database: DB = db()) {
  return (
    database.select({ chatId: telegramChats.chatId, linkedAt: telegramChats.linkedAt }).from(telegramChats).where(eq(telegramChats.userId, userId)).get() ??
    null
  );
}
