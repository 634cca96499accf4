import type { Actor } from "~/domain/permissions";
import { parseFlagFilters } from "~/forms/flags.server";

import { employerInScope, filterChoices, trainerInScope } from "./flag-review.server";

/**
 * Parse the inbox's query string against the caller's own sites, employers and trainers. The
 * employer and trainer choices are those of the caller's site — for admin, of the site chosen
 * (every site's would fill the page), so admin picks a site first; an id is checked on its own.
 */
export function flagFiltersFor(actor: Actor, params: URLSearchParams) {
  const site = actor.role === "admin" ? Number(params.get("site") ?? "") : NaN;
  const choices = filterChoices(actor, Number.isSafeInteger(site) && site > 0 ? site : undefined);
  const parsed = parseFlagFilters(params, {
    sites: actor.role === "admin" ? choices.sites.map((s) => s.id) : null,
    employer: (id) => employerInScope(actor, id),
    trainer: (id) => trainerInScope(actor, id),
  });
  return { choices, parsed };
}

export function toFlagFilters(data: { site?: number; employer?: number; trainer?: number; rule?: string; severity?: string; status?: string }) {
  return {
    siteId: data.site,
    employerId: data.employer,
    trainerUserId: data.trainer,
    rule: data.rule as never,
    severity: data.severity as never,
    status: (data.status ?? "active") as never,
  };
}
