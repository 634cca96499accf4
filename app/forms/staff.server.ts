/**
 * The staff apprentice record's forms (follow-up notes, outcome check-ins, corrections, plan
 * comments, the PIN, and the administration forms of ./records.server.ts) and a trainer's
 * sign-in links. Server-only: zod stays out of the browser bundle.
 */
import { FOLLOW_UP_KINDS, OUTCOME_CHECKIN_MONTHS } from "~/domain/enums";
import { PLAN_COMMENT_MAX } from "~/domain/writing-limits";
import { happenedRule } from "~/domain/plausible";

import { choice, date, id, integer, intent, intents, money, optionalId, optionalText, phone, refusedIntent, requiredText, yesNo } from "./fields.server";
import { planCommentFields, staffPinFields } from "./me.server";
import { parseForm, type FormInput } from "./parse.server";
import { consentFields, exitFields, phaseFields, profileFields } from "./records.server";
import { telegramIntents } from "./reminders.server";

// ---------------------------------------------------------------------------------------------
// A trainer's sign-in links

const TrainerIntentSchema = intents(
  intent("create", { days: integer({ min: 1, max: 30, error: "links.errors.days" }) }),
  intent("revoke", { linkId: id() }),
  // The same rule as the add-trainer form's phone (./records.server.ts); blank removes it.
  intent("phone", { phone: phone() }),
  ...telegramIntents,
);

/** A trainer's page for staff: sign-in links, the trainer's phone, and the trainer's Telegram link. */
export function parseTrainerIntent(form: FormInput) {
  return parseForm(form, TrainerIntentSchema);
}

// ---------------------------------------------------------------------------------------------
// The staff apprentice record

/** A follow-up note's body and its corrections' are at most this long. */
export const NOTE_BODY_MAX = 2000;

const since = (today: string, from: string | null, beforeError: string) => date(happenedRule(today, from, beforeError));

const checkinFields = (bounds: { today: string; exitedOn: string }) => ({
  checkedOn: since(bounds.today, bounds.exitedOn, "plausible.errors.beforeExit"),
  employed: yesNo(),
  employerName: optionalText(200),
  monthlySalary: money(),
  note: optionalText(1000),
});

const correctionOf = (maxBody: number) => ({ supersedesId: id(), body: requiredText(maxBody), correctionReason: requiredText(500) });

export interface RecordBounds {
  today: string;
  /** When the apprentice came on record: no note is dated before. */
  apprenticeSince: string | null;
  /** When the apprentice left training; check-ins come after it, and are refused before. */
  exitedOn: string | null;
}

const ApprenticeRecordSchema = (bounds: RecordBounds) => {
  const exitedOn = bounds.exitedOn;
  return intents(
    intent("note", {
      kind: choice(FOLLOW_UP_KINDS),
      occurredOn: since(bounds.today, bounds.apprenticeSince, "plausible.errors.beforeApprentice"),
      body: requiredText(NOTE_BODY_MAX),
      placementId: optionalId(),
    }),
    intent("correctNote", correctionOf(NOTE_BODY_MAX)),
    intent("correctComment", correctionOf(PLAN_COMMENT_MAX)),
    // Check-ins follow the apprentice's exit from training: before it, the form is refused whole.
    exitedOn === null
      ? refusedIntent("checkin", "plausible.errors.notExited")
      : intent("checkin", { months: integer({ min: 1, max: 24, oneOf: OUTCOME_CHECKIN_MONTHS }), ...checkinFields({ today: bounds.today, exitedOn }) }),
    exitedOn === null
      ? refusedIntent("correctCheckin", "plausible.errors.notExited")
      : intent("correctCheckin", { checkinId: id(), ...checkinFields({ today: bounds.today, exitedOn }), correctionReason: requiredText(500) }),
    intent("comment", planCommentFields),
    intent("pin", staffPinFields),
    intent("profile", profileFields(bounds.today)),
    intent("phase", phaseFields(bounds.today)),
    intent("consent", consentFields),
    intent("exit", exitFields(bounds.today)),
  );
};

/** The forms of the staff apprentice record, told apart by their intent. */
export function parseApprenticeRecordIntent(form: FormInput, bounds: RecordBounds) {
  return parseForm(form, ApprenticeRecordSchema(bounds));
}

// ---------------------------------------------------------------------------------------------
// An apprentice's sign-in card (docs/decisions/0029): one button

const CardIntentSchema = intents(intent("make"));

export function parseCardIntent(form: FormInput) {
  return parseForm(form, CardIntentSchema);
}
