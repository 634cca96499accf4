/**
 * The trainer's week card (DESIGN.md §3): which weeks may be opened, what the form may say,
 * and what a submission appends. Pure: the route reads the state, this decides, the db layer
 * writes the plan in one transaction.
 */
import { z } from "zod";

import { addDays, isIsoDate, isMonday, isoWeekday, mondayOf, workingDaysOfWeek } from "./dates";
import { plainInteger } from "./numbers";
import {
  ABSENCE_REASONS,
  ASSESSMENT_LEVELS,
  type AbsenceReason,
  type AssessmentLevel,
  type AttendanceStatus,
} from "./enums";

/** A trainer records late minutes within one working day. */
export const WORKING_DAY_MINUTES = 600;
export const NOTE_MAX = 500;
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
  return workingDaysOfWeek(shape.weekOf, shape.workingWeekdays, shape.holidays).filter(
    (d) => d >= shape.startDate && (!shape.endDate || d <= shape.endDate),
  );
}

/** The agreed education afternoons of the week. */
export function educationDays(shape: WeekShape): string[] {
  return placementDays(shape).filter((d) => shape.educationWeekdays.includes(isoWeekday(d)));
}

/** The date a sign-off made on this card is observed on: today in the current week, else the week's last working day. */
export function observedDate(shape: WeekShape): string {
  const days = placementDays(shape).filter((d) => d <= shape.today);
  return days.at(-1) ?? (shape.today < addDays(shape.weekOf, 6) ? shape.today : addDays(shape.weekOf, 6));
}

// ---------------------------------------------------------------------------------------------
// The form

const level = z.enum(ASSESSMENT_LEVELS, { error: "errors.invalid" });
const note = z.string().trim().max(NOTE_MAX, { error: "errors.tooLong" });

const TRAINER_ATTENDANCE = ["present", "late", "absent", "leave"] as const satisfies readonly AttendanceStatus[];

const attendanceDay = z
  .object({
    status: z.enum(TRAINER_ATTENDANCE, { error: "errors.invalid" }),
    lateMinutes: z.string().trim().optional(),
    reason: z.string().trim().optional(),
  })
  .transform((day, ctx) => {
    if (day.status === "late") {
      const minutes = plainInteger(day.lateMinutes ?? "") ?? Number.NaN;
      if (!day.lateMinutes || !Number.isInteger(minutes) || minutes < 1 || minutes > WORKING_DAY_MINUTES) {
        ctx.addIssue({ code: "custom", path: ["lateMinutes"], message: "week.errors.lateMinutes" });
        return z.NEVER;
      }
      return { status: "late" as const, lateMinutes: minutes, absenceReason: null };
    }
    if (day.status === "absent") {
      if (!day.reason || !(ABSENCE_REASONS as readonly string[]).includes(day.reason)) {
        ctx.addIssue({ code: "custom", path: ["reason"], message: "week.errors.absenceReason" });
        return z.NEVER;
      }
      return { status: "absent" as const, lateMinutes: null, absenceReason: day.reason as AbsenceReason };
    }
    return { status: day.status, lateMinutes: null, absenceReason: null };
  });

const educationDay = z
  .object({
    status: z.enum(["released", "refused"], { error: "errors.invalid" }),
    reason: z.string().trim().max(NOTE_MAX, { error: "errors.tooLong" }).optional(),
  })
  .transform((day, ctx) => {
    if (day.status === "refused" && !day.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "week.errors.refusalReason" });
      return z.NEVER;
    }
    return { status: day.status, reason: day.status === "refused" ? (day.reason ?? null) : null };
  });

/** A day the form sent with no status chosen (only an empty minutes box, a preselected reason) says nothing. */
const unlessStatus = <T extends z.ZodType>(day: T) =>
  z.preprocess((v) => (typeof v === "object" && v !== null && (v as { status?: unknown }).status ? v : undefined), day.optional());

const idKey = z.string().regex(/^\d+$/);
const dateKey = z.string().refine(isIsoDate);

export const WEEK_INTENTS = ["submit", "all_present", "save_day"] as const;

export const WeekCardSchema = z.object({
  intent: z.enum(WEEK_INTENTS, { error: "errors.invalid" }),
  /** With `save_day`: the day being saved. */
  day: z.string().optional(),
  submissionKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, { error: "errors.invalid" }),
  baseline: z.string().max(200),
  correctionReason: z.string().trim().max(NOTE_MAX, { error: "errors.tooLong" }).optional(),
  weekNote: note.optional(),
  level: z.record(idKey, level).default({}),
  note: z.record(idKey, note).default({}),
  att: z.record(dateKey, unlessStatus(attendanceDay)).default({}),
  edu: z.record(dateKey, unlessStatus(educationDay)).default({}),
});

export type WeekCardInput = z.output<typeof WeekCardSchema>;

/** Form fields named with dots (`att.2026-11-24.status`) into the nested object the schema reads. */
export function nestFormData(entries: Iterable<[string, FormDataEntryValue]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of entries) {
    // An empty box or an unchosen select says nothing.
    if (typeof value !== "string" || value === "") continue;
    const path = name.split(".");
    let node = out;
    for (const key of path.slice(0, -1)) {
      const child = node[key];
      node = (typeof child === "object" && child !== null ? child : (node[key] = {})) as Record<string, unknown>;
    }
    node[path.at(-1)!] = value;
  }
  return out;
}

/** zod issues as `{ "att.2026-11-24.lateMinutes": ["week.errors.lateMinutes"] }`. */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// What a submission appends

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

export interface WeekPlan {
  assessments: { competencyId: number; level: AssessmentLevel; observedOn: string; evidenceNote: string | null; supersedesId: number | null; correctionReason: string | null }[];
  attendance: { date: string; status: AttendanceStatus; lateMinutes: number | null; absenceReason: AbsenceReason | null; supersedesId: number | null; correctionReason: string | null }[];
  education: { date: string; afternoonId: number | null; kind: "released" | "refused"; reason: string | null }[];
  review: { noChange: boolean; note: string | null; supersedesId: number | null; correctionReason: string | null } | null;
}

export type PlanResult = { ok: true; plan: WeekPlan } | { ok: false; errors: Record<string, string[]> };

const sameDay = (
  a: { status: AttendanceStatus; lateMinutes: number | null; absenceReason: AbsenceReason | null },
  b: { status: AttendanceStatus; lateMinutes: number | null; absenceReason: AbsenceReason | null },
) => a.status === b.status && a.lateMinutes === b.lateMinutes && a.absenceReason === b.absenceReason;

/**
 * What to append for a week card submission. Only what changed is written; a week already
 * reviewed takes a correction reason for any change, and its corrections supersede.
 */
export function planWeek(
  shape: WeekShape,
  state: WeekState,
  input: WeekCardInput,
  competencyIds: ReadonlySet<number>,
): PlanResult {
  const errors: Record<string, string[]> = {};
  const add = (key: string, message: string) => (errors[key] ??= []).push(message);
  const days = placementDays(shape);
  const eduDays = educationDays(shape);
  const reviewed = state.review !== null;
  const reason = input.correctionReason || null;
  const observedOn = observedDate(shape);

  let daysToSave: string[];
  if (input.intent === "save_day") {
    if (!input.day || !days.includes(input.day)) {
      add("day", "week.errors.dayNotInWeek");
      return { ok: false, errors };
    }
    daysToSave = [input.day];
  } else {
    daysToSave = days;
  }

  const plan: WeekPlan = { assessments: [], attendance: [], education: [], review: null };

  // Attendance. "All present" fills every day up to today that has no record yet.
  for (const date of daysToSave) {
    const current = state.attendance.get(date);
    let wanted = input.att[date];
    if (input.intent === "all_present") {
      wanted = current || date > shape.today ? undefined : { status: "present", lateMinutes: null, absenceReason: null };
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

  if (input.intent === "submit") {
    // Levels: a change is a new sign-off; in a reviewed week it corrects that week's sign-off.
    for (const [key, level] of Object.entries(input.level)) {
      const competencyId = Number(key);
      if (!competencyIds.has(competencyId)) {
        add(`level.${key}`, "errors.invalid");
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

    // Education afternoons: released, or not released with a reason.
    for (const [date, wanted] of Object.entries(input.edu)) {
      if (!wanted) continue;
      if (!eduDays.includes(date)) {
        add(`edu.${date}.status`, "week.errors.dayNotInWeek");
        continue;
      }
      const current = state.education.get(date);
      if (current && current.status === wanted.status && current.reason === wanted.reason) continue;
      plan.education.push({ date, afternoonId: current?.afternoonId ?? null, kind: wanted.status, reason: wanted.reason });
    }
  }

  const changed = plan.assessments.length + plan.attendance.length + plan.education.length > 0;
  if (reviewed && changed && !reason) add("correctionReason", "week.errors.correctionReason");

  if (input.intent === "submit") {
    const weekNote = input.weekNote || null;
    if (!reviewed) {
      plan.review = { noChange: !changed, note: weekNote, supersedesId: null, correctionReason: null };
    } else if (changed || weekNote) {
      if (!reason) add("correctionReason", "week.errors.correctionReason");
      plan.review = { noChange: !changed, note: weekNote, supersedesId: state.review!.id, correctionReason: reason };
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors: dedupe(errors) };
  return { ok: true, plan };
}

function dedupe(errors: Record<string, string[]>) {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, [...new Set(v)]]));
}
