/**
 * The trainer's week card: reads (a fixed number of queries whatever the size of the framework)
 * and the one-transaction write of a submission. Always scoped to the trainer's own active
 * placement: anything else is "not found".
 */
import { and, asc, between, eq, isNull, sql } from "drizzle-orm";

import type { SessionUser } from "~/auth/session.server";
import { ageOn, addDays, parseWeekdays } from "~/domain/dates";
import type { WeekCardIntent } from "~/domain/enums";
import { emitRecordsChanged } from "~/domain/events";
import { currentLevels } from "~/domain/progress";
import { formatBaseline, weekState, type Baseline, type WeekPlan, type WeekRows, type WeekShape } from "~/domain/week-card";

import { audit } from "./audit.server";
import { db, prepared } from "./client.server";
import { frameworkChecklist } from "./progress.server";
import {
  advanceNotices,
  advanceNoticeWithdrawals,
  apprentices,
  assessments,
  attendance,
  educationAfternoons,
  educationEvents,
  employers,
  frameworks,
  frameworkVersions,
  placements,
  publicHolidays,
  users,
  weeklyReviews,
} from "./schema";
import { trainsScope } from "./scope.server";

export type TrainerPlacement = NonNullable<ReturnType<typeof getTrainerPlacement>>;

/**
 * The week card's reads, each prepared once per connection (`sql.placeholder` for what varies):
 * the card is the page trainers open all day, and building each query's SQL cost more than
 * running it (docs/decisions/0017, 0032).
 */
const trainerPlacement = prepared((database) =>
  database
    .select({
      id: placements.id,
      siteId: employers.siteId,
      startDate: placements.startDate,
      endedOn: placements.endedOn,
      plannedWeeks: placements.plannedWeeks,
      workingWeekdays: placements.workingWeekdays,
      educationWeekdays: placements.educationWeekdays,
      versionId: placements.frameworkVersionId,
      apprenticeCode: apprentices.code,
      preferredName: apprentices.preferredName,
      dateOfBirth: apprentices.dateOfBirth,
      tradeEn: frameworks.tradeEn,
      tradeKm: frameworks.tradeKm,
    })
    .from(placements)
    .innerJoin(apprentices, eq(apprentices.id, placements.apprenticeId))
    .innerJoin(employers, eq(employers.id, placements.employerId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(and(eq(placements.id, sql.placeholder("placementId")), trainsScope({ id: sql.placeholder("trainerId") })))
    .prepare(),
);

/** The trainer's own active placement, or null (the caller answers 404). */
export function getTrainerPlacement(trainer: Pick<SessionUser, "id">, placementId: number, today: string) {
  if (!Number.isSafeInteger(placementId)) return null;
  const row = trainerPlacement().get({ placementId, trainerId: trainer.id });
  if (!row) return null;
  const { dateOfBirth, ...rest } = row;
  // The trainer sees the labour-law marker, never the date of birth.
  return { ...rest, under18: ageOn(dateOfBirth, today) < 18 };
}

const siteHolidays = prepared((database) =>
  database
    .select({ date: publicHolidays.date, nameEn: publicHolidays.nameEn, nameKm: publicHolidays.nameKm })
    .from(publicHolidays)
    .where(and(eq(publicHolidays.siteId, sql.placeholder("siteId")), between(publicHolidays.date, sql.placeholder("from"), sql.placeholder("to"))))
    .prepare(),
);

function holidaysBetween(siteId: number, from: string, to: string): Set<string> {
  return new Set(namedHolidaysBetween(siteId, from, to).map((r) => r.date));
}

/** The site's holidays in a span, with their names (the week card says why a day is missing). */
export function namedHolidaysBetween(siteId: number, from: string, to: string) {
  return siteHolidays().all({ siteId, from, to });
}

export function weekShape(placement: TrainerPlacement, weekOf: string, today: string): WeekShape {
  return {
    weekOf,
    today,
    startDate: placement.startDate,
    endDate: placement.endedOn,
    workingWeekdays: parseWeekdays(placement.workingWeekdays),
    educationWeekdays: parseWeekdays(placement.educationWeekdays),
    holidays: holidaysBetween(placement.siteId, weekOf, addDays(weekOf, 6)),
  };
}

const baselineIds = prepared((database) =>
  database.$client.prepare<[number, number, number, number], { a: number; b: number; c: number; d: number }>(`
    select
      (select coalesce(max(id), 0) from assessments where placement_id = ?) as a,
      (select coalesce(max(id), 0) from attendance where placement_id = ?) as b,
      (select coalesce(max(e.id), 0) from education_events e join education_afternoons f on f.id = e.afternoon_id where f.placement_id = ?) as c,
      (select coalesce(max(id), 0) from weekly_reviews where placement_id = ?) as d`),
);

/** The highest record ids of the placement: a card sent with an older baseline is stale. */
function currentBaseline(placementId: number): Baseline {
  const row = baselineIds().get(placementId, placementId, placementId, placementId);
  return { assessments: row?.a ?? 0, attendance: row?.b ?? 0, education: row?.c ?? 0, reviews: row?.d ?? 0 };
}

/** A token that changes whenever anything is recorded for the placement (stale-form check). */
export function baselineToken(placementId: number): string {
  return formatBaseline(currentBaseline(placementId));
}

const placementHistory = prepared((database) =>
  database
    .select({
      id: assessments.id,
      competencyId: assessments.competencyId,
      level: assessments.level,
      observedOn: assessments.observedOn,
      evidenceNote: assessments.evidenceNote,
      supersedesId: assessments.supersedesId,
      correctionReason: assessments.correctionReason,
      createdAt: assessments.createdAt,
      trainerName: users.displayName,
    })
    .from(assessments)
    .innerJoin(users, eq(users.id, assessments.trainerUserId))
    .where(eq(assessments.placementId, sql.placeholder("placementId")))
    .orderBy(asc(assessments.id))
    .prepare(),
);

const weekAttendance = prepared((database) =>
  database
    .select()
    .from(attendance)
    .where(and(eq(attendance.placementId, sql.placeholder("placementId")), between(attendance.date, sql.placeholder("from"), sql.placeholder("to"))))
    .orderBy(asc(attendance.id))
    .prepare(),
);

const weekNotices = prepared((database) =>
  database
    .select({ id: advanceNotices.id, date: advanceNotices.date, kind: advanceNotices.kind, reason: advanceNotices.reason, note: advanceNotices.note })
    .from(advanceNotices)
    .leftJoin(advanceNoticeWithdrawals, eq(advanceNoticeWithdrawals.noticeId, advanceNotices.id))
    .where(
      and(
        eq(advanceNotices.placementId, sql.placeholder("placementId")),
        between(advanceNotices.date, sql.placeholder("from"), sql.placeholder("to")),
        isNull(advanceNoticeWithdrawals.id),
      ),
    )
    .prepare(),
);

const weekEducation = prepared((database) =>
  database
    .select({
      afternoonId: educationAfternoons.id,
      date: educationAfternoons.date,
      eventId: educationEvents.id,
      kind: educationEvents.kind,
      reason: educationEvents.reason,
    })
    .from(educationAfternoons)
    .leftJoin(educationEvents, eq(educationEvents.afternoonId, educationAfternoons.id))
    .where(
      and(
        eq(educationAfternoons.placementId, sql.placeholder("placementId")),
        between(educationAfternoons.date, sql.placeholder("from"), sql.placeholder("to")),
      ),
    )
    .orderBy(asc(educationEvents.id))
    .prepare(),
);

const placementReviews = prepared((database) =>
  database
    .select({
      id: weeklyReviews.id,
      weekOf: weeklyReviews.weekOf,
      noChange: weeklyReviews.noChange,
      note: weeklyReviews.note,
      supersedesId: weeklyReviews.supersedesId,
      correctionReason: weeklyReviews.correctionReason,
      submittedAt: weeklyReviews.submittedAt,
      trainerName: users.displayName,
    })
    .from(weeklyReviews)
    .innerJoin(users, eq(users.id, weeklyReviews.trainerUserId))
    .where(eq(weeklyReviews.placementId, sql.placeholder("placementId")))
    .orderBy(asc(weeklyReviews.id))
    .prepare(),
);

/** Everything the card shows and the plan needs, in a fixed number of queries. */
export function loadWeekCard(placement: TrainerPlacement, shape: WeekShape) {
  const week = { placementId: placement.id, from: shape.weekOf, to: addDays(shape.weekOf, 6) };
  const { units, competencies: comps } = frameworkChecklist(placement.versionId);
  const history = placementHistory().all({ placementId: placement.id });
  const days = weekAttendance().all(week);
  const notices = weekNotices().all(week);
  const education = weekEducation().all(week);
  const reviews = placementReviews().all({ placementId: placement.id });

  // The state the plan compares against, from the same rows (pure: see weekState).
  const rows: WeekRows = { assessments: history, attendance: days, education, reviews };
  const state = weekState(rows, shape.weekOf);
  const levels = currentLevels(history);
  const educationNow = new Map<string, { status: "agreed" | "released" | "refused"; reason: string | null; attended: boolean | null }>();
  for (const e of education) {
    const held = educationNow.get(e.date) ?? { status: "agreed" as const, reason: null, attended: null };
    if (e.kind === "released" || e.kind === "refused") Object.assign(held, { status: e.kind, reason: e.reason });
    if (e.kind === "attended" || e.kind === "confirmed_by_apprentice") held.attended = true;
    if (e.kind === "missed") held.attended = false;
    educationNow.set(e.date, held);
  }
  const weekReviews = reviews.filter((r) => r.weekOf === shape.weekOf);
  const currentReview = weekReviews.find((r) => r.id === state.review?.id) ?? null;

  return {
    units,
    competencies: comps,
    levels,
    history,
    rows,
    attendanceHistory: days,
    notices,
    education: educationNow,
    reviewedWeeks: new Set(reviews.map((r) => r.weekOf)),
    weekReviews,
    currentReview,
    state,
  };
}

/**
 * What a submission is planned against, read for the action alone: the placement's sign-offs and
 * reviews, this week's attendance and education ledger, with only the columns `weekState` reads,
 * as plain rows from prepared statements (no joined trainer names, no dates made into `Date`s, no
 * row mapping), and the framework's competency ids. The card's loader reads the same rows with
 * what the page shows besides (`loadWeekCard`); the two must select the same rows (a test holds
 * them to it). docs/decisions/0043.
 */
const planAssessments = prepared((database) =>
  database.$client.prepare<[number], WeekRows["assessments"][number]>(
    `select id, competency_id as competencyId, level, observed_on as observedOn, supersedes_id as supersedesId
       from assessments where placement_id = ? order by id`,
  ),
);

const planAttendance = prepared((database) =>
  database.$client.prepare<[number, string, string], WeekRows["attendance"][number]>(
    `select id, date, status, late_minutes as lateMinutes, absence_reason as absenceReason
       from attendance where placement_id = ? and date between ? and ? order by id`,
  ),
);

const planEducation = prepared((database) =>
  database.$client.prepare<[number, string, string], WeekRows["education"][number]>(
    `select f.id as afternoonId, f.date, e.id as eventId, e.kind, e.reason
       from education_afternoons f left join education_events e on e.afternoon_id = f.id
      where f.placement_id = ? and f.date between ? and ? order by e.id`,
  ),
);

const planReviews = prepared((database) =>
  database.$client.prepare<[number], WeekRows["reviews"][number]>(
    `select id, week_of as weekOf, supersedes_id as supersedesId from weekly_reviews where placement_id = ? order by id`,
  ),
);

const versionCompetencyIds = prepared((database) => database.$client.prepare<[number], number>(`select id from competencies where version_id = ?`));

/** The rows a submission is planned against (see above), the state they make and the framework's competency ids. */
export function loadPlanState(placement: Pick<TrainerPlacement, "id" | "versionId">, weekOf: string) {
  const to = addDays(weekOf, 6);
  const rows: WeekRows = {
    assessments: planAssessments().all(placement.id),
    attendance: planAttendance().all(placement.id, weekOf, to),
    education: planEducation().all(placement.id, weekOf, to),
    reviews: planReviews().all(placement.id),
  };
  return { rows, state: weekState(rows, weekOf), competencyIds: new Set(versionCompetencyIds().pluck().all(placement.versionId)) };
}

// Raw prepared statements: asked twice on every submission (before planning, and again inside
// its transaction), almost always for a key not yet written (docs/decisions/0043).
const submissionByKey = prepared((database) =>
  database.$client.prepare<[string], { placementId: number; weekOf: string; trainerUserId: number; intent: WeekCardIntent }>(
    "select placement_id as placementId, week_of as weekOf, trainer_user_id as trainerUserId, intent from week_submissions where submission_key = ?",
  ),
);

const reviewBySubmissionKey = prepared((database) =>
  database.$client.prepare<[string], { placementId: number; weekOf: string; trainerUserId: number }>(
    "select placement_id as placementId, week_of as weekOf, trainer_user_id as trainerUserId from weekly_reviews where submission_key = ?",
  ),
);

/** A submission already written under this key, and what it was: a resend is answered as the first was. */
export function findSubmission(submissionKey: string): { placementId: number; weekOf: string; trainerUserId: number; intent: WeekCardIntent } | null {
  const row = submissionByKey().get(submissionKey);
  if (row) return row;
  // Weeks submitted before every submission was kept carry their key on the review.
  const review = reviewBySubmissionKey().get(submissionKey);
  return review ? { ...review, intent: "submit" } : null;
}

/** A submission's inserts, prepared once per connection (see applyWeekPlan). */
const writes = prepared((database) => {
  const sqlite = database.$client;
  return {
    review: sqlite.prepare<[number, string, number, string, number, string | null, number | null, string | null]>(
      `insert into weekly_reviews (placement_id, week_of, trainer_user_id, submission_key, no_change, note, supersedes_id, correction_reason)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    submission: sqlite.prepare<[string, number, string, number, string, number | null]>(
      `insert into week_submissions (submission_key, placement_id, week_of, trainer_user_id, intent, weekly_review_id) values (?, ?, ?, ?, ?, ?)`,
    ),
    assessment: sqlite.prepare<[number, number, number, string, string, string | null, number | null, number | null, string | null]>(
      `insert into assessments (placement_id, competency_id, trainer_user_id, level, observed_on, evidence_note, weekly_review_id, supersedes_id, correction_reason)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    attendance: sqlite.prepare<[number, string, string, number | null, string | null, number, number | null, string | null]>(
      `insert into attendance (placement_id, date, status, late_minutes, absence_reason, recorded_by, supersedes_id, correction_reason)
       values (?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    afternoon: sqlite.prepare<[number, string]>(`insert into education_afternoons (placement_id, date) values (?, ?)`),
    educationEvent: sqlite.prepare<[number, string, string | null, number]>(
      `insert into education_events (afternoon_id, kind, reason, recorded_by) values (?, ?, ?, ?)`,
    ),
  };
});

export type ApplyResult = { status: "saved" } | { status: "duplicate"; intent: WeekCardIntent } | { status: "stale" };

/**
 * Write a planned submission in one transaction, with its submission key. The key makes a
 * resend a no-op answered as the first; the baseline refuses a form opened before someone
 * else's change.
 */
export function applyWeekPlan(input: {
  placementId: number;
  trainerUserId: number;
  weekOf: string;
  intent: WeekCardIntent;
  plan: WeekPlan;
  submissionKey: string;
  baseline: string;
  requestId?: string;
}): ApplyResult {
  const { placementId, trainerUserId, weekOf, plan } = input;
  const result = db().transaction(
    (tx): ApplyResult => {
      const seen = findSubmission(input.submissionKey);
      if (seen) return { status: "duplicate", intent: seen.intent };
      if (baselineToken(placementId) !== input.baseline) return { status: "stale" };

      // Prepared statements on the same connection, inside this transaction: building each
      // insert with the query builder cost more than running it (docs/decisions/0043). Columns
      // not named take their SQL defaults (`created_at`, `submitted_at`), as with the builder.
      const write = writes();
      let reviewId: number | null = null;
      if (plan.review) {
        const r = plan.review;
        reviewId = Number(
          write.review.run(placementId, weekOf, trainerUserId, input.submissionKey, r.noChange ? 1 : 0, r.note, r.supersedesId, r.correctionReason)
            .lastInsertRowid,
        );
      }
      write.submission.run(input.submissionKey, placementId, weekOf, trainerUserId, input.intent, reviewId);
      for (const a of plan.assessments) {
        write.assessment.run(placementId, a.competencyId, trainerUserId, a.level, a.observedOn, a.evidenceNote, reviewId, a.supersedesId, a.correctionReason);
      }
      for (const a of plan.attendance) {
        write.attendance.run(placementId, a.date, a.status, a.lateMinutes, a.absenceReason, trainerUserId, a.supersedesId, a.correctionReason);
      }
      for (const e of plan.education) {
        const afternoonId = e.afternoonId ?? Number(write.afternoon.run(placementId, e.date).lastInsertRowid);
        write.educationEvent.run(afternoonId, e.kind, e.reason, trainerUserId);
      }
      audit(
        {
          actorUserId: trainerUserId,
          action: plan.review ? (plan.review.supersedesId ? "week_corrected" : "week_submitted") : "week_saved",
          entity: "placement",
          entityId: placementId,
          detail: { weekOf, assessments: plan.assessments.length, attendance: plan.attendance.length, education: plan.education.length },
        },
        input.requestId ? { requestId: input.requestId } : null,
        tx,
      );
      return { status: "saved" };
      // IMMEDIATE: the write lock is taken before the key and baseline are read, so no other
      // connection can slip a write in between.
    },
    { behavior: "immediate" },
  );
  const written = plan.assessments.length + plan.attendance.length + plan.education.length > 0 || plan.review !== null;
  if (result.status === "saved" && written) emitRecordsChanged({ placementId, kinds: ["assessments", "attendance", "education", "reviews"], weekOf });
  return result;
}
