/**
 * Data factories: the one way to make rows, shared by the demo seed, the integration tests and
 * the browser tests. Each takes the database and the fields that matter to the caller; the rest
 * get sensible defaults. All writes are synchronous (better-sqlite3), so a caller can wrap any
 * sequence in `db.transaction(...)`.
 */
import { hashSync } from "@node-rs/argon2";
import { eq } from "drizzle-orm";

import type { AbsenceReason, AssessmentLevel, AttendanceStatus, EducationEventKind, OutcomeCheckinMonths, Phase, Role } from "~/domain/enums";

import type { DB } from "./client.server";
import {
  apprentices,
  assessments,
  attendance,
  careerPlans,
  competencies,
  consents,
  educationAfternoons,
  educationEvents,
  employers,
  feedback,
  flagEvents,
  flags,
  frameworks,
  frameworkUnits,
  frameworkVersions,
  intakes,
  placements,
  publicHolidays,
  sites,
  users,
  weeklyReviews,
} from "./schema";
import type { FrameworkSeed } from "./seed-data/frameworks";

type Insert<T extends { $inferInsert: unknown }> = T["$inferInsert"];

let counter = 0;
const next = () => ++counter;

const hashCache = new Map<string, string>();
/** argon2id, computed once per distinct secret (the demo's accounts share one password). */
function hashForFactory(secret: string): string {
  let hashed = hashCache.get(secret);
  if (!hashed) {
    hashed = hashSync(secret, { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });
    hashCache.set(secret, hashed);
  }
  return hashed;
}

export function createSite(db: DB, over: Partial<Insert<typeof sites>> = {}) {
  const n = next();
  return db
    .insert(sites)
    .values({ code: `S${n}`, nameEn: `Site ${n}`, nameKm: `ទីតាំង ${n}`, ...over })
    .returning()
    .get();
}

export function createHoliday(db: DB, values: Insert<typeof publicHolidays>) {
  return db.insert(publicHolidays).values(values).returning().get();
}

export function createIntake(db: DB, over: Partial<Insert<typeof intakes>> & { siteId: number }) {
  const n = next();
  return db
    .insert(intakes)
    .values({ name: `Intake ${n}`, startsOn: "2026-01-05", ...over })
    .returning()
    .get();
}

export function createEmployer(db: DB, over: Partial<Insert<typeof employers>> & { siteId: number }) {
  const n = next();
  return db
    .insert(employers)
    .values({ name: `Employer ${n}`, sector: "beauty", district: "Daun Penh", ...over })
    .returning()
    .get();
}

export function createApprentice(db: DB, over: Partial<Insert<typeof apprentices>> & { siteId: number }) {
  const n = next();
  return db
    .insert(apprentices)
    .values({
      code: `T-${String(n).padStart(5, "0")}`,
      preferredName: `Apprentice ${n}`,
      legalName: `Legal Name ${n}`,
      dateOfBirth: "2000-01-01",
      gender: "female",
      phase: "apprenticeship",
      ...over,
    })
    .returning()
    .get();
}

export interface UserOverrides extends Partial<Insert<typeof users>> {
  role: Role;
  /** Plain password; hashed with argon2id. */
  password?: string | null;
  pin?: string | null;
}

export function createUser(db: DB, { password = "career-pathways", pin = null, ...over }: UserOverrides) {
  const n = next();
  return db
    .insert(users)
    .values({
      username: `user${n}`,
      displayName: `User ${n}`,
      passwordHash: password ? hashForFactory(password) : null,
      pinHash: pin ? hashForFactory(pin) : null,
      ...over,
    })
    .returning()
    .get();
}

/** An apprentice record with a sign-in account. */
export function createApprenticeWithUser(db: DB, over: Partial<Insert<typeof apprentices>> & { siteId: number }, account: Partial<UserOverrides> = {}) {
  const apprentice = createApprentice(db, over);
  const user = createUser(db, {
    role: "apprentice",
    username: apprentice.code.toLowerCase(),
    displayName: apprentice.preferredName,
    siteId: apprentice.siteId,
    apprenticeId: apprentice.id,
    ...account,
  });
  return { apprentice, user };
}

export function grantConsent(db: DB, values: { apprenticeId: number; item: Insert<typeof consents>["item"]; granted?: boolean; recordedBy?: number | null }) {
  return db
    .insert(consents)
    .values({ granted: true, ...values })
    .returning()
    .get();
}

export function createCareerPlan(db: DB, values: Insert<typeof careerPlans>) {
  return db.insert(careerPlans).values(values).returning().get();
}

/** A framework with one published version built from seed data (or a small default). */
export function createFramework(db: DB, seed?: Partial<FrameworkSeed>, status: "draft" | "published" = "published") {
  const n = next();
  const data: FrameworkSeed = {
    code: `FW${n}`,
    tradeEn: `Trade ${n}`,
    tradeKm: `មុខជំនាញ ${n}`,
    sector: "beauty",
    typicalWeeks: 12,
    units: [
      {
        code: `FW${n}-1`,
        titleEn: "Basics",
        titleKm: "មូលដ្ឋាន",
        competencies: [1, 2, 3, 4].map((i) => ({
          code: `FW${n}-1.${i}`,
          titleEn: `Skill ${i}`,
          titleKm: `ជំនាញ ${i}`,
          criteriaEn: `Does skill ${i} to standard.`,
          criteriaKm: `ធ្វើជំនាញ ${i} បានតាមស្តង់ដារ។`,
          expectedByWeek: i * 2,
        })),
      },
    ],
    ...seed,
  };
  const framework = db.insert(frameworks).values({ code: data.code, tradeEn: data.tradeEn, tradeKm: data.tradeKm, sector: data.sector }).returning().get();
  const version = db
    .insert(frameworkVersions)
    .values({ frameworkId: framework.id, version: 1, status: "draft", typicalWeeks: data.typicalWeeks })
    .returning()
    .get();
  const comps: (typeof competencies.$inferSelect)[] = [];
  data.units.forEach((unit, u) => {
    const row = db
      .insert(frameworkUnits)
      .values({ versionId: version.id, code: unit.code, titleEn: unit.titleEn, titleKm: unit.titleKm, position: u })
      .returning()
      .get();
    unit.competencies.forEach((c, i) => {
      comps.push(
        db
          .insert(competencies)
          .values({ ...c, unitId: row.id, versionId: version.id, position: i })
          .returning()
          .get(),
      );
    });
  });
  if (status === "published") {
    db.update(frameworkVersions).set({ status: "published", publishedAt: new Date() }).where(eq(frameworkVersions.id, version.id)).run();
  }
  return { framework, version: { ...version, status }, competencies: comps };
}

export function createPlacement(
  db: DB,
  over: Partial<Insert<typeof placements>> & {
    apprenticeId: number;
    employerId: number;
    trainerUserId: number;
    frameworkVersionId: number;
  },
) {
  return db
    .insert(placements)
    .values({ startDate: "2026-01-05", plannedWeeks: 24, stipendHagarCents: 4000, stipendEmployerCents: 1000, ...over })
    .returning()
    .get();
}

export function recordWeeklyReview(db: DB, values: Insert<typeof weeklyReviews>) {
  return db.insert(weeklyReviews).values(values).returning().get();
}

export function recordAssessment(db: DB, values: Omit<Insert<typeof assessments>, "level"> & { level: AssessmentLevel }) {
  return db.insert(assessments).values(values).returning().get();
}

export function recordAttendance(
  db: DB,
  values: Omit<Insert<typeof attendance>, "status" | "absenceReason"> & {
    status: AttendanceStatus;
    absenceReason?: AbsenceReason | null;
  },
) {
  return db.insert(attendance).values(values).returning().get();
}

/** An agreed education afternoon, with the ledger events that followed it. */
export function createEducationAfternoon(
  db: DB,
  values: { placementId: number; date: string },
  events: { kind: EducationEventKind; reason?: string | null; recordedBy: number; createdAt?: Date }[] = [],
) {
  const afternoon = db.insert(educationAfternoons).values(values).returning().get();
  for (const e of events)
    db.insert(educationEvents)
      .values({ afternoonId: afternoon.id, ...e })
      .run();
  return afternoon;
}

export function recordFeedback(db: DB, values: Insert<typeof feedback>) {
  return db.insert(feedback).values(values).returning().get();
}

export function createFlag(
  db: DB,
  values: Omit<Insert<typeof flags>, "evidence" | "subjectType" | "subjectId"> & {
    evidence?: Record<string, unknown>;
    subjectType?: Insert<typeof flags>["subjectType"];
    subjectId?: number;
  },
) {
  const row = db
    .insert(flags)
    .values({
      subjectType: "placement",
      subjectId: values.placementId ?? values.trainerUserId ?? 0,
      evidence: {},
      ...values,
    })
    .returning()
    .get();
  db.insert(flagEvents).values({ flagId: row.id, action: "raised" }).run();
  return row;
}

/**
 * The bulk path of the same factories, for large generated data (the 100× benchmark database):
 * one prepared statement per table, positional parameters, no `returning` object built per row.
 * Same columns and defaults as the single-row factories above; call inside `db.transaction`.
 */
export function bulkRecords(db: DB) {
  const c = db.$client;
  const ms = (d: Date | number) => (typeof d === "number" ? d : d.getTime());
  const review = c.prepare("insert into weekly_reviews (placement_id, week_of, trainer_user_id, no_change, note, submitted_at) values (?, ?, ?, ?, ?, ?)");
  const assessment = c.prepare(
    `insert into assessments (placement_id, competency_id, trainer_user_id, level, observed_on, evidence_note, weekly_review_id,
                              supersedes_id, correction_reason, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const day = c.prepare(
    `insert into attendance (placement_id, date, status, late_minutes, absence_reason, note, recorded_by, supersedes_id,
                             correction_reason, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const afternoon = c.prepare("insert into education_afternoons (placement_id, date, created_at) values (?, ?, ?)");
  const event = c.prepare("insert into education_events (afternoon_id, kind, reason, recorded_by, created_at) values (?, ?, ?, ?, ?)");
  const response = c.prepare(
    `insert into feedback (placement_id, explains_rating, learning_rating, fairness_rating, safety_rating, comment, submitted_at)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const phase = c.prepare("insert into phase_changes (apprentice_id, phase, changed_on, recorded_by, created_at) values (?, ?, ?, ?, ?)");
  const checkin = c.prepare(
    `insert into outcome_checkins (apprentice_id, months, checked_on, employed, monthly_salary_cents, recorded_by, created_at)
     values (?, ?, ?, ?, ?, ?, ?)`,
  );
  const id = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid);
  return {
    weeklyReview: (v: { placementId: number; weekOf: string; trainerUserId: number; noChange?: boolean; note?: string | null; submittedAt: Date | number }) =>
      id(review.run(v.placementId, v.weekOf, v.trainerUserId, v.noChange ? 1 : 0, v.note ?? null, ms(v.submittedAt))),
    assessment: (v: {
      placementId: number;
      competencyId: number;
      trainerUserId: number;
      level: AssessmentLevel;
      observedOn: string;
      evidenceNote?: string | null;
      weeklyReviewId?: number | null;
      supersedesId?: number | null;
      correctionReason?: string | null;
      createdAt: Date | number;
    }) =>
      id(
        assessment.run(
          v.placementId,
          v.competencyId,
          v.trainerUserId,
          v.level,
          v.observedOn,
          v.evidenceNote ?? null,
          v.weeklyReviewId ?? null,
          v.supersedesId ?? null,
          v.correctionReason ?? null,
          ms(v.createdAt),
        ),
      ),
    attendance: (v: {
      placementId: number;
      date: string;
      status: AttendanceStatus;
      lateMinutes?: number | null;
      absenceReason?: AbsenceReason | null;
      note?: string | null;
      recordedBy: number;
      supersedesId?: number | null;
      correctionReason?: string | null;
      createdAt: Date | number;
    }) =>
      id(
        day.run(
          v.placementId,
          v.date,
          v.status,
          v.lateMinutes ?? null,
          v.absenceReason ?? null,
          v.note ?? null,
          v.recordedBy,
          v.supersedesId ?? null,
          v.correctionReason ?? null,
          ms(v.createdAt),
        ),
      ),
    /** An agreed afternoon and the ledger events that followed it (as `createEducationAfternoon`). */
    educationAfternoon: (
      v: { placementId: number; date: string; createdAt: Date | number },
      events: { kind: EducationEventKind; reason?: string | null; recordedBy: number; createdAt: Date | number }[] = [],
    ) => {
      const afternoonId = id(afternoon.run(v.placementId, v.date, ms(v.createdAt)));
      for (const e of events) event.run(afternoonId, e.kind, e.reason ?? null, e.recordedBy, ms(e.createdAt));
      return afternoonId;
    },
    feedback: (v: { placementId: number; ratings: readonly [number, number, number, number]; comment?: string | null; submittedAt: Date | number }) =>
      id(response.run(v.placementId, v.ratings[0], v.ratings[1], v.ratings[2], v.ratings[3], v.comment ?? null, ms(v.submittedAt))),
    phaseChange: (v: { apprenticeId: number; phase: Phase; changedOn: string; recordedBy?: number | null; createdAt: Date | number }) =>
      id(phase.run(v.apprenticeId, v.phase, v.changedOn, v.recordedBy ?? null, ms(v.createdAt))),
    outcomeCheckin: (v: {
      apprenticeId: number;
      months: OutcomeCheckinMonths;
      checkedOn: string;
      employed: boolean;
      monthlySalaryCents?: number | null;
      recordedBy: number;
      createdAt: Date | number;
    }) => id(checkin.run(v.apprenticeId, v.months, v.checkedOn, v.employed ? 1 : 0, v.monthlySalaryCents ?? null, v.recordedBy, ms(v.createdAt))),
  };
}
