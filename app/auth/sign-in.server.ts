/**
 * Password and PIN sign-in through remix-auth's FormStrategy. Every refusal is the same
 * `SignInError`: an unknown username, a deactivated account and a wrong secret look alike, and
 * cost the same argon2 work, so neither the answer nor its timing says whether an account exists.
 * There is no lock on the account (docs/decisions/0012): the throttle in `rate-limit.server.ts`
 * slows the client that fails instead.
 */
import { sql } from "drizzle-orm";
import { Authenticator } from "remix-auth";
import { FormStrategy } from "remix-auth-form";

import { db } from "~/db/client.server";
import { users } from "~/db/schema";
import { usernameKey } from "~/domain/sign-in-throttle";
import { inNumerals } from "~/i18n/format";

import { verifyAgainstNothing, verifySecret } from "./password.server";
import type { SessionUser, SignInMethod } from "./session.server";

export class SignInError extends Error {
  /** The account the username named, if any: for the audit log only, never for the answer. */
  constructor(readonly userId: number | null) {
    super("sign-in refused");
  }
}

export interface SignedIn {
  user: SessionUser;
  method: SignInMethod;
}

/** Check `secret` against `hash`, or spend the same time on a dummy hash when there is none. */
const check = (hash: string | null, secret: string) => (hash ? verifySecret(hash, secret) : verifyAgainstNothing(secret));

export async function verifyCredentials(username: string, secret: string): Promise<SignedIn> {
  const found = db()
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${usernameKey(username)}`)
    .get();
  const account = found?.active ? found : null;
  // The same verifications run for every username, existing or not: one for the password, and
  // a second for the PIN whenever the secret looks like one (6 digits), whatever the role.
  const passwordOk = await check(account?.passwordHash ?? null, secret);
  // A phone set to Khmer may type the PIN in Khmer digits (០–៩): the same PIN.
  const pin = inNumerals(secret, "latin");
  const pinOk = /^\d{6}$/.test(pin) ? await check(account?.role === "apprentice" ? account.pinHash : null, pin) : false;
  if (account && passwordOk) return { user: account, method: "password" };
  if (account && pinOk) return { user: account, method: "pin" };
  throw new SignInError(found?.id ?? null);
}

export const authenticator = new Authenticator<SignedIn>();

authenticator.use(
  new FormStrategy(async ({ form }) => {
    const username = form.get("username");
    const password = form.get("password");
    if (typeof username !== "string" || typeof password !== "string") throw new SignInError(null);
    return verifyCredentials(username, password);
  }),
  "form",
);
