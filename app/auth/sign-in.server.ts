/**
 * Password and PIN sign-in through remix-auth's FormStrategy. Failures are one generic answer
 * (no account enumeration); an apprentice's PIN locks the account after 5 wrong tries.
 */
import { and, eq, sql } from "drizzle-orm";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";

import { db } from "~/db/client.server";
import { users } from "~/db/schema";

import { verifyAgainstNothing, verifySecret } from "./password.server";
import type { SessionUser, SignInMethod } from "./session.server";

export const PIN_MAX_FAILURES = 5;
export const PIN_LOCK_MS = 15 * 60_000;

export class SignInError extends Error {
  constructor(
    readonly reason: "invalid" | "locked",
    readonly userId: number | null,
    readonly lockedUntil: Date | null = null,
  ) {
    super(`sign-in refused: ${reason}`);
  }
}

export interface SignedIn {
  user: SessionUser;
  method: SignInMethod;
}

export async function verifyCredentials(username: string, secret: string, now = new Date()): Promise<SignedIn> {
  const user = db()
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${username.trim().toLowerCase()}`)
    .get();
  if (!user || !user.active) {
    await verifyAgainstNothing(secret);
    throw new SignInError("invalid", user?.id ?? null);
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > now.getTime()) {
    throw new SignInError("locked", user.id, user.lockedUntil);
  }
  if (user.passwordHash && (await verifySecret(user.passwordHash, secret))) {
    resetFailures(user.id);
    return { user, method: "password" };
  }
  const looksLikePin = /^\d{6}$/.test(secret);
  if (user.role === "apprentice" && user.pinHash && looksLikePin) {
    if (await verifySecret(user.pinHash, secret)) {
      resetFailures(user.id);
      return { user, method: "pin" };
    }
    const failures = user.failedSignIns + 1;
    const lockedUntil = failures >= PIN_MAX_FAILURES ? new Date(now.getTime() + PIN_LOCK_MS) : null;
    db()
      .update(users)
      .set({ failedSignIns: lockedUntil ? 0 : failures, lockedUntil })
      .where(eq(users.id, user.id))
      .run();
    if (lockedUntil) throw new SignInError("locked", user.id, lockedUntil);
  }
  throw new SignInError("invalid", user.id);
}

function resetFailures(userId: number) {
  db()
    .update(users)
    .set({ failedSignIns: 0, lockedUntil: null })
    .where(and(eq(users.id, userId), sql`(${users.failedSignIns} <> 0 or ${users.lockedUntil} is not null)`))
    .run();
}

export const authenticator = new Authenticator<SignedIn>();

authenticator.use(
  new FormStrategy(async ({ form }) => {
    const username = form.get("username");
    const password = form.get("password");
    if (typeof username !== "string" || typeof password !== "string") throw new SignInError("invalid", null);
    return verifyCredentials(username, password);
  }),
  "form",
);
