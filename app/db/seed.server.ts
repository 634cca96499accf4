/**
 * The seeded demo (docs/product.md §8): two sites, the programme's partner employers, six published
 * frameworks, demo accounts, and a few months of history relative to `today`, so the demo is
 * always "live" and every flag rule of docs/product.md §5 has at least one example.
 *
 * How it is built: a table of placement profiles (employer, trainer, framework, when it started,
 * the apprentice's pace, and the gaps that make a flag) drives one generic history generator.
 * Everything is deterministic for a given `today` and `seed`: a seeded PRNG per placement, and
 * every date and timestamp derived from `today`, never from the clock. No flags are written:
 * the flag engine computes them from this data.
 */
import { count, eq } from "drizzle-orm";

import { addDays, ageOn, daysBetween, isIsoDate, isoWeekday, mondayOf, mondaysBetween, parseWeekdays, workingDaysOfWeek } from "~/domain/dates";
import type { AbsenceReason, AssessmentLevel, EmployerSector, Phase, PlacementOutcome, Role } from "~/domain/enums";
import { ASSESSMENT_LEVELS } from "~/domain/enums";
import type { WeekState } from "~/domain/weeks";

import type { DB } from "./client.server";
import {
  createApprentice,
  createApprenticeWithUser,
  createCareerPlan,
  createEducationAfternoon,
  createEmployer,
  createFramework,
  createHoliday,
  createIntake,
  createPlacement,
  createSite,
  createUser,
  recordAssessment,
  recordAttendance,
  recordFeedback,
  recordWeeklyReview,
} from "./factories.server";
import {
  advanceNotices,
  apprentices,
  assessments,
  attendance,
  auditEvents,
  careerPlanComments,
  careerPlans,
  competencies,
  consents,
  educationAfternoons,
  educationEvents,
  employers,
  feedback,
  flags,
  followUpNotes,
  frameworks,
  frameworkUnits,
  frameworkVersions,
  intakes,
  manualStatuses,
  outcomeCheckins,
  phaseChanges,
  placements,
  publicHolidays,
  sites,
  users,
  weeklyReviews,
} from "./schema";
import { FRAMEWORKS } from "./seed-data/frameworks";
import { PUBLIC_HOLIDAYS } from "./seed-data/holidays";
import { APPRENTICE_NAMES, STAFF_AND_TRAINER_NAMES } from "./seed-data/people";

export const DEMO_PASSWORD = "career-pathways";

export interface SeedSummary {
  accounts: { username: string; role: Role; description: string }[];
  counts: Record<string, number>;
}

/** A fresh database has no sites; the seed runs only then. */
export function isDatabaseEmpty(db: DB): boolean {
  const row = db.select({ n: count() }).from(sites).get();
  return (row?.n ?? 0) === 0;
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: a tiny, well-mixed 32-bit PRNG; enough for demo data, and reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** FNV-1a, to give each placement its own stream: editing one profile leaves the others as they were. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
}

// ---------------------------------------------------------------------------------------------
// Time helpers: day-level facts are site dates; moments are built from them in the site's zone.

/** A moment on a Phnom Penh calendar date (UTC+7, no daylight saving). */
function at(date: string, hhmm: string): Date {
  return new Date(`${date}T${hhmm}:00+07:00`);
}

/** The same calendar day `years` earlier (29 February falls back to the 28th). */
function yearsBefore(date: string, years: number): string {
  const shifted = `${String(Number(date.slice(0, 4)) - years).padStart(4, "0")}${date.slice(4)}`;
  return isIsoDate(shifted) ? shifted : addDays(`${shifted.slice(0, 8)}28`, 0);
}

// ---------------------------------------------------------------------------------------------
// The demo's organisations and people

type SiteCode = "PP" | "SR";
type FrameworkCode = "HAIR" | "HSK" | "FBS" | "COOK" | "DRESS" | "OFFICE";
type Username = keyof typeof STAFF_AND_TRAINER_NAMES;

const SITES: Record<SiteCode, { nameEn: string; nameKm: string }> = {
  PP: { nameEn: "Phnom Penh", nameKm: "ភ្នំពេញ" },
  SR: { nameEn: "Siem Reap", nameKm: "សៀមរាប" },
};

/** The partner employers named in the programme's profile (docs/product.md §8), in real districts. */
const EMPLOYERS = {
  hagar: { site: "PP", name: "Hagar Catering and Facilities Management", sector: "catering", district: "Chbar Ampov" },
  boddhi: { site: "PP", name: "The Boddhi Tree", sector: "hospitality", district: "Chamkar Mon" },
  laResidence: { site: "PP", name: "La Residence", sector: "hospitality", district: "Daun Penh" },
  bluePumpkin: { site: "PP", name: "The Blue Pumpkin", sector: "food_service", district: "Daun Penh" },
  parkway: { site: "PP", name: "Parkway Beauty Salon", sector: "beauty", district: "Toul Kork" },
  soNutritious: { site: "PP", name: "So! Nutritious", sector: "catering", district: "Boeung Keng Kang" },
  gech: { site: "PP", name: "Gech Dressmaking", sector: "tailoring", district: "7 Makara" },
  apsara: { site: "PP", name: "Apsara Angkor Beauty Salon", sector: "beauty", district: "Sen Sok" },
  svakum: { site: "PP", name: "Svakum Tailoring", sector: "tailoring", district: "Meanchey" },
  // Fictional: the small second site only shows that sites are kept apart.
  riverside: { site: "SR", name: "Riverside Garden Hotel", sector: "hospitality", district: "Siem Reap City" },
} as const satisfies Record<string, { site: SiteCode; name: string; sector: EmployerSector; district: string }>;
type EmployerKey = keyof typeof EMPLOYERS;

/** Workplace trainers: one or two per employer. `trainer` is the demo account. */
const TRAINERS: readonly { username: Username; employer: EmployerKey }[] = [
  { username: "trainer", employer: "parkway" },
  { username: "trainer-parkway2", employer: "parkway" },
  { username: "trainer-apsara", employer: "apsara" },
  { username: "trainer-boddhi", employer: "boddhi" },
  { username: "trainer-la-residence", employer: "laResidence" },
  { username: "trainer-blue-pumpkin", employer: "bluePumpkin" },
  { username: "trainer-hagar-catering", employer: "hagar" },
  { username: "trainer-hagar-office", employer: "hagar" },
  { username: "trainer-so-nutritious", employer: "soNutritious" },
  { username: "trainer-gech", employer: "gech" },
  { username: "trainer-svakum", employer: "svakum" },
  { username: "trainer-sr", employer: "riverside" },
];

const ACCOUNT_DESCRIPTIONS = {
  staff: "Career Services Team, Phnom Penh: placements, flags, reports and follow-up for the Phnom Penh site.",
  "staff-sr": "Career Services Team, Siem Reap: the same work, and sees only the Siem Reap site.",
  admin: "Programme manager: everything staff do, for every site, and user accounts.",
  trainer: "Workplace trainer at Parkway Beauty Salon with four hairdressing apprentices.",
} as const;

// ---------------------------------------------------------------------------------------------
// Placement profiles: one row per placement; the generator turns each into its history.

/** The gaps that give a placement its flag; all "weeks ago" count full weeks (1 = last week). */
interface Gaps {
  /** `no_weekly_review`: weeks the trainer skipped the review (and so signed nothing). */
  unreviewedWeeksAgo?: readonly number[];
  /** `trainer_inactive`: the trainer recorded nothing at all in the last N days. */
  silentDays?: number;
  /** `bulk_signoff`: the week the trainer ticked the whole rest of the checklist in one sitting. */
  bulkSignoffWeeksAgo?: number;
  /** `signoff_while_absent`: a sign-off dated on a day the apprentice was recorded absent. */
  signoffWhileAbsentWeeksAgo?: number;
  /** `education_not_granted`: in the last 4 weeks every other afternoon is refused, with these reasons. */
  educationRefusedRecently?: readonly string[];
  /** `education_mismatch`: released by the trainer, but the apprentice did not reach class. */
  educationMissedWeeksAgo?: number;
  /** `education_mismatch`: refused by the trainer, yet the education staff saw the apprentice in class. */
  educationAttendedDespiteRefusalWeeksAgo?: number;
  /** `attendance_risk`: this many transport absences spread over the last 4 weeks. */
  transportAbsencesRecently?: number;
  /** `attendance_risk`: two consecutive absences, reason "other", no note, in that week. */
  unexplainedAbsencesWeeksAgo?: number;
  /** A mistaken tick corrected by a new, superseding assessment (append-only history). */
  correctionWeeksAgo?: number;
}

type Start =
  /** Active placements: the Monday `weeksAgo` weeks before this week's, plus a weekday. */
  | { weeksAgo: number; weekday?: number }
  /** Completed placements: some weeks after their intake (`quartersAgo` intakes back) began. */
  | { quartersAgo: number; weeksAfterIntake: number };

type Ending =
  | {
      status: "completed";
      outcome: PlacementOutcome;
      salaryCents: number | null;
      reason: string;
      /** Where the graduate works, for the outcome check-ins (null: retained, use the employer). */
      workplace?: string;
    }
  | { status: "transferred"; weeksAgo: number; reason: string };

interface PlacementProfile {
  key: string;
  employer: EmployerKey;
  trainer: Username;
  framework: FrameworkCode;
  start: Start;
  plannedWeeks: number;
  /** Weeks to independence ≈ expectedByWeek × pace: 0.8–1 on track, ≥ 1.8 behind. */
  pace: number;
  stipend: readonly [hagarCents: number, employerCents: number];
  workingWeekdays?: string;
  educationWeekdays?: string;
  /** How far the trainer has got with the current week. */
  thisWeek?: WeekState;
  gaps?: Gaps;
  /** Confidential feedback every few weeks; `concern` makes the latest a `feedback_concern`. */
  feedback?: { everyWeeks: number; concern?: "unsafe" | "low_mean" };
  /** The apprentice is 17 at the start (the `under_18` example), or is the demo `apprentice`. */
  apprentice?: { under18?: boolean; username?: string };
  /** Same apprentice as another profile: the placement they were transferred from. */
  transferredFrom?: string;
  end?: Ending;
}

const PLACEMENTS: readonly PlacementProfile[] = [
  // The demo trainer: four healthy hairdressing placements, each at a different point this week.
  {
    key: "parkway-a",
    employer: "parkway",
    trainer: "trainer",
    framework: "HAIR",
    start: { weeksAgo: 18 },
    plannedWeeks: 24,
    pace: 0.85,
    stipend: [4000, 1500],
    thisWeek: "reviewed",
    gaps: { unreviewedWeeksAgo: [6] },
    feedback: { everyWeeks: 3 },
  },
  {
    key: "parkway-b",
    employer: "parkway",
    trainer: "trainer",
    framework: "HAIR",
    start: { weeksAgo: 12 },
    plannedWeeks: 24,
    pace: 0.85,
    stipend: [3500, 1000],
    thisWeek: "saved",
    feedback: { everyWeeks: 2 },
    apprentice: { username: "apprentice" },
  },
  {
    key: "parkway-c",
    employer: "parkway",
    trainer: "trainer",
    framework: "HAIR",
    start: { weeksAgo: 8, weekday: 2 },
    plannedWeeks: 24,
    pace: 0.85,
    stipend: [4500, 0],
    educationWeekdays: "1,3",
    apprentice: { under18: true },
  },
  {
    key: "parkway-d",
    employer: "parkway",
    trainer: "trainer",
    framework: "HAIR",
    start: { weeksAgo: 4, weekday: 3 },
    plannedWeeks: 24,
    pace: 0.8,
    stipend: [3000, 2000],
  },
  // Transferred from Apsara Angkor (too few clients) to Parkway's second trainer.
  {
    key: "apsara-early",
    employer: "apsara",
    trainer: "trainer-apsara",
    framework: "HAIR",
    start: { weeksAgo: 16 },
    plannedWeeks: 24,
    pace: 1.0,
    stipend: [4000, 0],
    end: { status: "transferred", weeksAgo: 6, reason: "Transferred to Parkway Beauty Salon: too few clients to practise on." },
  },
  {
    key: "parkway-transfer",
    employer: "parkway",
    trainer: "trainer-parkway2",
    framework: "HAIR",
    start: { weeksAgo: 5 },
    plannedWeeks: 18,
    pace: 0.6,
    stipend: [4000, 1000],
    transferredFrom: "apsara-early",
    thisWeek: "saved",
  },
  // trainer_inactive: Apsara Angkor's trainer has signed nothing for four weeks.
  {
    key: "apsara-a",
    employer: "apsara",
    trainer: "trainer-apsara",
    framework: "HAIR",
    start: { weeksAgo: 14 },
    plannedWeeks: 24,
    pace: 1.0,
    stipend: [3500, 500],
    gaps: { silentDays: 28 },
  },
  {
    key: "apsara-b",
    employer: "apsara",
    trainer: "trainer-apsara",
    framework: "HAIR",
    start: { weeksAgo: 9, weekday: 2 },
    plannedWeeks: 24,
    pace: 1.0,
    stipend: [3500, 500],
    educationWeekdays: "1,3",
    gaps: { silentDays: 28 },
  },
  // education_not_granted: the afternoons lose out to bookings.
  {
    key: "boddhi-a",
    employer: "boddhi",
    trainer: "trainer-boddhi",
    framework: "FBS",
    start: { weeksAgo: 11 },
    plannedWeeks: 16,
    pace: 0.85,
    stipend: [4000, 1500],
    thisWeek: "saved",
    gaps: {
      educationRefusedRecently: [
        "Busy with a wedding booking",
        "Short of staff: two waiters off sick",
        "Busy with a wedding booking",
        "Large group booked for lunch",
      ],
    },
  },
  {
    key: "boddhi-b",
    employer: "boddhi",
    trainer: "trainer-boddhi",
    framework: "COOK",
    start: { weeksAgo: 7, weekday: 2 },
    plannedWeeks: 24,
    pace: 0.85,
    stipend: [3500, 1000],
    gaps: { correctionWeeksAgo: 2 },
    feedback: { everyWeeks: 4 },
  },
  // overdue: housekeeping planned for 6 weeks, now in week 11 and not finished.
  {
    key: "laresidence-a",
    employer: "laResidence",
    trainer: "trainer-la-residence",
    framework: "HSK",
    start: { weeksAgo: 10 },
    plannedWeeks: 6,
    pace: 1.8,
    stipend: [3000, 2000],
  },
  {
    key: "laresidence-b",
    employer: "laResidence",
    trainer: "trainer-la-residence",
    framework: "HSK",
    start: { weeksAgo: 3 },
    plannedWeeks: 8,
    pace: 0.8,
    stipend: [3000, 2000],
    gaps: { educationAttendedDespiteRefusalWeeksAgo: 1 },
  },
  // bulk_signoff: slow ticking, then the rest of the checklist in one sitting last week.
  {
    key: "bluepumpkin-a",
    employer: "bluePumpkin",
    trainer: "trainer-blue-pumpkin",
    framework: "FBS",
    start: { weeksAgo: 12 },
    plannedWeeks: 16,
    pace: 1.8,
    stipend: [4000, 1000],
    gaps: { bulkSignoffWeeksAgo: 1 },
  },
  {
    key: "bluepumpkin-b",
    employer: "bluePumpkin",
    trainer: "trainer-blue-pumpkin",
    framework: "COOK",
    start: { weeksAgo: 15 },
    plannedWeeks: 24,
    pace: 0.85,
    stipend: [4000, 1000],
    thisWeek: "saved",
    feedback: { everyWeeks: 4 },
  },
  // signoff_while_absent, and an afternoon released but missed (education_mismatch).
  {
    key: "hagar-a",
    employer: "hagar",
    trainer: "trainer-hagar-catering",
    framework: "COOK",
    start: { weeksAgo: 17 },
    plannedWeeks: 24,
    pace: 0.85,
    stipend: [4500, 0],
    gaps: { signoffWhileAbsentWeeksAgo: 1 },
  },
  {
    key: "hagar-b",
    employer: "hagar",
    trainer: "trainer-hagar-catering",
    framework: "COOK",
    start: { weeksAgo: 6, weekday: 2 },
    plannedWeeks: 24,
    pace: 0.85,
    stipend: [4500, 0],
    gaps: { educationMissedWeeksAgo: 2 },
  },
  {
    key: "hagar-office",
    employer: "hagar",
    trainer: "trainer-hagar-office",
    framework: "OFFICE",
    start: { weeksAgo: 10 },
    plannedWeeks: 16,
    pace: 0.8,
    stipend: [4000, 1000],
    workingWeekdays: "1,2,3,4,5",
    gaps: { correctionWeeksAgo: 4 },
    feedback: { everyWeeks: 3 },
  },
  // attendance_risk: transport absences.
  {
    key: "so-a",
    employer: "soNutritious",
    trainer: "trainer-so-nutritious",
    framework: "COOK",
    start: { weeksAgo: 13 },
    plannedWeeks: 24,
    pace: 0.85,
    stipend: [4500, 500],
    gaps: { transportAbsencesRecently: 3 },
  },
  {
    key: "so-b",
    employer: "soNutritious",
    trainer: "trainer-so-nutritious",
    framework: "COOK",
    start: { weeksAgo: 5 },
    plannedWeeks: 24,
    pace: 0.85,
    stipend: [4000, 500],
    educationWeekdays: "1,3",
    feedback: { everyWeeks: 3 },
  },
  // behind_plan (urgent) with low feedback; and a trainer two reviews behind (warn).
  {
    key: "gech-a",
    employer: "gech",
    trainer: "trainer-gech",
    framework: "DRESS",
    start: { weeksAgo: 14 },
    plannedWeeks: 26,
    pace: 2.6,
    stipend: [4000, 0],
    feedback: { everyWeeks: 3, concern: "low_mean" },
  },
  {
    key: "gech-b",
    employer: "gech",
    trainer: "trainer-gech",
    framework: "DRESS",
    start: { weeksAgo: 9 },
    plannedWeeks: 26,
    pace: 0.9,
    stipend: [4000, 0],
    gaps: { unreviewedWeeksAgo: [1, 2] },
  },
  // no_weekly_review (urgent); and two unexplained absences plus an "I feel safe" of 2.
  {
    key: "svakum-a",
    employer: "svakum",
    trainer: "trainer-svakum",
    framework: "DRESS",
    start: { weeksAgo: 16 },
    plannedWeeks: 26,
    pace: 0.9,
    stipend: [3500, 1000],
    gaps: { unreviewedWeeksAgo: [1, 2, 3] },
  },
  {
    key: "svakum-b",
    employer: "svakum",
    trainer: "trainer-svakum",
    framework: "DRESS",
    start: { weeksAgo: 8 },
    plannedWeeks: 26,
    pace: 0.85,
    stipend: [3500, 1000],
    gaps: { unexplainedAbsencesWeeksAgo: 1 },
    feedback: { everyWeeks: 2, concern: "unsafe" },
  },
  // Siem Reap: a small, healthy second site.
  {
    key: "sr-a",
    employer: "riverside",
    trainer: "trainer-sr",
    framework: "HSK",
    start: { weeksAgo: 5 },
    plannedWeeks: 8,
    pace: 0.8,
    stipend: [3500, 1000],
  },
  {
    key: "sr-b",
    employer: "riverside",
    trainer: "trainer-sr",
    framework: "FBS",
    start: { weeksAgo: 6 },
    plannedWeeks: 16,
    pace: 0.85,
    stipend: [3500, 1000],
    feedback: { everyWeeks: 3 },
  },
  // Completed placements of earlier intakes, with outcomes (~40% retained by the employer).
  {
    key: "done-parkway",
    employer: "parkway",
    trainer: "trainer",
    framework: "HAIR",
    start: { quartersAgo: 5, weeksAfterIntake: 10 },
    plannedWeeks: 24,
    pace: 0.85,
    stipend: [4000, 1000],
    end: { status: "completed", outcome: "retained_by_employer", salaryCents: 9000, reason: "Completed the framework; the salon offered a job." },
  },
  {
    key: "done-laresidence",
    employer: "laResidence",
    trainer: "trainer-la-residence",
    framework: "HSK",
    start: { quartersAgo: 5, weeksAfterIntake: 9 },
    plannedWeeks: 8,
    pace: 0.8,
    stipend: [3000, 2000],
    end: { status: "completed", outcome: "retained_by_employer", salaryCents: 8000, reason: "Completed; kept on as a room attendant." },
  },
  {
    key: "done-bluepumpkin",
    employer: "bluePumpkin",
    trainer: "trainer-blue-pumpkin",
    framework: "FBS",
    start: { quartersAgo: 5, weeksAfterIntake: 11 },
    plannedWeeks: 16,
    pace: 0.85,
    stipend: [4000, 1000],
    end: {
      status: "completed",
      outcome: "employed_elsewhere",
      salaryCents: 8500,
      reason: "Completed; took a waiting job nearer home.",
      workplace: "Mekong View Restaurant",
    },
  },
  {
    key: "done-gech",
    employer: "gech",
    trainer: "trainer-gech",
    framework: "DRESS",
    start: { quartersAgo: 5, weeksAfterIntake: 10 },
    plannedWeeks: 26,
    pace: 0.85,
    stipend: [4000, 0],
    end: {
      status: "completed",
      outcome: "own_business",
      salaryCents: 7000,
      reason: "Completed; opened a repairs and alterations stall.",
      workplace: "Own stall, Orussey Market",
    },
  },
  {
    key: "done-hagar",
    employer: "hagar",
    trainer: "trainer-hagar-catering",
    framework: "COOK",
    start: { quartersAgo: 4, weeksAfterIntake: 10 },
    plannedWeeks: 24,
    pace: 0.85,
    stipend: [4500, 0],
    end: { status: "completed", outcome: "retained_by_employer", salaryCents: 10000, reason: "Completed; hired as a kitchen assistant." },
  },
  {
    key: "done-boddhi",
    employer: "boddhi",
    trainer: "trainer-boddhi",
    framework: "FBS",
    start: { quartersAgo: 4, weeksAfterIntake: 9 },
    plannedWeeks: 16,
    pace: 0.85,
    stipend: [4000, 1500],
    end: { status: "completed", outcome: "not_employed", salaryCents: null, reason: "Completed; went home to the province to care for a parent." },
  },
  {
    key: "done-svakum",
    employer: "svakum",
    trainer: "trainer-svakum",
    framework: "DRESS",
    start: { quartersAgo: 4, weeksAfterIntake: 10 },
    plannedWeeks: 26,
    pace: 0.85,
    stipend: [3500, 1000],
    end: {
      status: "completed",
      outcome: "employed_elsewhere",
      salaryCents: 7500,
      reason: "Completed; joined a larger workshop.",
      workplace: "Golden Thread Garment Workshop",
    },
  },
  {
    key: "done-so",
    employer: "soNutritious",
    trainer: "trainer-so-nutritious",
    framework: "COOK",
    start: { quartersAgo: 4, weeksAfterIntake: 11 },
    plannedWeeks: 24,
    pace: 0.85,
    stipend: [4500, 500],
    end: {
      status: "completed",
      outcome: "employed_elsewhere",
      salaryCents: 12000,
      reason: "Completed; hired as a cook by a guesthouse.",
      workplace: "Lotus Garden Guesthouse",
    },
  },
  {
    key: "done-office",
    employer: "hagar",
    trainer: "trainer-hagar-office",
    framework: "OFFICE",
    start: { quartersAgo: 3, weeksAfterIntake: 10 },
    plannedWeeks: 16,
    pace: 0.8,
    stipend: [4000, 1000],
    workingWeekdays: "1,2,3,4,5",
    end: {
      status: "completed",
      outcome: "employed_elsewhere",
      salaryCents: 11000,
      reason: "Completed; hired as an office assistant.",
      workplace: "Mekong Microfinance branch office",
    },
  },
  {
    key: "done-laresidence-2",
    employer: "laResidence",
    trainer: "trainer-la-residence",
    framework: "HSK",
    start: { quartersAgo: 3, weeksAfterIntake: 9 },
    plannedWeeks: 8,
    pace: 0.8,
    stipend: [3000, 2000],
    end: { status: "completed", outcome: "retained_by_employer", salaryCents: 8000, reason: "Completed; kept on for the high season." },
  },
];

/** Apprentices with no placement yet (or any more): the newest intake, and one who left. */
const WITHOUT_PLACEMENT: readonly { key: string; site: SiteCode; quartersAgo: number; story: "guidance" | "late_joiner" | "exited" }[] = [
  { key: "new-1", site: "PP", quartersAgo: 0, story: "guidance" },
  { key: "new-2", site: "PP", quartersAgo: 0, story: "guidance" },
  { key: "new-3", site: "PP", quartersAgo: 0, story: "late_joiner" },
  { key: "left-1", site: "PP", quartersAgo: 1, story: "exited" },
  { key: "sr-new", site: "SR", quartersAgo: 0, story: "guidance" },
];

// ---------------------------------------------------------------------------------------------
// Small texts (short, plain; English or Khmer as a trainer or apprentice would write them)

const REFERRALS = ["Hagar shelter", "Commune council", "Partner NGO", "Hagar community programme", "Self-referred"];
const BACKGROUNDS = [
  "Left school after Grade 5; lives with relatives in Phnom Penh.",
  "Came to Phnom Penh from Prey Veng province two years ago.",
  "Supports two younger siblings; first paid work experience.",
  "Completed Grade 6; keen to work with people.",
  "Lives in a shared room near the workplace with a cousin.",
  "Finished work readiness with strong attendance; quiet but determined.",
];
const PLAN_BY_TRADE: Record<FrameworkCode, { goals: string; nextSteps: string }[]> = {
  HAIR: [
    { goals: "Open a small salon in my home village.", nextSteps: "Practise colouring. Save $10 every month." },
    { goals: "ចង់បើកហាងកាត់សក់ផ្ទាល់ខ្លួន", nextSteps: "ហាត់លាបពណ៌សក់ និងសន្សំលុយ" },
  ],
  HSK: [
    { goals: "Work in a big hotel as a room attendant.", nextSteps: "Learn bed-making for the large suites." },
    { goals: "ចង់ធ្វើការនៅសណ្ឋាគារធំ", nextSteps: "រៀនភាសាអង់គ្លេសពេលល្ងាច" },
  ],
  FBS: [
    { goals: "Become a head waiter.", nextSteps: "Learn the wine list. Practise English with guests." },
    { goals: "ចង់ធ្វើជាអ្នកបម្រើភ្ញៀវជំនាញ", nextSteps: "ហាត់និយាយភាសាអង់គ្លេសជាមួយភ្ញៀវ" },
  ],
  COOK: [
    { goals: "Cook in a restaurant kitchen, then open a food stall.", nextSteps: "Learn three Khmer soups by heart." },
    { goals: "ចង់ក្លាយជាចុងភៅ", nextSteps: "រៀនធ្វើម្ហូបខ្មែរបីមុខ" },
  ],
  DRESS: [
    { goals: "Have my own tailoring stall at the market.", nextSteps: "Buy a second-hand sewing machine." },
    { goals: "ចង់មានតូបដេរខោអាវផ្ទាល់ខ្លួន", nextSteps: "ហាត់វាស់ខ្នាត និងកាត់សំពត់" },
  ],
  OFFICE: [
    { goals: "Work as an office assistant in an NGO.", nextSteps: "Practise typing in Khmer and English." },
    { goals: "ចង់ធ្វើការនៅការិយាល័យ", nextSteps: "ហាត់វាយអក្សរលើកុំព្យូទ័រ" },
  ],
};
const EVIDENCE: Record<AssessmentLevel, readonly (string | null)[]> = {
  not_yet: ["Tried it once; not ready yet.", null],
  with_help: ["Did it with me alongside.", "Needed reminders at each step.", "ធ្វើបានដោយមានជំនួយ", null],
  supervised: ["Did it alone while I watched.", "Small mistakes; put them right alone.", "ធ្វើបានពេលខ្ញុំមើល", null],
  independent: ["Did it alone for three clients.", "Good work, no help needed.", "ធ្វើបានល្អដោយខ្លួនឯង", "Checked twice; to standard.", null],
};
const REVIEW_NOTES = ["Good week.", "Busy week; steady progress.", "សប្តាហ៍នេះល្អ", null, null, null];
const LATE_NOTES = ["Traffic", "Bus was late", "Rain", null];
const FEEDBACK_COMMENTS = [
  "My trainer is patient.",
  "I learn something new every day.",
  "ខ្ញុំចូលចិត្តការងារនេះ",
  "I want more practice with customers.",
  "គ្រូបង្ហាត់ពន្យល់ច្បាស់",
  null,
  null,
  null,
];

// ---------------------------------------------------------------------------------------------
// The seed

interface CompetencyPlan {
  id: number;
  expectedByWeek: number;
}

interface ResolvedPlacement {
  profile: PlacementProfile;
  site: SiteCode;
  id: number;
  apprenticeId: number;
  apprenticeUserId: number | null;
  trainerUserId: number;
  startDate: string;
  endedOn: string | null;
  competencies: readonly CompetencyPlan[];
}

export function seedDemo(db: DB, options: { today: string; seed?: number }): SeedSummary {
  const { today, seed = 1 } = options;
  if (!isIsoDate(today)) throw new RangeError(`seedDemo: today must be YYYY-MM-DD, got ${today}`);

  let apprenticeCode = "";
  db.transaction((tx) => {
    // The transaction has the same synchronous query API as the database the factories take.
    apprenticeCode = new DemoBuilder(tx as unknown as DB, today, seed).build();
  });

  return {
    accounts: [
      { username: "staff", role: "staff", description: ACCOUNT_DESCRIPTIONS.staff },
      { username: "staff-sr", role: "staff", description: ACCOUNT_DESCRIPTIONS["staff-sr"] },
      { username: "admin", role: "admin", description: ACCOUNT_DESCRIPTIONS.admin },
      { username: "trainer", role: "trainer", description: ACCOUNT_DESCRIPTIONS.trainer },
      {
        username: "apprentice",
        role: "apprentice",
        description: `Apprentice ${apprenticeCode}, one of trainer's hairdressing apprentices at Parkway Beauty Salon.`,
      },
    ],
    counts: countRows(db),
  };
}

const COUNTED_TABLES = {
  sites,
  public_holidays: publicHolidays,
  intakes,
  employers,
  users,
  apprentices,
  phase_changes: phaseChanges,
  consents,
  career_plans: careerPlans,
  career_plan_comments: careerPlanComments,
  frameworks,
  framework_versions: frameworkVersions,
  framework_units: frameworkUnits,
  competencies,
  placements,
  weekly_reviews: weeklyReviews,
  assessments,
  attendance,
  advance_notices: advanceNotices,
  education_afternoons: educationAfternoons,
  education_events: educationEvents,
  feedback,
  manual_statuses: manualStatuses,
  follow_up_notes: followUpNotes,
  outcome_checkins: outcomeCheckins,
  flags,
  audit_events: auditEvents,
};

function countRows(db: DB): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(COUNTED_TABLES)) {
    out[name] = db.select({ n: count() }).from(table).get()?.n ?? 0;
  }
  return out;
}

interface IntakeRow {
  id: number;
  name: string;
  startsOn: string;
}

class DemoBuilder {
  private readonly thisMonday: string;
  private readonly siteIds = new Map<SiteCode, number>();
  private readonly holidays = new Map<SiteCode, Set<string>>();
  private readonly userIds = new Map<string, number>();
  private readonly employerIds = new Map<EmployerKey, number>();
  private readonly frameworks = new Map<FrameworkCode, { versionId: number; competencies: CompetencyPlan[] }>();
  /** Per site, oldest first. */
  private readonly intakes = new Map<SiteCode, IntakeRow[]>();
  private readonly codeCounters = new Map<string, number>();
  private readonly resolved = new Map<string, ResolvedPlacement>();
  /** Each trainer's `independent` sign-off dates so far, across all their placements. */
  private readonly signoffsByTrainer = new Map<number, string[]>();
  private nameIndex = 0;

  constructor(
    private readonly db: DB,
    private readonly today: string,
    private readonly seed: number,
  ) {
    this.thisMonday = mondayOf(today);
  }

  /** Builds everything; returns the demo apprentice's code. */
  build(): string {
    this.createSitesAndHolidays();
    this.createStaff();
    this.createEmployersAndTrainers();
    this.createFrameworks();
    this.createIntakes();
    for (const profile of this.orderedProfiles()) this.createPlacementWithHistory(profile);
    for (const person of WITHOUT_PLACEMENT) this.createApprenticeWithoutPlacement(person);
    this.createStaffRecords();
    const demo = this.resolved.get("parkway-b");
    if (!demo) throw new Error("the demo apprentice's placement is missing");
    return this.db.select({ code: apprentices.code }).from(apprentices).where(eq(apprentices.id, demo.apprenticeId)).get()?.code ?? "";
  }

  private user(username: string): number {
    const id = this.userIds.get(username);
    if (id === undefined) throw new Error(`seed: no user ${username}`);
    return id;
  }

  private staffOf(site: SiteCode): number {
    return this.user(site === "PP" ? "staff" : "staff-sr");
  }

  private weekStart(weeksAgo: number): string {
    return addDays(this.thisMonday, -7 * weeksAgo);
  }

  // --- organisations ------------------------------------------------------------------------

  private createSitesAndHolidays() {
    for (const code of ["PP", "SR"] as const) {
      const site = createSite(this.db, { code, ...SITES[code] });
      this.siteIds.set(code, site.id);
      for (const h of PUBLIC_HOLIDAYS) createHoliday(this.db, { siteId: site.id, ...h });
      this.holidays.set(code, new Set(PUBLIC_HOLIDAYS.map((h) => h.date)));
    }
  }

  private createStaff() {
    const make = (username: Username, role: Role, siteId: number | null) =>
      this.userIds.set(username, createUser(this.db, { role, username, displayName: STAFF_AND_TRAINER_NAMES[username], siteId, password: DEMO_PASSWORD }).id);
    make("admin", "admin", null);
    make("staff", "staff", this.siteId("PP"));
    make("staff-sr", "staff", this.siteId("SR"));
  }

  private employerId(key: EmployerKey): number {
    const id = this.employerIds.get(key);
    if (id === undefined) throw new Error(`seed: no employer ${key}`);
    return id;
  }

  private siteId(code: SiteCode): number {
    const id = this.siteIds.get(code);
    if (id === undefined) throw new Error(`seed: no site ${code}`);
    return id;
  }

  private createEmployersAndTrainers() {
    for (const [key, e] of Object.entries(EMPLOYERS) as [EmployerKey, (typeof EMPLOYERS)[EmployerKey]][]) {
      const firstTrainer = TRAINERS.find((t) => t.employer === key);
      const row = createEmployer(this.db, {
        siteId: this.siteId(e.site),
        name: e.name,
        sector: e.sector,
        district: e.district,
        contactName: firstTrainer ? STAFF_AND_TRAINER_NAMES[firstTrainer.username] : null,
      });
      this.employerIds.set(key, row.id);
    }
    for (const t of TRAINERS) {
      const employer = EMPLOYERS[t.employer];
      const row = createUser(this.db, {
        role: "trainer",
        username: t.username,
        displayName: STAFF_AND_TRAINER_NAMES[t.username],
        siteId: this.siteId(employer.site),
        employerId: this.employerId(t.employer),
        password: DEMO_PASSWORD,
      });
      this.userIds.set(t.username, row.id);
    }
  }

  private createFrameworks() {
    for (const fw of FRAMEWORKS) {
      const made = createFramework(this.db, fw);
      this.frameworks.set(fw.code as FrameworkCode, {
        versionId: made.version.id,
        competencies: made.competencies.map((c) => ({ id: c.id, expectedByWeek: c.expectedByWeek })),
      });
    }
    for (const code of ["HAIR", "HSK", "FBS", "COOK", "DRESS", "OFFICE"] as const) {
      if (!this.frameworks.has(code)) throw new Error(`seed: FRAMEWORKS has no ${code}`);
    }
  }

  /**
   * Four intakes a year, starting on the first Monday of each quarter. Phnom Penh keeps the six
   * most recent that began at least a week ago (with today in late 2026: 2025 Intake 3 to 2026
   * Intake 4); Siem Reap, new to the programme, has its first intake.
   */
  private createIntakes() {
    const year = Number(this.today.slice(0, 4));
    const quarterStarts: { name: string; startsOn: string }[] = [];
    for (let y = year - 2; y <= year; y++) {
      for (let q = 1; q <= 4; q++) {
        const first = `${y}-${String(q * 3 - 2).padStart(2, "0")}-01`;
        const monday = addDays(first, (8 - isoWeekday(first)) % 7);
        if (monday <= addDays(this.today, -7)) quarterStarts.push({ name: `${y} Intake ${q}`, startsOn: monday });
      }
    }
    const pp = quarterStarts.slice(-6).map((i) => createIntake(this.db, { siteId: this.siteId("PP"), ...i }));
    this.intakes.set("PP", pp);
    const srStart = pp[pp.length - 2]?.startsOn ?? addDays(this.today, -120);
    this.intakes.set("SR", [createIntake(this.db, { siteId: this.siteId("SR"), name: `${srStart.slice(0, 4)} Intake 1`, startsOn: srStart })]);
  }

  /** The intake `quartersAgo` back (0 = the newest). */
  private intakeBack(site: SiteCode, quartersAgo: number): IntakeRow {
    const list = this.intakes.get(site) ?? [];
    const row = list[Math.max(0, list.length - 1 - quartersAgo)];
    if (!row) throw new Error(`seed: no intakes at ${site}`);
    return row;
  }

  /** The latest intake whose six weeks of work readiness and some guidance fit before `start`. */
  private intakeBefore(site: SiteCode, start: string): IntakeRow {
    const list = this.intakes.get(site) ?? [];
    const fitting = list.filter((i) => i.startsOn <= addDays(start, -49));
    const row = fitting[fitting.length - 1] ?? list[0];
    if (!row) throw new Error(`seed: no intakes at ${site}`);
    return row;
  }

  // --- apprentices ----------------------------------------------------------------------------

  /** Completed (oldest) first, so codes within an intake year follow the intakes' order. */
  private orderedProfiles(): PlacementProfile[] {
    const startOf = (p: PlacementProfile) => this.startDateOf(p);
    return [...PLACEMENTS].sort((a, b) => {
      const ia = this.intakeFor(a).startsOn;
      const ib = this.intakeFor(b).startsOn;
      return ia === ib ? startOf(a).localeCompare(startOf(b)) : ia.localeCompare(ib);
    });
  }

  private siteOfProfile(p: PlacementProfile): SiteCode {
    return EMPLOYERS[p.employer].site;
  }

  private startDateOf(p: PlacementProfile): string {
    if ("weeksAgo" in p.start) return addDays(this.weekStart(p.start.weeksAgo), (p.start.weekday ?? 1) - 1);
    return addDays(this.intakeBack(this.siteOfProfile(p), p.start.quartersAgo).startsOn, 7 * p.start.weeksAfterIntake);
  }

  private intakeFor(p: PlacementProfile): IntakeRow {
    const first = p.transferredFrom ? PLACEMENTS.find((q) => q.key === p.transferredFrom) : p;
    if (!first) throw new Error(`seed: unknown profile ${p.transferredFrom}`);
    const site = this.siteOfProfile(first);
    if (site === "SR") return this.intakeBack("SR", 0);
    if ("quartersAgo" in first.start) return this.intakeBack(site, first.start.quartersAgo);
    return this.intakeBefore(site, this.startDateOf(first));
  }

  private nextCode(site: SiteCode, intake: IntakeRow): string {
    const prefix = `${site}-${intake.name.slice(2, 4)}`;
    const n = (this.codeCounters.get(prefix) ?? 0) + 1;
    this.codeCounters.set(prefix, n);
    return `${prefix}-${String(n).padStart(3, "0")}`;
  }

  /** Adults are 19–29 today and at least 18 at `firstStart`; `under18` is 17 at the start and still today. */
  private dateOfBirth(rng: Rng, firstStart: string, under18: boolean): string {
    if (under18) return yearsBefore(addDays(this.today, 100), 18);
    const birthday = `${String(rng.int(1, 12)).padStart(2, "0")}-${String(rng.int(1, 28)).padStart(2, "0")}`;
    let dob = `${Number(this.today.slice(0, 4)) - rng.int(19, 29)}-${birthday}`;
    while (ageOn(dob, firstStart) < 18) dob = yearsBefore(dob, 1);
    return dob;
  }

  private newApprentice(
    site: SiteCode,
    intake: IntakeRow,
    key: string,
    firstStart: string,
    phase: Phase,
    account: { username?: string; under18?: boolean } | null,
    joinedOn: string = intake.startsOn,
  ): { id: number; userId: number | null } {
    const rng = new Rng(this.seed ^ hashString(`person:${key}`));
    const name = APPRENTICE_NAMES[this.nameIndex % APPRENTICE_NAMES.length];
    this.nameIndex += 1;
    if (!name) throw new Error("seed: no names");
    const values = {
      siteId: this.siteId(site),
      intakeId: intake.id,
      code: this.nextCode(site, intake),
      preferredName: name.preferredName,
      legalName: name.legalName,
      gender: name.gender,
      dateOfBirth: this.dateOfBirth(rng, firstStart, account?.under18 ?? false),
      referralSource: rng.pick(REFERRALS),
      background: rng.pick(BACKGROUNDS),
      phase,
    };
    if (!account) {
      const apprentice = createApprentice(this.db, values);
      this.recordConsents(apprentice.id, site, joinedOn, rng);
      return { id: apprentice.id, userId: null };
    }
    const { apprentice, user } = createApprenticeWithUser(this.db, values, {
      ...(account.username ? { username: account.username } : {}),
      password: DEMO_PASSWORD,
    });
    this.userIds.set(user.username, user.id);
    this.recordConsents(apprentice.id, site, joinedOn, rng);
    return { id: apprentice.id, userId: user.id };
  }

  /** Informed consent asked at intake: legal name for about half, photo and story for a few. */
  private recordConsents(apprenticeId: number, site: SiteCode, on: string, rng: Rng) {
    const recordedBy = this.staffOf(site);
    const answers = { share_legal_name: rng.chance(0.5), photo: rng.chance(0.25), story: rng.chance(0.15) };
    for (const [item, granted] of Object.entries(answers) as [keyof typeof answers, boolean][]) {
      this.db
        .insert(consents)
        .values({ apprenticeId, item, granted, recordedBy, recordedAt: at(on, "09:30") })
        .run();
    }
  }

  private phaseHistory(apprenticeId: number, site: SiteCode, steps: [Phase, string, string?][]) {
    const recordedBy = this.staffOf(site);
    for (const [phase, changedOn, note] of steps) {
      if (changedOn > this.today) continue;
      this.db
        .insert(phaseChanges)
        .values({ apprenticeId, phase, changedOn, recordedBy, note: note ?? null, createdAt: at(changedOn, "10:00") })
        .run();
    }
  }

  private createApprenticeWithoutPlacement(person: (typeof WITHOUT_PLACEMENT)[number]) {
    const intake = this.intakeBack(person.site, person.quartersAgo);
    const joined = person.story === "late_joiner" ? addDays(intake.startsOn, 14) : intake.startsOn;
    const guidanceOn = addDays(joined, 42);
    const exitedOn = addDays(joined, 23);
    const phase: Phase = person.story === "exited" ? "exited" : guidanceOn <= this.today ? "guidance" : "work_readiness";
    const { id } = this.newApprentice(person.site, intake, person.key, this.today, phase, null, joined);
    const steps: [Phase, string, string?][] = [["work_readiness", joined, person.story === "late_joiner" ? "Joined the intake two weeks late." : undefined]];
    if (person.story === "exited") steps.push(["exited", exitedOn, "Moved back to the home province with family."]);
    else steps.push(["guidance", guidanceOn]);
    this.phaseHistory(id, person.site, steps);
    if (phase === "guidance") {
      const plan = PLAN_BY_TRADE[new Rng(this.seed ^ hashString(person.key)).pick(["HAIR", "COOK", "FBS"] as const)][0];
      if (plan) createCareerPlan(this.db, { apprenticeId: id, ...plan, updatedAt: at(addDays(this.today, -3), "15:00") });
    }
  }

  // --- placements -----------------------------------------------------------------------------

  private createPlacementWithHistory(p: PlacementProfile) {
    const site = this.siteOfProfile(p);
    const fw = this.frameworks.get(p.framework);
    if (!fw) throw new Error(`seed: no framework ${p.framework}`);
    const startDate = this.startDateOf(p);
    const intake = this.intakeFor(p);
    const rng = new Rng(this.seed ^ hashString(p.key));

    let endedOn: string | null = null;
    if (p.end?.status === "completed") endedOn = addDays(startDate, 7 * p.plannedWeeks - 3);
    if (p.end?.status === "transferred") endedOn = addDays(this.weekStart(p.end.weeksAgo), 4);
    if (endedOn !== null && endedOn >= this.today) throw new Error(`seed: ${p.key} would end in the future`);

    let apprenticeId: number;
    let apprenticeUserId: number | null;
    const from = p.transferredFrom ? this.resolved.get(p.transferredFrom) : undefined;
    if (p.transferredFrom) {
      if (!from || from.endedOn === null || from.endedOn >= startDate) throw new Error(`seed: bad transfer into ${p.key}`);
      apprenticeId = from.apprenticeId;
      apprenticeUserId = from.apprenticeUserId;
    } else {
      const active = p.end === undefined || p.end.status === "transferred";
      const phase: Phase = !p.end || p.end.status === "transferred" ? "apprenticeship" : outcomePhase(p.end.outcome);
      const made = this.newApprentice(site, intake, p.key, startDate, phase, active ? { ...p.apprentice } : null);
      apprenticeId = made.id;
      apprenticeUserId = made.userId;
      const guidanceOn = addDays(intake.startsOn, 42) < startDate ? addDays(intake.startsOn, 42) : addDays(startDate, -7);
      const steps: [Phase, string, string?][] = [
        ["work_readiness", intake.startsOn],
        ["guidance", guidanceOn],
        ["apprenticeship", startDate, `Started at ${EMPLOYERS[p.employer].name}.`],
      ];
      if (p.end?.status === "completed" && endedOn) steps.push([outcomePhase(p.end.outcome), endedOn]);
      this.phaseHistory(apprenticeId, site, steps);
      const plan = rng.pick(PLAN_BY_TRADE[p.framework]);
      if (active || rng.chance(0.5)) {
        createCareerPlan(this.db, { apprenticeId, ...plan, updatedAt: at(addDays(startDate, rng.int(3, 20)), "19:00") });
      }
    }

    const ending = p.end;
    const row = createPlacement(this.db, {
      apprenticeId,
      employerId: this.employerId(p.employer),
      trainerUserId: this.user(p.trainer),
      frameworkVersionId: fw.versionId,
      startDate,
      plannedWeeks: p.plannedWeeks,
      workingWeekdays: p.workingWeekdays ?? "1,2,3,4,5,6",
      educationWeekdays: p.educationWeekdays ?? "2,4",
      stipendHagarCents: p.stipend[0],
      stipendEmployerCents: p.stipend[1],
      status: ending ? ending.status : "active",
      endedOn,
      outcome: ending?.status === "completed" ? ending.outcome : null,
      endReason: ending ? ending.reason : null,
      startingSalaryCents: ending?.status === "completed" ? ending.salaryCents : null,
      transferredFromId: from?.id ?? null,
      createdBy: this.staffOf(site),
      createdAt: at(addDays(startDate, -7), "11:00"),
    });

    const resolved: ResolvedPlacement = {
      profile: p,
      site,
      id: row.id,
      apprenticeId,
      apprenticeUserId,
      trainerUserId: this.user(p.trainer),
      startDate,
      endedOn,
      competencies: fw.competencies,
    };
    this.resolved.set(p.key, resolved);
    const trainerSignoffs = this.signoffsByTrainer.get(resolved.trainerUserId) ?? [];
    this.signoffsByTrainer.set(resolved.trainerUserId, trainerSignoffs);
    new HistoryGenerator(this.db, this.today, resolved, {
      holidays: this.holidays.get(site) ?? new Set(),
      educationStaff: this.staffOf(site),
      trainerSignoffs,
      rng,
    }).run();
    if (p.feedback) this.writeFeedback(resolved, p.feedback, rng);
    if (ending?.status === "completed") this.writeOutcomeCheckins(resolved, ending, rng);
  }

  private writeFeedback(r: ResolvedPlacement, f: NonNullable<PlacementProfile["feedback"]>, rng: Rng) {
    const last = addDays(this.today, -1);
    const dates: string[] = [];
    for (let d = addDays(mondayOf(r.startDate), 7 * f.everyWeeks - 3); d <= last; d = addDays(d, 7 * f.everyWeeks)) {
      dates.push(d);
    }
    // A concern is only live when it is recent: the latest response is within the last few days.
    if (f.concern && (dates.length === 0 || (dates[dates.length - 1] ?? "") < addDays(this.today, -7))) dates.push(addDays(this.today, -3));
    dates.forEach((date, i) => {
      const latest = i === dates.length - 1;
      const normal = () => (rng.chance(0.55) ? 5 : rng.chance(0.75) ? 4 : 3);
      let ratings: [number, number, number, number] = [normal(), normal(), normal(), normal()];
      let comment = rng.pick(FEEDBACK_COMMENTS);
      if (f.concern === "low_mean") {
        // Every response of this placement is low, so any reading of "mean ≤ 2" finds it.
        ratings = rng
          .pick([
            [2, 2, 1, 3],
            [1, 2, 2, 3],
            [2, 1, 2, 3],
          ] as const)
          .slice() as [number, number, number, number];
        comment = latest ? "My trainer has no time to show me. I only sweep and fold." : rng.pick(["I do not learn much.", null]);
      } else if (f.concern === "unsafe" && latest) {
        ratings = [4, 3, 3, 2];
        comment = "I finish late and walk home alone in the dark.";
      }
      recordFeedback(this.db, {
        placementId: r.id,
        explainsRating: ratings[0],
        learningRating: ratings[1],
        fairnessRating: ratings[2],
        safetyRating: ratings[3],
        comment,
        submittedAt: at(date, "19:30"),
      });
    });
  }

  /** Check-ins at 3 and 6 (and 12) months after the end, where that time has passed. */
  private writeOutcomeCheckins(r: ResolvedPlacement, end: Extract<Ending, { status: "completed" }>, rng: Rng) {
    if (!r.endedOn) return;
    for (const months of [3, 6, 12] as const) {
      const checkedOn = addDays(r.endedOn, Math.round(months * 30.4) + rng.int(0, 6));
      if (checkedOn >= this.today) break;
      const employed = end.outcome !== "not_employed";
      this.db
        .insert(outcomeCheckins)
        .values({
          apprenticeId: r.apprenticeId,
          months,
          checkedOn,
          employed,
          employerName: employed ? (end.workplace ?? EMPLOYERS[r.profile.employer].name) : null,
          monthlySalaryCents: employed && end.salaryCents !== null ? end.salaryCents + (months >= 6 ? 500 : 0) : null,
          note: employed ? (months >= 6 ? "Still there; salary went up a little." : "Settled in well.") : "Caring for a parent; may look for work next year.",
          recordedBy: this.staffOf(r.site),
          createdAt: at(checkedOn, "14:00"),
        })
        .run();
    }
  }

  // --- what staff keep: manual status, follow-up notes, comments, notices, a withdrawn consent ---

  private placementOf(key: string): ResolvedPlacement {
    const r = this.resolved.get(key);
    if (!r) throw new Error(`seed: no placement ${key}`);
    return r;
  }

  private createStaffRecords() {
    const staff = this.user("staff");
    const day = (n: number) => addDays(this.today, -n);
    const status = (key: string, s: "green" | "amber" | "red", daysAgo: number, reason: string) => {
      const statusDate = day(daysAgo);
      this.db
        .insert(manualStatuses)
        .values({
          placementId: this.placementOf(key).id,
          status: s,
          reason,
          statusDate,
          // Red asks for a follow-up visit within a week (docs/product.md §3).
          followUpDueOn: s === "red" ? addDays(statusDate, 7) : null,
          setBy: staff,
          createdAt: at(statusDate, "16:00"),
        })
        .run();
    };
    status("parkway-b", "green", 20, "Settled well; trainer engaged and reviewing every week.");
    status("gech-a", "amber", 12, "Behind plan; trainer says the workshop is busy with wedding orders.");
    status("gech-a", "red", 2, "No progress for weeks and low feedback. Visit the workshop.");
    status("so-a", "amber", 6, "Absences: transport. Bicycle request sent to the Career Services Team.");
    status("svakum-a", "red", 4, "No weekly review for three weeks; the trainer does not answer calls.");
    status("bluepumpkin-a", "amber", 3, "Whole checklist ticked in one sitting. Check with the trainer.");

    const note = (key: string, kind: (typeof followUpNotes.$inferInsert)["kind"], daysAgo: number, body: string, withPlacement = true) => {
      const r = this.placementOf(key);
      this.db
        .insert(followUpNotes)
        .values({
          apprenticeId: r.apprenticeId,
          placementId: withPlacement ? r.id : null,
          kind,
          occurredOn: day(daysAgo),
          body,
          authorUserId: this.staffOf(r.site),
          createdAt: at(day(daysAgo), "17:00"),
        })
        .run();
    };
    note("so-a", "call", 6, "Called: the moto-taxi money runs out before the stipend is paid. Discussed a bicycle.");
    note("gech-a", "visit", 11, "Visited the workshop. The trainer is busy with orders; agreed 30 minutes a day of guided practice.");
    note(
      "svakum-b",
      "counselling_referral",
      2,
      "Worried about walking home after late shifts. Referred to counselling; asked the employer about shift end times.",
    );
    note("laresidence-a", "employer_discussion", 5, "Agreed with the housekeeper to extend by three weeks to finish room inspection skills.");
    note("done-boddhi", "call", 30, "Check-in call: caring for a parent in Takeo; would like to work again next year.", false);
    note("done-gech", "visit", 45, "Visited the new alterations stall at the market. Busy on weekends.", false);

    const comment = (key: string, daysAgo: number, body: string) =>
      this.db
        .insert(careerPlanComments)
        .values({ apprenticeId: this.placementOf(key).apprenticeId, authorUserId: staff, body, createdAt: at(day(daysAgo), "15:30") })
        .run();
    comment("parkway-b", 9, "Good plan. Shall we look at the evening English class together?");
    comment("hagar-office", 15, "ផែនការល្អណាស់ សូមបន្តហាត់វាយអក្សរ");

    // The apprentice reports ahead; the trainer sees it on the day.
    const notice = (key: string, date: string, kind: "late" | "absent", reason: AbsenceReason, text: string) =>
      this.db
        .insert(advanceNotices)
        .values({ placementId: this.placementOf(key).id, date, kind, reason, note: text, createdAt: at(addDays(date, -1), "20:15") })
        .run();
    notice("parkway-b", this.today, "late", "transport", "The bus is late on this route.");
    notice("parkway-a", addDays(this.today, 1), "absent", "family", "My cousin's wedding in Kandal.");

    // A consent given at intake and later withdrawn: every use of a photo must check the latest.
    const withdrawn = this.placementOf("bluepumpkin-b").apprenticeId;
    this.db
      .insert(consents)
      .values({ apprenticeId: withdrawn, item: "photo", granted: true, recordedBy: staff, recordedAt: at(day(60), "10:00") })
      .run();
    this.db
      .insert(consents)
      .values({
        apprenticeId: withdrawn,
        item: "photo",
        granted: false,
        recordedBy: staff,
        recordedAt: at(day(25), "10:00"),
        note: "Does not want photos shared any more.",
      })
      .run();
  }
}

function outcomePhase(outcome: PlacementOutcome): Phase {
  if (outcome === "own_business") return "business";
  if (outcome === "not_employed") return "follow_up";
  return "employed";
}

// ---------------------------------------------------------------------------------------------
// One placement's history, week by week

/** One below bulk_signoff's "≥ 8 competencies within 7 days" for a trainer. */
const TRAINER_WEEK_CAP = 7;

const LEVEL = { not_yet: 0, with_help: 1, supervised: 2, independent: 3 } as const satisfies Record<AssessmentLevel, number>;

interface CompetencyState {
  id: number;
  expectedByWeek: number;
  /** Highest level recorded so far (-1: never assessed). */
  level: number;
  /** The placement week in which each level is reached (index = level). */
  plan: [number, number, number, number];
}

type DayRecord = { status: "present" | "late" | "absent" | "leave" | "holiday" };

class HistoryGenerator {
  private readonly p: PlacementProfile;
  private readonly gaps: Gaps;
  private readonly working: number[];
  private readonly education: number[];
  private readonly thisMonday: string;
  /** The last day with records: the day before today, or the end of the placement. */
  private readonly lastDay: string;
  private readonly states: CompetencyState[];
  /** Absences decided up front (the gaps) and as they happen, to keep random ones apart. */
  private readonly absences = new Map<string, { reason: AbsenceReason; note: string | null }>();
  private readonly randomAbsenceDates: string[] = [];
  private readonly lateDates: string[] = [];
  private readonly refusalDates: string[] = [];
  private recentAfternoons = 0;
  private readonly signoffAbsentDay: string | null;
  /** Most `independent` sign-offs this placement may get within any 7 days. */
  private readonly placementCap: number;
  private readonly independentDates: string[] = [];
  private readonly holidays: ReadonlySet<string>;
  private readonly educationStaff: number;
  private readonly trainerSignoffs: string[];
  private readonly rng: Rng;

  constructor(
    private readonly db: DB,
    private readonly today: string,
    private readonly r: ResolvedPlacement,
    deps: { holidays: ReadonlySet<string>; educationStaff: number; trainerSignoffs: string[]; rng: Rng },
  ) {
    this.holidays = deps.holidays;
    this.educationStaff = deps.educationStaff;
    this.trainerSignoffs = deps.trainerSignoffs;
    this.rng = deps.rng;
    this.p = r.profile;
    this.gaps = this.p.gaps ?? {};
    this.working = parseWeekdays(this.p.workingWeekdays ?? "1,2,3,4,5,6");
    this.education = parseWeekdays(this.p.educationWeekdays ?? "2,4");
    this.thisMonday = mondayOf(today);
    const yesterday = addDays(today, -1);
    this.lastDay = r.endedOn !== null && r.endedOn < yesterday ? r.endedOn : yesterday;
    // Short frameworks would trip bulk_signoff's "40% of a framework within 7 days" in a normal
    // week: a trainer ticks just under that share, and the rest the week after.
    this.placementCap = Math.max(1, Math.ceil(0.4 * r.competencies.length) - 1);
    this.states = r.competencies.map((c) => this.planFor(c));
    this.signoffAbsentDay = this.planSpecialAbsences();
  }

  /** The pace model: independent around week round(e × pace), supervised and with help before. */
  private planFor(c: CompetencyPlan): CompetencyState {
    const e = c.expectedByWeek;
    const wI = Math.max(1, Math.round(e * this.p.pace + (this.rng.float() - 0.5) * 0.8));
    const wS = Math.max(1, wI - 1 - (e >= 8 ? 1 : 0));
    const wH = Math.max(1, wS - 1 - Math.floor(e / 6));
    // Now and then a trainer records "not yet" on a later skill first tried early.
    const wN = e >= 10 && this.rng.chance(0.3) && wH > 2 ? wH - 2 : Number.POSITIVE_INFINITY;
    return { id: c.id, expectedByWeek: e, level: -1, plan: [wN, wH, wS, wI] };
  }

  private weeksAgo(monday: string): number {
    return daysBetween(monday, this.thisMonday) / 7;
  }

  private daysOfWeek(monday: string): string[] {
    return workingDaysOfWeek(monday, this.working, this.holidays).filter((d) => d >= this.r.startDate && d <= this.lastDay);
  }

  private isEducationDay(d: string): boolean {
    return this.education.includes(isoWeekday(d));
  }

  private silent(d: string): boolean {
    return this.gaps.silentDays !== undefined && d > addDays(this.today, -this.gaps.silentDays);
  }

  /** Absences that make a flag, fixed before the week-by-week walk; returns the sign-off-while-absent day. */
  private planSpecialAbsences(): string | null {
    const g = this.gaps;
    if (g.transportAbsencesRecently) {
      const from = addDays(this.today, -27);
      const candidates = mondaysBetween(from, this.lastDay)
        .flatMap((m) => this.daysOfWeek(m))
        .filter((d) => d >= from && !this.isEducationDay(d));
      const n = g.transportAbsencesRecently;
      const step = Math.max(1, Math.floor(candidates.length / n));
      const notes = ["The moto-taxi did not come.", null, "No money left for the bus fare."];
      for (let i = 0; i < n; i++) {
        const d = candidates[Math.min(candidates.length - 1, i * step + 1)];
        if (d) this.absences.set(d, { reason: "transport", note: notes[i % notes.length] ?? null });
      }
    }
    if (g.unexplainedAbsencesWeeksAgo !== undefined) {
      const days = this.daysOfWeek(addDays(this.thisMonday, -7 * g.unexplainedAbsencesWeeksAgo));
      for (let i = days.length - 2; i >= 0; i--) {
        const [a, b] = [days[i], days[i + 1]];
        if (a && b && !this.isEducationDay(a) && !this.isEducationDay(b)) {
          // "Unexplained": the trainer knows no reason; the rule reads reason other with no note.
          this.absences.set(a, { reason: "other", note: null });
          this.absences.set(b, { reason: "other", note: null });
          break;
        }
      }
    }
    if (g.signoffWhileAbsentWeeksAgo !== undefined) {
      const days = this.daysOfWeek(addDays(this.thisMonday, -7 * g.signoffWhileAbsentWeeksAgo)).filter((d) => !this.isEducationDay(d));
      const d = days[Math.floor(days.length / 2)];
      if (d) {
        this.absences.set(d, { reason: "illness", note: "Phoned in sick." });
        return d;
      }
    }
    return null;
  }

  run() {
    if (this.lastDay < this.r.startDate) return;
    mondaysBetween(this.r.startDate, this.lastDay).forEach((monday, i) => this.writeWeek(monday, i + 1));
  }

  private writeWeek(monday: string, week: number) {
    const weeksAgo = this.weeksAgo(monday);
    const current = weeksAgo === 0 && this.r.endedOn === null;
    const state: WeekState = current ? (this.p.thisWeek ?? "not_started") : "reviewed";
    // "Not started": the trainer has recorded nothing yet this week.
    if (state === "not_started") return;

    const days = this.daysOfWeek(monday);
    const byDay = new Map<string, DayRecord>();
    for (const d of days) {
      if (this.silent(d)) continue;
      byDay.set(d, this.writeAttendance(d));
    }
    if (current && byDay.size === 0) this.writeCurrentWeekFallback(monday, byDay);
    for (const d of days.filter((x) => this.isEducationDay(x))) this.writeEducation(d, weeksAgo, byDay.get(d));

    const unreviewed = (this.gaps.unreviewedWeeksAgo ?? []).includes(weeksAgo);
    const reviewDay = current ? addDays(this.today, -1) : (days[days.length - 1] ?? addDays(monday, 5));
    if (unreviewed || this.silent(reviewDay) || (current && state !== "reviewed")) return;
    this.writeReviewAndAssessments(monday, week, weeksAgo, byDay, current);
  }

  private writeAttendance(d: string): DayRecord {
    const recordedBy = this.r.trainerUserId;
    const createdAt = at(d, "17:00");
    const special = this.absences.get(d);
    if (special) {
      recordAttendance(this.db, {
        placementId: this.r.id,
        date: d,
        status: "absent",
        absenceReason: special.reason,
        note: special.note,
        recordedBy,
        createdAt,
      });
      return { status: "absent" };
    }
    const near = (dates: readonly string[], days: number) => dates.filter((x) => Math.abs(daysBetween(x, d)) < days).length;
    const anyAbsenceNear = near([...this.absences.keys(), ...this.randomAbsenceDates], 29) > 0;
    // Random welfare noise stays below every attendance_risk threshold: one absence per 4 weeks,
    // never on an education day (that would also be an education mismatch), two lates at most.
    if (!anyAbsenceNear && !this.isEducationDay(d) && this.rng.chance(0.025)) {
      this.randomAbsenceDates.push(d);
      const reason = this.rng.pick(["illness", "family", "childcare"] as const);
      const note = this.rng.pick(["Fever", "Took my mother to the clinic", "No one to look after my son", null]);
      recordAttendance(this.db, { placementId: this.r.id, date: d, status: "absent", absenceReason: reason, note, recordedBy, createdAt });
      return { status: "absent" };
    }
    if (near(this.lateDates, 29) < 2 && this.rng.chance(0.06)) {
      this.lateDates.push(d);
      const lateMinutes = this.rng.pick([5, 10, 15, 20, 30, 45, 60]);
      recordAttendance(this.db, { placementId: this.r.id, date: d, status: "late", lateMinutes, note: this.rng.pick(LATE_NOTES), recordedBy, createdAt });
      return { status: "late" };
    }
    if (!this.isEducationDay(d) && this.rng.chance(0.004)) {
      recordAttendance(this.db, { placementId: this.r.id, date: d, status: "leave", note: "Agreed leave", recordedBy, createdAt });
      return { status: "leave" };
    }
    recordAttendance(this.db, { placementId: this.r.id, date: d, status: "present", recordedBy, createdAt });
    return { status: "present" };
  }

  /**
   * A current week whose working days so far were all holidays (or that starts today) still
   * needs something saved for "saved" and "reviewed": the trainer marks the holidays, or today.
   */
  private writeCurrentWeekFallback(monday: string, byDay: Map<string, DayRecord>) {
    for (let d = monday; d < this.today; d = addDays(d, 1)) {
      if (!this.holidays.has(d) || !this.working.includes(isoWeekday(d))) continue;
      recordAttendance(this.db, { placementId: this.r.id, date: d, status: "holiday", recordedBy: this.r.trainerUserId, createdAt: at(d, "09:00") });
      byDay.set(d, { status: "holiday" });
    }
    if (byDay.size === 0 && this.working.includes(isoWeekday(this.today)) && !this.holidays.has(this.today)) {
      recordAttendance(this.db, {
        placementId: this.r.id,
        date: this.today,
        status: "present",
        recordedBy: this.r.trainerUserId,
        createdAt: at(this.today, "07:30"),
      });
      byDay.set(this.today, { status: "present" });
    }
  }

  /** The education ledger: released by the trainer → attended, recorded by education staff. */
  private writeEducation(d: string, weeksAgo: number, day: DayRecord | undefined) {
    const trainer = this.r.trainerUserId;
    const staff = this.educationStaff;
    const released = { kind: "released" as const, recordedBy: trainer, createdAt: at(d, "11:45") };
    const attended = { kind: "attended" as const, recordedBy: staff, createdAt: at(d, "16:30") };
    const g = this.gaps;
    const firstEducationDayOfWeek = (k: number | undefined) =>
      k !== undefined && weeksAgo === k && this.daysOfWeek(addDays(this.thisMonday, -7 * k)).find((x) => this.isEducationDay(x)) === d;

    let events: Parameters<typeof createEducationAfternoon>[2];
    if (this.silent(d)) {
      // The trainer records nothing; education staff still see the apprentice in class.
      events = [attended];
    } else if (g.educationRefusedRecently && d >= addDays(this.today, -27)) {
      // Every other afternoon of the last four weeks goes to the bookings: about half released.
      const i = this.recentAfternoons++;
      const reason = g.educationRefusedRecently[Math.floor(i / 2) % g.educationRefusedRecently.length] ?? "Busy";
      events = i % 2 === 0 ? [{ kind: "refused", reason, recordedBy: trainer, createdAt: at(d, "09:00") }] : [released, attended];
    } else if (firstEducationDayOfWeek(g.educationMissedWeeksAgo)) {
      events = [released, { kind: "missed", reason: "Did not arrive at class.", recordedBy: staff, createdAt: at(d, "16:30") }];
    } else if (firstEducationDayOfWeek(g.educationAttendedDespiteRefusalWeeksAgo)) {
      events = [{ kind: "refused", reason: "Needed for a large group check-out.", recordedBy: trainer, createdAt: at(d, "09:00") }, attended];
    } else if (day?.status === "absent" || day?.status === "leave") {
      events = [];
    } else if (weeksAgo >= 6 && !this.refusalDates.some((x) => Math.abs(daysBetween(x, d)) < 29) && this.rng.chance(0.05)) {
      // An occasional refusal long enough ago that no 4-week window drops below 75% released.
      this.refusalDates.push(d);
      events = [{ kind: "refused", reason: this.rng.pick(["Short of staff today.", "Big order to finish."]), recordedBy: trainer, createdAt: at(d, "09:00") }];
    } else {
      events = [released, attended];
      if (this.r.apprenticeUserId !== null && this.rng.chance(0.15)) {
        events.push({ kind: "confirmed_by_apprentice", recordedBy: this.r.apprenticeUserId, createdAt: at(d, "19:00") });
      }
    }
    createEducationAfternoon(this.db, { placementId: this.r.id, date: d }, events);
  }

  /** Days the apprentice was in (present or late), education days last in preference. */
  private daysIn(byDay: Map<string, DayRecord>): string[] {
    const inDays = [...byDay.entries()]
      .filter(([d, rec]) => (rec.status === "present" || rec.status === "late") && d < this.today)
      .map(([d]) => d)
      .sort();
    const ordinary = inDays.filter((d) => !this.isEducationDay(d));
    return ordinary.length > 0 ? ordinary : inDays;
  }

  /** Sign-offs of the week happen on the trainer's checklist day: the last day the apprentice was in. */
  private checklistDay(byDay: Map<string, DayRecord>): string | undefined {
    const pool = this.daysIn(byDay);
    return pool[pool.length - 1];
  }

  /**
   * How many more `independent` ticks fit on `day` without any 7-day window reaching the
   * bulk_signoff thresholds, for this placement (40% of the framework) or the trainer (8).
   */
  private roomForIndependent(day: string): number {
    const near = (dates: readonly string[]) => dates.filter((d) => Math.abs(daysBetween(d, day)) <= 6).length;
    return Math.max(0, Math.min(this.placementCap - near(this.independentDates), TRAINER_WEEK_CAP - near(this.trainerSignoffs)));
  }

  private writeReviewAndAssessments(monday: string, week: number, weeksAgo: number, byDay: Map<string, DayRecord>, current: boolean) {
    const g = this.gaps;
    const bulk = g.bulkSignoffWeeksAgo === weeksAgo && !current;
    const absentWeek = g.signoffWhileAbsentWeeksAgo === weeksAgo && this.signoffAbsentDay !== null;

    // What the trainer saw this week: each competency moves to the highest level its plan reaches.
    let moves: { s: CompetencyState; to: number }[] = [];
    if (bulk) {
      moves = this.states.filter((s) => s.level < LEVEL.independent).map((s) => ({ s, to: LEVEL.independent }));
    } else {
      for (const s of this.states) {
        let to = -1;
        s.plan.forEach((w, level) => {
          if (w <= week) to = level;
        });
        if (to > s.level) moves.push({ s, to });
      }
      const independent = moves.filter((m) => m.to === LEVEL.independent).sort((a, b) => a.s.expectedByWeek - b.s.expectedByWeek);
      const day = absentWeek ? this.signoffAbsentDay : this.checklistDay(byDay);
      for (const m of independent.slice(day ? this.roomForIndependent(day) : 0)) {
        m.s.plan[LEVEL.independent] = week + 1;
        m.to = LEVEL.supervised;
      }
      moves = moves.filter((m) => m.to > m.s.level);
    }
    if (absentWeek && moves.length === 0) {
      const s = [...this.states].filter((x) => x.level < LEVEL.independent).sort((a, b) => a.expectedByWeek - b.expectedByWeek)[0];
      if (s) moves.push({ s, to: Math.max(LEVEL.with_help, s.level + 1) });
    }

    const pool = this.daysIn(byDay);
    const checklistDay = this.checklistDay(byDay);
    if (!checklistDay && !absentWeek) moves = [];

    const submittedAt = current
      ? addDays(this.today, -1) >= monday
        ? at(addDays(this.today, -1), "17:30")
        : at(this.today, "07:00")
      : at(byDay.size > 0 ? ([...byDay.keys()].sort().pop() ?? monday) : addDays(monday, 5), "17:30");
    const review = recordWeeklyReview(this.db, {
      placementId: this.r.id,
      weekOf: monday,
      trainerUserId: this.r.trainerUserId,
      noChange: moves.length === 0,
      note: this.rng.pick(REVIEW_NOTES),
      submittedAt,
    });

    const written: { s: CompetencyState; id: number; level: number; observedOn: string }[] = [];
    for (const m of moves.sort((a, b) => a.s.expectedByWeek - b.s.expectedByWeek)) {
      const observedOn = absentWeek ? (this.signoffAbsentDay as string) : bulk || m.to === LEVEL.independent ? (checklistDay as string) : this.rng.pick(pool);
      const level = ASSESSMENT_LEVELS[m.to] as AssessmentLevel;
      const row = recordAssessment(this.db, {
        placementId: this.r.id,
        competencyId: m.s.id,
        trainerUserId: this.r.trainerUserId,
        level,
        observedOn,
        evidenceNote: bulk ? null : this.rng.pick(EVIDENCE[level]),
        weeklyReviewId: review.id,
        createdAt: at(observedOn, "16:45"),
      });
      m.s.level = m.to;
      written.push({ s: m.s, id: row.id, level: m.to, observedOn });
      if (m.to === LEVEL.independent) {
        this.independentDates.push(observedOn);
        this.trainerSignoffs.push(observedOn);
      }
    }

    // A mistaken tick, corrected the next day by a new record that supersedes it.
    if (g.correctionWeeksAgo === weeksAgo && !current) {
      const wrong = [...written].reverse().find((w) => w.level >= LEVEL.supervised) ?? written[written.length - 1];
      if (wrong) {
        const level = Math.max(LEVEL.with_help, wrong.level - 1);
        recordAssessment(this.db, {
          placementId: this.r.id,
          competencyId: wrong.s.id,
          trainerUserId: this.r.trainerUserId,
          level: ASSESSMENT_LEVELS[level] as AssessmentLevel,
          observedOn: wrong.observedOn,
          evidenceNote: null,
          weeklyReviewId: review.id,
          supersedesId: wrong.id,
          correctionReason: "Ticked the wrong row: still needs supervision for this one.",
          createdAt: at(addDays(wrong.observedOn, 1), "08:15"),
        });
        wrong.s.level = level;
        wrong.s.plan[LEVEL.independent] = Math.max(wrong.s.plan[LEVEL.independent], week + 2);
        if (level < LEVEL.supervised) wrong.s.plan[LEVEL.supervised] = Math.max(wrong.s.plan[LEVEL.supervised], week + 1);
      }
    }
  }
}
