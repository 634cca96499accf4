/**
 * Progress reads shared by the role pages: a fixed number of queries for any number of
 * placements (no query per row).
 */
import { asc, eq, inArray, sql } from "drizzle-orm";

import type { CurrentLevel } from "~/domain/progress";

import { db, prepared } from "./client.server";
import { competencies, competencyLevels, frameworkUnits } from "./schema";

export type CompetencyRow = typeof competencies.$inferSelect;

/** Competencies of the given framework versions, in order, grouped by version. */
export function competenciesByVersion(versionIds: readonly number[]): Map<number, CompetencyRow[]> {
  const out = new Map<number, CompetencyRow[]>();
  if (versionIds.length === 0) return out;
  const rows = db()
    .select()
    .from(competencies)
    .where(inArray(competencies.versionId, [...new Set(versionIds)]))
    .orderBy(competencies.unitId, competencies.position)
    .all();
  for (const row of rows) {
    const list = out.get(row.versionId) ?? [];
    list.push(row);
    out.set(row.versionId, list);
  }
  return out;
}

/**
 * Current level of each competency, per placement: `currentLevels` of the append-only history,
 * as `competency_levels` keeps it (decision 0016), so a page reads a row per competency rather
 * than every record of every placement.
 */
export function levelsByPlacement(placementIds: readonly number[]): Map<number, Map<number, CurrentLevel>> {
  const out = new Map<number, Map<number, CurrentLevel>>(placementIds.map((id) => [id, new Map()]));
  if (placementIds.length === 0) return out;
  const rows = db()
    .select({
      placementId: competencyLevels.placementId,
      competencyId: competencyLevels.competencyId,
      level: competencyLevels.level,
      observedOn: competencyLevels.observedOn,
      assessmentId: competencyLevels.assessmentId,
    })
    .from(competencyLevels)
    .where(inArray(competencyLevels.placementId, [...placementIds]))
    .all();
  for (const { placementId, competencyId, ...level } of rows) out.get(placementId)?.set(competencyId, level);
  return out;
}

const checklistUnits = prepared((database) =>
  database
    .select({ id: frameworkUnits.id, code: frameworkUnits.code, titleEn: frameworkUnits.titleEn, titleKm: frameworkUnits.titleKm })
    .from(frameworkUnits)
    .where(eq(frameworkUnits.versionId, sql.placeholder("versionId")))
    .orderBy(asc(frameworkUnits.position))
    .prepare(),
);

const checklistCompetencies = prepared((database) =>
  database
    .select({
      id: competencies.id,
      unitId: competencies.unitId,
      code: competencies.code,
      titleEn: competencies.titleEn,
      titleKm: competencies.titleKm,
      criteriaEn: competencies.criteriaEn,
      criteriaKm: competencies.criteriaKm,
      expectedByWeek: competencies.expectedByWeek,
    })
    .from(competencies)
    .where(eq(competencies.versionId, sql.placeholder("versionId")))
    .orderBy(asc(competencies.position))
    .prepare(),
);

/** A framework version's units and competencies, in order: two prepared queries, whatever its size. */
export function frameworkChecklist(versionId: number) {
  return { units: checklistUnits().all({ versionId }), competencies: checklistCompetencies().all({ versionId }) };
}
