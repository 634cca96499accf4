/** Every enumeration of the domain (docs/product.md §3, §5). The schema builds CHECK constraints from these. */

export const ROLES = ["trainer", "staff", "admin", "apprentice"] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ["km", "en"] as const;
export type Locale = (typeof LOCALES)[number];

/** How a Khmer page writes numbers: Latin digits (0–9) or Khmer digits (០–៩). English pages always use Latin. */
export const NUMERALS = ["latin", "khmer"] as const;
export type Numerals = (typeof NUMERALS)[number];

export const PHASES = ["work_readiness", "guidance", "apprenticeship", "employed", "business", "follow_up", "exited"] as const;
export type Phase = (typeof PHASES)[number];

export const GENDERS = ["female", "male", "other"] as const;
export type Gender = (typeof GENDERS)[number];

export const CONSENT_ITEMS = ["share_legal_name", "photo", "story"] as const;
export type ConsentItem = (typeof CONSENT_ITEMS)[number];

export const EMPLOYER_SECTORS = ["beauty", "hospitality", "catering", "tailoring", "food_service", "office", "cleaning"] as const;
export type EmployerSector = (typeof EMPLOYER_SECTORS)[number];

export const FRAMEWORK_VERSION_STATUSES = ["draft", "published", "retired"] as const;
export type FrameworkVersionStatus = (typeof FRAMEWORK_VERSION_STATUSES)[number];

export const PLACEMENT_STATUSES = ["active", "completed", "withdrawn", "transferred"] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

export const PLACEMENT_OUTCOMES = ["retained_by_employer", "employed_elsewhere", "own_business", "not_employed"] as const;
export type PlacementOutcome = (typeof PLACEMENT_OUTCOMES)[number];

/** Ordered: each level says more than the one before. "Competent" means `independent`. */
export const ASSESSMENT_LEVELS = ["not_yet", "with_help", "supervised", "independent"] as const;
export type AssessmentLevel = (typeof ASSESSMENT_LEVELS)[number];

/** The week card's buttons: submit the week, or save what was entered (marking blank days present). */
export const WEEK_CARD_INTENTS = ["submit", "all_present", "save"] as const;
export type WeekCardIntent = (typeof WEEK_CARD_INTENTS)[number];

export const ATTENDANCE_STATUSES = ["present", "late", "absent", "education", "holiday", "leave"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const ABSENCE_REASONS = ["transport", "family", "illness", "childcare", "misunderstood_time", "other"] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

export const ADVANCE_NOTICE_KINDS = ["late", "absent"] as const;
export type AdvanceNoticeKind = (typeof ADVANCE_NOTICE_KINDS)[number];

/** The education ledger: agreed → released (or refused) by the trainer → attended (or missed). */
export const EDUCATION_EVENT_KINDS = ["released", "refused", "attended", "missed", "confirmed_by_apprentice"] as const;
export type EducationEventKind = (typeof EDUCATION_EVENT_KINDS)[number];

export const FLAG_RULES = [
  "no_weekly_review",
  "behind_plan",
  "bulk_signoff",
  "signoff_while_absent",
  "education_not_granted",
  "education_mismatch",
  "attendance_risk",
  "feedback_concern",
  "under_18",
  "overdue",
  "trainer_inactive",
] as const;
export type FlagRule = (typeof FLAG_RULES)[number];

export const FLAG_SEVERITIES = ["info", "warn", "urgent"] as const;
export type FlagSeverity = (typeof FLAG_SEVERITIES)[number];

export const FLAG_STATUSES = ["open", "acknowledged", "resolved", "dismissed", "cleared"] as const;
export type FlagStatus = (typeof FLAG_STATUSES)[number];

export const FLAG_SUBJECT_TYPES = ["placement", "trainer", "apprentice"] as const;
export type FlagSubjectType = (typeof FLAG_SUBJECT_TYPES)[number];

export const FLAG_EVENT_ACTIONS = ["raised", "severity_changed", "acknowledged", "resolved", "dismissed", "cleared"] as const;
export type FlagEventAction = (typeof FLAG_EVENT_ACTIONS)[number];

export const MANUAL_STATUSES = ["green", "amber", "red"] as const;
export type ManualStatus = (typeof MANUAL_STATUSES)[number];

export const FOLLOW_UP_KINDS = ["visit", "call", "counselling_referral", "employer_discussion", "other"] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const OUTCOME_CHECKIN_MONTHS = [3, 6, 12, 24] as const;
export type OutcomeCheckinMonths = (typeof OUTCOME_CHECKIN_MONTHS)[number];

/**
 * Why a signed record of achievement stopped being valid. Codes, not free text: the
 * public verify page shows the reason in Khmer and English, and never anything staff typed.
 * `superseded` is written by a re-issue; staff choose among the others.
 */
export const REVOCATION_REASONS = ["issued_in_error", "details_wrong", "holder_request", "superseded"] as const;
export type RevocationReason = (typeof REVOCATION_REASONS)[number];
export const STAFF_REVOCATION_REASONS = ["issued_in_error", "details_wrong", "holder_request"] as const satisfies readonly RevocationReason[];
