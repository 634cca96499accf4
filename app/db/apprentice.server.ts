/** Reads for an apprentice: only their own records, found from their session, never from the URL. */
import { and, desc, eq } from "drizzle-orm";

import { placementWeek } from "~/domain/dates";
import { progressSummary, type ProgressSummary } from "~/domain/progress";

import { db } from "./client.server";
import { competenciesByVersion, levelsByPlacement } from "./progress.server";
import { apprentices, employers, frameworks, frameworkVersions, placements } from "./schema";

export interface OwnProgress {
  preferredName: string;
  code: string;
  placement: {
    id: number;
    employerName: string;
    tradeEn: string;
    tradeKm: string;
    startDate: string;
    week: number;
    plannedWeeks: number;
    progress: ProgressSummary;
  } | null;
}

export function ownProgress(apprenticeId: number, today: string): OwnProgress | null {
  const me = db()
    .select({ preferredName: apprentices.preferredName, code: apprentices.code })
    .from(apprentices)
    .where(eq(apprentices.id, apprenticeId))
    .get();
  if (!me) return null;
  const placement = db()
    .select({
      id: placements.id,
      employerName: employers.name,
      tradeEn: frameworks.tradeEn,
      tradeKm: frameworks.tradeKm,
      startDate: placements.startDate,
      plannedWeeks: placements.plannedWeeks,
      versionId: placements.frameworkVersionId,
    })
    .from(placements)
    .innerJoin(employers, eq(employers.id, placements.employerId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(placements.apprenticeId, apprenticeId), eq(placements.status, "active")))
    .orderBy(desc(placements.startDate))
    .get();
  if (!placement) return { ...me, placement: null };
  const comps = competenciesByVersion([placement.versionId]).get(placement.versionId) ?? [];
  const levels = levelsByPlacement([placement.id]).get(placement.id) ?? new Map();
  const week = placementWeek(placement.startDate, today);
  const { versionId: _v, ...rest } = placement;
  return { ...me, placement: { ...rest, week, progress: progressSummary(comps, levels, week) } };
}
