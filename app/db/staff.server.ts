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

export function siteOverviews(actor: Actor): SiteOverview[] {
  const visible = sitesFor(actor);
  if (visible.length === 0) return [];
  const siteIds = visible.map((s) => s.id);

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
