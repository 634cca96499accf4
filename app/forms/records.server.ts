/**
 * Staff administration forms: apprentices (enrol, profile, phase, consent, exit), employers and
 * their trainers, placements (create, correct, change trainer, transfer, end) and the manual
 * status. Server-only: zod stays out of the browser bundle.
 */
import { z } from "zod";

import { CONSENT_ITEMS, EMPLOYER_SECTORS, GENDERS, MANUAL_STATUSES, PHASES, PLACEMENT_OUTCOMES } from "~/domain/enums";
import { dateOfBirthRule, happenedRule, placementStartRule } from "~/domain/plausible";
import { PLANNED_WEEKS_MAX, PLANNED_WEEKS_MIN, weekdayList } from "~/domain/records";

import { choice, date, id, integer, intent, intents, list, money, msg, optionalId, optionalText, pastDate, phone, requiredText, yesNo } from "./fields.server";
import { parseForm, type FormInput } from "./parse.server";

const plannedWeeks = integer({ min: PLANNED_WEEKS_MIN, max: PLANNED_WEEKS_MAX, error: "records.errors.plannedWeeks" });

// ---------------------------------------------------------------------------------------------
// Apprentices

/** The profile: enrolled with it, edited on the staff apprentice record. */
export const profileFields = (today: string) => ({
  preferredName: requiredText(100),
  legalName: requiredText(200),
  dateOfBirth: date(dateOfBirthRule(today)),
  gender: choice(GENDERS),
  intakeId: optionalId(),
  referralSource: optionalText(200),
  background: optionalText(2000),
});

const ApprenticeCreateSchema = (today: string) =>
  z.object({
    code: z
      .string({ error: msg.required })
      .trim()
      .toUpperCase()
      .min(1, { error: msg.required })
      .regex(/^[A-Z][A-Z0-9]{0,3}-\d{2}-\d{3}$/, { error: "records.errors.codePattern" }),
    siteId: optionalId(),
    ...profileFields(today),
    /** The consents given at enrolment: ticked boxes. */
    consent: list(CONSENT_ITEMS),
  });

export function parseApprenticeCreate(form: FormInput, today: string) {
  const parsed = parseForm(form, ApprenticeCreateSchema(today));
  if (!parsed.ok) return parsed;
  const { consent, ...rest } = parsed.value;
  return { ok: true as const, value: { ...rest, consents: consent } };
}

const PHASES_BY_HAND = PHASES.filter((p) => p !== "exited") as unknown as readonly [
  Exclude<(typeof PHASES)[number], "exited">,
  ...Exclude<(typeof PHASES)[number], "exited">[],
];

/** A phase change by hand (an exit has its own form, with its outcome). */
export const phaseFields = (today: string) => ({ phase: choice(PHASES_BY_HAND), changedOn: pastDate(today), note: optionalText(500) });

export const consentFields = { item: choice(CONSENT_ITEMS), granted: yesNo(), note: optionalText(500) };

export const exitFields = (today: string) => ({ exitedOn: pastDate(today), outcome: choice(PLACEMENT_OUTCOMES), reason: requiredText(500) });

// ---------------------------------------------------------------------------------------------
// Employers and their trainers

const employerFields = {
  name: requiredText(200),
  sector: choice(EMPLOYER_SECTORS),
  district: requiredText(100),
  contactName: optionalText(200),
  contactPhone: phone(),
};

/** A new employer; `siteId` only from admin (staff add to their own site). */
export function parseEmployer(form: FormInput) {
  return parseForm(form, z.object({ ...employerFields, siteId: optionalId() }));
}

const trainerFields = {
  displayName: requiredText(100),
  username: z
    .string({ error: msg.required })
    .trim()
    .toLowerCase()
    .min(1, { error: msg.required })
    .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, { error: "records.errors.username" }),
  phone: phone(),
};

const EmployerIntentSchema = intents(
  intent("edit", employerFields),
  intent("deactivate"),
  intent("reactivate"),
  intent("addTrainer", trainerFields),
  intent("deactivateTrainer", { trainerUserId: id() }),
  intent("reactivateTrainer", { trainerUserId: id() }),
);

/** The forms of an employer's page. */
export function parseEmployerIntent(form: FormInput) {
  return parseForm(form, EmployerIntentSchema);
}

// ---------------------------------------------------------------------------------------------
// Placements

const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;

const PlacementCreateSchema = (today: string) =>
  z
    .object({
      apprenticeId: id(),
      employerId: id(),
      trainerUserId: id(),
      frameworkVersionId: id(),
      startDate: date(placementStartRule(today)),
      plannedWeeks,
      educationWeekdays: list(WEEKDAYS),
      stipendHagar: money({ blankIsZero: true }),
      stipendEmployer: money({ blankIsZero: true }),
    })
    .transform(({ educationWeekdays, stipendHagar, stipendEmployer, ...rest }) => ({
      ...rest,
      educationWeekdays: weekdayList(educationWeekdays.map(Number)),
      stipendHagarCents: stipendHagar ?? 0,
      stipendEmployerCents: stipendEmployer ?? 0,
    }));

export function parsePlacementCreate(form: FormInput, today: string) {
  return parseForm(form, PlacementCreateSchema(today));
}

const endFields = (today: string) => ({
  endedOn: pastDate(today),
  outcome: choice(PLACEMENT_OUTCOMES),
  endReason: requiredText(500),
  startingSalary: money(),
});

/** The bounds of a manual status's "as of" date (docs/decisions/0022). */
export interface StatusBounds {
  today: string;
  placementSince: string | null;
  currentStatusDate: string | null;
}

/**
 * The forms of a placement's page. The manual status form was the page's first and sends no
 * intent from older pages and scripts: without an intent, the form is "status".
 */
const PlacementIntentSchema = (bounds: StatusBounds) =>
  z.preprocess(
    (v) => (typeof v === "object" && v !== null && (v as { intent?: unknown }).intent === undefined ? { ...v, intent: "status" } : v),
    intents(
      intent("status", {
        status: choice(MANUAL_STATUSES),
        reason: requiredText(500),
        // "As of": not in the future, not before the placement came on record, and not before
        // the current status (the latest entered is the current one, so dates keep the order of entry).
        statusDate: date(happenedRule(bounds.today, bounds.placementSince, "plausible.errors.beforePlacement"), (d) =>
          bounds.currentStatusDate !== null && d < bounds.currentStatusDate ? "plausible.errors.beforeCurrentStatus" : null,
        ),
      }),
      intent("changeTrainer", { trainerUserId: id() }),
      intent("correct", { startDate: date(placementStartRule(bounds.today)), plannedWeeks, reason: requiredText(500) }),
      intent("transfer", { employerId: id(), trainerUserId: id(), frameworkVersionId: id(), transferOn: pastDate(bounds.today), plannedWeeks }),
      intent("complete", endFields(bounds.today)),
      intent("withdraw", endFields(bounds.today)),
    ),
  );

export function parsePlacementIntent(form: FormInput, bounds: StatusBounds) {
  return parseForm(form, PlacementIntentSchema(bounds));
}
