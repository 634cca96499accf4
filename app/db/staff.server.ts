/** Reads for Hagar staff: a staff member sees their own site, admin every site. */
import { and, asc, eq, inArray, sql } from "drizzle-orm";

import type { Actor } from "~/domain/permissions";
import type { Phase } from "~/domain/enums";

import { db } from "./client.server";
import { apprentices, employers, placements, sites } from "./schema";
import { siteScope } from "./scope.server";

export type SiteRow = typeof sites.$inferSelect;

/** The sites this staff member or admin may see. */
export function sitesFor(actor: Actor): SiteRow[] {
  return db().select().from(sites).where(siteScope(actor, sites.id)).orderBy(asc(sites.id)).all();
}

export interface SiteOverview {
  site: SiteRow;
  activePlacements: number;
  byEmployer: { employerId: number; name: string; active: number }[];
  byPhase: { phase: Phase; count: number }[];
  apprentices: number;
  employers: number;
}

/**
 * The overview of each of the caller's sites (or of the one asked for, if it is theirs). With
 * `totalsOnly`, the three totals of each site and no breakdown (the admin's row per site): two
 * reads grouped by site, instead of every employer and phase of every site.
 */
export function siteOverviews(actor: Actor, options: { siteId?: number; totalsOnly?: boolean } = {}): SiteOverview[] {
  const visible = sitesFor(actor).filter((s) => options.siteId === undefined || s.id === options.siteId);
  if (visible.length === 0) return [];
  const siteIds = visible.map((s) => s.id);
  if (options.totalsOnly) return siteTotals(visible);

  const employerRows = db()
    .select({
      siteId: employers.siteId,
      employerId: employers.id,
      name: employers.name,
      active: sql<number>`count(${placements.id})`,
    })
    .from(employers)
    .leftJoin(placements, and(eq(placements.employerId, employers.id), eq(placements.status, "active")))
    .where(and(inArray(employers.siteId, siteIds), eq(employers.active, true)))
    .groupBy(employers.id)
    .orderBy(sql`count(${placements.id}) desc`, employers.name)
    .all();

  const phaseRows = db()
    .select({ siteId: apprentices.siteId, phase: apprentices.phase, count: sql<number>`count(*)` })
    .from(apprentices)
    .where(inArray(apprentices.siteId, siteIds))
    .groupBy(apprentices.siteId, apprentices.phase)
    .all();

  return visible.map((site) => {
    const byEmployer = employerRows.filter((r) => r.siteId === site.id).map(({ siteId: _s, ...r }) => r);
    const byPhase = phaseRows.filter((r) => r.siteId === site.id).map(({ phase, count }) => ({ phase, count }));
    return {
      site,
      byEmployer,
      byPhase,
      activePlacements: byEmployer.reduce((n, r) => n + r.active, 0),
      apprentices: byPhase.reduce((n, r) => n + r.count, 0),
      employers: byEmployer.length,
    };
  });
}

function siteTotals(visible: SiteRow[]): SiteOverview[] {
  const siteIds = visible.map((s) => s.id);
  const placementRows = db()
    .select({ siteId: employers.siteId, employers: sql<number>`count(distinct ${employers.id})`, active: sql<number>`count(${placements.id})` })
    .from(employers)
    .leftJoin(placements, and(eq(placements.employerId, employers.id), eq(placements.status, "active")))
    .where(and(inArray(employers.siteId, siteIds), eq(employers.active, true)))
    .groupBy(employers.siteId)
    .all();
  const apprenticeRows = db()
    .select({ siteId: apprentices.siteId, count: sql<number>`count(*)` })
    .from(apprentices)
    .where(inArray(apprentices.siteId, siteIds))
    .groupBy(apprentices.siteId)
    .all();
  const placementsBy = new Map(placementRows.map((r) => [r.siteId, r]));
  const apprenticesBy = new Map(apprenticeRows.map((r) => [r.siteId, r.count]));
  return visible.map((site) => ({
    site,
    byEmployer: [],
    byPhase: [],
    activePlacements: placementsBy.get(site.id)?.active ?? 0,
    apprentices: apprenticesBy.get(site.id) ?? 0,
    employers: placementsBy.get(site.id)?.employers ?? 0,
  }));
}
