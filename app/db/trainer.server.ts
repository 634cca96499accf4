/** Reads for a workplace trainer, always scoped to the trainer's own active placements. */
import { and, asc, between, eq, gte, inArray, isNull, sql, type SQL, type SQLWrapper } from "drizzle-orm";

import type { SessionUser } from "~/auth/session.server";
import { addDays, ageOn, mondayOf, placementWeek } from "~/domain/dates";
import type { AbsenceReason } from "~/domain/enums";
import { dueNow } from "~/domain/progress";
import { missingReviewWeeks, weekState, type WeekState } from "~/domain/weeks";

import { db, prepared, type DB } from "./client.server";
import { competenciesByVersion, levelsByPlacement } from "./progress.server";
import {
  advanceNotices,
  advanceNoticeWithdrawals,
  apprentices,
  assessments,
  attendance,
  frameworks,
  frameworkVersions,
  placements,
  weeklyReviews,
} from "./schema";
import { trainsScope } from "./scope.server";

export interface TrainerPlacementRow {
  placementId: number;
  apprenticeCode: string;
  preferredName: string;
  /** The labour-law duty: shown to the trainer, the date of birth never is. */
  under18: boolean;
  tradeEn: string;
  tradeKm: string;
  /** False before the start date: then there is no week number and no week card yet. */
  started: boolean;
  startDate: string;
  /** The placement week holding today (1 = the week of the start); 0 before the start. */
  week: number;
  plannedWeeks: number;
  thisWeek: WeekState;
  thisMonday: string;
  missingWeeks: number;
  dueByPlan: number;
  /** The apprentice's advance notices from today to a week ahead. */
  notices: { date: string; kind: "late" | "absent"; reason: AbsenceReason }[];
}

/** How far ahead the trainer sees an apprentice's advance notices: the coming week. */
const NOTICE_LOOKAHEAD_DAYS = 7;

export interface UpcomingNotice {
  placementId: number;
  date: string;
  kind: "late" | "absent";
  reason: AbsenceReason;
}

/**
 * The advance notices (not withdrawn) of these placements from today to a week ahead, by date.
 * The caller passes only placements the trainer may see (their own active ones).
 */
const noticeFields = { placementId: advanceNotices.placementId, date: advanceNotices.date, kind: advanceNotices.kind, reason: advanceNotices.reason };

/** The notices query, for a condition on the placement and a span of dates (values or placeholders). */
const noticesOf = (database: DB, placement: SQL | undefined, from: string | SQLWrapper, to: string | SQLWrapper) =>
  database
    .select(noticeFields)
    .from(advanceNotices)
    .leftJoin(advanceNoticeWithdrawals, eq(advanceNoticeWithdrawals.noticeId, advanceNotices.id))
    .where(and(placement, between(advanceNotices.date, from, to), isNull(advanceNoticeWithdrawals.id)))
    .orderBy(asc(advanceNotices.date), asc(advanceNotices.id));

/** One placement's (the week card's, every time it opens): prepared once per connection. */
const placementNotices = prepared((database) =>
  noticesOf(database, eq(advanceNotices.placementId, sql.placeholder("placementId")), sql.placeholder("from"), sql.placeholder("to")).prepare(),
);

export function upcomingNotices(placementIds: readonly number[], today: string): UpcomingNotice[] {
  if (placementIds.length === 0) return [];
  const until = addDays(today, NOTICE_LOOKAHEAD_DAYS);
  if (placementIds.length === 1) return placementNotices().all({ placementId: placementIds[0], from: today, to: until });
  return noticesOf(db(), inArray(advanceNotices.placementId, [...placementIds]), today, until).all();
}

export function listTrainerPlacements(trainer: Pick<SessionUser, "id">, today: string): TrainerPlacementRow[] {
  const rows = db()
    .select({
      placementId: placements.id,
      startDate: placements.startDate,
      plannedWeeks: placements.plannedWeeks,
      versionId: placements.frameworkVersionId,
      apprenticeCode: apprentices.code,
      preferredName: apprentices.preferredName,
      dateOfBirth: apprentices.dateOfBirth,
      tradeEn: frameworks.tradeEn,
      tradeKm: frameworks.tradeKm,
    })
    .from(placements)
    .innerJoin(apprentices, eq(apprentices.id, placements.apprenticeId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(trainsScope(trainer))
    .orderBy(apprentices.code)
    .all();
  if (rows.length === 0) return [];

  const ids = rows.map((r) => r.placementId);
  const thisMonday = mondayOf(today);
  const reviewed = new Map<number, Set<string>>();
  for (const r of db()
    .selectDistinct({ placementId: weeklyReviews.placementId, weekOf: weeklyReviews.weekOf })
    .from(weeklyReviews)
    .where(inArray(weeklyReviews.placementId, ids))
    .all()) {
    const set = reviewed.get(r.placementId) ?? new Set<string>();
    set.add(r.weekOf);
    reviewed.set(r.placementId, set);
  }

  const recordsThisWeek = new Map<number, number>();
  const weekEnd = addDays(thisMonday, 6);
  for (const r of db()
    .select({ placementId: attendance.placementId, n: sql<number>`count(*)` })
    .from(attendance)
    .where(and(inArray(attendance.placementId, ids), gte(attendance.date, thisMonday), sql`${attendance.date} <= ${weekEnd}`))
    .groupBy(attendance.placementId)
    .all()) {
    recordsThisWeek.set(r.placementId, r.n);
  }
  for (const r of db()
    .select({ placementId: assessments.placementId, n: sql<number>`count(*)` })
    .from(assessments)
    .where(and(inArray(assessments.placementId, ids), gte(assessments.observedOn, thisMonday), sql`${assessments.observedOn} <= ${weekEnd}`))
    .groupBy(assessments.placementId)
    .all()) {
    recordsThisWeek.set(r.placementId, (recordsThisWeek.get(r.placementId) ?? 0) + r.n);
  }

  const notices = upcomingNotices(ids, today);

  const comps = competenciesByVersion(rows.map((r) => r.versionId));
  const levels = levelsByPlacement(ids);

  return rows.map((r) => {
    const weeks = reviewed.get(r.placementId) ?? new Set<string>();
    const started = r.startDate <= today;
    const week = started ? placementWeek(r.startDate, today) : 0;
    return {
      placementId: r.placementId,
      apprenticeCode: r.apprenticeCode,
      preferredName: r.preferredName,
      under18: ageOn(r.dateOfBirth, today) < 18,
      tradeEn: r.tradeEn,
      tradeKm: r.tradeKm,
      started,
      startDate: r.startDate,
      week,
      plannedWeeks: r.plannedWeeks,
      thisMonday,
      notices: notices.filter((n) => n.placementId === r.placementId).map(({ placementId: _p, ...n }) => n),
      thisWeek: weekState({ reviewed: weeks.has(thisMonday), recordsThisWeek: recordsThisWeek.get(r.placementId) ?? 0 }),
      missingWeeks: missingReviewWeeks({ startDate: r.startDate, today, reviewedWeeks: weeks }).length,
      dueByPlan: dueNow(comps.get(r.versionId) ?? [], levels.get(r.placementId) ?? new Map(), week).length,
    };
  });
}
