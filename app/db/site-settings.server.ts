/** Per-site settings: the flag thresholds each site changes; defaults for the rest. */
import { eq } from "drizzle-orm";

import { DEFAULT_THRESHOLDS, resolveThresholds, type Thresholds } from "~/domain/flags/thresholds";

export { DEFAULT_THRESHOLDS };

import { audit } from "./audit.server";
import type { DB } from "./client.server";
import { siteSettings } from "./schema";

export function thresholdsBySite(database: DB): Map<number, Thresholds> {
  return new Map(
    database
      .select()
      .from(siteSettings)
      .all()
      .map((row) => [row.siteId, resolveThresholds(row.flagThresholds)]),
  );
}

export function thresholdsFor(database: DB, siteId: number): Thresholds {
  const row = database.select().from(siteSettings).where(eq(siteSettings.siteId, siteId)).get();
  return row ? resolveThresholds(row.flagThresholds) : { ...DEFAULT_THRESHOLDS };
}

/** Keep only the values that differ from the defaults, so a later change of default still reaches the site. */
export function saveThresholds(database: DB, input: { siteId: number; thresholds: Thresholds; updatedBy: number; requestId?: string }) {
  const overrides = Object.fromEntries(
    Object.entries(input.thresholds).filter(([key, value]) => DEFAULT_THRESHOLDS[key as keyof Thresholds] !== value),
  ) as Record<string, number>;
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
}
