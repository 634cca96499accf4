import type { Actor } from "~/domain/permissions";
import { parseFlagFilters } from "~/forms/flags.server";

import { filterChoices } from "./flag-review.server";
import { reachesEverySite } from "./scope.server";

/** Parse the inbox's query string against the caller's own sites, employers and trainers. */
export function flagFiltersFor(actor: Actor, params: URLSearchParams) {
  const choices = filterChoices(actor);
  const parsed = parseFlagFilters(params, {
    sites: reachesEverySite(actor) ? choices.sites.map((s) => s.id) : null,
    employers: choices.employers.map((e) => e.id),
    trainers: choices.trainers.map((t) => t.id),
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
