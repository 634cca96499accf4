/** Staff forms' schemas (server-only: zod stays out of the browser bundle). */
import { z } from "zod";

import { isIsoDate } from "~/domain/dates";
import { FOLLOW_UP_KINDS, MANUAL_STATUSES, OUTCOME_CHECKIN_MONTHS } from "~/domain/enums";
import { formFields } from "~/forms/form-data.server";
import { msg, requiredText } from "~/utils/validation";

export const LinkIntentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    days: z.coerce
      .number({ error: msg.invalid })
      .int({ error: "links.errors.days" })
      .min(1, { error: "links.errors.days" })
      .max(30, { error: "links.errors.days" }),
  }),
  z.object({ intent: z.literal("revoke"), linkId: z.coerce.number({ error: msg.invalid }).int().positive() }),
]);

export function parseLinkIntent(form: FormData) {
  const parsed = LinkIntentSchema.safeParse(formFields(form));
  if (parsed.success) return { ok: true as const, data: parsed.data };
  return { ok: false as const, errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined> };
}

const isoDate = z
  .string({ error: msg.required })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg.invalid })
  .refine(isIsoDate, { error: msg.invalid });

/** Dates staff record happened: not in the future. */
const pastDate = (today: string) => isoDate.refine((d) => d <= today, { error: "staffRecord.errors.future" });

function flat<T>(result: z.ZodSafeParseResult<T>) {
  if (result.success) return { ok: true as const, data: result.data };
  return { ok: false as const, errors: z.flattenError(result.error).fieldErrors as Record<string, string[] | undefined> };
}

export function parseManualStatus(form: FormData, today: string) {
  return flat(
    z
      .object({
        status: z.enum(MANUAL_STATUSES, { error: msg.required }),
        reason: requiredText(500),
        statusDate: pastDate(today),
      })
      .safeParse(formFields(form)),
  );
}

export function parseFollowUpNote(form: FormData, today: string) {
  return flat(
    z
      .object({
        kind: z.enum(FOLLOW_UP_KINDS, { error: msg.required }),
        occurredOn: pastDate(today),
        body: requiredText(2000),
        placementId: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().positive().optional()),
      })
      .safeParse(formFields(form)),
  );
}

export function parseOutcomeCheckin(form: FormData, today: string) {
  return flat(
    z
      .object({
        months: z.coerce.number({ error: msg.required }).refine((m) => (OUTCOME_CHECKIN_MONTHS as readonly number[]).includes(m), { error: msg.invalid }),
        checkedOn: pastDate(today),
        employed: z.enum(["yes", "no"], { error: msg.required }).transform((v) => v === "yes"),
        employerName: z.string().trim().max(200, { error: msg.tooLong }).optional().transform((v) => v || null),
        monthlySalary: z
          .string()
          .trim()
          .optional()
          .transform((v, ctx) => {
            if (!v) return null;
            const usd = Number(v);
            if (!Number.isFinite(usd) || usd < 0 || usd > 10_000) {
              ctx.addIssue({ code: "custom", message: "staffRecord.errors.salary" });
              return z.NEVER;
            }
            return Math.round(usd * 100);
          }),
        note: z.string().trim().max(1000, { error: msg.tooLong }).optional().transform((v) => v || null),
      })
      .safeParse(formFields(form)),
  );
}
