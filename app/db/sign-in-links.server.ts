/**
 * Personal sign-in links for trainers (docs/product.md §3): issued by staff, valid up to 30 days,
 * revocable, stored only as a SHA-256 of a 256-bit token. A link opens a trainer session and
 * nothing more powerful.
 */
import crypto from "node:crypto";

import { and, count, desc, eq, isNull, sql } from "drizzle-orm";

import { hashToken } from "~/auth/session.server";
import { offsetOf, type PageRequest } from "~/domain/pagination";
import { can, type Actor } from "~/domain/permissions";
import { linkState, type LinkState } from "~/domain/sign-in-links";

import { audit } from "./audit.server";
import { db } from "./client.server";
import { employers, sessions, signInLinks, users } from "./schema";
import { siteScope } from "./scope.server";

const LINK_MAX_DAYS = 30;
const DAY = 86_400_000;

/** A trainer the caller may manage (`employer.manage`): staff of the employer's site, or admin. Null means 404. */
export function getTrainerForStaff(actor: Actor, trainerUserId: number) {
  if (!Number.isSafeInteger(trainerUserId)) return null;
  const row = db()
    .select({
      id: users.id,
      displayName: users.displayName,
      username: users.username,
      active: users.active,
      siteId: employers.siteId,
      employerId: employers.id,
      employerName: employers.name,
    })
    .from(users)
    .innerJoin(employers, eq(employers.id, users.employerId))
    .where(and(eq(users.id, trainerUserId), eq(users.role, "trainer")))
    .get();
  if (!row) return null;
  // A trainer is managed with their employer: staff of the employer's site, or admin.
  return can(actor, "employer.manage", { kind: "employer", siteId: row.siteId, employerId: row.employerId }) ? row : null;
}

/** One page of the trainers of the caller's sites (admin: every site), by employer, and how many in all. */
export function listTrainersForStaff(actor: Actor, page: PageRequest) {
  const where = and(eq(users.role, "trainer"), siteScope(actor, employers.siteId));
  const rows = db()
    .select({
      id: users.id,
      displayName: users.displayName,
      username: users.username,
      active: users.active,
      employerName: employers.name,
      siteId: employers.siteId,
    })
    .from(users)
    .innerJoin(employers, eq(employers.id, users.employerId))
    .where(where)
    .orderBy(employers.name, users.displayName)
    .limit(page.size)
    .offset(offsetOf(page))
    .all();
  return { rows, total: db().select({ n: count() }).from(users).innerJoin(employers, eq(employers.id, users.employerId)).where(where).get()?.n ?? 0 };
}

export { linkState, type LinkState };

/**
 * A trainer's links, newest first, each with the devices it signed in (`useCount`), how many of
 * those sessions are still signed in, and when the link or any of its sessions was last used.
 */
export function listLinks(trainerUserId: number, now = new Date()) {
  const live = sql<number>`(select count(*) from ${sessions} where ${sessions.linkId} = ${signInLinks.id} and ${sessions.expiresAt} > ${now.getTime()})`;
  const lastSeen = sql<number | null>`(select max(${sessions.lastSeenAt}) from ${sessions} where ${sessions.linkId} = ${signInLinks.id})`;
  const rows = db()
    .select({
      id: signInLinks.id,
      createdAt: signInLinks.createdAt,
      expiresAt: signInLinks.expiresAt,
      revokedAt: signInLinks.revokedAt,
      lastUsedAt: signInLinks.lastUsedAt,
      useCount: signInLinks.useCount,
      signedInNow: live,
      lastSeenMs: lastSeen,
      createdByName: users.displayName,
    })
    .from(signInLinks)
    .innerJoin(users, eq(users.id, signInLinks.createdBy))
    // Reminder links (one per message, short-lived) belong to their message in the reminder outbox.
    .where(and(eq(signInLinks.userId, trainerUserId), eq(signInLinks.purpose, "staff")))
    .orderBy(desc(signInLinks.id))
    .all();
  return rows.map(({ lastSeenMs, ...link }) => {
    const state = linkState(link, now);
    const lastUsedMs = Math.max(link.lastUsedAt?.getTime() ?? 0, lastSeenMs ?? 0);
    return { ...link, state, signedInNow: state === "active" ? link.signedInNow : 0, lastUsedAt: lastUsedMs > 0 ? new Date(lastUsedMs) : null };
  });
}

/** Issue a link; the token is returned once and never stored. */
export function createLink(input: { trainerUserId: number; createdBy: number; days: number; requestId?: string; now?: Date }) {
  const token = crypto.randomBytes(32).toString("base64url");
  const now = input.now ?? new Date();
  const days = Math.min(Math.max(1, Math.floor(input.days)), LINK_MAX_DAYS);
  const link = db().transaction((tx) => {
    const row = tx
      .insert(signInLinks)
      .values({
        userId: input.trainerUserId,
        tokenHash: hashToken(token),
        createdBy: input.createdBy,
        createdAt: now,
        expiresAt: new Date(now.getTime() + days * DAY),
      })
      .returning()
      .get();
    audit(
      { actorUserId: input.createdBy, action: "sign_in_link_created", entity: "user", entityId: input.trainerUserId, detail: { linkId: row.id, days } },
      input.requestId ? { requestId: input.requestId } : null,
      tx,
    );
    return row;
  });
  return { token, link };
}

/** Revoke a link and end every session it opened, in one transaction. */
export function revokeLink(input: { trainerUserId: number; linkId: number; revokedBy: number; requestId?: string }): boolean {
  return db().transaction((tx) => {
    const changed = tx
      .update(signInLinks)
      .set({ revokedAt: new Date(), revokedBy: input.revokedBy })
      .where(and(eq(signInLinks.id, input.linkId), eq(signInLinks.userId, input.trainerUserId), isNull(signInLinks.revokedAt)))
      .run().changes;
    if (changed > 0) {
      const ended = tx.delete(sessions).where(eq(sessions.linkId, input.linkId)).run().changes;
      audit(
        {
          actorUserId: input.revokedBy,
          action: "sign_in_link_revoked",
          entity: "user",
          entityId: input.trainerUserId,
          detail: { linkId: input.linkId, sessionsEnded: ended },
        },
        input.requestId ? { requestId: input.requestId } : null,
        tx,
      );
    }
    return changed > 0;
  });
}

export type LinkLookup = { status: "valid"; linkId: number; expiresAt: Date; user: typeof users.$inferSelect } | { status: "expired" | "revoked" | "unknown" };

export function lookupLink(token: string, now = new Date()): LinkLookup {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: "unknown" };
  const row = db()
    .select({ link: signInLinks, user: users })
    .from(signInLinks)
    .innerJoin(users, eq(users.id, signInLinks.userId))
    .where(eq(signInLinks.tokenHash, hashToken(token)))
    .get();
  if (!row) return { status: "unknown" };
  // A deactivated trainer's links end with the account.
  if (!row.user.active || row.user.role !== "trainer") return { status: "revoked" };
  const state = linkState(row.link, now);
  if (state !== "active") return { status: state };
  return { status: "valid", linkId: row.link.id, expiresAt: row.link.expiresAt, user: row.user };
}

export function markLinkUsed(linkId: number, now = new Date()) {
  db()
    .update(signInLinks)
    .set({ lastUsedAt: now, useCount: sql`${signInLinks.useCount} + 1` })
    .where(eq(signInLinks.id, linkId))
    .run();
}
