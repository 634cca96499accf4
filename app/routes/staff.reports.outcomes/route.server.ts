// The loader of this page (route.tsx re-exports it), in a .server module so that
// the browser build leaves out its imports (docs/decisions/0039, 0046).
import { data, type LoaderFunctionArgs } from "@remix-run/node";

import { actorOf, requireStaff } from "~/auth/guards.server";
import { intakesOf, loadOutcomesBySite, loadProgrammeOutcomes } from "~/db/reports.server";
import { sitesFor } from "~/db/staff.server";
import { addOutcomeFigures, type OutcomeFigures, type OutcomesReport } from "~/domain/reports";
import { parseReportFilters, type FilterErrors } from "~/forms/reports.server";
import { requestT } from "~/i18n/request.server";
import { oneAtATime } from "~/utils/heavy-turn.server";
import { siteToday } from "~/utils/today.server";

import { SHARES, type SiteRow } from "~/routes/staff.reports.outcomes/shares";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const actor = actorOf(user);
  const t = await requestT(request);
  const today = siteToday();
  const sites = sitesFor(actor).map((s) => ({ id: s.id, nameEn: s.nameEn, nameKm: s.nameKm }));
  const intakes = intakesOf(sites.map((s) => s.id));
  const parsed = parseReportFilters(new URL(request.url).searchParams, {
    report: "outcomes",
    today,
    allowedSiteIds: sites.map((s) => s.id),
    allowedIntakes: intakes,
  });
  const base = { title: t("reports.outcomes.title"), sites, intakes };
  if (!parsed.ok) return data({ ...base, errors: parsed.errors, result: null }, { status: 400 });

  // One report at a time per person: a reload stops the one it replaces (0054).
  return oneAtATime({ request, context }, user.id, async () => {
    const { from, to, siteId, intakeId } = parsed.data;
    if (siteId === undefined && intakeId === undefined && sites.length > 1) {
      // Across sites: a row per site (each opens in full), counted one site at a time, giving the
      // event loop back between them (`loadOutcomesBySite`); the total adds the sites up. A site's
      // row carries the counts of its shares only (numerator and denominator, in `SHARES` order),
      // not its figures.
      const bySite = await loadOutcomesBySite(actor, { from, to, today });
      const figures: OutcomeFigures[] = bySite.map((r) => r.figures);
      const siteRows: SiteRow[] = bySite.map(({ siteId, figures: f }) => ({
        siteId,
        shares: SHARES.map((get) => [get(f).numerator, get(f).denominator] as const),
      }));
      const report: OutcomesReport = { groups: [], sites: [], total: addOutcomeFigures(figures) };
      return {
        ...base,
        intakes: [],
        errors: {} as FilterErrors,
        result: { from, to, siteId: null, intakeId: null, bySite: true, siteRows, report },
      };
    }
    const { report } = loadProgrammeOutcomes(actor, { from, to, today, siteId, intakeId });
    return {
      ...base,
      // The intake choices of the site shown (admin's list of every site's intakes would fill the page).
      intakes: siteId === undefined ? intakes : intakes.filter((i) => i.siteId === siteId),
      errors: {} as FilterErrors,
      result: { from, to, siteId: siteId ?? null, intakeId: intakeId ?? null, bySite: false, siteRows: [] as SiteRow[], report },
    };
  });
}
