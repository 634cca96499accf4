/**
 * The reports' filters, from the query string (server-only: zod stays out of the browser bundle).
 * A bad value is a 400 that names the field, shown beside the filter form — never an empty
 * report that looks like "nothing happened", and never a 500.
 */
import { z } from "zod";

import { addDays, daysBetween, mondayOf } from "~/domain/dates";
import { ACCOUNTABILITY_SORTS, DEFAULT_ACCOUNTABILITY_SORT, MAX_PERIOD_DAYS, type AccountabilitySort } from "~/domain/reports";

import { optionalChoice, optionalDate, optionalId } from "./fields.server";
import { parseForm } from "./parse.server";

/** Default periods: the last 12 weeks (from a Monday) for trainers; outcomes need a longer view. */
const DEFAULT_WEEKS = { trainers: 12, outcomes: 104 } as const;

const period = {
  from: optionalDate({ error: "reports.errors.date" }),
  to: optionalDate({ error: "reports.errors.date" }),
  site: optionalId("reports.errors.site"),
};
/** `intake` is read by the outcomes report only, `sort` by the trainer report only: the other is ignored. */
const FILTERS = {
  trainers: z.object({ ...period, sort: optionalChoice(ACCOUNTABILITY_SORTS, "reports.errors.sort") }),
  outcomes: z.object({ ...period, intake: optionalId("reports.errors.intake") }),
};

export interface ReportFilters {
  from: string;
  to: string;
  siteId: number | undefined;
  intakeId: number | undefined;
  sort: AccountabilitySort;
}

export type FilterErrors = Partial<Record<"from" | "to" | "site" | "intake" | "sort", string[]>>;

export type ParsedFilters = { ok: true; data: ReportFilters } | { ok: false; errors: FilterErrors };

/**
 * Parse and check the filters against what the caller may see: `site` must be one of
 * `allowedSiteIds` (staff: their own; admin: any), `intake` one of `allowedIntakes` (and of the
 * chosen site). `intake` is read by the outcomes report only, `sort` by the trainer report only.
 */
export function parseReportFilters(
  params: URLSearchParams,
  options: {
    report: "trainers" | "outcomes";
    today: string;
    allowedSiteIds: readonly number[];
    allowedIntakes?: readonly { id: number; siteId: number }[];
  },
): ParsedFilters {
  const parsed = parseForm(params, FILTERS[options.report]);
  if (!parsed.ok) return { ok: false, errors: parsed.errors as FilterErrors };
  const { site } = parsed.value;
  const intake = "intake" in parsed.value ? parsed.value.intake : undefined;
  const sort = "sort" in parsed.value ? parsed.value.sort : undefined;
  const weeks = DEFAULT_WEEKS[options.report];
  // Without dates: the last `weeks` weeks ending today (this week included, from its Monday).
  const to = parsed.value.to ?? options.today;
  const from = parsed.value.from ?? addDays(mondayOf(to), -7 * (weeks - 1));

  const errors: FilterErrors = {};
  if (from > to) errors.to = ["reports.errors.order"];
  else if (daysBetween(from, to) + 1 > MAX_PERIOD_DAYS) errors.to = ["reports.errors.span"];
  if (site !== undefined && !options.allowedSiteIds.includes(site)) errors.site = ["reports.errors.site"];
  if (intake !== undefined) {
    const found = options.allowedIntakes?.find((i) => i.id === intake);
    if (!found) errors.intake = ["reports.errors.intake"];
    else if (site !== undefined && found.siteId !== site) errors.intake = ["reports.errors.intakeSite"];
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, data: { from, to, siteId: site, intakeId: intake, sort: sort ?? DEFAULT_ACCOUNTABILITY_SORT } };
}
