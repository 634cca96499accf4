/**
 * Data factories: the one way to make rows, shared by the demo seed, the integration tests and
 * the browser tests. Each takes the database and the fields that matter to the caller; the rest
 * get sensible defaults. All writes are synchronous (better-sqlite3), so a caller can wrap any
 * sequence in `db.transaction(...)`.
 */
import { hashSync } from "@node-rs/argon2";
import { eq } from "drizzle-orm";

import type { AbsenceReason, AssessmentLevel, AttendanceStatus, EducationEventKind, Role } from "~/domain/enums";

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
export function createApprenticeWithUser(
  db: DB,
  over: Partial<Insert<typeof apprentices>> & { siteId: number },
  account: Partial<UserOverrides> = {},
) {
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

export function grantConsent(
  db: DB,
  values: { apprenticeId: number; item: Insert<typeof consents>["item"]; granted?: boolean; recordedBy?: number | null },
) {
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
  const framework = db
    .insert(frameworks)
    .values({ code: data.code, tradeEn: data.tradeEn, tradeKm: data.tradeKm, sector: data.sector })
    .returning()
    .get();
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
    db.update(frameworkVersions)
      .set({ status: "published", publishedAt: new Date() })
      .where(eq(frameworkVersions.id, version.id))
      .run();
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

export function recordAssessment(
  db: DB,
  values: Omit<Insert<typeof assessments>, "level"> & { level: AssessmentLevel },
) {
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
  for (const e of events) db.insert(educationEvents).values({ afternoonId: afternoon.id, ...e }).run();
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
