/**
 * The portal's tables: the one source of truth for the database (docs/product.md §3).
 *
 * Conventions:
 * - Day-level facts (attendance, observed dates, weeks) are `YYYY-MM-DD` text in the site's zone.
 * - Moments are UTC, stored as integer milliseconds (`timestamp_ms`).
 * - Money is stored in US cents (integers), never floats.
 * - Every enumeration has a CHECK constraint built from the lists in `app/domain/enums.ts`.
 * - Append-only tables (assessments, attendance, audit events, ...) get triggers in a custom
 *   migration that refuse UPDATE and DELETE.
 */
import { sql, type SQL } from "drizzle-orm";
import { type AnySQLiteColumn, check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

import {
  ABSENCE_REASONS,
  ADVANCE_NOTICE_KINDS,
  ASSESSMENT_LEVELS,
  ATTENDANCE_STATUSES,
  CONSENT_ITEMS,
  EDUCATION_EVENT_KINDS,
  EMPLOYER_SECTORS,
  FLAG_EVENT_ACTIONS,
  FLAG_RULES,
  FLAG_SEVERITIES,
  FLAG_STATUSES,
  FLAG_SUBJECT_TYPES,
  FOLLOW_UP_KINDS,
  FRAMEWORK_VERSION_STATUSES,
  GENDERS,
  LOCALES,
  NUMERALS,
  MANUAL_STATUSES,
  OUTCOME_CHECKIN_MONTHS,
  PHASES,
  PLACEMENT_OUTCOMES,
  PLACEMENT_STATUSES,
  REVOCATION_REASONS,
  ROLES,
  WEEK_CARD_INTENTS,
} from "~/domain/enums";
import { MESSAGE_CHANNELS, OUTBOX_STATUSES, REMINDER_KINDS, SIGN_IN_LINK_PURPOSES } from "~/domain/reminders";

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** `column IN ('a','b',...)` for a CHECK constraint. */
function oneOf(column: AnySQLiteColumn, values: readonly (string | number)[]): SQL {
  const list = values.map((v) => (typeof v === "number" ? String(v) : `'${v.replaceAll("'", "''")}'`)).join(", ");
  return sql`${column} in (${sql.raw(list)})`;
}

const isoDate = (column: AnySQLiteColumn): SQL => sql`${column} glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`;

/** A moment column that defaults to now. */
const moment = (name: string) => integer(name, { mode: "timestamp_ms" }).notNull().default(now);
const createdAt = () => moment("created_at");

// ---------------------------------------------------------------------------------------------
// Sites, intakes, holidays

export const sites = sqliteTable("sites", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Two-letter prefix used in apprentice codes, e.g. `PP` in `PP-26-014`. */
  code: text("code").notNull().unique(),
  nameEn: text("name_en").notNull(),
  nameKm: text("name_km").notNull(),
  timezone: text("timezone").notNull().default("Asia/Phnom_Penh"),
  active: integer("active", { mode: "boolean" }).notNull().default(true),
  createdAt: createdAt(),
});

/** Per-site settings: the flag rules' thresholds this site changes (docs/product.md §5). */
export const siteSettings = sqliteTable(
  "site_settings",
  {
    siteId: integer("site_id")
      .primaryKey()
      .references(() => sites.id),
    /** Only the thresholds this site changes, e.g. {"noReviewWarnWeeks":1}; read with resolveThresholds(). */
    flagThresholds: text("flag_thresholds", { mode: "json" })
      .$type<Record<string, number>>()
      .notNull()
      .default(sql`'{}'`),
    updatedBy: integer("updated_by").references((): AnySQLiteColumn => users.id),
    updatedAt: moment("updated_at"),
  },
  (t) => [check("site_settings_flag_thresholds", sql`json_valid(${t.flagThresholds}) and json_type(${t.flagThresholds}) = 'object'`)],
);

export const publicHolidays = sqliteTable(
  "public_holidays",
  {
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    date: text("date").notNull(),
    nameEn: text("name_en").notNull(),
    nameKm: text("name_km").notNull(),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.date] }), check("public_holidays_date", isoDate(t.date))],
);

export const intakes = sqliteTable(
  "intakes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    name: text("name").notNull(),
    startsOn: text("starts_on").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("intakes_site_name").on(t.siteId, t.name), check("intakes_starts_on", isoDate(t.startsOn))],
);

// ---------------------------------------------------------------------------------------------
// Employers and apprentices

export const employers = sqliteTable(
  "employers",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    name: text("name").notNull(),
    sector: text("sector", { enum: EMPLOYER_SECTORS }).notNull(),
    district: text("district").notNull(),
    contactName: text("contact_name"),
    contactPhone: text("contact_phone"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("employers_site_name").on(t.siteId, t.name), check("employers_sector", oneOf(t.sector, EMPLOYER_SECTORS))],
);

export const apprentices = sqliteTable(
  "apprentices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Pseudonymous code, e.g. `PP-26-014`: identifies the person everywhere. */
    code: text("code").notNull().unique(),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    intakeId: integer("intake_id").references(() => intakes.id),
    preferredName: text("preferred_name").notNull(),
    /** Staff only; shown to a trainer only while `share_legal_name` consent holds. */
    legalName: text("legal_name").notNull(),
    /** Staff only (and the apprentice's own). */
    dateOfBirth: text("date_of_birth").notNull(),
    gender: text("gender", { enum: GENDERS }).notNull(),
    /** Staff only. */
    referralSource: text("referral_source"),
    /** Staff only. */
    background: text("background"),
    phase: text("phase", { enum: PHASES }).notNull().default("work_readiness"),
    createdAt: createdAt(),
  },
  (t) => [
    index("apprentices_site_phase").on(t.siteId, t.phase),
    // With the site and phase: the outcomes report finds an intake's (or a site's no-intake)
    // apprentices from the index alone, never reading their records.
    index("apprentices_intake").on(t.intakeId, t.siteId, t.phase),
    check("apprentices_gender", oneOf(t.gender, GENDERS)),
    check("apprentices_phase", oneOf(t.phase, PHASES)),
    check("apprentices_dob", isoDate(t.dateOfBirth)),
  ],
);

export const phaseChanges = sqliteTable(
  "phase_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    apprenticeId: integer("apprentice_id")
      .notNull()
      .references(() => apprentices.id),
    phase: text("phase", { enum: PHASES }).notNull(),
    changedOn: text("changed_on").notNull(),
    recordedBy: integer("recorded_by").references((): AnySQLiteColumn => users.id),
    note: text("note"),
    /**
     * On an exit: how the apprentice left (the note is then the reason). Null on every other
     * phase. Its values are checked by a trigger (migration `phase_change_exit_outcome_backfill`),
     * not a CHECK: adding a CHECK would make drizzle-kit rebuild this append-only table and drop its triggers.
     */
    exitOutcome: text("exit_outcome", { enum: PLACEMENT_OUTCOMES }),
    createdAt: createdAt(),
  },
  (t) => [
    // With the phase: an apprentice's history is read from the index alone (the outcomes report).
    index("phase_changes_apprentice").on(t.apprenticeId, t.changedOn, t.phase),
    check("phase_changes_phase", oneOf(t.phase, PHASES)),
    check("phase_changes_changed_on", isoDate(t.changedOn)),
  ],
);

/** Consent is a history: the latest record per item is the current answer. */
export const consents = sqliteTable(
  "consents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    apprenticeId: integer("apprentice_id")
      .notNull()
      .references(() => apprentices.id),
    item: text("item", { enum: CONSENT_ITEMS }).notNull(),
    granted: integer("granted", { mode: "boolean" }).notNull(),
    recordedBy: integer("recorded_by").references((): AnySQLiteColumn => users.id),
    recordedAt: moment("recorded_at"),
    note: text("note"),
  },
  (t) => [index("consents_apprentice_item").on(t.apprenticeId, t.item, t.recordedAt), check("consents_item", oneOf(t.item, CONSENT_ITEMS))],
);

/** The apprentice's own career plan: written and edited by the apprentice. */
export const careerPlans = sqliteTable("career_plans", {
  apprenticeId: integer("apprentice_id")
    .primaryKey()
    .references(() => apprentices.id),
  goals: text("goals").notNull().default(""),
  nextSteps: text("next_steps").notNull().default(""),
  updatedAt: moment("updated_at"),
});

export const careerPlanComments = sqliteTable(
  "career_plan_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    apprenticeId: integer("apprentice_id")
      .notNull()
      .references(() => apprentices.id),
    authorUserId: integer("author_user_id")
      .notNull()
      .references((): AnySQLiteColumn => users.id),
    body: text("body").notNull(),
    /**
     * A correction is a new comment that points at the one it replaces, with a reason (both or
     * neither: a trigger in the append-only migration holds this, so the table needs no rebuild).
     */
    supersedesId: integer("supersedes_id").references((): AnySQLiteColumn => careerPlanComments.id),
    correctionReason: text("correction_reason"),
    createdAt: createdAt(),
  },
  (t) => [index("career_plan_comments_apprentice").on(t.apprenticeId, t.createdAt), uniqueIndex("career_plan_comments_supersedes").on(t.supersedesId)],
);

// ---------------------------------------------------------------------------------------------
// Users, sessions, sign-in links

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    username: text("username").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** argon2id; null for an account that signs in only by link or PIN. */
    passwordHash: text("password_hash"),
    /** argon2id of a 6-digit PIN (apprentices). */
    pinHash: text("pin_hash"),
    failedSignIns: integer("failed_sign_ins").notNull().default(0),
    lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
    /** Staff: their site. Trainers: their employer's site. Apprentices: their site. Admin: null. */
    siteId: integer("site_id").references(() => sites.id),
    /** Trainers only. */
    employerId: integer("employer_id").references(() => employers.id),
    /** Apprentice accounts only. */
    apprenticeId: integer("apprentice_id")
      .unique()
      .references(() => apprentices.id),
    phone: text("phone"),
    locale: text("locale", { enum: LOCALES }),
    /** Digits on Khmer pages; null: the default (docs/decisions/0028). */
    numerals: text("numerals", { enum: NUMERALS }),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    deactivatedAt: integer("deactivated_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("users_employer").on(t.employerId),
    index("users_site_role").on(t.siteId, t.role),
    check("users_role", oneOf(t.role, ROLES)),
    check("users_locale", sql`${t.locale} is null or ${oneOf(t.locale, LOCALES)}`),
    check("users_numerals", sql`${t.numerals} is null or ${oneOf(t.numerals, NUMERALS)}`),
    check(
      "users_role_links",
      sql`(${t.role} <> 'trainer' or (${t.employerId} is not null and ${t.siteId} is not null))
        and (${t.role} <> 'apprentice' or (${t.apprenticeId} is not null and ${t.siteId} is not null))
        and (${t.role} <> 'staff' or ${t.siteId} is not null)
        and (${t.role} = 'trainer' or ${t.employerId} is null)
        and (${t.role} = 'apprentice' or ${t.apprenticeId} is null)`,
    ),
  ],
);

export const sessions = sqliteTable(
  "sessions",
  {
    /** SHA-256 of the token in the cookie; the token itself is never stored. */
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    /** Absolute end; the idle limit is checked against `last_seen_at`. */
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    /** How the session began: `password`, `pin` or `link`. */
    method: text("method", { enum: ["password", "pin", "link"] }).notNull(),
    userAgent: text("user_agent"),
    /** The sign-in link that opened this session: revoking or expiring the link ends it. */
    linkId: integer("link_id").references((): AnySQLiteColumn => signInLinks.id, { onDelete: "cascade" }),
  },
  (t) => [
    index("sessions_user").on(t.userId),
    index("sessions_link").on(t.linkId),
    index("sessions_expires").on(t.expiresAt),
    check("sessions_method", oneOf(t.method, ["password", "pin", "link"])),
  ],
);

export const signInLinks = sqliteTable(
  "sign_in_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    revokedBy: integer("revoked_by").references(() => users.id),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    useCount: integer("use_count").notNull().default(0),
    /** `staff`: issued on the trainer's page; `reminder`: minted for one reminder message (short-lived). */
    purpose: text("purpose", { enum: SIGN_IN_LINK_PURPOSES }).notNull().default("staff"),
  },
  (t) => [index("sign_in_links_user").on(t.userId)],
);

/**
 * Secrets of this installation that must travel with its data, such as the generated
 * cookie-signing secret (`session_secret`) and the signing keys of records of achievement
 * (`credential_keys`): a restored backup brings the secret its sessions were signed with and the
 * keys its records were signed with.
 */
export const instanceSecrets = sqliteTable("instance_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: createdAt(),
});

// ---------------------------------------------------------------------------------------------
// Competency frameworks (versioned: draft → published (immutable) → retired)

export const frameworks = sqliteTable(
  "frameworks",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    tradeEn: text("trade_en").notNull(),
    tradeKm: text("trade_km").notNull(),
    sector: text("sector", { enum: EMPLOYER_SECTORS }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [check("frameworks_sector", oneOf(t.sector, EMPLOYER_SECTORS))],
);

export const frameworkVersions = sqliteTable(
  "framework_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    frameworkId: integer("framework_id")
      .notNull()
      .references(() => frameworks.id),
    version: integer("version").notNull(),
    status: text("status", { enum: FRAMEWORK_VERSION_STATUSES }).notNull().default("draft"),
    /** Typical length of a placement on this framework, in weeks. */
    typicalWeeks: integer("typical_weeks").notNull(),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    retiredAt: integer("retired_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("framework_versions_framework_version").on(t.frameworkId, t.version),
    check("framework_versions_status", oneOf(t.status, FRAMEWORK_VERSION_STATUSES)),
    check("framework_versions_typical_weeks", sql`${t.typicalWeeks} between 2 and 52`),
  ],
);

export const frameworkUnits = sqliteTable(
  "framework_units",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    versionId: integer("version_id")
      .notNull()
      .references(() => frameworkVersions.id),
    code: text("code").notNull(),
    titleEn: text("title_en").notNull(),
    titleKm: text("title_km").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("framework_units_version_code").on(t.versionId, t.code)],
);

export const competencies = sqliteTable(
  "competencies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    unitId: integer("unit_id")
      .notNull()
      .references(() => frameworkUnits.id),
    /** Denormalised from the unit so that a placement's checklist is one indexed read. */
    versionId: integer("version_id")
      .notNull()
      .references(() => frameworkVersions.id),
    code: text("code").notNull(),
    titleEn: text("title_en").notNull(),
    titleKm: text("title_km").notNull(),
    criteriaEn: text("criteria_en").notNull(),
    criteriaKm: text("criteria_km").notNull(),
    /** The placement week by which a typical apprentice reaches `independent`. */
    expectedByWeek: integer("expected_by_week").notNull(),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("competencies_version_code").on(t.versionId, t.code),
    index("competencies_unit").on(t.unitId, t.position),
    check("competencies_expected_by_week", sql`${t.expectedByWeek} between 1 and 52`),
    check("competencies_titles", sql`length(trim(${t.titleEn})) > 0 and length(trim(${t.titleKm})) > 0`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Placements and what trainers record

export const placements = sqliteTable(
  "placements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    apprenticeId: integer("apprentice_id")
      .notNull()
      .references(() => apprentices.id),
    employerId: integer("employer_id")
      .notNull()
      .references(() => employers.id),
    /** The primary trainer (a user of role `trainer` at this employer). */
    trainerUserId: integer("trainer_user_id")
      .notNull()
      .references(() => users.id),
    frameworkVersionId: integer("framework_version_id")
      .notNull()
      .references(() => frameworkVersions.id),
    startDate: text("start_date").notNull(),
    plannedWeeks: integer("planned_weeks").notNull(),
    /** ISO weekdays (1 = Monday … 7 = Sunday), comma-separated. */
    workingWeekdays: text("working_weekdays").notNull().default("1,2,3,4,5,6"),
    educationWeekdays: text("education_weekdays").notNull().default("2,4"),
    stipendHagarCents: integer("stipend_hagar_cents").notNull().default(0),
    stipendEmployerCents: integer("stipend_employer_cents").notNull().default(0),
    status: text("status", { enum: PLACEMENT_STATUSES }).notNull().default("active"),
    endedOn: text("ended_on"),
    outcome: text("outcome", { enum: PLACEMENT_OUTCOMES }),
    endReason: text("end_reason"),
    startingSalaryCents: integer("starting_salary_cents"),
    transferredFromId: integer("transferred_from_id").references((): AnySQLiteColumn => placements.id),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("placements_trainer_status").on(t.trainerUserId, t.status),
    index("placements_employer_status").on(t.employerId, t.status),
    index("placements_apprentice").on(t.apprenticeId),
    index("placements_status_ended").on(t.status, t.endedOn),
    /** The staff placement page shows where a transferred placement went. */
    index("placements_transferred_from")
      .on(t.transferredFromId)
      .where(sql`transferred_from_id is not null`),
    uniqueIndex("placements_one_active_per_apprentice")
      .on(t.apprenticeId)
      .where(sql`status = 'active'`),
    check("placements_status", oneOf(t.status, PLACEMENT_STATUSES)),
    check("placements_outcome", sql`${t.outcome} is null or ${oneOf(t.outcome, PLACEMENT_OUTCOMES)}`),
    check("placements_planned_weeks", sql`${t.plannedWeeks} between 2 and 52`),
    check("placements_start_date", isoDate(t.startDate)),
    check("placements_ended", sql`(${t.status} = 'active') = (${t.endedOn} is null)`),
    check("placements_stipends", sql`${t.stipendHagarCents} >= 0 and ${t.stipendEmployerCents} >= 0`),
  ],
);

/**
 * A correction of a placement's start date or planned length, made by staff with a reason while
 * no weekly record exists (docs/decisions/0022). Append-only: the placement row holds the corrected values,
 * this table holds what they were and why they changed.
 */
export const placementCorrections = sqliteTable(
  "placement_corrections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    fromStartDate: text("from_start_date").notNull(),
    toStartDate: text("to_start_date").notNull(),
    fromPlannedWeeks: integer("from_planned_weeks").notNull(),
    toPlannedWeeks: integer("to_planned_weeks").notNull(),
    reason: text("reason").notNull(),
    correctedBy: integer("corrected_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("placement_corrections_placement").on(t.placementId, t.id),
    check("placement_corrections_dates", sql`${isoDate(t.fromStartDate)} and ${isoDate(t.toStartDate)}`),
    check("placement_corrections_weeks", sql`${t.fromPlannedWeeks} between 2 and 52 and ${t.toPlannedWeeks} between 2 and 52`),
    check("placement_corrections_reason", sql`length(trim(${t.reason})) > 0`),
  ],
);

/** The trainer's submission of a week's checklist (week starting Monday). Append-only. */
export const weeklyReviews = sqliteTable(
  "weekly_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    weekOf: text("week_of").notNull(),
    trainerUserId: integer("trainer_user_id")
      .notNull()
      .references(() => users.id),
    /** True for "reviewed, no change". */
    noChange: integer("no_change", { mode: "boolean" }).notNull().default(false),
    note: text("note"),
    /** A resubmission of a week already reviewed points at the review it corrects. */
    supersedesId: integer("supersedes_id").references((): AnySQLiteColumn => weeklyReviews.id),
    correctionReason: text("correction_reason"),
    /** Idempotency key from the form: a double submit finds the first write. */
    submissionKey: text("submission_key").unique(),
    submittedAt: moment("submitted_at"),
  },
  (t) => [
    index("weekly_reviews_placement_week").on(t.placementId, t.weekOf),
    index("weekly_reviews_trainer").on(t.trainerUserId, t.submittedAt),
    check("weekly_reviews_week_of", isoDate(t.weekOf)),
    check("weekly_reviews_correction", sql`(${t.supersedesId} is null) = (${t.correctionReason} is null)`),
  ],
);

/**
 * Every week card sent and written, by its submission key: a resend (double tap, retry on a bad
 * network, reload of the answer page) finds its first write and is answered as that one was,
 * whichever button sent it. Append-only.
 */
export const weekSubmissions = sqliteTable(
  "week_submissions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    submissionKey: text("submission_key").notNull().unique(),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    weekOf: text("week_of").notNull(),
    trainerUserId: integer("trainer_user_id")
      .notNull()
      .references(() => users.id),
    intent: text("intent", { enum: WEEK_CARD_INTENTS }).notNull(),
    /** The weekly review this submission wrote, when it submitted the week. */
    weeklyReviewId: integer("weekly_review_id").references(() => weeklyReviews.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("week_submissions_placement").on(t.placementId, t.weekOf),
    check("week_submissions_week_of", isoDate(t.weekOf)),
    check("week_submissions_intent", oneOf(t.intent, WEEK_CARD_INTENTS)),
  ],
);

/** One sign-off event. Append-only: a correction is a new row that supersedes an old one. */
export const assessments = sqliteTable(
  "assessments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    competencyId: integer("competency_id")
      .notNull()
      .references(() => competencies.id),
    trainerUserId: integer("trainer_user_id")
      .notNull()
      .references(() => users.id),
    level: text("level", { enum: ASSESSMENT_LEVELS }).notNull(),
    observedOn: text("observed_on").notNull(),
    evidenceNote: text("evidence_note"),
    weeklyReviewId: integer("weekly_review_id").references(() => weeklyReviews.id),
    supersedesId: integer("supersedes_id").references((): AnySQLiteColumn => assessments.id),
    correctionReason: text("correction_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("assessments_placement_competency").on(t.placementId, t.competencyId, t.id),
    /** A placement's records of some days (the flag pass's recent window, a report's period). */
    index("assessments_placement_observed").on(t.placementId, t.observedOn),
    index("assessments_trainer_created").on(t.trainerUserId, t.createdAt),
    /**
     * What the flag pass reads for `bulk_signoff`: a trainer's recent `independent` sign-offs, from
     * the index alone (migration 0021, docs/decisions/0040).
     */
    index("assessments_trainer_independent")
      .on(t.trainerUserId, t.createdAt, t.observedOn, t.placementId, t.competencyId)
      .where(sql`"assessments"."level" = 'independent'`),
    /** "Is this record superseded?" by an index seek, not a scan of the placement's history. */
    index("assessments_supersedes")
      .on(t.supersedesId)
      .where(sql`supersedes_id is not null`),
    check("assessments_level", oneOf(t.level, ASSESSMENT_LEVELS)),
    check("assessments_observed_on", isoDate(t.observedOn)),
    check("assessments_correction", sql`(${t.supersedesId} is null) = (${t.correctionReason} is null)`),
  ],
);

/** Per placement per working day. Append-only: a correction supersedes. */
export const attendance = sqliteTable(
  "attendance",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    date: text("date").notNull(),
    status: text("status", { enum: ATTENDANCE_STATUSES }).notNull(),
    lateMinutes: integer("late_minutes"),
    absenceReason: text("absence_reason", { enum: ABSENCE_REASONS }),
    note: text("note"),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    supersedesId: integer("supersedes_id").references((): AnySQLiteColumn => attendance.id),
    correctionReason: text("correction_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("attendance_placement_date").on(t.placementId, t.date, t.id),
    check("attendance_status", oneOf(t.status, ATTENDANCE_STATUSES)),
    check("attendance_date", isoDate(t.date)),
    check("attendance_absence_reason", sql`${t.absenceReason} is null or ${oneOf(t.absenceReason, ABSENCE_REASONS)}`),
    check(
      "attendance_details",
      sql`((${t.status} = 'late') = (${t.lateMinutes} is not null))
        and (${t.lateMinutes} is null or ${t.lateMinutes} between 1 and 720)
        and ((${t.status} = 'absent') = (${t.absenceReason} is not null))`,
    ),
  ],
);

/** "I will be late / absent on ⟨date⟩ because ⟨reason⟩", from the apprentice. */
export const advanceNotices = sqliteTable(
  "advance_notices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    date: text("date").notNull(),
    kind: text("kind", { enum: ADVANCE_NOTICE_KINDS }).notNull(),
    reason: text("reason", { enum: ABSENCE_REASONS }).notNull(),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [
    index("advance_notices_placement_date").on(t.placementId, t.date),
    check("advance_notices_kind", oneOf(t.kind, ADVANCE_NOTICE_KINDS)),
    check("advance_notices_reason", oneOf(t.reason, ABSENCE_REASONS)),
    check("advance_notices_date", isoDate(t.date)),
  ],
);

/**
 * The withdrawal of an advance notice: a row of its own, because notices are append-only
 * (a notice replaced by another for the same day is withdrawn too). At most one per notice.
 */
export const advanceNoticeWithdrawals = sqliteTable("advance_notice_withdrawals", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  noticeId: integer("notice_id")
    .notNull()
    .unique()
    .references(() => advanceNotices.id),
  /** Null only for withdrawals recorded before this table existed. */
  withdrawnBy: integer("withdrawn_by").references(() => users.id),
  createdAt: createdAt(),
});

/** An agreed education afternoon of a placement. Its story is in `education_events`. */
export const educationAfternoons = sqliteTable(
  "education_afternoons",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    date: text("date").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("education_afternoons_placement_date").on(t.placementId, t.date), check("education_afternoons_date", isoDate(t.date))],
);

/** The education ledger: released / refused by the trainer, attended / missed, confirmed. */
export const educationEvents = sqliteTable(
  "education_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    afternoonId: integer("afternoon_id")
      .notNull()
      .references(() => educationAfternoons.id),
    kind: text("kind", { enum: EDUCATION_EVENT_KINDS }).notNull(),
    reason: text("reason"),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // Covering: the flag pass and the week card read an afternoon's ledger from the index alone.
    index("education_events_afternoon").on(t.afternoonId, t.id, t.kind, t.createdAt),
    check("education_events_kind", oneOf(t.kind, EDUCATION_EVENT_KINDS)),
    check("education_events_refusal", sql`${t.kind} <> 'refused' or ${t.reason} is not null`),
  ],
);

/** Confidential feedback from an apprentice. Never visible to the employer, in any form. */
export const feedback = sqliteTable(
  "feedback",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    explainsRating: integer("explains_rating").notNull(),
    learningRating: integer("learning_rating").notNull(),
    fairnessRating: integer("fairness_rating").notNull(),
    safetyRating: integer("safety_rating").notNull(),
    comment: text("comment"),
    submittedAt: moment("submitted_at"),
  },
  (t) => [
    index("feedback_placement").on(t.placementId, t.submittedAt),
    check(
      "feedback_ratings",
      sql`${t.explainsRating} between 1 and 5 and ${t.learningRating} between 1 and 5
        and ${t.fairnessRating} between 1 and 5 and ${t.safetyRating} between 1 and 5`,
    ),
    check("feedback_comment_length", sql`${t.comment} is null or length(${t.comment}) <= 1000`),
  ],
);

// ---------------------------------------------------------------------------------------------
// Flags, manual status, follow-up

export const flags = sqliteTable(
  "flags",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    rule: text("rule", { enum: FLAG_RULES }).notNull(),
    subjectType: text("subject_type", { enum: FLAG_SUBJECT_TYPES }).notNull(),
    subjectId: integer("subject_id").notNull(),
    placementId: integer("placement_id").references(() => placements.id),
    trainerUserId: integer("trainer_user_id").references(() => users.id),
    employerId: integer("employer_id").references(() => employers.id),
    apprenticeId: integer("apprentice_id").references(() => apprentices.id),
    severity: text("severity", { enum: FLAG_SEVERITIES }).notNull(),
    status: text("status", { enum: FLAG_STATUSES }).notNull().default("open"),
    /** The facts that raised it, as JSON. */
    evidence: text("evidence", { mode: "json" }).notNull(),
    raisedAt: moment("raised_at"),
    /** When the rule found the condition cleared (the flag closes itself). */
    clearedAt: integer("cleared_at", { mode: "timestamp_ms" }),
    updatedAt: moment("updated_at"),
  },
  (t) => [
    uniqueIndex("flags_one_open_per_rule_subject")
      .on(t.rule, t.subjectType, t.subjectId)
      .where(sql`status in ('open', 'acknowledged')`),
    index("flags_site_status").on(t.siteId, t.status, t.severity),
    // The inbox's order (urgent first, then newest) over the live flags: every site's first page
    // is the index's first rows, not a sort of every live flag (app/db/flag-review.server.ts).
    index("flags_inbox_live")
      .on(sql`(case ${t.severity} when 'urgent' then 0 when 'warn' then 1 else 2 end)`, sql`${t.raisedAt} desc`, sql`${t.id} desc`)
      .where(sql`status in ('open', 'acknowledged')`),
    index("flags_site_raised").on(t.siteId, t.raisedAt),
    index("flags_placement").on(t.placementId),
    index("flags_trainer").on(t.trainerUserId),
    check("flags_rule", oneOf(t.rule, FLAG_RULES)),
    check("flags_subject_type", oneOf(t.subjectType, FLAG_SUBJECT_TYPES)),
    check("flags_severity", oneOf(t.severity, FLAG_SEVERITIES)),
    check("flags_status", oneOf(t.status, FLAG_STATUSES)),
  ],
);

export const flagEvents = sqliteTable(
  "flag_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    flagId: integer("flag_id")
      .notNull()
      .references(() => flags.id),
    action: text("action", { enum: FLAG_EVENT_ACTIONS }).notNull(),
    actorUserId: integer("actor_user_id").references(() => users.id),
    note: text("note"),
    createdAt: createdAt(),
  },
  (t) => [index("flag_events_flag").on(t.flagId, t.id), check("flag_events_action", oneOf(t.action, FLAG_EVENT_ACTIONS))],
);

/** Staff's manual status per placement (green / amber / red). History: the latest row holds. */
export const manualStatuses = sqliteTable(
  "manual_statuses",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    status: text("status", { enum: MANUAL_STATUSES }).notNull(),
    reason: text("reason").notNull(),
    statusDate: text("status_date").notNull(),
    /** Red asks for a follow-up visit within 7 days. */
    followUpDueOn: text("follow_up_due_on"),
    setBy: integer("set_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index("manual_statuses_placement").on(t.placementId, t.id),
    check("manual_statuses_status", oneOf(t.status, MANUAL_STATUSES)),
    check("manual_statuses_reason", sql`length(trim(${t.reason})) > 0`),
    check("manual_statuses_red_follow_up", sql`${t.status} <> 'red' or ${t.followUpDueOn} is not null`),
  ],
);

export const followUpNotes = sqliteTable(
  "follow_up_notes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    apprenticeId: integer("apprentice_id")
      .notNull()
      .references(() => apprentices.id),
    placementId: integer("placement_id").references(() => placements.id),
    kind: text("kind", { enum: FOLLOW_UP_KINDS }).notNull(),
    occurredOn: text("occurred_on").notNull(),
    body: text("body").notNull(),
    authorUserId: integer("author_user_id")
      .notNull()
      .references(() => users.id),
    /** A correction is a new note that points at the one it replaces, with a reason. */
    supersedesId: integer("supersedes_id").references((): AnySQLiteColumn => followUpNotes.id),
    correctionReason: text("correction_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    index("follow_up_notes_apprentice").on(t.apprenticeId, t.occurredOn),
    uniqueIndex("follow_up_notes_supersedes").on(t.supersedesId),
    check("follow_up_notes_kind", oneOf(t.kind, FOLLOW_UP_KINDS)),
    check("follow_up_notes_occurred_on", isoDate(t.occurredOn)),
  ],
);

/** Outcome check-ins at 3, 6, 12 and 24 months after exit. */
export const outcomeCheckins = sqliteTable(
  "outcome_checkins",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    apprenticeId: integer("apprentice_id")
      .notNull()
      .references(() => apprentices.id),
    months: integer("months").notNull(),
    checkedOn: text("checked_on").notNull(),
    employed: integer("employed", { mode: "boolean" }).notNull(),
    employerName: text("employer_name"),
    monthlySalaryCents: integer("monthly_salary_cents"),
    note: text("note"),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => users.id),
    /** A correction is a new check-in for the same months that points at the one it replaces. */
    supersedesId: integer("supersedes_id").references((): AnySQLiteColumn => outcomeCheckins.id),
    correctionReason: text("correction_reason"),
    createdAt: createdAt(),
  },
  (t) => [
    // One first record per apprentice and months; its corrections follow it one by one.
    uniqueIndex("outcome_checkins_apprentice_months")
      .on(t.apprenticeId, t.months)
      .where(sql`supersedes_id is null`),
    uniqueIndex("outcome_checkins_supersedes").on(t.supersedesId),
    // Every check-in of an apprentice, corrections included (the index above holds first records only).
    index("outcome_checkins_apprentice").on(t.apprenticeId),
    check("outcome_checkins_months", oneOf(t.months, OUTCOME_CHECKIN_MONTHS)),
    check("outcome_checkins_checked_on", isoDate(t.checkedOn)),
  ],
);

// ---------------------------------------------------------------------------------------------
// Signed records of achievement (docs/decisions/0020, 0021)

/**
 * A signed record of achievement (an Open Badges 3.0 credential as a VC-JWT). Append-only: a
 * re-issue is a new row that points at the one it replaces; a revocation is a row of
 * `credential_revocations`. The JWT is kept exactly as signed, so the verify page shows what
 * the credential holds and nothing else.
 */
export const credentials = sqliteTable(
  "credentials",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The public id in /verify/:credentialId: 128 random bits, base64url (22 characters). */
    publicId: text("public_id").notNull().unique(),
    /** SHA-256 of the public id: the verify page looks a credential up by this, whatever it was given. */
    idHash: text("id_hash").notNull().unique(),
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    /** The compact JWS, as signed. */
    jwt: text("jwt").notNull(),
    /** Thumbprint of the signing key (RFC 7638), as published in /.well-known/jwks.json. */
    kid: text("kid").notNull(),
    /** Whether the legal name went in: consent to share it was current at issue time. */
    includesLegalName: integer("includes_legal_name", { mode: "boolean" }).notNull(),
    /** A re-issue points at the credential it replaces (which is revoked as `superseded`). */
    supersedesId: integer("supersedes_id")
      .unique()
      .references((): AnySQLiteColumn => credentials.id),
    issuedBy: integer("issued_by")
      .notNull()
      .references(() => users.id),
    issuedAt: moment("issued_at"),
  },
  (t) => [index("credentials_placement").on(t.placementId, t.id), check("credentials_public_id", sql`length(${t.publicId}) = 22`)],
);

/** A credential's revocation: a fact of its own, at most one per credential. Append-only. */
export const credentialRevocations = sqliteTable(
  "credential_revocations",
  {
    credentialId: integer("credential_id")
      .primaryKey()
      .references(() => credentials.id),
    reason: text("reason", { enum: REVOCATION_REASONS }).notNull(),
    revokedBy: integer("revoked_by")
      .notNull()
      .references(() => users.id),
    revokedAt: moment("revoked_at"),
  },
  (t) => [check("credential_revocations_reason", oneOf(t.reason, REVOCATION_REASONS))],
);

// ---------------------------------------------------------------------------------------------
// Audit

/** Every write and every read of staff-only data. Append-only. Holds ids, never personal data. */
export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorUserId: integer("actor_user_id").references(() => users.id),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    /** Small JSON detail (outcome, reason code); never a name or free text about a client. */
    detail: text("detail", { mode: "json" }),
    requestId: text("request_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_events_created").on(t.createdAt),
    index("audit_events_actor").on(t.actorUserId, t.createdAt),
    index("audit_events_entity").on(t.entity, t.entityId),
  ],
);

// ---------------------------------------------------------------------------------------------
// Derived facts (docs/decisions/0016). Kept up to date by triggers in the same transaction as the
// append-only records they summarise (migration "facts_triggers"), so every write path — the
// app, the factories, the seed, the benchmark generator — keeps them right. The app never writes
// them; they are updated in place because they are derived, and can be rebuilt from the records.

/**
 * Per placement and competency: the level holding now (the latest observation by date, then by
 * record, among records no correction of the placement supersedes — `currentLevels`), and the
 * first standing `independent` sign-off (by date, then record), the one the reports count.
 */
export const competencyLevels = sqliteTable(
  "competency_levels",
  {
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    competencyId: integer("competency_id")
      .notNull()
      .references(() => competencies.id),
    /** The placement's site (its employer's), so a report across sites reads one index. */
    siteId: integer("site_id").notNull(),
    assessmentId: integer("assessment_id").notNull(),
    level: text("level", { enum: ASSESSMENT_LEVELS }).notNull(),
    observedOn: text("observed_on").notNull(),
    independentId: integer("independent_id"),
    independentOn: text("independent_on"),
    /** The trainer who signed that first `independent` record. */
    independentBy: integer("independent_by"),
  },
  (t) => [
    primaryKey({ columns: [t.placementId, t.competencyId] }),
    index("competency_levels_site_signed")
      .on(t.siteId, t.independentOn)
      .where(sql`independent_on is not null`),
    /** What the flag pass reads: which competencies of a placement are `independent` now (migration 0019). */
    index("competency_levels_independent")
      .on(t.placementId, t.competencyId)
      .where(sql`"competency_levels"."level" = 'independent'`),
  ],
);

/**
 * Per placement and week (`week_of` = its Monday): what the reports count, by week.
 * - reviews: weekly review rows (corrections included) and the moment of the first;
 * - signoffs: first standing `independent` sign-offs observed that week (as `competency_levels`);
 * - attendance_days: the current attendance record of each day, packed 7 bits a day (day d at
 *   bit 7·d): status code in bits 0–2, absence reason code in bits 3–5, "has a note" in bit 6
 *   (`decodeAttendanceWeek` in app/domain/attendance-codes.ts reads it);
 * - afternoons_*_mask: one bit per day of the week (bit 0 = Monday) for the agreed afternoons
 *   that count (`classifyAfternoon` in app/domain/reports/afternoons.ts: agreed / released / at class), so a
 *   period that starts or ends mid-week is still counted exactly.
 */
export const placementWeeks = sqliteTable(
  "placement_weeks",
  {
    placementId: integer("placement_id")
      .notNull()
      .references(() => placements.id),
    weekOf: text("week_of").notNull(),
    siteId: integer("site_id").notNull(),
    reviews: integer("reviews").notNull().default(0),
    firstReviewAt: integer("first_review_at"),
    signoffs: integer("signoffs").notNull().default(0),
    attendanceDays: integer("attendance_days").notNull().default(0),
    afternoonsAgreedMask: integer("afternoons_agreed_mask").notNull().default(0),
    afternoonsReleasedMask: integer("afternoons_released_mask").notNull().default(0),
    afternoonsAttendedMask: integer("afternoons_attended_mask").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.placementId, t.weekOf] }), index("placement_weeks_site_week").on(t.siteId, t.weekOf)],
);

// ---------------------------------------------------------------------------------------------
// Reminders (issue 13, docs/decisions/0018 and 0019)

/** When a site's weekly reminders go out. A site without a row keeps the defaults (Friday 16:00, Monday 09:00). */
export const reminderSchedules = sqliteTable(
  "reminder_schedules",
  {
    siteId: integer("site_id")
      .primaryKey()
      .references(() => sites.id),
    /** ISO weekday of the week's reminder. */
    weekday: integer("weekday").notNull().default(5),
    /** `HH:MM` on the site's clock. */
    time: text("time").notNull().default("16:00"),
    mondayTime: text("monday_time").notNull().default("09:00"),
    enabled: integer("enabled", { mode: "boolean" }).notNull().default(true),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: moment("updated_at"),
  },
  (t) => [
    check("reminder_schedules_weekday", sql`${t.weekday} between 1 and 7`),
    check("reminder_schedules_time", sql`${t.time} glob '[0-2][0-9]:[0-5][0-9]' and ${t.mondayTime} glob '[0-2][0-9]:[0-5][0-9]'`),
  ],
);

/** One-time tokens behind "link my Telegram" (`/start <token>`). Only the SHA-256 is stored. */
export const telegramLinkTokens = sqliteTable(
  "telegram_link_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    tokenHash: text("token_hash").notNull().unique(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("telegram_link_tokens_user").on(t.userId)],
);

/** A user's linked Telegram chat: one per user, one user per chat. Unlinking deletes the row (the audit log keeps the history). */
export const telegramChats = sqliteTable("telegram_chats", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id),
  /** Staff of the user's site only. */
  chatId: text("chat_id").notNull().unique(),
  linkedAt: moment("linked_at"),
});

/**
 * The reminder outbox: every message is a row. At most one per recipient, week and kind (the
 * unique index makes a double run or a restart harmless). It holds no address and no link:
 * both are looked up, and the link minted, when the message is sent.
 */
export const reminderOutbox = sqliteTable(
  "reminder_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: REMINDER_KINDS }).notNull(),
    recipientUserId: integer("recipient_user_id")
      .notNull()
      .references(() => users.id),
    siteId: integer("site_id")
      .notNull()
      .references(() => sites.id),
    /** The Monday of the week the message is about. */
    weekOf: text("week_of").notNull(),
    channel: text("channel", { enum: MESSAGE_CHANNELS }).notNull(),
    locale: text("locale", { enum: LOCALES }).notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("queued"),
    /** What the message says: apprentice codes and preferred names (or, for staff, trainers and counts). Never a link. */
    payload: text("payload", { mode: "json" }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    lastAttemptAt: integer("last_attempt_at", { mode: "timestamp_ms" }),
    /** The provider's error of the last failed attempt (kept after a later success). */
    lastError: text("last_error"),
    lastFailedAt: integer("last_failed_at", { mode: "timestamp_ms" }),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    providerMessageId: text("provider_message_id"),
    /** The short-lived sign-in link of the last attempt. */
    signInLinkId: integer("sign_in_link_id").references(() => signInLinks.id),
    createdAt: createdAt(),
    updatedAt: moment("updated_at"),
  },
  (t) => [
    uniqueIndex("reminder_outbox_one_per_week").on(t.recipientUserId, t.weekOf, t.kind),
    index("reminder_outbox_due").on(t.status, t.nextAttemptAt),
    index("reminder_outbox_site").on(t.siteId, t.createdAt),
    check("reminder_outbox_kind", oneOf(t.kind, REMINDER_KINDS)),
    check("reminder_outbox_channel", oneOf(t.channel, MESSAGE_CHANNELS)),
    check("reminder_outbox_status", oneOf(t.status, OUTBOX_STATUSES)),
    check("reminder_outbox_locale", oneOf(t.locale, LOCALES)),
    check("reminder_outbox_week_of", isoDate(t.weekOf)),
  ],
);
