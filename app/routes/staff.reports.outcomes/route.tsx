import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "~/i18n/react";

import { BarChart, chartSummary, type ChartBar } from "~/components/charts";
import { useIntakeName } from "~/components/codes";
import { AllColumnsToggle, ScrollTable } from "~/components/scroll-table";
import { FieldErrors } from "~/components/forms";
import { filterInputClass, ReportFilters, ReportNotes } from "~/components/report-filters";
import { OUTCOME_CHECKIN_MONTHS, type Locale } from "~/domain/enums";
import type { OutcomeFigures, PendingShare, Share } from "~/domain/reports";
import { formatDate, formatNumber, formatPercent, formatUsd } from "~/i18n/format";
import { pageMeta } from "~/utils/meta";

import type { loader } from "~/routes/staff.reports.outcomes/route.server";
import type { SiteRow } from "~/routes/staff.reports.outcomes/shares";

// The loader lives in route.server.ts, so that the browser build follows none of
// its server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { loader } from "~/routes/staff.reports.outcomes/route.server";

export const meta = pageMeta;

type Intake = ReturnType<typeof useLoaderData<typeof loader>>["intakes"][number];

/** The indicators, in the evaluation's order, each read from the figures. */
type Indicator =
  | { key: string; label: string; kind: "share"; get: (f: OutcomeFigures) => Share | PendingShare; pendingLabel?: string }
  | { key: string; label: string; kind: "salary" };

function indicators(t: TFunction): Indicator[] {
  return [
    {
      key: "wr",
      label: t("reports.outcomes.workReadiness"),
      kind: "share",
      get: (f) => f.workReadinessCompletion,
      pendingLabel: t("reports.outcomes.pendingWorkReadiness"),
    },
    { key: "voc", label: t("reports.outcomes.vocational"), kind: "share", get: (f) => f.vocationalCompletion },
    {
      key: "emp",
      label: t("reports.outcomes.employmentAtExit"),
      kind: "share",
      get: (f) => f.employmentAtExit,
      pendingLabel: t("reports.outcomes.pendingOutcome"),
    },
    {
      key: "ret",
      label: t("reports.outcomes.retainedByEmployer"),
      kind: "share",
      get: (f) => f.retainedByEmployer,
      pendingLabel: t("reports.outcomes.pendingOutcome"),
    },
    {
      key: "biz",
      label: t("reports.outcomes.businessStartups"),
      kind: "share",
      get: (f) => f.businessStartups,
      pendingLabel: t("reports.outcomes.pendingOutcome"),
    },
    { key: "salary", label: t("reports.outcomes.startingSalary"), kind: "salary" },
    ...OUTCOME_CHECKIN_MONTHS.map((months): Indicator => ({
      key: `m${months}`,
      label: t("reports.outcomes.inWorkAfter", { months }),
      kind: "share",
      get: (f) => f.retentionAfterExit[months],
      pendingLabel: t("reports.outcomes.pendingCheckin"),
    })),
  ];
}

function shareText(t: TFunction, locale: Locale, s: Share): string {
  if (s.ratio === null) return t("reports.noFigure");
  return t("reports.share", {
    percent: formatPercent(locale, s.ratio),
    numerator: formatNumber(locale, s.numerator),
    denominator: formatNumber(locale, s.denominator),
  });
}

export default function ProgrammeOutcomesReport() {
  const { sites, intakes, errors, result } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const intakeName = useIntakeName();
  const locale: Locale = i18n.language === "km" ? "km" : "en";
  const siteName = (id: number) => {
    const site = sites.find((s) => s.id === id);
    return site ? (locale === "km" ? site.nameKm : site.nameEn) : "";
  };
  const intakeById = new Map(intakes.map((i) => [i.id, i]));
  const list = indicators(t);
  const scopeName = result
    ? result.siteId !== null
      ? siteName(result.siteId)
      : sites.length > 1
        ? t("reports.filters.allSites")
        : siteName(sites[0]?.id ?? 0)
    : "";

  return (
    <div className="space-y-6 print:space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("reports.outcomes.title")}</h1>
        <p className="mt-1 text-stone-700">{t("reports.outcomes.intro")}</p>
        {result ? (
          <p className="mt-1 font-medium" data-testid="period">
            {t("reports.period", { from: formatDate(locale, result.from), to: formatDate(locale, result.to) })}
            {" · "}
            {scopeName}
            {result.intakeId !== null ? ` · ${intakeName(intakeById.get(result.intakeId)?.name ?? "")}` : ""}
          </p>
        ) : null}
      </div>

      <ReportFilters
        folded={Boolean(result)}
        errors={errors}
        from={result?.from ?? params.get("from") ?? ""}
        to={result?.to ?? params.get("to") ?? ""}
        site={result ? (result.siteId ?? "") : ""}
        sites={sites}
        locale={locale}
        columns={5}
      >
        <label className="block text-sm">
          {t("reports.filters.intake")}
          <select
            name="intake"
            defaultValue={result ? (result.intakeId ?? "") : ""}
            aria-invalid={errors.intake ? true : undefined}
            aria-describedby="intake-error"
            className={filterInputClass}
          >
            <option value="">{t("reports.filters.allIntakes")}</option>
            {sites.map((s) => {
              const options = intakes.filter((i) => i.siteId === s.id);
              const rendered = options.map((i) => (
                <option key={i.id} value={i.id}>
                  {intakeName(i.name)}
                </option>
              ));
              return sites.length > 1 ? (
                <optgroup key={s.id} label={locale === "km" ? s.nameKm : s.nameEn}>
                  {rendered}
                </optgroup>
              ) : (
                rendered
              );
            })}
          </select>
          <FieldErrors id="intake-error" errors={errors.intake} />
        </label>
        <div className="sm:pt-6">
          <button type="submit" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800">
            {t("reports.filters.show")}
          </button>
        </div>
      </ReportFilters>

      {result ? (
        <>
          <p className="text-sm text-stone-600 print:hidden">{t("reports.printHint")}</p>
          {(result.bySite ? result.siteRows : result.report.sites).length === 0 ? (
            <p className="rounded-xl bg-white p-4 text-stone-700 shadow-sm" data-testid="no-outcomes">
              {t("reports.outcomes.noData")}
            </p>
          ) : null}
          {(result.bySite ? result.siteRows : result.report.sites).length > 1 ? (
            <OutcomeSection
              id="total"
              heading={t("reports.filters.allSites")}
              columns={[{ key: "all", label: t("reports.outcomes.allIntakes"), figures: result.report.total }]}
              chart={result.report.total}
              list={list}
              locale={locale}
            />
          ) : null}
          {result.bySite ? <SiteRows rows={result.siteRows} list={list} siteName={siteName} from={result.from} to={result.to} locale={locale} /> : null}
          {(result.bySite ? [] : result.report.sites).map(({ siteId, figures }) => {
            const groups = result.report.groups
              .filter((g) => g.siteId === siteId)
              .sort(
                (a, b) =>
                  intakeOrder(intakeById.get(a.intakeId ?? -1)) - intakeOrder(intakeById.get(b.intakeId ?? -1)) || (a.intakeId ?? 0) - (b.intakeId ?? 0),
              );
            return (
              <OutcomeSection
                key={siteId}
                id={`site-${siteId}`}
                heading={siteName(siteId)}
                columns={[
                  ...groups.map((g) => ({
                    key: String(g.intakeId ?? "none"),
                    label: g.intakeId === null ? t("reports.outcomes.noIntake") : intakeName(intakeById.get(g.intakeId)?.name ?? ""),
                    figures: g.figures,
                  })),
                  { key: "all", label: t("reports.outcomes.allIntakes"), figures },
                ]}
                chart={figures}
                list={list}
                locale={locale}
              />
            );
          })}
          <Notes />
        </>
      ) : null}
    </div>
  );
}

/**
 * Across sites: the evaluation's shares, a row per site, each opening that site's full report.
 * A hundred sites make a thousand cells: their styles are the table's, not each cell's.
 */
function SiteRows({
  rows,
  list,
  siteName,
  from,
  to,
  locale,
}: {
  rows: readonly SiteRow[];
  list: Indicator[];
  siteName: (id: number) => string;
  from: string;
  to: string;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const shares = list.filter((ind) => ind.kind === "share");
  const noFigure = t("reports.noFigure");
  return (
    <section aria-labelledby="by-site" className="space-y-2">
      <h2 id="by-site" className="text-xl font-semibold">
        {t("reports.trainers.bySite")}
      </h2>
      <ScrollTable label={t("reports.trainers.bySite")}>
        <table
          className="w-full text-sm print:text-[10px] [&_td]:px-2 [&_td]:py-1.5 [&_td]:text-right [&_td]:tabular-nums [&_td_span]:text-stone-600"
          data-testid="site-table"
        >
          <thead className="border-b border-stone-300 bg-stone-50">
            <tr>
              <th scope="col" className="px-2 py-2 text-left align-bottom font-semibold">
                {t("reports.columns.site")}
              </th>
              {shares.map((ind) => (
                <th key={ind.key} scope="col" className="px-2 py-2 text-right align-bottom font-semibold">
                  {ind.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.siteId} className="border-t border-stone-100" data-testid="site-row">
                <th scope="row" className="px-2 py-1.5 text-left font-medium">
                  <Link
                    to={`?${new URLSearchParams({ from, to, site: String(r.siteId) }).toString()}`}
                    className="inline-flex min-h-11 items-center text-brand-800 underline"
                  >
                    {siteName(r.siteId)}
                  </Link>
                </th>
                {r.shares.map(([numerator, denominator], i) => (
                  <td key={shares[i]?.key ?? i}>
                    {denominator === 0 ? (
                      <>
                        <span aria-hidden="true">—</span>
                        <span className="sr-only">{noFigure}</span>
                      </>
                    ) : (
                      <>
                        {`${formatPercent(locale, numerator / denominator)} `}
                        <span>{`(${formatNumber(locale, numerator)}/${formatNumber(locale, denominator)})`}</span>
                      </>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

/** Oldest intake first; "no intake" last. */
const intakeOrder = (intake: Intake | undefined) => (intake ? Date.parse(`${intake.startsOn}T00:00:00Z`) : Number.MAX_SAFE_INTEGER);

function OutcomeSection({
  id,
  heading,
  columns,
  chart,
  list,
  locale,
}: {
  id: string;
  heading: string;
  columns: { key: string; label: string; figures: OutcomeFigures }[];
  chart: OutcomeFigures;
  list: Indicator[];
  locale: Locale;
}) {
  const { t } = useTranslation();
  const title = t("reports.outcomes.chartTitle", { scope: heading });
  const bars: ChartBar[] = list.flatMap((ind) => {
    if (ind.kind !== "share") return [];
    const s = ind.get(chart);
    return [{ key: ind.key, label: ind.label, value: s.ratio, valueText: shareText(t, locale, s) }];
  });
  const salary = chart.startingSalary;
  const summary = `${chartSummary(title, bars)} ${t("reports.outcomes.startingSalary")}: ${
    salary.meanCents === null
      ? t("reports.noFigure")
      : t("reports.outcomes.salaryValue", { amount: formatUsd(locale, salary.meanCents), count: formatNumber(locale, salary.count) })
  }.`;
  const none = (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t("reports.noFigure")}</span>
    </>
  );
  const cellOf = (ind: Indicator, f: OutcomeFigures) => {
    if (ind.kind === "salary") {
      return f.startingSalary.meanCents === null
        ? none
        : t("reports.outcomes.salaryValue", { amount: formatUsd(locale, f.startingSalary.meanCents), count: formatNumber(locale, f.startingSalary.count) });
    }
    const s = ind.get(f);
    const pending =
      "pending" in s && s.pending > 0 && ind.pendingLabel ? (
        <span className="block text-xs text-stone-600">{`${ind.pendingLabel}: ${formatNumber(locale, s.pending)}`}</span>
      ) : null;
    return (
      <>
        {s.ratio === null ? (
          none
        ) : (
          <>
            {formatPercent(locale, s.ratio)}{" "}
            <span className="text-stone-600">
              ({formatNumber(locale, s.numerator)}/{formatNumber(locale, s.denominator)})
            </span>
          </>
        )}
        {pending}
      </>
    );
  };
  return (
    <section aria-labelledby={id} className="space-y-3 break-inside-avoid" data-testid="outcome-section">
      <h2 id={id} className="text-xl font-semibold">
        {heading}
      </h2>
      <figure aria-labelledby={`${id}-chart`} className="rounded-xl bg-white p-4 shadow-sm print:p-0 print:shadow-none">
        <figcaption id={`${id}-chart`} className="mb-2 font-semibold">
          {title}
        </figcaption>
        <BarChart bars={bars} summary={summary} color="#14736b" emptyText={t("reports.noFigure")} />
      </figure>
      {/* On a phone: the indicator and the whole figure ("all"); each intake's column is one tap away. */}
      <div className="report-table space-y-1">
        {columns.length > 1 ? <AllColumnsToggle id={`${id}-all-columns`} /> : null}
        <ScrollTable label={title}>
          <table className="w-full text-sm print:text-[10px]">
            <thead className="border-b border-stone-300 bg-stone-50">
              <tr>
                <th scope="col" className="px-2 py-2 text-left align-bottom font-semibold">
                  {t("reports.outcomes.indicator")}
                </th>
                {columns.map((c) => (
                  <th key={c.key} scope="col" data-extra={c.key === "all" ? undefined : ""} className="px-2 py-2 text-right align-bottom font-semibold">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {list.map((ind) => (
                <tr key={ind.key} className="border-t border-stone-100" data-testid={`indicator-${ind.key}`}>
                  <th scope="row" className="px-2 py-1.5 text-left font-medium">
                    {ind.label}
                  </th>
                  {columns.map((c) => (
                    <td key={c.key} data-extra={c.key === "all" ? undefined : ""} className="px-2 py-1.5 text-right tabular-nums">
                      {cellOf(ind, c.figures)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </div>
    </section>
  );
}

function Notes() {
  const { t } = useTranslation();
  const notes = [
    "reports.outcomes.notes.workReadiness",
    "reports.outcomes.notes.vocational",
    "reports.outcomes.notes.employmentAtExit",
    "reports.outcomes.notes.retainedByEmployer",
    "reports.outcomes.notes.businessStartups",
    "reports.outcomes.notes.startingSalary",
    "reports.outcomes.notes.retention",
  ] as const;
  return <ReportNotes lines={notes.map((key) => t(key))} />;
}
