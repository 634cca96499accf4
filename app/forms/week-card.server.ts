/**
 * The week card's form (docs/decisions/0004): what every submission must carry (the envelope),
 * and the card itself, by day, competency and afternoon (`att.2026-11-24.status`, `level.12`,
 * `note.12`, `edu.2026-11-25.reason`). Server-only; the rules that decide what a card appends
 * are in app/domain/week-card.ts.
 */
import { z } from "zod";

import { isIsoDate } from "~/domain/dates";
import { ABSENCE_REASONS, ASSESSMENT_LEVELS, WEEK_CARD_INTENTS, type AbsenceReason } from "~/domain/enums";
import { plainInteger } from "~/domain/numbers";
import { BASELINE, NOTE_MAX, SUBMISSION_KEY, TRAINER_ATTENDANCE, WORKING_DAY_MINUTES, type WeekCardInput } from "~/domain/week-card";

import { msg } from "./fields.server";
import { parseForm, type FormInput } from "./parse.server";

const level = z.enum(ASSESSMENT_LEVELS, { error: msg.invalid });
const note = z.string({ error: msg.invalid }).trim().max(NOTE_MAX, { error: "week.errors.tooLong" });

const attendanceDay = z
  .object({
    status: z.enum(TRAINER_ATTENDANCE, { error: msg.invalid }),
    lateMinutes: z.string({ error: msg.invalid }).trim().optional(),
    reason: z.string({ error: msg.invalid }).trim().optional(),
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
    status: z.enum(["released", "refused"], { error: msg.invalid }),
    reason: note.optional(),
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

const idKey = z.string().regex(/^\d{1,9}$/, { error: "week.errors.notOnFramework" });
const dateKey = z.string().refine(isIsoDate, { error: "week.errors.notADay" });

/** An empty box or an unchosen select says nothing: blank values are left out, at every depth. */
function withoutBlanks(value: unknown): unknown {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof File) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) if (inner !== "") out[key] = withoutBlanks(inner);
  return out;
}

/** What every submission must carry: which button, its submission key, the state it was opened on. */
const WeekEnvelopeSchema = z.object({
  intent: z.enum(WEEK_CARD_INTENTS, { error: "week.errors.intent" }),
  submissionKey: z.string({ error: "week.errors.damaged" }).regex(SUBMISSION_KEY, { error: "week.errors.damaged" }),
  baseline: z.string({ error: "week.errors.damaged" }).regex(BASELINE, { error: "week.errors.damaged" }),
});

const WeekCardSchema = z.preprocess(
  withoutBlanks,
  WeekEnvelopeSchema.extend({
    correctionReason: z.string({ error: msg.invalid }).trim().max(NOTE_MAX, { error: "week.errors.tooLong" }).optional(),
    weekNote: note.optional(),
    level: z.record(idKey, level).default({}),
    note: z.record(idKey, note).default({}),
    att: z.record(dateKey, unlessStatus(attendanceDay)).default({}),
    edu: z.record(dateKey, unlessStatus(educationDay)).default({}),
  }),
);

/** The envelope alone: checked first, so that a damaged card keeps its key and baseline when they are sound. */
export function parseWeekEnvelope(form: FormInput) {
  return parseForm(form, z.preprocess(withoutBlanks, WeekEnvelopeSchema));
}

/** The whole card; its value is what `planWeek` (app/domain/week-card.ts) turns into records. */
export function parseWeekCard(form: FormInput) {
  const parsed = parseForm(form, WeekCardSchema);
  return parsed.ok ? { ok: true as const, value: parsed.value satisfies WeekCardInput } : parsed;
}
