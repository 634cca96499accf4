// The loader of this page (route.tsx re-exports it), in a .server module so that
// the browser build leaves out its imports (docs/decisions/0039, 0046).
import { data, type LoaderFunctionArgs } from "@remix-run/node";

import { actorOf, requireStaff } from "~/auth/guards.server";
import { loadAccountabilityOverview, loadTrainerAccountability } from "~/db/reports.server";
import { sitesFor } from "~/db/staff.server";
import { sortAccountability } from "~/domain/reports";
import { parseReportFilters, type FilterErrors } from "~/forms/reports.server";
import { requestT } from "~/i18n/request.server";
import { oneAtATime } from "~/utils/heavy-turn.server";
import { siteToday } from "~/utils/today.server";
import { yieldToOthers } from "~/utils/yield.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const actor = actorOf(user);
  const t = await requestT(request);
  const today = siteToday();
  const sites = sitesFor(actor).map((s) => ({ id: s.id, nameEn: s.nameEn, nameKm: s.nameKm }));
  const parsed = parseReportFilters(new URL(request.url).searchParams, {
    report: "trainers",
    today,
    allowedSiteIds: sites.map((s) => s.id),
  });
  const base = { title: t("reports.trainers.title"), sites };
  if (!parsed.ok) return data({ ...base, errors: parsed.errors, result: null, overview: null }, { status: 400 });

  // One report at a time per person: a reload stops the one it replaces (0054).
  return oneAtATime({ request, context }, user.id, async () => {
    const { from, to, siteId, sort } = parsed.data;
    if (siteId === undefined && sites.length > 1) {
      // Across sites the report leads with one row per site; a site opens as the full report.
      const { rows } = await loadAccountabilityOverview(actor, { from, to, today });
      return { ...base, errors: {} as FilterErrors, result: null, overview: { from, to, sort, rows } };
    }
    const { report } = await loadTrainerAccountability(actor, { from, to, today, siteId });
    // The page of a year's figures is rendered in a turn of its own too.
    await yieldToOthers();
    return {
      ...base,
      errors: {} as FilterErrors,
      overview: null,
      result: {
        from,
        to,
        siteId: siteId ?? null,
        sort,
        trainers: sortAccountability(report.trainers, sort),
        employers: sortAccountability(report.employers, sort),
      },
    };
  });
}
