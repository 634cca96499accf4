/** Schemas of the staff administration forms. Server-only: zod stays out of the browser bundle. */
import { z } from "zod";

import { CONSENT_ITEMS, EMPLOYER_SECTORS, GENDERS, PHASES, PLACEMENT_OUTCOMES } from "~/domain/enums";
import { plainInteger } from "~/domain/numbers";
import { dateOfBirthRule, placementStartRule, type DateRule } from "~/domain/plausible";
import { PLANNED_WEEKS_MAX, PLANNED_WEEKS_MIN, weekdayList } from "~/domain/records";
import { formFields } from "~/forms/form-data.server";
import { msg, requiredText } from "~/utils/validation";

import { date, flat, id as idField, integer, money, notAfter, optionalId as optionalIdField, type FieldErrors } from "./fields.server";

type Errors = FieldErrors;

const pastDate = (today: string, ...rules: DateRule[]) => date(notAfter(today), ...rules);
const optionalText = (max: number) =>
  z.string().trim().max(max, { error: msg.tooLong }).optional().transform((v) => v || null);
const id = idField();
const optionalId = optionalIdField();

const profile = (today: string) => ({
  preferredName: requiredText(100),
  legalName: requiredText(200),
  dateOfBirth: date(dateOfBirthRule(today)),
  gender: z.enum(GENDERS, { error: msg.required }),
  intakeId: optionalId,
  referralSource: optionalText(200),
  background: optionalText(2000),
});

function consentList(form: FormData): Errors | (typeof CONSENT_ITEMS)[number][] {
  const values = form.getAll("consent").map(String);
  const items = CONSENT_ITEMS.filter((i) => values.includes(i));
  return items.length === new Set(values).size ? items : { consent: [msg.invalid] };
}

export function parseApprenticeCreate(form: FormData, today: string) {
  const consents = consentList(form);
  const parsed = flat(
    z
      .object({
        code: z.string({ error: msg.required }).trim().toUpperCase().min(1, { error: msg.required }).regex(/^[A-Z][A-Z0-9]{0,3}-\d{2}-\d{3}$/, { error: "records.errors.codePattern" }),
        siteId: optionalId,
        ...profile(today),
      })
      .safeParse(formFields(form)),
  );
  if (!Array.isArray(consents)) return { ok: false as const, errors: { ...(parsed.ok ? {} : parsed.errors), ...consents } };
  if (!parsed.ok) return parsed;
  return { ok: true as const, data: { ...parsed.data, consents } };
}

export function parseProfile(form: FormData, today: string) {
  return flat(z.object(profile(today)).safeParse(formFields(form)));
}

export function parsePhaseChange(form: FormData, today: string) {
  return flat(
    z
      .object({
        phase: z.enum(PHASES.filter((p) => p !== "exited") as [string, ...string[]], { error: msg.required }).transform((p) => p as (typeof PHASES)[number]),
        changedOn: pastDate(today),
        note: optionalText(500),
      })
      .safeParse(formFields(form)),
  );
}

export function parseConsent(form: FormData) {
  return flat(
    z
      .object({
        item: z.enum(CONSENT_ITEMS, { error: msg.required }),
        granted: z.enum(["yes", "no"], { error: msg.required }).transform((v) => v === "yes"),
        note: optionalText(500),
      })
      .safeParse(formFields(form)),
  );
}

export function parseExit(form: FormData, today: string) {
  return flat(
    z
      .object({
        exitedOn: pastDate(today),
        outcome: z.enum(PLACEMENT_OUTCOMES, { error: msg.required }),
        reason: requiredText(500),
      })
      .safeParse(formFields(form)),
  );
}

const employerFields = {
  name: requiredText(200),
  sector: z.enum(EMPLOYER_SECTORS, { error: msg.required }),
  district: requiredText(100),
  contactName: optionalText(200),
  contactPhone: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || /^[+0-9 ()-]{6,20}$/.test(v), { error: "records.errors.phone" }),
};

export function parseEmployer(form: FormData) {
  return flat(z.object({ ...employerFields, siteId: optionalId }).safeParse(formFields(form)));
}

export function parseTrainer(form: FormData) {
  return flat(
    z
      .object({
        displayName: requiredText(100),
        username: z
          .string({ error: msg.required })
          .trim()
          .toLowerCase()
          .min(1, { error: msg.required })
          .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, { error: "records.errors.username" }),
        phone: employerFields.contactPhone,
      })
      .safeParse(formFields(form)),
  );
}

export function parseTrainerId(form: FormData) {
  return flat(z.object({ trainerUserId: id }).safeParse(formFields(form)));
}

const plannedWeeks = integer({ min: PLANNED_WEEKS_MIN, max: PLANNED_WEEKS_MAX, error: "records.errors.plannedWeeks" });

export function parsePlacementCreate(form: FormData, today: string) {
  const days = form.getAll("educationWeekdays").map((v) => (typeof v === "string" ? (plainInteger(v) ?? Number.NaN) : Number.NaN));
  const parsed = flat(
    z
      .object({
        apprenticeId: id,
        employerId: id,
        trainerUserId: id,
        frameworkVersionId: id,
        startDate: date(placementStartRule(today)),
        plannedWeeks,
        stipendHagar: money({ blankIsZero: true }),
        stipendEmployer: money({ blankIsZero: true }),
      })
      .safeParse(formFields(form)),
  );
  const educationWeekdays = weekdayList(days);
  const badDays = days.length !== educationWeekdays.split(",").filter(Boolean).length;
  if (!parsed.ok || badDays) {
    return { ok: false as const, errors: { ...(parsed.ok ? {} : parsed.errors), ...(badDays ? { educationWeekdays: [msg.invalid] } : {}) } as Errors };
  }
  const { stipendHagar, stipendEmployer, ...rest } = parsed.data;
  return { ok: true as const, data: { ...rest, educationWeekdays, stipendHagarCents: stipendHagar ?? 0, stipendEmployerCents: stipendEmployer ?? 0 } };
}

export function parseTransfer(form: FormData, today: string) {
  return flat(
    z
      .object({
        employerId: id,
        trainerUserId: id,
        frameworkVersionId: id,
        transferOn: pastDate(today),
        plannedWeeks,
      })
      .safeParse(formFields(form)),
  );
}

export function parsePlacementEnd(form: FormData, today: string) {
  const parsed = flat(
    z
      .object({
        endedOn: pastDate(today),
        outcome: z.enum(PLACEMENT_OUTCOMES, { error: msg.required }),
        endReason: requiredText(500),
        startingSalary: money(),
      })
      .safeParse(formFields(form)),
  );
  if (!parsed.ok) return parsed;
  const { startingSalary, ...rest } = parsed.data;
  return { ok: true as const, data: { ...rest, startingSalaryCents: startingSalary } };
}

/** Staff correct a placement's start date and planned length, with a reason (docs/decisions/0022). */
export function parsePlacementCorrection(form: FormData, today: string) {
  return flat(
    z
      .object({
        startDate: date(placementStartRule(today)),
        plannedWeeks,
        reason: requiredText(500),
      })
      .safeParse(Object.fromEntries(form)),
  );
}
