/**
 * Admin: accounts of every role, sites, and the audit log. Only admin reaches these (the routes
 * guard with `requireRole(request, "admin")`). Nothing here deletes a record that history
 * depends on: an account is deactivated, never removed.
 */
import { and, asc, count, desc, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";

import { hashSecret, verifySecret } from "~/auth/password.server";
import { offsetOf, type PageRequest } from "~/domain/pagination";
import { addDays, startOfDayMs } from "~/domain/dates";
import type { Role } from "~/domain/enums";
import type { FieldErrorMap } from "~/domain/field-errors";

import { audit } from "./audit.server";
import { setPinByStaff } from "./pin.server";
import { db } from "./client.server";
import { apprentices, auditEvents, employers, sessions, signInLinks, sites, users } from "./schema";
import { unlinkUserInTx } from "./telegram-links.server";

const withRequest = (requestId?: string) => (requestId ? { requestId } : null);

// ---------------------------------------------------------------------------------------------
// Accounts

/** One page of the accounts (by role, then username), and how many there are in all. */
export function listUsers(filter: { role?: Role }, page: PageRequest) {
  const where = filter.role ? eq(users.role, filter.role) : undefined;
  const rows = db()
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      siteNameEn: sites.nameEn,
      siteNameKm: sites.nameKm,
      employerName: employers.name,
      apprenticeCode: apprentices.code,
    })
    .from(users)
    .leftJoin(sites, eq(sites.id, users.siteId))
    .leftJoin(employers, eq(employers.id, users.employerId))
    .leftJoin(apprentices, eq(apprentices.id, users.apprenticeId))
    .where(where)
    .orderBy(asc(users.role), asc(users.username))
    .limit(page.size)
    .offset(offsetOf(page))
    .all();
  return { rows, total: db().select({ n: count() }).from(users).where(where).get()?.n ?? 0 };
}

/** What the create form offers: sites, active employers, and apprentices without an account. */
export function userFormOptions() {
  return {
    sites: db().select({ id: sites.id, code: sites.code, nameEn: sites.nameEn, nameKm: sites.nameKm }).from(sites).orderBy(asc(sites.code)).all(),
    employers: db()
      .select({ id: employers.id, name: employers.name, siteCode: sites.code })
      .from(employers)
      .innerJoin(sites, eq(sites.id, employers.siteId))
      .where(eq(employers.active, true))
      .orderBy(asc(sites.code), asc(employers.name))
      .all(),
    apprentices: db()
      .select({ id: apprentices.id, code: apprentices.code })
      .from(apprentices)
      .leftJoin(users, eq(users.apprenticeId, apprentices.id))
      .where(isNull(users.id))
      .orderBy(asc(apprentices.code))
      .all(),
  };
}

export interface NewUser {
  username: string;
  displayName: string;
  role: Role;
  siteId?: number | undefined;
  employerId?: number | undefined;
  apprenticeId?: number | undefined;
  password?: string | undefined;
  pin?: string | undefined;
}

/** Create an account with the links its role needs; a taken username or a bad link is a field error. */
export async function createAccount(
  input: NewUser,
  actorUserId: number,
  requestId?: string,
): Promise<{ ok: true; userId: number } | { ok: false; errors: FieldErrorMap }> {
  const errors: FieldErrorMap = {};
  if (db().select({ id: users.id }).from(users).where(eq(users.username, input.username)).get()) errors.username = ["admin.errors.usernameTaken"];
  let siteId: number | null = null;
  if (input.role === "staff") {
    const site = db()
      .select({ id: sites.id })
      .from(sites)
      .where(eq(sites.id, input.siteId ?? -1))
      .get();
    if (!site) errors.siteId = ["admin.errors.siteNeeded"];
    else siteId = site.id;
  }
  if (input.role === "trainer") {
    const employer = db()
      .select({ id: employers.id, siteId: employers.siteId, active: employers.active })
      .from(employers)
      .where(eq(employers.id, input.employerId ?? -1))
      .get();
    if (!employer || !employer.active) errors.employerId = ["admin.errors.employerNeeded"];
    else siteId = employer.siteId;
  }
  if (input.role === "apprentice") {
    const apprentice = db()
      .select({ id: apprentices.id, siteId: apprentices.siteId })
      .from(apprentices)
      .where(eq(apprentices.id, input.apprenticeId ?? -1))
      .get();
    if (!apprentice) errors.apprenticeId = ["admin.errors.apprenticeNeeded"];
    else if (db().select({ id: users.id }).from(users).where(eq(users.apprenticeId, apprentice.id)).get())
      errors.apprenticeId = ["admin.errors.apprenticeHasAccount"];
    else siteId = apprentice.siteId;
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const passwordHash = input.password ? await hashSecret(input.password) : null;
  const pinHash = input.pin ? await hashSecret(input.pin) : null;
  try {
    const userId = db().transaction((tx) => {
      const row = tx
        .insert(users)
        .values({
          username: input.username,
          displayName: input.displayName,
          role: input.role,
          passwordHash,
          pinHash,
          siteId,
          employerId: input.role === "trainer" ? input.employerId : null,
          apprenticeId: input.role === "apprentice" ? input.apprenticeId : null,
        })
        .returning({ id: users.id })
        .get();
      audit({ actorUserId, action: "user_created", entity: "user", entityId: row.id, detail: { role: input.role } }, withRequest(requestId), tx);
      return row.id;
    });
    return { ok: true, userId };
  } catch (error) {
    // Two submits racing past the check above: the unique index decides, and the answer is the same.
    if (error instanceof Error && /UNIQUE constraint failed: users\.username/.test(error.message))
      return { ok: false, errors: { username: ["admin.errors.usernameTaken"] } };
    if (error instanceof Error && /UNIQUE constraint failed: users\.apprentice_id/.test(error.message))
      return { ok: false, errors: { apprenticeId: ["admin.errors.apprenticeHasAccount"] } };
    throw error;
  }
}

export function getAccount(userId: number) {
  if (!Number.isSafeInteger(userId)) return null;
  const row = db()
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      role: users.role,
      active: users.active,
      deactivatedAt: users.deactivatedAt,
      lockedUntil: users.lockedUntil,
      hasPassword: sql<number>`${users.passwordHash} is not null`,
      hasPin: sql<number>`${users.pinHash} is not null`,
      apprenticeId: users.apprenticeId,
      siteNameEn: sites.nameEn,
      siteNameKm: sites.nameKm,
      employerName: employers.name,
      apprenticeCode: apprentices.code,
    })
    .from(users)
    .leftJoin(sites, eq(sites.id, users.siteId))
    .leftJoin(employers, eq(employers.id, users.employerId))
    .leftJoin(apprentices, eq(apprentices.id, users.apprenticeId))
    .where(eq(users.id, userId))
    .get();
  return row ? { ...row, hasPassword: Boolean(row.hasPassword), hasPin: Boolean(row.hasPin) } : null;
}

/** Sessions not yet past their absolute end (the idle limit is applied when they are next used). */
export function activeSessions(userId: number, now = new Date()) {
  return db()
    .select({
      idHash: sessions.idHash,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      method: sessions.method,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gte(sessions.expiresAt, now)))
    .orderBy(desc(sessions.lastSeenAt))
    .all();
}

/** Whether the account already has this secret: a repeated reset then writes nothing. */
async function alreadySet(userId: number, column: "passwordHash" | "pinHash", secret: string) {
  const row = db().select({ hashed: users[column] }).from(users).where(eq(users.id, userId)).get();
  return row?.hashed ? verifySecret(row.hashed, secret) : false;
}

/** A new password: the lock is cleared and every open session ends. */
export async function resetPassword(input: { userId: number; password: string; actorUserId: number; requestId?: string }) {
  if (await alreadySet(input.userId, "passwordHash", input.password)) return;
  const passwordHash = await hashSecret(input.password);
  db().transaction((tx) => {
    tx.update(users).set({ passwordHash, failedSignIns: 0, lockedUntil: null }).where(eq(users.id, input.userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, input.userId)).run();
    audit({ actorUserId: input.actorUserId, action: "password_reset", entity: "user", entityId: input.userId }, withRequest(input.requestId), tx);
  });
}

/** Set or reset an apprentice's PIN (clears the lock, ends sessions); the same PIN again writes nothing. */
export async function resetPin(input: { userId: number; apprenticeId: number; pin: string; actorUserId: number; requestId?: string }) {
  if (await alreadySet(input.userId, "pinHash", input.pin)) return;
  await setPinByStaff({
    apprenticeId: input.apprenticeId,
    pin: input.pin,
    staffUserId: input.actorUserId,
    ...(input.requestId ? { requestId: input.requestId } : {}),
  });
}

/**
 * Deactivate: the account can no longer sign in, its sessions end and a trainer's sign-in links
 * are revoked. The row stays, because assessments, reviews and the audit log point at it.
 * Returns false when it was already inactive (a double submit writes once).
 */
export function deactivateAccount(input: { userId: number; actorUserId: number; requestId?: string; now?: Date }): boolean {
  const now = input.now ?? new Date();
  return db().transaction((tx) => {
    const changed = tx
      .update(users)
      .set({ active: false, deactivatedAt: now })
      .where(and(eq(users.id, input.userId), eq(users.active, true)))
      .run().changes;
    if (changed === 0) return false;
    const endedSessions = tx.delete(sessions).where(eq(sessions.userId, input.userId)).run().changes;
    const revokedLinks = tx
      .update(signInLinks)
      .set({ revokedAt: now, revokedBy: input.actorUserId })
      .where(and(eq(signInLinks.userId, input.userId), isNull(signInLinks.revokedAt)))
      .run().changes;
    audit(
      { actorUserId: input.actorUserId, action: "user_deactivated", entity: "user", entityId: input.userId, detail: { endedSessions, revokedLinks } },
      withRequest(input.requestId),
      tx,
    );
    // No more reminders to a deactivated account's Telegram (issue 13).
    unlinkUserInTx(tx, {
      userId: input.userId,
      actorUserId: input.actorUserId,
      reason: "deactivated",
      now,
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
    return true;
  });
}

export function reactivateAccount(input: { userId: number; actorUserId: number; requestId?: string }): boolean {
  return db().transaction((tx) => {
    const changed = tx
      .update(users)
      .set({ active: true, deactivatedAt: null, failedSignIns: 0, lockedUntil: null })
      .where(and(eq(users.id, input.userId), eq(users.active, false)))
      .run().changes;
    if (changed > 0)
      audit({ actorUserId: input.actorUserId, action: "user_reactivated", entity: "user", entityId: input.userId }, withRequest(input.requestId), tx);
    return changed > 0;
  });
}

/** End one session (or all when `idHash` is omitted). Returns how many ended. */
export function endSessions(input: { userId: number; idHash?: string; actorUserId: number; requestId?: string }): number {
  return db().transaction((tx) => {
    const where = input.idHash ? and(eq(sessions.userId, input.userId), eq(sessions.idHash, input.idHash)) : eq(sessions.userId, input.userId);
    const ended = tx.delete(sessions).where(where).run().changes;
    if (ended > 0)
      audit(
        { actorUserId: input.actorUserId, action: "sessions_ended", entity: "user", entityId: input.userId, detail: { count: ended } },
        withRequest(input.requestId),
        tx,
      );
    return ended;
  });
}

// ---------------------------------------------------------------------------------------------
// Sites

export function listSites() {
  return db().select().from(sites).orderBy(asc(sites.code)).all();
}

export function saveSite(
  input: { siteId?: number | undefined; code: string; nameEn: string; nameKm: string },
  actorUserId: number,
  requestId?: string,
): { ok: true; siteId: number } | { ok: false; errors: FieldErrorMap } | { ok: false; notFound: true } {
  const taken = db().select({ id: sites.id }).from(sites).where(eq(sites.code, input.code)).get();
  if (taken && taken.id !== input.siteId) return { ok: false, errors: { code: ["admin.errors.siteCodeTaken"] } };
  const values = { code: input.code, nameEn: input.nameEn, nameKm: input.nameKm };
  if (input.siteId === undefined) {
    const siteId = db().transaction((tx) => {
      const row = tx.insert(sites).values(values).returning({ id: sites.id }).get();
      audit({ actorUserId, action: "site_created", entity: "site", entityId: row.id, detail: { code: input.code } }, withRequest(requestId), tx);
      return row.id;
    });
    return { ok: true, siteId };
  }
  const current = db().select().from(sites).where(eq(sites.id, input.siteId)).get();
  if (!current) return { ok: false, notFound: true };
  // Saving the same values again (a double submit) writes nothing.
  if (current.code === values.code && current.nameEn === values.nameEn && current.nameKm === values.nameKm) return { ok: true, siteId: current.id };
  db().transaction((tx) => {
    tx.update(sites).set(values).where(eq(sites.id, current.id)).run();
    audit({ actorUserId, action: "site_updated", entity: "site", entityId: current.id, detail: { code: input.code } }, withRequest(requestId), tx);
  });
  return { ok: true, siteId: current.id };
}

// ---------------------------------------------------------------------------------------------
// Audit log (read-only: the table's triggers refuse UPDATE and DELETE)

export const AUDIT_PAGE_SIZE = 100;

export interface AuditQuery {
  actor?: string | undefined;
  entity?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
}

/** The actor filter names a username; an unknown one is a field error, not an empty page. */
export function searchAudit(query: AuditQuery): { ok: true; total: number; rows: AuditRow[] } | { ok: false; errors: FieldErrorMap } {
  const where: SQL[] = [];
  if (query.actor) {
    const actor = db().select({ id: users.id }).from(users).where(eq(users.username, query.actor.toLowerCase())).get();
    if (!actor) return { ok: false, errors: { actor: ["admin.errors.noSuchUser"] } };
    where.push(eq(auditEvents.actorUserId, actor.id));
  }
  if (query.entity) where.push(eq(auditEvents.entity, query.entity));
  if (query.action) where.push(eq(auditEvents.action, query.action));
  if (query.from) where.push(gte(auditEvents.createdAt, new Date(startOfDayMs(query.from))));
  if (query.to) where.push(lt(auditEvents.createdAt, new Date(startOfDayMs(addDays(query.to, 1)))));
  const condition = where.length > 0 ? and(...where) : undefined;
  const total =
    db()
      .select({ n: sql<number>`count(*)` })
      .from(auditEvents)
      .where(condition)
      .get()?.n ?? 0;
  const rows = db()
    .select({
      id: auditEvents.id,
      createdAt: auditEvents.createdAt,
      actorUsername: users.username,
      action: auditEvents.action,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorUserId))
    .where(condition)
    .orderBy(desc(auditEvents.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((query.page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return { ok: true, total, rows };
}

export type AuditRow = { id: number; createdAt: Date; actorUsername: string | null; action: string; entity: string; entityId: string | null; detail: unknown };

/** The actions and entities on the log, for the filter's choices. */
export function auditVocabulary() {
  return {
    actions: db()
      .selectDistinct({ v: auditEvents.action })
      .from(auditEvents)
      .orderBy(asc(auditEvents.action))
      .all()
      .map((r) => r.v),
    entities: db()
      .selectDistinct({ v: auditEvents.entity })
      .from(auditEvents)
      .orderBy(asc(auditEvents.entity))
      .all()
      .map((r) => r.v),
  };
}
