/**
 * The reports' filters, from the query string (server-only: zod stays out of the browser bundle).
 * A bad value is a 400 that names the field, shown beside the filter form — never an empty
 * report that looks like "nothing happened", and never a 500.
 */
import { z } from "zod";

import { addDays, daysBetween, isIsoDate, mondayOf } from "~/domain/dates";
import { ACCOUNTABILITY_SORTS, DEFAULT_ACCOUNTABILITY_SORT, MAX_PERIOD_DAYS, type AccountabilitySort } from "~/domain/reports";
import { msg } from "~/utils/validation";

import { optionalId } from "./fields.server";

/** Default periods: the last 12 weeks (from a Monday) for trainers; outcomes need a longer view. */
export const DEFAULT_WEEKS = { trainers: 12, outcomes: 104 } as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

const isoDate = z.preprocess(
  blankToUndefined,
  z.string({ error: msg.invalid }).refine(isIsoDate, { error: "reports.errors.date" }).optional(),
);


const FilterSchema = z.object({
  from: isoDate,
  to: isoDate,
  site: optionalId("reports.errors.site"),
  intake: optionalId("reports.errors.intake"),
  sort: z.preprocess(blankToUndefined, z.enum(ACCOUNTABILITY_SORTS, { error: "reports.errors.sort" }).optional()),
});

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
  const raw = Object.fromEntries(params);
  if (options.report === "trainers") delete raw.intake;
  else delete raw.sort;
  const parsed = FilterSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: z.flattenError(parsed.error).fieldErrors as FilterErrors };

  const { site, intake, sort } = parsed.data;
  const weeks = DEFAULT_WEEKS[options.report];
  // Without dates: the last `weeks` weeks ending today (this week included, from its Monday).
  const to = parsed.data.to ?? options.today;
  const from = parsed.data.from ?? addDays(mondayOf(to), -7 * (weeks - 1));

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
