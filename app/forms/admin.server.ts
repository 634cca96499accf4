/**
 * Admin forms: accounts, sites and the audit log's filters. Server-only: zod stays out of the
 * browser bundle. Messages are catalogue keys, shown beside the field they concern.
 */
import { z } from "zod";

import { isIsoDate } from "~/domain/dates";
import { ROLES } from "~/domain/enums";
import { formFields } from "~/forms/form-data.server";
import { msg, requiredText } from "~/utils/validation";

import { flat, optionalId as optionalIdField, optionalInteger } from "./fields.server";
import { isGuessablePin } from "~/domain/pin";


const fields = formFields;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalId = optionalIdField();

export const PASSWORD_MIN = 10;

const password = z
  .string({ error: msg.required })
  .min(1, { error: msg.required, abort: true })
  .min(PASSWORD_MIN, { error: "admin.errors.passwordShort" })
  .max(256, { error: msg.tooLong });

const pin = z
  .string({ error: "pin.errors.format" })
  .trim()
  .regex(/^\d{6}$/, { error: "pin.errors.format" })
  .refine((p) => !/^\d{6}$/.test(p) || !isGuessablePin(p), { error: "pin.errors.guessable" });

// ---------------------------------------------------------------------------------------------
// Accounts

export function parseCreateUser(form: FormData) {
  return flat(
    z
      .object({
        username: z
          .string({ error: msg.required })
          .trim()
          .toLowerCase()
          .min(1, { error: msg.required, abort: true })
          .max(64, { error: msg.tooLong, abort: true })
          .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: "admin.errors.username" }),
        displayName: requiredText(120),
        role: z.enum(ROLES, { error: msg.required }),
        siteId: optionalId,
        employerId: optionalId,
        apprenticeId: optionalId,
        password: z.preprocess(blankToUndefined, password.optional()),
        pin: z.preprocess(blankToUndefined, pin.optional()),
      })
      .superRefine((v, ctx) => {
        // Each role needs its link (staff → site, trainer → employer, apprentice → record) and a way to sign in.
        if (v.role === "staff" && v.siteId === undefined) ctx.addIssue({ code: "custom", path: ["siteId"], message: "admin.errors.siteNeeded" });
        if (v.role === "trainer" && v.employerId === undefined) ctx.addIssue({ code: "custom", path: ["employerId"], message: "admin.errors.employerNeeded" });
        if (v.role === "apprentice" && v.apprenticeId === undefined) ctx.addIssue({ code: "custom", path: ["apprenticeId"], message: "admin.errors.apprenticeNeeded" });
        if (v.role === "apprentice" && v.pin === undefined && v.password === undefined) ctx.addIssue({ code: "custom", path: ["pin"], message: "admin.errors.pinNeeded" });
        if ((v.role === "admin" || v.role === "staff") && v.password === undefined) ctx.addIssue({ code: "custom", path: ["password"], message: msg.required });
      })
      .transform((v) => ({
        ...v,
        // Only the link the role uses is kept: the rest of the form is ignored.
        siteId: v.role === "staff" ? v.siteId : undefined,
        employerId: v.role === "trainer" ? v.employerId : undefined,
        apprenticeId: v.role === "apprentice" ? v.apprenticeId : undefined,
        pin: v.role === "apprentice" ? v.pin : undefined,
      }))
      .safeParse(fields(form)),
  );
}

export const UserIntentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("password"), password }),
  z.object({ intent: z.literal("pin"), pin }),
  z.object({ intent: z.literal("deactivate") }),
  z.object({ intent: z.literal("reactivate") }),
  z.object({ intent: z.literal("endSession"), sessionId: z.string({ error: msg.invalid }).regex(/^[0-9a-f]{64}$/, { error: msg.invalid }) }),
  z.object({ intent: z.literal("endAllSessions") }),
]);

export function parseUserIntent(form: FormData) {
  return flat(UserIntentSchema.safeParse(fields(form)));
}

// ---------------------------------------------------------------------------------------------
// Sites

export function parseSite(form: FormData) {
  return flat(
    z
      .object({
        siteId: optionalId,
        code: z
          .string({ error: msg.required })
          .trim()
          .toUpperCase()
          .min(1, { error: msg.required, abort: true })
          .regex(/^[A-Z]{2}$/, { error: "admin.errors.siteCode" }),
        nameEn: requiredText(120),
        nameKm: requiredText(120),
      })
      .safeParse(fields(form)),
  );
}

// ---------------------------------------------------------------------------------------------
// Audit log filters (GET)

const optionalText = (max: number) => z.preprocess(blankToUndefined, z.string().trim().max(max, { error: msg.tooLong }).optional());
const optionalDate = z.preprocess(
  blankToUndefined,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: msg.invalid })
    .refine(isIsoDate, { error: msg.invalid })
    .optional(),
);

export function parseAuditFilters(params: URLSearchParams) {
  return flat(
    z
      .object({
        actor: optionalText(64),
        entity: optionalText(64),
        action: optionalText(64),
        from: optionalDate,
        to: optionalDate,
        page: optionalInteger({ min: 1, max: 100_000 }).transform((v) => v ?? 1),
      })
      .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], error: "admin.errors.dateOrder" })
      .safeParse(fields(params)),
  );
}

export type AuditFilters = Extract<ReturnType<typeof parseAuditFilters>, { ok: true }>["data"];
