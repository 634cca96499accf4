/**
 * Admin forms: accounts, sites and the audit log's filters. Server-only: zod stays out of the
 * browser bundle. Messages are catalogue keys, shown beside the field they concern.
 */
import { z } from "zod";

import { ROLES } from "~/domain/enums";

import { choice, intent, intents, msg, optional, optionalDate, optionalId, optionalInteger, pin, requiredText } from "./fields.server";
import { parseForm, type FormInput } from "./parse.server";

const PASSWORD_MIN = 10;

const password = z
  .string({ error: msg.required })
  .min(1, { error: msg.required, abort: true })
  .min(PASSWORD_MIN, { error: "admin.errors.passwordShort" })
  .max(256, { error: msg.tooLong });

// ---------------------------------------------------------------------------------------------
// Accounts

const CreateUserSchema = z
  .object({
    username: z
      .string({ error: msg.required })
      .trim()
      .toLowerCase()
      .min(1, { error: msg.required, abort: true })
      .max(64, { error: msg.tooLong, abort: true })
      .regex(/^[a-z0-9][a-z0-9._-]*$/, { error: "admin.errors.username" }),
    displayName: requiredText(120),
    role: choice(ROLES),
    siteId: optionalId(),
    employerId: optionalId(),
    apprenticeId: optionalId(),
    password: optional(password),
    pin: optional(pin()),
  })
  .superRefine((v, ctx) => {
    // Each role needs its link (staff → site, trainer → employer, apprentice → record) and a way to sign in.
    if (v.role === "staff" && v.siteId === undefined) ctx.addIssue({ code: "custom", path: ["siteId"], message: "admin.errors.siteNeeded" });
    if (v.role === "trainer" && v.employerId === undefined) ctx.addIssue({ code: "custom", path: ["employerId"], message: "admin.errors.employerNeeded" });
    if (v.role === "apprentice" && v.apprenticeId === undefined)
      ctx.addIssue({ code: "custom", path: ["apprenticeId"], message: "admin.errors.apprenticeNeeded" });
    if (v.role === "apprentice" && v.pin === undefined && v.password === undefined)
      ctx.addIssue({ code: "custom", path: ["pin"], message: "admin.errors.pinNeeded" });
    if ((v.role === "admin" || v.role === "staff") && v.password === undefined) ctx.addIssue({ code: "custom", path: ["password"], message: msg.required });
  })
  .transform((v) => ({
    ...v,
    // Only the link the role uses is kept: the rest of the form is ignored.
    siteId: v.role === "staff" ? v.siteId : undefined,
    employerId: v.role === "trainer" ? v.employerId : undefined,
    apprenticeId: v.role === "apprentice" ? v.apprenticeId : undefined,
    pin: v.role === "apprentice" ? v.pin : undefined,
  }));

export function parseCreateUser(form: FormInput) {
  return parseForm(form, CreateUserSchema);
}

const UserIntentSchema = intents(
  intent("password", { password }),
  intent("pin", { pin: pin() }),
  intent("deactivate"),
  intent("reactivate"),
  intent("endSession", { sessionId: z.string({ error: msg.invalid }).regex(/^[0-9a-f]{64}$/, { error: msg.invalid }) }),
  intent("endAllSessions"),
);

export function parseUserIntent(form: FormInput) {
  return parseForm(form, UserIntentSchema);
}

// ---------------------------------------------------------------------------------------------
// Sites

const SiteSchema = z.object({
  siteId: optionalId(),
  code: z
    .string({ error: msg.required })
    .trim()
    .toUpperCase()
    .min(1, { error: msg.required, abort: true })
    .regex(/^[A-Z]{2}$/, { error: "admin.errors.siteCode" }),
  nameEn: requiredText(120),
  nameKm: requiredText(120),
});

export function parseSite(form: FormInput) {
  return parseForm(form, SiteSchema);
}

// ---------------------------------------------------------------------------------------------
// Audit log filters (GET)

const filterText = (max: number) => optional(z.string({ error: msg.invalid }).trim().max(max, { error: msg.tooLong }));

const AuditFiltersSchema = z
  .object({
    actor: filterText(64),
    entity: filterText(64),
    action: filterText(64),
    from: optionalDate({ error: msg.invalid }),
    to: optionalDate({ error: msg.invalid }),
    page: optionalInteger({ min: 1, max: 100_000 }).transform((v) => v ?? 1),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { path: ["to"], error: "admin.errors.dateOrder" });

export function parseAuditFilters(params: URLSearchParams) {
  return parseForm(params, AuditFiltersSchema);
}
