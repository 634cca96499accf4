/**
 * The trainer's week card (docs/product.md §3): which weeks may be opened, what the form may say,
 * and what a submission appends. Pure: the route reads the state, this decides, the db layer
 * writes the plan in one transaction.
 */
import { addDays, isIsoDate, isMonday, isoWeekday, mondayOf, workingDaysOfWeek } from "./dates";
import { type AbsenceReason, type AssessmentLevel, type AttendanceStatus, type EducationEventKind, type WeekCardIntent } from "./enums";
import type { FieldErrorMap } from "./field-errors";
import { currentLevels } from "./progress";

/** Stored as the reason of a superseding row when a day is changed before the week is submitted. */
export const EDITED_BEFORE_REVIEW = "edited_before_review";

export type WeekRefusal = "not_a_date" | "not_monday" | "future" | "before_start" | "after_end";

/** Whether a week card may be opened or submitted. */
export function checkWeek(
  weekOf: string,
  ctx: { today: string; startDate: string; endDate?: string | null },
): { ok: true } | { ok: false; reason: WeekRefusal } {
  if (!isIsoDate(weekOf)) return { ok: false, reason: "not_a_date" };
  if (!isMonday(weekOf)) return { ok: false, reason: "not_monday" };
  if (weekOf > mondayOf(ctx.today)) return { ok: false, reason: "future" };
  if (weekOf < mondayOf(ctx.startDate)) return { ok: false, reason: "before_start" };
  if (ctx.endDate && weekOf > mondayOf(ctx.endDate)) return { ok: false, reason: "after_end" };
  return { ok: true };
}

export interface WeekShape {
  weekOf: string;
  today: string;
  startDate: string;
  endDate?: string | null;
  workingWeekdays: readonly number[];
  educationWeekdays: readonly number[];
  holidays: ReadonlySet<string>;
}

/** Working days of the week that belong to the placement (on or after its start, not holidays). */
export function placementDays(shape: WeekShape): string[] {
  return workingDaysOfWeek(shape.weekOf, shape.workingWeekdays, shape.holidays).filter((d) => d >= shape.startDate && (!shape.endDate || d <= shape.endDate));
}

/** The agreed education afternoons of the week. */
export function educationDays(shape: WeekShape): string[] {
  return placementDays(shape).filter((d) => shape.educationWeekdays.includes(isoWeekday(d)));
}

export interface Holiday {
  date: string;
  nameEn: string;
  nameKm: string;
}

export interface HolidayRun {
  from: string;
  to: string;
  nameEn: string;
  nameKm: string;
  /** An agreed education afternoon fell on it: the card has no class to release that day. */
  educationLost: boolean;
}

/**
 * The holidays that take working days out of this card, as runs of one name over consecutive
 * days ("Mon–Wed: Water Festival"), so the trainer knows why those days are missing.
 */
export function holidayRuns(shape: WeekShape, holidays: readonly Holiday[]): HolidayRun[] {
  const removed = holidays
    .filter((h) => h.date >= shape.weekOf && h.date <= addDays(shape.weekOf, 6))
    .filter((h) => shape.workingWeekdays.includes(isoWeekday(h.date)))
    .filter((h) => h.date >= shape.startDate && (!shape.endDate || h.date <= shape.endDate))
    .sort((a, b) => a.date.localeCompare(b.date));
  const runs: HolidayRun[] = [];
  for (const h of removed) {
    const last = runs.at(-1);
    const education = shape.educationWeekdays.includes(isoWeekday(h.date));
    if (last && last.nameEn === h.nameEn && addDays(last.to, 1) === h.date) {
      last.to = h.date;
      last.educationLost ||= education;
    } else {
      runs.push({ from: h.date, to: h.date, nameEn: h.nameEn, nameKm: h.nameKm, educationLost: education });
    }
  }
  return runs;
}

/** The date a sign-off made on this card is observed on: today in the current week, else the week's last working day. */
export function observedDate(shape: WeekShape): string {
  const days = placementDays(shape).filter((d) => d <= shape.today);
  return days.at(-1) ?? (shape.today < addDays(shape.weekOf, 6) ? shape.today : addDays(shape.weekOf, 6));
}

// ---------------------------------------------------------------------------------------------
// What a card may say (the form is read by app/forms/week-card.server.ts)

/** A trainer records late minutes within one working day. */
export const WORKING_DAY_MINUTES = 600;
export const NOTE_MAX = 500;

/** A card's submission key (one per opened card: a resend is answered as the first was). */
export const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,64}$/;
/** The baseline token: the highest record id of each kind when the card was opened. */
export const BASELINE = /^\d{1,15}\.\d{1,15}\.\d{1,15}\.\d{1,15}$/;

/** The attendance a trainer may record (education and holidays come from elsewhere). */
export const TRAINER_ATTENDANCE = ["present", "late", "absent", "leave"] as const satisfies readonly AttendanceStatus[];

/** A card as the form sends it, checked: by day, by competency id, by afternoon. */
export interface WeekCardInput {
  intent: WeekCardIntent;
  correctionReason?: string | undefined;
  weekNote?: string | undefined;
  level: Record<string, AssessmentLevel>;
  note: Record<string, string>;
  att: Record<string, { status: (typeof TRAINER_ATTENDANCE)[number]; lateMinutes: number | null; absenceReason: AbsenceReason | null } | undefined>;
  edu: Record<string, { status: "released" | "refused"; reason: string | null } | undefined>;
}

// ---------------------------------------------------------------------------------------------
// The state a card is compared against

export interface WeekState {
  /** The level that holds now for each competency of the framework. */
  currentLevels: ReadonlyMap<number, AssessmentLevel>;
  /** Within this week: the current (not superseded) sign-off per competency. */
  weekAssessments: ReadonlyMap<number, { id: number; level: AssessmentLevel }>;
  /** Current attendance row per day of this week. */
  attendance: ReadonlyMap<string, { id: number; status: AttendanceStatus; lateMinutes: number | null; absenceReason: AbsenceReason | null }>;
  /** The trainer's latest word per education afternoon of this week. */
  education: ReadonlyMap<string, { afternoonId: number | null; status: "agreed" | "released" | "refused"; reason: string | null }>;
  /** The current weekly review of this week, if submitted. */
  review: { id: number } | null;
}

/** The records a week card reads: every sign-off of the placement, and this week's other rows. */
export interface WeekRows {
  assessments: readonly { id: number; competencyId: number; level: AssessmentLevel; observedOn: string; supersedesId: number | null }[];
  attendance: readonly { id: number; date: string; status: AttendanceStatus; lateMinutes: number | null; absenceReason: AbsenceReason | null }[];
  education: readonly { afternoonId: number; date: string; eventId: number | null; kind: EducationEventKind | null; reason: string | null }[];
  reviews: readonly { id: number; weekOf: string; supersedesId: number | null }[];
}

/** The highest record id of each kind when a card was opened: anything above it came later. */
export interface Baseline {
  assessments: number;
  attendance: number;
  education: number;
  reviews: number;
}

export function formatBaseline(b: Baseline): string {
  return `${b.assessments}.${b.attendance}.${b.education}.${b.reviews}`;
}

export function parseBaseline(token: string): Baseline | null {
  if (!BASELINE.test(token)) return null;
  const [assessments, attendance, education, reviews] = token.split(".").map(Number) as [number, number, number, number];
  return { assessments, attendance, education, reviews };
}

const byId = <T extends { id: number }>(rows: readonly T[]) => [...rows].sort((a, b) => a.id - b.id);

/** The week's state from its records; with `asOf`, as it stood when a card with that baseline was opened. */
export function weekState(rows: WeekRows, weekOf: string, asOf?: Baseline): WeekState {
  const weekEnd = addDays(weekOf, 6);
  const upTo = (id: number, max: number | undefined) => max === undefined || id <= max;
  const history = rows.assessments.filter((a) => upTo(a.id, asOf?.assessments));
  const levels = currentLevels(history);
  const superseded = new Set(history.flatMap((a) => (a.supersedesId ? [a.supersedesId] : [])));
  const weekAssessments = new Map<number, { id: number; level: AssessmentLevel }>();
  for (const a of byId(history)) {
    if (a.observedOn >= weekOf && a.observedOn <= weekEnd && !superseded.has(a.id)) weekAssessments.set(a.competencyId, { id: a.id, level: a.level });
  }
  const attendance = new Map<string, { id: number; status: AttendanceStatus; lateMinutes: number | null; absenceReason: AbsenceReason | null }>();
  for (const d of byId(rows.attendance)) {
    if (upTo(d.id, asOf?.attendance)) attendance.set(d.date, { id: d.id, status: d.status, lateMinutes: d.lateMinutes, absenceReason: d.absenceReason });
  }
  const education = new Map<string, { afternoonId: number | null; status: "agreed" | "released" | "refused"; reason: string | null }>();
  const events = [...rows.education].sort((a, b) => (a.eventId ?? 0) - (b.eventId ?? 0));
  for (const e of events) {
    const held = education.get(e.date) ?? { afternoonId: e.afternoonId, status: "agreed" as const, reason: null };
    if (e.eventId !== null && upTo(e.eventId, asOf?.education) && (e.kind === "released" || e.kind === "refused")) {
      Object.assign(held, { status: e.kind, reason: e.reason });
    }
    education.set(e.date, held);
  }
  const reviews = rows.reviews.filter((r) => r.weekOf === weekOf && upTo(r.id, asOf?.reviews));
  const supersededReviews = new Set(reviews.flatMap((r) => (r.supersedesId ? [r.supersedesId] : [])));
  const current = byId(reviews.filter((r) => !supersededReviews.has(r.id))).at(-1);
  return {
    currentLevels: new Map([...levels].map(([id, l]) => [id, l.level])),
    weekAssessments,
    attendance,
    education,
    review: current ? { id: current.id } : null,
  };
}

// ---------------------------------------------------------------------------------------------
// A card sent after someone else recorded something: keep the trainer's entries, mark the news

export interface StaleCard {
  /** The fields the trainer changed on the card they opened: they stay on screen to send again. */
  keep: Record<string, string>;
  /** What was recorded since the card was opened: `att.<day>`, `level.<id>`, `edu.<day>`, `review`. */
  changed: string[];
}

const dayOf = (status: string, lateMinutes: string, reason: string) =>
  !status ? "" : status === "late" ? `late|${lateMinutes.trim()}` : status === "absent" ? `absent|${reason}` : status;
const eduOf = (status: string, reason: string) => (status === "refused" ? `refused|${reason.trim()}` : status === "released" ? status : "");

/**
 * Compare a stale card's fields with the week as it stood when the card was opened (`before`) and
 * as it stands now. The trainer's entries are what differs from `before`; the news is what
 * differs between `before` and now.
 */
export function reconcileStale(sent: Readonly<Record<string, string>>, before: WeekState, now: WeekState): StaleCard {
  const keep: Record<string, string> = {};
  const field = (name: string) => (Object.hasOwn(sent, name) ? sent[name]! : "");
  const days = new Set<string>();
  const afternoons = new Set<string>();
  for (const name of Object.keys(sent)) {
    const [kind, key] = name.split(".");
    if (kind === "att" && key) days.add(key);
    else if (kind === "edu" && key) afternoons.add(key);
    else if (kind === "level" && key && sent[name] !== (before.currentLevels.get(Number(key)) ?? "")) keep[name] = sent[name]!;
    else if ((kind === "note" || name === "weekNote" || name === "correctionReason") && sent[name]!.trim() !== "") keep[name] = sent[name]!;
    else if (name === "show") keep[name] = sent[name]!;
  }
  for (const day of days) {
    const held = before.attendance.get(day);
    const was = held ? dayOf(held.status, String(held.lateMinutes ?? ""), held.absenceReason ?? "") : "";
    if (dayOf(field(`att.${day}.status`), field(`att.${day}.lateMinutes`), field(`att.${day}.reason`)) === was) continue;
    for (const part of ["status", "lateMinutes", "reason"])
      if (Object.hasOwn(sent, `att.${day}.${part}`)) keep[`att.${day}.${part}`] = field(`att.${day}.${part}`);
  }
  for (const day of afternoons) {
    const held = before.education.get(day);
    const was = held ? eduOf(held.status, held.reason ?? "") : "";
    if (eduOf(field(`edu.${day}.status`), field(`edu.${day}.reason`)) === was) continue;
    for (const part of ["status", "reason"]) if (Object.hasOwn(sent, `edu.${day}.${part}`)) keep[`edu.${day}.${part}`] = field(`edu.${day}.${part}`);
  }

  const changed: string[] = [];
  const differ = <K, V>(a: ReadonlyMap<K, V>, b: ReadonlyMap<K, V>, same: (x: V | undefined, y: V | undefined) => boolean) =>
    [...new Set([...a.keys(), ...b.keys()])].filter((k) => !same(a.get(k), b.get(k)));
  for (const id of differ(before.currentLevels, now.currentLevels, (x, y) => x === y)) changed.push(`level.${String(id)}`);
  for (const day of differ(before.attendance, now.attendance, (x, y) => x?.id === y?.id)) changed.push(`att.${day}`);
  for (const day of differ(
    before.education,
    now.education,
    (x, y) => (x?.status ?? "agreed") === (y?.status ?? "agreed") && (x?.reason ?? null) === (y?.reason ?? null),
  )) {
    changed.push(`edu.${day}`);
  }
  if (before.review?.id !== now.review?.id) changed.push("review");
  return { keep, changed: changed.sort() };
}

// ---------------------------------------------------------------------------------------------
// What a submission appends

export interface WeekPlan {
  assessments: {
    competencyId: number;
    level: AssessmentLevel;
    observedOn: string;
    evidenceNote: string | null;
    supersedesId: number | null;
    correctionReason: string | null;
  }[];
  attendance: {
    date: string;
    status: AttendanceStatus;
    lateMinutes: number | null;
    absenceReason: AbsenceReason | null;
    supersedesId: number | null;
    correctionReason: string | null;
  }[];
  education: { date: string; afternoonId: number | null; kind: "released" | "refused"; reason: string | null }[];
  review: { noChange: boolean; note: string | null; supersedesId: number | null; correctionReason: string | null } | null;
}

export type PlanResult = { ok: true; plan: WeekPlan } | { ok: false; errors: FieldErrorMap };

const sameDay = (
  a: { status: AttendanceStatus; lateMinutes: number | null; absenceReason: AbsenceReason | null },
  b: { status: AttendanceStatus; lateMinutes: number | null; absenceReason: AbsenceReason | null },
) => a.status === b.status && a.lateMinutes === b.lateMinutes && a.absenceReason === b.absenceReason;

/**
 * What to append for a week card sent with any of its buttons. Every button writes everything
 * the trainer entered (attendance, levels with their evidence, education afternoons); "All
 * present" also marks the past days still blank as present; only "Submit the week" records the
 * weekly review, with the week's note. Only what changed is written; a week already reviewed
 * takes a correction reason for any change, and its corrections supersede.
 */
export function planWeek(shape: WeekShape, state: WeekState, input: WeekCardInput, competencyIds: ReadonlySet<number>): PlanResult {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  const days = placementDays(shape);
  const eduDays = educationDays(shape);
  const reviewed = state.review !== null;
  const reason = input.correctionReason || null;
  const observedOn = observedDate(shape);

  const plan: WeekPlan = { assessments: [], attendance: [], education: [], review: null };

  // Attendance: each day as the card says; "All present" fills the past days still blank.
  for (const date of days) {
    const current = state.attendance.get(date);
    let wanted = input.att[date];
    if (!wanted && input.intent === "all_present" && !current && date <= shape.today) {
      wanted = { status: "present", lateMinutes: null, absenceReason: null };
    }
    if (!wanted) continue;
    if (date > shape.today) {
      add(`att.${date}.status`, "week.errors.futureDay");
      continue;
    }
    if (current && sameDay(current, wanted)) continue;
    plan.attendance.push({
      date,
      ...wanted,
      supersedesId: current?.id ?? null,
      correctionReason: current ? (reviewed ? reason : EDITED_BEFORE_REVIEW) : null,
    });
  }
  for (const [date, day] of Object.entries(input.att)) {
    if (day && !days.includes(date)) add(`att.${date}.status`, "week.errors.dayNotInWeek");
  }

  // Levels: a change is a new sign-off; in a reviewed week it corrects that week's sign-off.
  for (const [key, level] of Object.entries(input.level)) {
    const competencyId = Number(key);
    if (!competencyIds.has(competencyId)) {
      add(`level.${key}`, "week.errors.notOnFramework");
      continue;
    }
    const evidenceNote = input.note[key] || null;
    const current = state.currentLevels.get(competencyId);
    // The card shows the current level selected: the same level without evidence is no news.
    if (current === level && !evidenceNote) continue;
    const inWeek = state.weekAssessments.get(competencyId);
    const correcting = reviewed && inWeek !== undefined;
    plan.assessments.push({
      competencyId,
      level,
      observedOn,
      evidenceNote,
      supersedesId: correcting ? inWeek.id : null,
      correctionReason: correcting ? reason : null,
    });
  }
  // Evidence is kept with a level: a note alone would be lost, so it asks for one.
  for (const [key, text] of Object.entries(input.note)) {
    if (!text || Object.hasOwn(input.level, key)) continue;
    if (!competencyIds.has(Number(key))) add(`note.${key}`, "week.errors.notOnFramework");
    else add(`level.${key}`, "week.errors.noteNeedsLevel");
  }

  // Education afternoons: released, or not released with a reason.
  for (const [date, wanted] of Object.entries(input.edu)) {
    if (!wanted) continue;
    if (!eduDays.includes(date)) {
      add(`edu.${date}.status`, "week.errors.notClassDay");
      continue;
    }
    const current = state.education.get(date);
    if (current && current.status === wanted.status && current.reason === wanted.reason) continue;
    plan.education.push({ date, afternoonId: current?.afternoonId ?? null, kind: wanted.status, reason: wanted.reason });
  }

  const changed = plan.assessments.length + plan.attendance.length + plan.education.length > 0;
  if (reviewed && changed && !reason) add("correctionReason", "week.errors.correctionReason");

  if (input.intent === "submit") {
    const weekNote = input.weekNote || null;
    // "Reviewed, no change" speaks of the checklist: no sign-off this week, before or now.
    const noChange = plan.assessments.length === 0 && state.weekAssessments.size === 0;
    if (!reviewed) {
      plan.review = { noChange, note: weekNote, supersedesId: null, correctionReason: null };
    } else if (changed || weekNote) {
      if (!reason) add("correctionReason", "week.errors.correctionReason");
      plan.review = { noChange, note: weekNote, supersedesId: state.review!.id, correctionReason: reason };
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors: dedupe(errors) };
  return { ok: true, plan };
}

function dedupe(errors: Record<string, string[]>) {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [...new Set(v)]]));
}
