/** The flags inbox's filters and the review form (server-only). */
import { z } from "zod";

import { FLAG_RULES, FLAG_SEVERITIES, FLAG_STATUSES } from "~/domain/enums";
import type { FieldErrorMap } from "~/domain/field-errors";

import { intent, intents, optionalChoice, optionalId, requiredText } from "./fields.server";
import { parseForm, type FormInput } from "./parse.server";

const FilterSchema = z.object({
  site: optionalId(),
  employer: optionalId(),
  trainer: optionalId(),
  rule: optionalChoice(FLAG_RULES, "flags.errors.unknown"),
  severity: optionalChoice(FLAG_SEVERITIES, "flags.errors.unknown"),
  status: optionalChoice(["active", "all", ...FLAG_STATUSES] as const, "flags.errors.unknown"),
});

/**
 * Filters from the query string. Ids must be `allowed` (the caller's own sites, employers and
 * trainers): a foreign id is a clear 400, never an empty list that looks like "no flags".
 */
export function parseFlagFilters(
  params: URLSearchParams,
  allowed: { sites: number[] | null; employer: (id: number) => boolean; trainer: (id: number) => boolean },
) {
  const parsed = parseForm(params, FilterSchema);
  if (!parsed.ok) return { ok: false as const, errors: parsed.errors };
  const errors: FieldErrorMap = {};
  const { site, employer, trainer } = parsed.value;
  if (site !== undefined && (allowed.sites === null || !allowed.sites.includes(site))) errors.site = ["flags.errors.foreign"];
  if (employer !== undefined && !allowed.employer(employer)) errors.employer = ["flags.errors.foreign"];
  if (trainer !== undefined && !allowed.trainer(trainer)) errors.trainer = ["flags.errors.foreign"];
  if (Object.keys(errors).length > 0) return { ok: false as const, errors };
  return { ok: true as const, data: parsed.value };
}

/**
 * The site a query string names, when it is a well-formed id: admin's choice of site, whose
 * employers and trainers the filters then offer (checked against the caller's sites afterwards).
 */
export function chosenSite(params: URLSearchParams): number | undefined {
  const parsed = optionalId().safeParse(params.get("site") ?? "");
  return parsed.success ? parsed.data : undefined;
}

const idsOf = (rows: readonly { id: number }[]) => rows.map((r) => r.id);

/**
 * The inbox's filters, checked against the caller's own sites (`filterChoices` in
 * `app/db/flag-review.server.ts`: staff get no choice of site) and an employer or trainer the
 * caller may filter by (`employerInScope`, `trainerInScope`: an id is checked on its own, since
 * admin's choices hold only the chosen site's), in the shape `listFlags` takes.
 */
export function parseInboxFilters(
  params: URLSearchParams,
  allowed: { sites: readonly { id: number }[]; employer: (id: number) => boolean; trainer: (id: number) => boolean },
) {
  const parsed = parseFlagFilters(params, { sites: idsOf(allowed.sites), employer: allowed.employer, trainer: allowed.trainer });
  if (!parsed.ok) return parsed;
  const { site, employer, trainer, rule, severity, status } = parsed.data;
  return { ok: true as const, data: { siteId: site, employerId: employer, trainerUserId: trainer, rule, severity, status: status ?? "active" } };
}

const note = { note: requiredText(1000) };
const ReviewSchema = intents(intent("acknowledge", note), intent("resolve", note), intent("dismiss", note));

export function parseFlagReview(form: FormInput) {
  return parseForm(form, ReviewSchema);
}
