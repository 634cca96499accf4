/** Staff forms' schemas (server-only: zod stays out of the browser bundle). */
import { z } from "zod";

import { FOLLOW_UP_KINDS, MANUAL_STATUSES, OUTCOME_CHECKIN_MONTHS } from "~/domain/enums";
import { happenedRule } from "~/domain/plausible";
import { formFields } from "~/forms/form-data.server";
import { msg, requiredText } from "~/utils/validation";

import { date, flat, id, integer, money, optionalId } from "./fields.server";

export const LinkIntentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    days: integer({ min: 1, max: 30, error: "links.errors.days" }),
  }),
  z.object({ intent: z.literal("revoke"), linkId: id() }),
]);

export function parseLinkIntent(form: FormData) {
  return flat(LinkIntentSchema.safeParse(formFields(form)));
}

function since(today: string, from: string | null, beforeError: string) {
  return date(happenedRule(today, from, beforeError));
}

/**
 * A manual status, dated "as of": not in the future, not before the placement came on record,
 * and not before the current status (the latest entered is the current one, so dates keep the
 * order of entry).
 */
export function parseManualStatus(form: FormData, bounds: { today: string; placementSince: string | null; currentStatusDate: string | null }) {
  return flat(
    z
      .object({
        status: z.enum(MANUAL_STATUSES, { error: msg.required }),
        reason: requiredText(500),
        statusDate: date(happenedRule(bounds.today, bounds.placementSince, "plausible.errors.beforePlacement"), (d) =>
          bounds.currentStatusDate !== null && d < bounds.currentStatusDate ? "plausible.errors.beforeCurrentStatus" : null,
        ),
      })
      .safeParse(formFields(form)),
  );
}

export function parseFollowUpNote(form: FormData, bounds: { today: string; apprenticeSince: string | null }) {
  return flat(
    z
      .object({
        kind: z.enum(FOLLOW_UP_KINDS, { error: msg.required }),
        occurredOn: since(bounds.today, bounds.apprenticeSince, "plausible.errors.beforeApprentice"),
        body: requiredText(2000),
        placementId: optionalId(),
      })
      .safeParse(formFields(form)),
  );
}

const checkinFields = (bounds: { today: string; exitedOn: string }) => ({
  checkedOn: since(bounds.today, bounds.exitedOn, "plausible.errors.beforeExit"),
  employed: z.enum(["yes", "no"], { error: msg.required }).transform((v) => v === "yes"),
  employerName: z.string().trim().max(200, { error: msg.tooLong }).optional().transform((v) => v || null),
  monthlySalary: money(),
  note: z.string().trim().max(1000, { error: msg.tooLong }).optional().transform((v) => v || null),
});

/** An outcome check-in, for an apprentice who has left training (`exitedOn`), dated from then to today. */
export function parseOutcomeCheckin(form: FormData, bounds: { today: string; exitedOn: string }) {
  return flat(
    z
      .object({
        months: integer({ min: 1, max: 24, oneOf: OUTCOME_CHECKIN_MONTHS }),
        ...checkinFields(bounds),
      })
      .safeParse(Object.fromEntries(form)),
  );
}

/** A correction of a check-in: the same fields, the one it corrects, and why. */
export function parseCheckinCorrection(form: FormData, bounds: { today: string; exitedOn: string }) {
  return flat(
    z
      .object({
        checkinId: id(),
        ...checkinFields(bounds),
        correctionReason: requiredText(500),
      })
      .safeParse(Object.fromEntries(form)),
  );
}

/** A correction of a follow-up note or a plan comment: the row it corrects, the new text, and why. */
export function parseTextCorrection(form: FormData, maxBody: number) {
  return flat(
    z
      .object({
        supersedesId: id(),
        body: requiredText(maxBody),
        correctionReason: requiredText(500),
      })
      .safeParse(formFields(form)),
  );
}
