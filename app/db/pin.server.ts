/**
 * Apprentice PINs (docs/product.md §3, "Sign-in links"): staff set or reset a 6-digit PIN, the
 * apprentice changes their own. PINs are hashed like passwords (argon2id) and never leave here.
 */
import { and, eq } from "drizzle-orm";

import { hashSecret, verifySecret } from "~/auth/password.server";
import { endAllSessions } from "~/auth/session.server";

import { audit } from "./audit.server";
import { db } from "./client.server";
import { users } from "./schema";

const withRequest = (requestId?: string) => (requestId ? { requestId } : null);

/**
 * Wrong current PINs on the change-PIN form lock that form for 15 minutes after 5 tries. Only
 * the signed-in apprentice can reach the form, so nobody else can aim this lock at them; sign-in
 * itself has no lock (docs/decisions/0012), and does not read this one.
 */
const PIN_MAX_FAILURES = 5;
const PIN_LOCK_MS = 15 * 60_000;

/** The apprentice's sign-in account as staff may see it: whether a PIN is set, and any lock. */
export function apprenticeAccount(apprenticeId: number, now = new Date()) {
  const row = db()
    .select({ id: users.id, username: users.username, pinHash: users.pinHash, lockedUntil: users.lockedUntil, active: users.active })
    .from(users)
    .where(and(eq(users.apprenticeId, apprenticeId), eq(users.role, "apprentice")))
    .get();
  if (!row) return null;
  return {
    userId: row.id,
    username: row.username,
    active: row.active,
    hasPin: row.pinHash !== null,
    lockedUntil: row.lockedUntil && row.lockedUntil.getTime() > now.getTime() ? row.lockedUntil.toISOString() : null,
  };
}

/**
 * Staff set or reset the PIN: the lock is cleared, and the apprentice's open sessions end (a reset
 * often follows a lost or shared phone).
 */
export async function setPinByStaff(input: { apprenticeId: number; pin: string; staffUserId: number; requestId?: string }): Promise<"saved" | "no_account"> {
  const account = apprenticeAccount(input.apprenticeId);
  if (!account) return "no_account";
  const pinHash = await hashSecret(input.pin);
  db().transaction((tx) => {
    tx.update(users).set({ pinHash, failedSignIns: 0, lockedUntil: null }).where(eq(users.id, account.userId)).run();
    audit(
      {
        actorUserId: input.staffUserId,
        action: account.hasPin ? "pin_reset" : "pin_set",
        entity: "user",
        entityId: account.userId,
        detail: { apprenticeId: input.apprenticeId },
      },
      withRequest(input.requestId),
      tx,
    );
  });
  endAllSessions(account.userId);
  return "saved";
}

export type ChangePinResult = { status: "saved" } | { status: "wrong_current" } | { status: "locked"; lockedUntil: Date };

/**
 * The apprentice changes their own PIN after giving the current PIN or password. 5 wrong answers
 * lock this form (not sign-in) for 15 minutes.
 */
export async function changeOwnPin(input: { userId: number; current: string; pin: string; now?: Date; requestId?: string }): Promise<ChangePinResult> {
  const now = input.now ?? new Date();
  const user = db().select().from(users).where(eq(users.id, input.userId)).get();
  if (!user) return { status: "wrong_current" };
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) return { status: "locked", lockedUntil: user.lockedUntil };
  const knows =
    (user.pinHash !== null && (await verifySecret(user.pinHash, input.current))) ||
    (user.passwordHash !== null && (await verifySecret(user.passwordHash, input.current)));
  if (!knows) {
    const failures = user.failedSignIns + 1;
    const lockedUntil = failures >= PIN_MAX_FAILURES ? new Date(now.getTime() + PIN_LOCK_MS) : null;
    db()
      .update(users)
      .set({ failedSignIns: lockedUntil ? 0 : failures, lockedUntil })
      .where(eq(users.id, user.id))
      .run();
    audit(
      { actorUserId: user.id, action: "pin_change_refused", entity: "user", entityId: user.id, detail: { locked: lockedUntil !== null } },
      withRequest(input.requestId),
    );
    return lockedUntil ? { status: "locked", lockedUntil } : { status: "wrong_current" };
  }
  const pinHash = await hashSecret(input.pin);
  db().transaction((tx) => {
    tx.update(users).set({ pinHash, failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id)).run();
    audit({ actorUserId: user.id, action: "pin_changed", entity: "user", entityId: user.id }, withRequest(input.requestId), tx);
  });
  return { status: "saved" };
}
