import { Link, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";
import { FlagSummary, SeverityBadge } from "~/components/flags";
import { PHASES } from "~/domain/enums";
import { localized } from "~/i18n/localized";
import { pageMeta } from "~/utils/meta";
import { FreeText } from "~/components/free-text";
import { formatNumber } from "~/i18n/format";

import type { loader } from "~/routes/staff._index/route.server";

// The loader lives in route.server.ts, so that the browser build follows none of
// its server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { loader } from "~/routes/staff._index/route.server";

export const meta = pageMeta;

export default function StaffHome() {
  const { sites, isAdmin, urgent, compact } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">
        {t("staff.title")}
        {isAdmin ? <span className="ml-2 text-base font-normal text-stone-600">· {t("staff.allSites")}</span> : null}
      </h1>
      <section aria-labelledby="urgent-title" className="rounded-xl border-2 border-red-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="urgent-title" className="text-xl font-semibold text-red-900">
            {t("flags.urgentTitle")}
          </h2>
          <Link to="/staff/flags" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("flags.seeAll")}
          </Link>
        </div>
        {urgent.length === 0 ? <p className="mt-1 text-stone-600">{t("flags.urgentNone")}</p> : null}
        <ul className="mt-2 space-y-2">
          {urgent.map((f) => (
            <li key={f.id} data-testid="urgent-flag">
              <div className="flex flex-wrap items-center gap-2">
                <SeverityBadge severity={f.severity} />
                <Link to={`/staff/flags/${f.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
                  {t(`flagRule.${f.rule}`)}
                </Link>
                <span className="text-sm text-stone-600">
                  {[f.apprenticeCode, f.employerName, f.trainerName]
                    .filter((x): x is string => Boolean(x))
                    .map((x, i) => (
                      <span key={i}>
                        {i > 0 ? " · " : ""}
                        <FreeText text={x} />
                      </span>
                    ))}
                </span>
              </div>
              <FlagSummary rule={f.rule} evidence={f.evidence} />
            </li>
          ))}
        </ul>
      </section>
      {compact ? (
        <section aria-labelledby="sites-title" className="space-y-2">
          <h2 id="sites-title" className="text-xl font-semibold">
            {t("staff.allSites")}
          </h2>
          <div className="overflow-x-auto rounded-xl bg-white shadow-sm">
            <table className="w-full text-left text-sm" data-testid="site-table">
              <thead className="bg-stone-50">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    {t("staff.site")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t("staff.activePlacements")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t("staff.apprentices")}
                  </th>
                  <th scope="col" className="px-3 py-2 text-right">
                    {t("staff.employers")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sites.map(({ site, activePlacements, apprentices, employers }) => (
                  <tr key={site.id} className="border-t border-stone-100">
                    <th scope="row" className="px-3 py-1 font-normal">
                      <Link to={`?site=${site.id}`} className="inline-flex min-h-11 items-center text-brand-800 underline">
                        {localized(locale, site, "name")}
                      </Link>
                    </th>
                    <td className="px-3 py-1 text-right tabular-nums">{activePlacements}</td>
                    <td className="px-3 py-1 text-right tabular-nums">{apprentices}</td>
                    <td className="px-3 py-1 text-right tabular-nums">{employers}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {(compact ? [] : sites).map(({ site, byEmployer, byPhase, activePlacements, apprentices, employers }) => {
        const siteName = localized(locale, site, "name");
        const phaseCount = new Map(byPhase.map((p) => [p.phase, p.count]));
        const maxActive = Math.max(1, ...byEmployer.map((e) => e.active));
        return (
          <section key={site.id} aria-labelledby={`site-${site.id}`} className="space-y-4">
            <h2 id={`site-${site.id}`} className="text-xl font-semibold">
              {t("staff.siteOverview", { site: siteName })}
            </h2>
            <dl className="grid grid-cols-3 gap-3">
              {[
                [t("staff.activePlacements"), activePlacements],
                [t("staff.apprentices"), apprentices],
                [t("staff.employers"), employers],
              ].map(([label, value]) => (
                <div key={String(label)} className="rounded-xl bg-white p-3 shadow-sm">
                  <dt className="text-sm text-stone-600">{label}</dt>
                  <dd className="text-2xl font-bold" data-testid="stat">
                    {formatNumber(locale, Number(value))}
                  </dd>
                </div>
              ))}
            </dl>
            <div className="grid gap-4 md:grid-cols-2">
              <div className="rounded-xl bg-white p-4 shadow-sm">
                <h3 className="font-semibold">{t("staff.activePlacementsByEmployer")}</h3>
                {byEmployer.length === 0 ? (
                  <p className="mt-2 text-stone-600">{t("staff.noPlacements")}</p>
                ) : (
                  <table className="mt-2 w-full text-left">
                    <thead className="sr-only">
                      <tr>
                        <th scope="col">{t("common.employer")}</th>
                        <th scope="col">{t("common.count")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {byEmployer.map((e) => (
                        <tr key={e.employerId} className="border-t border-stone-100">
                          <th scope="row" className="py-1.5 pr-2 font-normal">
                            <FreeText text={e.name} />
                          </th>
                          <td className="w-2/5 py-1.5">
                            <span className="flex items-center gap-2">
                              <svg width="100%" height="10" className="max-w-24" aria-hidden>
                                <rect width={`${(e.active / maxActive) * 100}%`} height="10" rx="3" fill="#14736b" />
                              </svg>
                              <span className="tabular-nums">{formatNumber(locale, e.active)}</span>
                            </span>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                )}
              </div>
              <div className="rounded-xl bg-white p-4 shadow-sm">
                <h3 className="font-semibold">{t("staff.apprenticesByPhase")}</h3>
                <table className="mt-2 w-full text-left">
                  <tbody>
                    {PHASES.map((phase) => (
                      <tr key={phase} className="border-t border-stone-100">
                        <th scope="row" className="py-1.5 pr-2 font-normal">
                          {t(`phases.${phase}`)}
                        </th>
                        <td className="py-1.5 text-right tabular-nums">{formatNumber(locale, phaseCount.get(phase) ?? 0)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </section>
        );
      })}
    </div>
  );
}
