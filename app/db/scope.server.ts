/**
 * The SQL form of the policy in `app/domain/permissions.ts`: the conditions every scoped list adds
 * to its `where`. They are written from the same rules as `can` and tested against it row by row
 * (`scope.server.test.ts`), so a list and a single look-up can never disagree about who reaches
 * what.
 */
import { and, eq, inArray, sql, type Placeholder, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";

import { staffSites, type Actor } from "~/domain/permissions";

import { placements, sites } from "./schema";

/** A condition no row meets. */
const NOTHING = sql`0`;

/**
 * "Staff reach this site" on a site column: no condition for admin (every site), the staff
 * member's own site, and no rows for anyone else.
 */
export function siteScope(actor: Actor, siteColumn: SQLiteColumn): SQL | undefined {
  const sites = staffSites(actor);
  if (sites === "all") return undefined;
  if (sites.length === 0) return NOTHING;
  return sites.length === 1 ? eq(siteColumn, sites[0]!) : inArray(siteColumn, [...sites]);
}

/**
 * `siteScope` spelt as a list of sites even for admin (`column in (select id from sites)`): the
 * same rows, but a read whose index leads with the site (live flags by site and status, say)
 * seeks site by site instead of scanning everything cleared over the years.
 */
export function siteListScope(actor: Actor, siteColumn: SQLiteColumn): SQL {
  return siteScope(actor, siteColumn) ?? sql`${siteColumn} in (select ${sites.id} from ${sites})`;
}

/** Whether the caller reaches every site (admin): then forms offer a choice of site. */
export const reachesEverySite = (actor: Actor) => staffSites(actor) === "all";

/** "The trainer records on this placement" (`placement.record`): their own, while it is active. */
export function trainsScope(trainer: { id: Actor["id"] | Placeholder }): SQL {
  return and(eq(placements.trainerUserId, trainer.id), eq(placements.status, "active"))!;
}

/** "The apprentice's own placement" (`placement.view_own`). */
export function ownPlacementScope(apprenticeId: number): SQL {
  return eq(placements.apprenticeId, apprenticeId);
}
