/**
 * Personal sign-in links for trainers (DESIGN.md §3): issued by staff, valid up to 30 days,
 * revocable, stored only as a SHA-256 of a 256-bit token. A link opens a trainer session and
 * nothing more powerful.
 */
import crypto from "node:crypto";

import { and, count, desc, eq, isNull, sql } from "drizzle-orm";

import { hashToken } from "~/auth/session.server";
import { offsetOf, type PageRequest } from "~/domain/pagination";
import type { Actor } from "~/domain/permissions";

import { audit } from "./audit.server";
import { db } from "./client.server";
import { employers, signInLinks, users } from "./schema";

export const LINK_MAX_DAYS = 30;
const DAY = 86_400_000;

/** A trainer the caller may manage: staff of the trainer's site, or admin. Null means 404. */
export function getTrainerForStaff(actor: Actor, trainerUserId: number) {
  if (!Number.isSafeInteger(trainerUserId)) return null;
  const row = db()
    .select({
      id: users.id,
      displayName: users.displayName,
      username: users.username,
      active: users.active,
      siteId: users.siteId,
      employerName: employers.name,
    })
    .from(users)
    .innerJoin(employers, eq(employers.id, users.employerId))
    .where(and(eq(users.id, trainerUserId), eq(users.role, "trainer")))
    .get();
  if (!row) return null;
  if (actor.role !== "admin" && !(actor.role === "staff" && actor.siteId === row.siteId)) return null;
  return row;
}

/** One page of the trainers of the caller's site (admin: every site), by employer, and how many in all. */
export function listTrainersForStaff(actor: Actor, page: PageRequest) {
  if (actor.role !== "admin" && !(actor.role === "staff" && actor.siteId !== null)) return { rows: [], total: 0 };
  const where = and(eq(users.role, "trainer"), actor.role === "admin" ? undefined : eq(users.siteId, actor.siteId ?? -1));
  const rows = db()
    .select({ id: users.id, displayName: users.displayName, username: users.username, active: users.active, employerName: employers.name, siteId: users.siteId })
    .from(users)
    .innerJoin(employers, eq(employers.id, users.employerId))
    .where(where)
    .orderBy(employers.name, users.displayName)
    .limit(page.size)
    .offset(offsetOf(page))
    .all();
  return { rows, total: db().select({ n: count() }).from(users).innerJoin(employers, eq(employers.id, users.employerId)).where(where).get()?.n ?? 0 };
}

export type LinkState = "active" | "expired" | "revoked";

export function linkState(link: { expiresAt: Date; revokedAt: Date | null }, now = new Date()): LinkState {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

export function listLinks(trainerUserId: number) {
  return db()
    .select({
      id: signInLinks.id,
      createdAt: signInLinks.createdAt,
      expiresAt: signInLinks.expiresAt,
      revokedAt: signInLinks.revokedAt,
      lastUsedAt: signInLinks.lastUsedAt,
      useCount: signInLinks.useCount,
      createdByName: users.displayName,
    })
    .from(signInLinks)
    .innerJoin(users, eq(users.id, signInLinks.createdBy))
    .where(eq(signInLinks.userId, trainerUserId))
    .orderBy(desc(signInLinks.id))
    .all();
}

/** Issue a link; the token is returned once and never stored. */
export function createLink(input: { trainerUserId: number; createdBy: number; days: number; requestId?: string; now?: Date }) {
  const token = crypto.randomBytes(32).toString("base64url");
  const now = input.now ?? new Date();
  const days = Math.min(Math.max(1, Math.floor(input.days)), LINK_MAX_DAYS);
  const link = db().transaction((tx) => {
    const row = tx
      .insert(signInLinks)
      .values({ userId: input.trainerUserId, tokenHash: hashToken(token), createdBy: input.createdBy, createdAt: now, expiresAt: new Date(now.getTime() + days * DAY) })
      .returning()
      .get();
    audit({ actorUserId: input.createdBy, action: "sign_in_link_created", entity: "user", entityId: input.trainerUserId, detail: { linkId: row.id, days } }, input.requestId ? { requestId: input.requestId } : null, tx);
    return row;
  });
  return { token, link };
}

export function revokeLink(input: { trainerUserId: number; linkId: number; revokedBy: number; requestId?: string }): boolean {
  return db().transaction((tx) => {
    const changed = tx
      .update(signInLinks)
      .set({ revokedAt: new Date(), revokedBy: input.revokedBy })
      .where(and(eq(signInLinks.id, input.linkId), eq(signInLinks.userId, input.trainerUserId), isNull(signInLinks.revokedAt)))
      .run().changes;
    if (changed > 0) {
      audit({ actorUserId: input.revokedBy, action: "sign_in_link_revoked", entity: "user", entityId: input.trainerUserId, detail: { linkId: input.linkId } }, input.requestId ? { requestId: input.requestId } : null, tx);
    }
    return changed > 0;
  });
}

export type LinkLookup =
  | { status: "valid"; linkId: number; user: typeof users.$inferSelect }
  | { status: "expired" | "revoked" | "unknown" };

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
  return { status: "valid", linkId: row.link.id, user: row.user };
}

export function markLinkUsed(linkId: number, now = new Date()) {
  db()
    .update(signInLinks)
    .set({ lastUsedAt: now, useCount: sql`${signInLinks.useCount} + 1` })
    .where(eq(signInLinks.id, linkId))
    .run();
}
