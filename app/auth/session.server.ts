/**
 * Sessions live in the `sessions` table: the cookie holds a random token, the table its SHA-256.
 * Signing out, deactivating a user or an admin's "end session" deletes the row and so ends it.
 */
import crypto from "node:crypto";

import { createCookie } from "@remix-run/node";
import { eq, sql } from "drizzle-orm";

import { db, prepared } from "~/db/client.server";
import { sessions, signInLinks, users } from "~/db/schema";
import { linkState } from "~/domain/sign-in-links";
import { sessionPolicy, sessionState } from "~/domain/session-policy";
import { cookieSecure } from "~/env.server";

import { sessionSecrets } from "./secret.server";

export type SessionUser = typeof users.$inferSelect;

let cookie: ReturnType<typeof createCookie> | undefined;
export function sessionCookie() {
  cookie ??= createCookie("__session", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: cookieSecure(),
    secrets: sessionSecrets(),
  });
  return cookie;
}

export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** Only touch `last_seen_at` once a minute: the idle limit is 30 minutes. */
const TOUCH_EVERY_MS = 60_000;

export type SignInMethod = "password" | "pin" | "link";

/**
 * Start a new session (always a new id) and return the Set-Cookie header for it. A session
 * opened by a sign-in link remembers the link and ends no later than the link does.
 */
export async function createUserSession(
  user: Pick<SessionUser, "id" | "role">,
  method: SignInMethod,
  request: Request,
  now = new Date(),
  link: { id: number; expiresAt: Date } | null = null,
): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  const policy = sessionPolicy(user.role);
  const expiresAt = Math.min(now.getTime() + policy.absoluteMs, link?.expiresAt.getTime() ?? Infinity);
  db()
    .insert(sessions)
    .values({
      idHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(expiresAt),
      method,
      userAgent: request.headers.get("user-agent")?.slice(0, 200) ?? null,
      linkId: link?.id ?? null,
    })
    .run();
  return sessionCookie().serialize(token, { maxAge: Math.max(1, Math.floor((expiresAt - now.getTime()) / 1000)) });
}

const resolved = new WeakMap<Request, Promise<{ user: SessionUser; idHash: string } | null>>();

/** Every request with a cookie runs this: prepared once. */
const sessionWithUser = prepared((database) =>
  database
    .select({ session: sessions, user: users, link: { expiresAt: signInLinks.expiresAt, revokedAt: signInLinks.revokedAt } })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(signInLinks, eq(signInLinks.id, sessions.linkId))
    .where(eq(sessions.idHash, sql.placeholder("idHash")))
    .prepare(),
);

/** The signed-in user of this request, or null. Expired and idle sessions are removed. */
export function getSession(request: Request): Promise<{ user: SessionUser; idHash: string } | null> {
  let pending = resolved.get(request);
  if (!pending) {
    pending = readSession(request);
    resolved.set(request, pending);
  }
  return pending;
}

async function readSession(request: Request) {
  const token: unknown = await sessionCookie().parse(request.headers.get("cookie"));
  if (typeof token !== "string" || token.length < 20) return null;
  const idHash = hashToken(token);
  const row = sessionWithUser().get({ idHash });
  if (!row) return null;
  const now = new Date();
  // A link's sessions end with the link (revoked or expired), whatever their own lifetime.
  const linkEnded =
    row.session.linkId !== null && (!row.link?.expiresAt || linkState({ expiresAt: row.link.expiresAt, revokedAt: row.link.revokedAt }, now) !== "active");
  if (!row.user.active || linkEnded || sessionState(row.session, row.user.role, now) !== "valid") {
    db().delete(sessions).where(eq(sessions.idHash, idHash)).run();
    return null;
  }
  if (now.getTime() - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    db().update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash)).run();
  }
  return { user: row.user, idHash };
}

/** End this request's session and return the Set-Cookie header that clears the cookie. */
export async function destroySession(request: Request): Promise<string> {
  const current = await getSession(request);
  if (current) db().delete(sessions).where(eq(sessions.idHash, current.idHash)).run();
  return sessionCookie().serialize("", { maxAge: 0 });
}

/** End every session of a user (deactivation, password reset). */
export function endAllSessions(userId: number) {
  db().delete(sessions).where(eq(sessions.userId, userId)).run();
}
