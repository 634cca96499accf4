/**
 * What an apprentice sends from their own pages: advance notices and confidential feedback, and
 * the record of achievement of a completed placement. Every function takes the placement the
 * caller found from the session (`activePlacementOf(user.apprenticeId)`), never an id from a form.
 */
import { and, asc, desc, eq, gte, isNull, lte } from "drizzle-orm";

import { addDays, dateInZone } from "~/domain/dates";
import type { AbsenceReason, AdvanceNoticeKind } from "~/domain/enums";
import { emitRecordsChanged } from "~/domain/events";
import { canGiveFeedback, canWithdrawNotice, nextFeedbackOn, reachedIndependentOn } from "~/domain/me-progress";

import { audit } from "./audit.server";
import { db, type DB } from "./client.server";
import {
  advanceNotices,
  advanceNoticeWithdrawals,
  apprentices,
  assessments,
  competencies,
  employers,
  feedback,
  frameworks,
  frameworkUnits,
  frameworkVersions,
  placements,
  publicHolidays,
  sites,
  users,
} from "./schema";
import { ownPlacementScope } from "./scope.server";

const withRequest = (requestId?: string) => (requestId ? { requestId } : null);

// ---------------------------------------------------------------------------------------------
// The apprentice's active placement

/** The apprentice's active placement, or null: the only placement their notices and feedback are for. */
export function activePlacementOf(apprenticeId: number | null) {
  if (apprenticeId === null) return null;
  return (
    db()
      .select({
        id: placements.id,
        siteId: employers.siteId,
        startDate: placements.startDate,
        plannedWeeks: placements.plannedWeeks,
        workingWeekdays: placements.workingWeekdays,
        employerName: employers.name,
      })
      .from(placements)
      .innerJoin(employers, eq(employers.id, placements.employerId))
      .where(and(ownPlacementScope(apprenticeId), eq(placements.status, "active")))
      .get() ?? null
  );
}

/** A site's public holidays from `from` for `days` days. */
export function holidaysFrom(siteId: number, from: string, days: number): Set<string> {
  return new Set(
    db()
      .select({ date: publicHolidays.date })
      .from(publicHolidays)
      .where(and(eq(publicHolidays.siteId, siteId), gte(publicHolidays.date, from), lte(publicHolidays.date, addDays(from, days))))
      .all()
      .map((h) => h.date),
  );
}

// ---------------------------------------------------------------------------------------------
// Advance notices

export function listNotices(placementId: number, today: string) {
  const rows = db()
    .select({
      id: advanceNotices.id,
      date: advanceNotices.date,
      kind: advanceNotices.kind,
      reason: advanceNotices.reason,
      withdrawnAt: advanceNoticeWithdrawals.createdAt,
    })
    .from(advanceNotices)
    .leftJoin(advanceNoticeWithdrawals, eq(advanceNoticeWithdrawals.noticeId, advanceNotices.id))
    .where(and(eq(advanceNotices.placementId, placementId), gte(advanceNotices.date, addDays(today, -30))))
    .orderBy(asc(advanceNotices.date), asc(advanceNotices.id))
    .all();
  return {
    upcoming: rows.filter((n) => n.withdrawnAt === null && canWithdrawNotice(n.date, today)),
    earlier: rows.filter((n) => n.withdrawnAt !== null || !canWithdrawNotice(n.date, today)).reverse(),
  };
}

/** The placement's notices for a day that are not withdrawn. */
function heldNotices(database: Pick<DB, "select">, placementId: number, date: string) {
  return database
    .select({ id: advanceNotices.id, kind: advanceNotices.kind, reason: advanceNotices.reason })
    .from(advanceNotices)
    .leftJoin(advanceNoticeWithdrawals, eq(advanceNoticeWithdrawals.noticeId, advanceNotices.id))
    .where(and(eq(advanceNotices.placementId, placementId), eq(advanceNotices.date, date), isNull(advanceNoticeWithdrawals.id)))
    .all();
}

/**
 * Record "I will be late / absent on ⟨date⟩ because ⟨reason⟩". One notice holds per day: the same
 * notice again (a double submit) writes nothing, a different one for the same day replaces it
 * (the held one is withdrawn by a row of its own: notices are append-only).
 */
export function giveNotice(input: {
  placementId: number;
  date: string;
  kind: AdvanceNoticeKind;
  reason: AbsenceReason;
  userId: number;
  requestId?: string;
}): "saved" | "replaced" | "duplicate" {
  return db().transaction((tx) => {
    const held = heldNotices(tx, input.placementId, input.date);
    if (held.some((n) => n.kind === input.kind && n.reason === input.reason)) return "duplicate";
    for (const n of held) tx.insert(advanceNoticeWithdrawals).values({ noticeId: n.id, withdrawnBy: input.userId }).run();
    const row = tx
      .insert(advanceNotices)
      .values({ placementId: input.placementId, date: input.date, kind: input.kind, reason: input.reason })
      .returning({ id: advanceNotices.id })
      .get();
    audit(
      {
        actorUserId: input.userId,
        action: "advance_notice_given",
        entity: "placement",
        entityId: input.placementId,
        detail: { noticeId: row.id, date: input.date, kind: input.kind, reason: input.reason },
      },
      withRequest(input.requestId),
      tx,
    );
    return held.length > 0 ? "replaced" : "saved";
  });
}

/** Withdraw one of the placement's notices, until the end of its day. Another placement's notice is "not found". */
export function withdrawNotice(input: {
  placementId: number;
  noticeId: number;
  today: string;
  userId: number;
  requestId?: string;
}): "withdrawn" | "already" | "too_late" | "not_found" {
  if (!Number.isSafeInteger(input.noticeId)) return "not_found";
  return db().transaction((tx) => {
    const notice = tx
      .select({ id: advanceNotices.id, date: advanceNotices.date, withdrawalId: advanceNoticeWithdrawals.id })
      .from(advanceNotices)
      .leftJoin(advanceNoticeWithdrawals, eq(advanceNoticeWithdrawals.noticeId, advanceNotices.id))
      .where(and(eq(advanceNotices.id, input.noticeId), eq(advanceNotices.placementId, input.placementId)))
      .get();
    if (!notice) return "not_found";
    if (notice.withdrawalId !== null) return "already";
    if (!canWithdrawNotice(notice.date, input.today)) return "too_late";
    tx.insert(advanceNoticeWithdrawals).values({ noticeId: notice.id, withdrawnBy: input.userId }).run();
    audit(
      { actorUserId: input.userId, action: "advance_notice_withdrawn", entity: "placement", entityId: input.placementId, detail: { noticeId: notice.id } },
      withRequest(input.requestId),
      tx,
    );
    return "withdrawn";
  });
}

// ---------------------------------------------------------------------------------------------
// Confidential feedback (docs/product.md §3, §4: never visible to the employer, in any form)

export interface FeedbackAnswers {
  explainsRating: number;
  learningRating: number;
  fairnessRating: number;
  safetyRating: number;
  comment: string | null;
}

/** A double submit of the same answers within this time is the same feedback, not a second one. */
const SAME_SUBMISSION_MS = 10 * 60_000;
/** How long after sending the page still thanks the apprentice (and shows the counsellor). */
const JUST_SENT_MS = 60 * 60_000;

type FeedbackRow = typeof feedback.$inferSelect;

function latestFeedback(placementId: number, database: Pick<DB, "select"> = db()): FeedbackRow | undefined {
  return database.select().from(feedback).where(eq(feedback.placementId, placementId)).orderBy(desc(feedback.submittedAt), desc(feedback.id)).get();
}

/**
 * The site date of a feedback moment. It is never later than the site's today: with the demo's
 * pinned date, feedback sent "now" counts as sent today.
 */
const feedbackDay = (row: FeedbackRow, today: string) => {
  const day = dateInZone(row.submittedAt);
  return day > today ? today : day;
};

/** Where the apprentice stands with feedback for this placement (no ratings, only timing). */
export function feedbackState(placementId: number, today: string, now = new Date()) {
  const latest = latestFeedback(placementId);
  const lastOn = latest ? feedbackDay(latest, today) : null;
  const justSent = latest !== undefined && now.getTime() - latest.submittedAt.getTime() < JUST_SENT_MS;
  return {
    lastOn,
    nextOn: nextFeedbackOn(lastOn),
    open: canGiveFeedback(lastOn, today),
    justSent: justSent ? { safetyLow: latest.safetyRating <= 2 } : null,
  };
}

export type FeedbackResult = { status: "saved"; safetyLow: boolean } | { status: "duplicate"; safetyLow: boolean } | { status: "too_soon"; nextOn: string };

/**
 * Record feedback, at most once every 14 days per placement; the window is checked inside the
 * write's transaction. Afterwards the flag engine hears of it (`feedback_concern`).
 */
export function giveFeedback(input: FeedbackAnswers & { placementId: number; userId: number; today: string; now?: Date; requestId?: string }): FeedbackResult {
  const now = input.now ?? new Date();
  const answers: FeedbackAnswers = {
    explainsRating: input.explainsRating,
    learningRating: input.learningRating,
    fairnessRating: input.fairnessRating,
    safetyRating: input.safetyRating,
    comment: input.comment,
  };
  const result = db().transaction((tx): FeedbackResult => {
    const latest = latestFeedback(input.placementId, tx);
    if (latest) {
      const same = (Object.keys(answers) as (keyof FeedbackAnswers)[]).every((k) => latest[k] === answers[k]);
      if (same && now.getTime() - latest.submittedAt.getTime() < SAME_SUBMISSION_MS) return { status: "duplicate", safetyLow: latest.safetyRating <= 2 };
      const lastOn = feedbackDay(latest, input.today);
      if (!canGiveFeedback(lastOn, input.today)) return { status: "too_soon", nextOn: nextFeedbackOn(lastOn)! };
    }
    const row = tx
      .insert(feedback)
      .values({ placementId: input.placementId, ...answers, submittedAt: now })
      .returning({ id: feedback.id })
      .get();
    // The audit trail holds the id only: never a rating or the comment.
    audit(
      { actorUserId: input.userId, action: "feedback_given", entity: "placement", entityId: input.placementId, detail: { feedbackId: row.id } },
      withRequest(input.requestId),
      tx,
    );
    return { status: "saved", safetyLow: answers.safetyRating <= 2 };
  });
  if (result.status === "saved") emitRecordsChanged({ placementId: input.placementId, kinds: ["feedback"] });
  return result;
}

// ---------------------------------------------------------------------------------------------
// Record of achievement

/**
 * A completed placement's record: who, where, which trade, and each competency reached with
 * its date. `ownerApprenticeId` scopes it to the apprentice's own placements; staff callers
 * scope it first with `getPlacementForStaff`. Anything else, or a placement not completed, is null.
 */
export function loadAchievement(placementId: number, ownerApprenticeId?: number | null) {
  if (!Number.isSafeInteger(placementId)) return null;
  if (ownerApprenticeId === null) return null;
  const p = db()
    .select({
      id: placements.id,
      apprenticeId: placements.apprenticeId,
      code: apprentices.code,
      preferredName: apprentices.preferredName,
      legalName: apprentices.legalName,
      employerName: employers.name,
      siteEn: sites.nameEn,
      siteKm: sites.nameKm,
      tradeEn: frameworks.tradeEn,
      tradeKm: frameworks.tradeKm,
      frameworkCode: frameworks.code,
      frameworkVersion: frameworkVersions.version,
      versionId: placements.frameworkVersionId,
      startDate: placements.startDate,
      endedOn: placements.endedOn,
      trainerName: users.displayName,
    })
    .from(placements)
    .innerJoin(apprentices, eq(apprentices.id, placements.apprenticeId))
    .innerJoin(employers, eq(employers.id, placements.employerId))
    .innerJoin(sites, eq(sites.id, employers.siteId))
    .innerJoin(users, eq(users.id, placements.trainerUserId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(
      and(
        eq(placements.id, placementId),
        eq(placements.status, "completed"),
        ownerApprenticeId === undefined ? undefined : ownPlacementScope(ownerApprenticeId),
      ),
    )
    .get();
  if (!p) return null;
  const units = db()
    .select({ id: frameworkUnits.id, code: frameworkUnits.code, titleEn: frameworkUnits.titleEn, titleKm: frameworkUnits.titleKm })
    .from(frameworkUnits)
    .where(eq(frameworkUnits.versionId, p.versionId))
    .orderBy(asc(frameworkUnits.position))
    .all();
  const comps = db()
    .select({ id: competencies.id, unitId: competencies.unitId, code: competencies.code, titleEn: competencies.titleEn, titleKm: competencies.titleKm })
    .from(competencies)
    .where(eq(competencies.versionId, p.versionId))
    .orderBy(asc(competencies.position))
    .all();
  const history = db()
    .select({
      id: assessments.id,
      competencyId: assessments.competencyId,
      level: assessments.level,
      observedOn: assessments.observedOn,
      supersedesId: assessments.supersedesId,
    })
    .from(assessments)
    .where(eq(assessments.placementId, p.id))
    .all();
  const reached = reachedIndependentOn(history);
  const { versionId: _v, ...placement } = p;
  return {
    placement,
    total: comps.length,
    units: units
      .map((u) => ({
        ...u,
        reached: comps.filter((c) => c.unitId === u.id && reached.has(c.id)).map(({ unitId: _u, ...c }) => ({ ...c, reachedOn: reached.get(c.id)! })),
      }))
      .filter((u) => u.reached.length > 0),
    reachedCount: reached.size,
  };
}

export type Achievement = NonNullable<ReturnType<typeof loadAchievement>>;
