/**
 * Staff's side of the flags: the inbox (filtered, urgent first, then newest), one flag with its
 * history, and the review trail (acknowledge → resolve / dismiss, each with a note). The flag
 * engine that raises and clears flags is `flags.server.ts`.
 */
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";

import type { FlagRule, FlagSeverity, FlagStatus } from "~/domain/enums";
import { can, type Actor } from "~/domain/permissions";

import { audit } from "./audit.server";
import { db } from "./client.server";
import { apprentices, employers, flagEvents, flags, sites, users } from "./schema";
import { reachesEverySite, siteListScope, siteScope } from "./scope.server";
import { yieldToOthers } from "~/utils/yield.server";

export interface FlagFilters {
  siteId?: number;
  employerId?: number;
  trainerUserId?: number;
  rule?: FlagRule;
  severity?: FlagSeverity;
  /** "active" means open or acknowledged. */
  status?: FlagStatus | "active" | "all";
}

const trainers = alias(users, "trainer");

const SEVERITY_ORDER = sql`case ${flags.severity} when 'urgent' then 0 when 'warn' then 1 else 2 end`;

/**
 * Spelt as the partial index `flags_inbox_live` is (literal values, not parameters), so that
 * SQLite can tell that index covers the rows asked for.
 */
const LIVE = sql`${flags.status} in ('open', 'acknowledged')`;

function flagWhere(actor: Actor, filters: FlagFilters) {
  const status = filters.status ?? "active";
  const live = status === "active";
  return and(
    // Live flags of every site are read in the inbox's order from `flags_inbox_live`, a page's
    // rows and no more; the other statuses, which pile up over the years, site by site.
    live ? siteScope(actor, flags.siteId) : siteListScope(actor, flags.siteId),
    filters.siteId ? eq(flags.siteId, filters.siteId) : undefined,
    filters.employerId ? eq(flags.employerId, filters.employerId) : undefined,
    filters.trainerUserId ? eq(flags.trainerUserId, filters.trainerUserId) : undefined,
    filters.rule ? eq(flags.rule, filters.rule) : undefined,
    filters.severity ? eq(flags.severity, filters.severity) : undefined,
    status === "all" ? undefined : live ? LIVE : eq(flags.status, status),
  );
}

/** The inbox's columns, for the rows `where` picks. */
function selectFlagRows(where: SQL | undefined) {
  return db()
    .select({
      id: flags.id,
      rule: flags.rule,
      severity: flags.severity,
      status: flags.status,
      evidence: flags.evidence,
      raisedAt: flags.raisedAt,
      siteCode: sites.code,
      placementId: flags.placementId,
      employerId: flags.employerId,
      employerName: employers.name,
      trainerUserId: flags.trainerUserId,
      trainerName: trainers.displayName,
      apprenticeId: flags.apprenticeId,
      apprenticeCode: apprentices.code,
    })
    .from(flags)
    .innerJoin(sites, eq(sites.id, flags.siteId))
    .leftJoin(employers, eq(employers.id, flags.employerId))
    .leftJoin(trainers, eq(trainers.id, flags.trainerUserId))
    .leftJoin(apprentices, eq(apprentices.id, flags.apprenticeId))
    .where(where);
}

/** The inbox, urgent first, then newest: one page of it (`limit` rows from `offset`). */
export function listFlags(actor: Actor, filters: FlagFilters, limit = 500, offset = 0) {
  return selectFlagRows(flagWhere(actor, filters)).orderBy(SEVERITY_ORDER, desc(flags.raisedAt), desc(flags.id)).limit(limit).offset(offset).all();
}

/**
 * The whole filtered inbox in its order, `chunkSize` rows at a time, up to `max` rows (the CSV):
 * the order is read once as ids, then each chunk's rows by id, yielding between chunks, so the
 * rows of every site are never all in memory and other requests run in between. A flag that no
 * longer matches the filters when its chunk is read (resolved meanwhile) is left out.
 */
export async function* flagsInChunks(actor: Actor, filters: FlagFilters, options: { chunkSize?: number; max?: number } = {}) {
  const { chunkSize = 500, max = 100_000 } = options;
  const where = flagWhere(actor, filters);
  const ids = db()
    .select({ id: flags.id })
    .from(flags)
    .where(where)
    .orderBy(SEVERITY_ORDER, desc(flags.raisedAt), desc(flags.id))
    .limit(max)
    .all()
    .map((r) => r.id);
  for (let i = 0; i < ids.length; i += chunkSize) {
    const chunk = ids.slice(i, i + chunkSize);
    const byId = new Map(
      selectFlagRows(and(where, inArray(flags.id, chunk)))
        .all()
        .map((r) => [r.id, r]),
    );
    yield chunk.flatMap((id) => byId.get(id) ?? []);
    await yieldToOthers();
  }
}

/** How many flags the inbox's filters match (for its pages). */
export function countFlags(actor: Actor, filters: FlagFilters): number {
  return db().select({ n: count() }).from(flags).where(flagWhere(actor, filters)).get()?.n ?? 0;
}

export type FlagRow = ReturnType<typeof listFlags>[number];

/**
 * Choices for the inbox filters, within the caller's sites: staff, their site's employers and
 * trainers; admin, every site, and the employers and trainers of the site chosen (none before a
 * site is chosen: every site's would fill the page).
 */
export function filterChoices(actor: Actor, adminSiteId?: number) {
  const every = reachesEverySite(actor);
  const none = every && adminSiteId === undefined;
  const scope = every ? eq(employers.siteId, adminSiteId ?? -1) : siteScope(actor, employers.siteId);
  return {
    sites: every ? db().select({ id: sites.id, code: sites.code, nameEn: sites.nameEn, nameKm: sites.nameKm }).from(sites).orderBy(sites.id).all() : [],
    employers: none
      ? []
      : db().select({ id: employers.id, name: employers.name, siteId: employers.siteId }).from(employers).where(scope).orderBy(employers.name).all(),
    trainers: none
      ? []
      : db()
          .select({ id: users.id, name: users.displayName, siteId: employers.siteId })
          .from(users)
          .innerJoin(employers, eq(employers.id, users.employerId))
          .where(and(eq(users.role, "trainer"), scope))
          .orderBy(users.displayName)
          .all(),
  };
}

/** An employer the caller may filter by: one of a site whose flags they see. */
export function employerInScope(actor: Actor, employerId: number): boolean {
  if (!Number.isSafeInteger(employerId)) return false;
  const row = db().select({ siteId: employers.siteId }).from(employers).where(eq(employers.id, employerId)).get();
  return row !== undefined && can(actor, "site.view_flags", { kind: "site", siteId: row.siteId });
}

/** A trainer the caller may filter by: one of a site whose flags they see. */
export function trainerInScope(actor: Actor, trainerUserId: number): boolean {
  if (!Number.isSafeInteger(trainerUserId)) return false;
  const row = db()
    .select({ siteId: employers.siteId })
    .from(users)
    .innerJoin(employers, eq(employers.id, users.employerId))
    .where(and(eq(users.id, trainerUserId), eq(users.role, "trainer")))
    .get();
  return row !== undefined && can(actor, "site.view_flags", { kind: "site", siteId: row.siteId });
}

export function getFlagForStaff(actor: Actor, flagId: number) {
  if (!Number.isSafeInteger(flagId)) return null;
  const row = listFlagsById(flagId);
  if (!row) return null;
  if (!can(actor, "site.view_flags", { kind: "site", siteId: row.siteId })) return null;
  const history = db()
    .select({ id: flagEvents.id, action: flagEvents.action, note: flagEvents.note, createdAt: flagEvents.createdAt, actorName: users.displayName })
    .from(flagEvents)
    .leftJoin(users, eq(users.id, flagEvents.actorUserId))
    .where(eq(flagEvents.flagId, flagId))
    .orderBy(asc(flagEvents.id))
    .all();
  return { ...row, history };
}

function listFlagsById(flagId: number) {
  return db()
    .select({
      id: flags.id,
      siteId: flags.siteId,
      rule: flags.rule,
      severity: flags.severity,
      status: flags.status,
      evidence: flags.evidence,
      raisedAt: flags.raisedAt,
      clearedAt: flags.clearedAt,
      subjectType: flags.subjectType,
      placementId: flags.placementId,
      employerName: employers.name,
      trainerUserId: flags.trainerUserId,
      trainerName: trainers.displayName,
      apprenticeId: flags.apprenticeId,
      apprenticeCode: apprentices.code,
    })
    .from(flags)
    .leftJoin(employers, eq(employers.id, flags.employerId))
    .leftJoin(trainers, eq(trainers.id, flags.trainerUserId))
    .leftJoin(apprentices, eq(apprentices.id, flags.apprenticeId))
    .where(eq(flags.id, flagId))
    .get();
}

export type ReviewAction = "acknowledge" | "resolve" | "dismiss";

const NEXT: Record<ReviewAction, { from: FlagStatus[]; to: FlagStatus; event: "acknowledged" | "resolved" | "dismissed" }> = {
  acknowledge: { from: ["open"], to: "acknowledged", event: "acknowledged" },
  resolve: { from: ["open", "acknowledged"], to: "resolved", event: "resolved" },
  dismiss: { from: ["open", "acknowledged"], to: "dismissed", event: "dismissed" },
};

/**
 * One review step, with its note, in one transaction. A step the flag has already taken (a
 * double submit) writes nothing; a step it cannot take from where it is answers "invalid".
 */
export function reviewFlag(input: {
  flagId: number;
  action: ReviewAction;
  note: string;
  actorUserId: number;
  requestId?: string;
}): "saved" | "already" | "invalid" {
  const step = NEXT[input.action];
  return db().transaction((tx) => {
    const flag = tx.select({ status: flags.status }).from(flags).where(eq(flags.id, input.flagId)).get();
    if (!flag) return "invalid";
    if (flag.status === step.to) return "already";
    if (!step.from.includes(flag.status)) return "invalid";
    tx.update(flags).set({ status: step.to, updatedAt: new Date() }).where(eq(flags.id, input.flagId)).run();
    tx.insert(flagEvents).values({ flagId: input.flagId, action: step.event, actorUserId: input.actorUserId, note: input.note }).run();
    audit(
      { actorUserId: input.actorUserId, action: `flag_${step.event}`, entity: "flag", entityId: input.flagId },
      input.requestId ? { requestId: input.requestId } : null,
      tx,
    );
    return "saved";
  });
}

/** Open urgent flags for the staff home. */
export function urgentFlags(actor: Actor, limit = 5) {
  return listFlags(actor, { severity: "urgent", status: "active" }, limit);
}
