/**
 * Apprentices' sign-in cards (issue 11, docs/decisions/0029). An apprentice signs in by scanning
 * the QR code on a card staff print from their record, which opens the sign-in page with their
 * username already there, and typing the 6-digit PIN printed beside it. The QR code holds no
 * secret: a photo of it signs nobody in. The PIN is throttled like every sign-in
 * (app/auth/rate-limit.server.ts), and making a new card replaces the PIN and ends the
 * apprentice's sessions (a lost card, a shared phone).
 */
import crypto from "node:crypto";

import { and, eq } from "drizzle-orm";

import { hashSecret } from "~/auth/password.server";
import { endAllSessions } from "~/auth/session.server";
import { isGuessablePin } from "~/domain/pin";

import { audit } from "./audit.server";
import { db, type DB } from "./client.server";
import { users } from "./schema";

const withRequest = (requestId?: string) => (requestId ? { requestId } : null);

/** The sign-in name of an apprentice: their code, in small letters (`pp-26-019`). */
export const apprenticeUsername = (code: string) => code.toLowerCase();

type Tx = Pick<DB, "select" | "insert" | "update">;

/**
 * The apprentice's sign-in account, made when it does not exist yet (without a PIN: nobody can
 * sign in to it until a card is made). Inside the caller's transaction.
 */
export function ensureApprenticeAccount(
  tx: Tx,
  apprentice: { id: number; code: string; preferredName: string; siteId: number },
  actorUserId: number,
  requestId?: string,
): { userId: number; username: string; created: boolean } | { taken: true } {
  const existing = tx
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(and(eq(users.apprenticeId, apprentice.id), eq(users.role, "apprentice")))
    .get();
  if (existing) return { userId: existing.id, username: existing.username, created: false };
  const username = apprenticeUsername(apprentice.code);
  // Someone else already holds the name (made by hand in the admin pages): staff see why.
  if (tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) return { taken: true };
  const row = tx
    .insert(users)
    .values({ username, displayName: apprentice.preferredName, role: "apprentice", apprenticeId: apprentice.id, siteId: apprentice.siteId })
    .returning({ id: users.id })
    .get();
  audit(
    { actorUserId, action: "apprentice_account_created", entity: "user", entityId: row.id, detail: { apprenticeId: apprentice.id } },
    withRequest(requestId),
    tx,
  );
  return { userId: row.id, username, created: true };
}

/** A random 6-digit PIN that is not easy to guess (not 111111, not 123456). */
export function randomPin(): string {
  for (;;) {
    const pin = String(crypto.randomInt(0, 1_000_000)).padStart(6, "0");
    if (!isGuessablePin(pin)) return pin;
  }
}

export type CardResult = { ok: true; username: string; pin: string } | { ok: false; reason: "username_taken" | "inactive" };

/**
 * Make a sign-in card: the account if it is missing, and a new PIN (returned once, to print; only
 * its hash is kept). The old PIN stops working and open sessions end.
 */
export async function makeSignInCard(input: {
  apprentice: { id: number; code: string; preferredName: string; siteId: number };
  staffUserId: number;
  requestId?: string;
}): Promise<CardResult> {
  const pin = randomPin();
  const pinHash = await hashSecret(pin);
  const result = db().transaction((tx): CardResult & { userId?: number } => {
    const account = ensureApprenticeAccount(tx, input.apprentice, input.staffUserId, input.requestId);
    if ("taken" in account) return { ok: false, reason: "username_taken" };
    const active = tx.select({ active: users.active }).from(users).where(eq(users.id, account.userId)).get()?.active;
    if (!active) return { ok: false, reason: "inactive" };
    tx.update(users).set({ pinHash, failedSignIns: 0, lockedUntil: null }).where(eq(users.id, account.userId)).run();
    audit(
      { actorUserId: input.staffUserId, action: "sign_in_card_made", entity: "user", entityId: account.userId, detail: { apprenticeId: input.apprentice.id } },
      withRequest(input.requestId),
      tx,
    );
    return { ok: true, username: account.username, pin, userId: account.userId };
  });
  if (!result.ok) return result;
  endAllSessions(result.userId!);
  return { ok: true, username: result.username, pin: result.pin };
}
