/** Per-site settings: the flag thresholds each site changes; defaults for the rest. */
import { eq } from "drizzle-orm";

import { DEFAULT_THRESHOLDS, resolveThresholds, type Thresholds } from "~/domain/flags/thresholds";

export { DEFAULT_THRESHOLDS };

import { audit } from "./audit.server";
import type { DB } from "./client.server";
import { siteSettings } from "./schema";

/**
 * Every site's thresholds. Read on each sign-off's flag hook, so kept per connection until they
 * can have changed: `saveThresholds` (the only writer in the portal) drops them, and SQLite's
 * `data_version` tells when another connection (another process) has committed since they were
 * read (docs/decisions/0043). The map is shared: read it, never change it.
 */
export function thresholdsBySite(database: DB): ReadonlyMap<number, Thresholds> {
  const version = database.$client.prepare("pragma data_version").pluck().get() as number;
  const held = cachedThresholds.get(database);
  if (held && held.version === version) return held.thresholds;
  const thresholds: ReadonlyMap<number, Thresholds> = new Map(
    database
      .select()
      .from(siteSettings)
      .all()
      .map((row) => [row.siteId, resolveThresholds(row.flagThresholds)]),
  );
  cachedThresholds.set(database, { version, thresholds });
  return thresholds;
}

const cachedThresholds = new WeakMap<DB, { version: number; thresholds: ReadonlyMap<number, Thresholds> }>();

export function thresholdsFor(database: DB, siteId: number): Thresholds {
  const row = database.select().from(siteSettings).where(eq(siteSettings.siteId, siteId)).get();
  return row ? resolveThresholds(row.flagThresholds) : { ...DEFAULT_THRESHOLDS };
}

/** Keep only the values that differ from the defaults, so a later change of default still reaches the site. */
export function saveThresholds(database: DB, input: { siteId: number; thresholds: Thresholds; updatedBy: number; requestId?: string }) {
  const overrides = Object.fromEntries(
    Object.entries(input.thresholds).filter(([key, value]) => DEFAULT_THRESHOLDS[key as keyof Thresholds] !== value),
  ) as Record<string, number>;
  try {
    database.transaction((tx) => {
      tx.insert(siteSettings)
        .values({ siteId: input.siteId, flagThresholds: overrides, updatedBy: input.updatedBy, updatedAt: new Date() })
        .onConflictDoUpdate({ target: siteSettings.siteId, set: { flagThresholds: overrides, updatedBy: input.updatedBy, updatedAt: new Date() } })
        .run();
      audit(
        { actorUserId: input.updatedBy, action: "site_thresholds_saved", entity: "site", entityId: input.siteId, detail: { changed: Object.keys(overrides) } },
        input.requestId ? { requestId: input.requestId } : null,
        tx,
      );
    });
  } finally {
    // Dropped whether or not the write went through: the next reader reads the table again.
    cachedThresholds.delete(database);
  }
}
