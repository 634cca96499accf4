import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import type { TFunction } from "i18next";
import { useTranslation } from "~/i18n/react";

import { BarChart, chartSummary, type ChartBar } from "~/components/charts";
import { FieldErrors } from "~/components/forms";
import { FreeText } from "~/components/free-text";
import { ReportFilters, ReportNotes } from "~/components/report-filters";
import { AllColumnsToggle, ScrollTable } from "~/components/scroll-table";
import type { Locale } from "~/domain/enums";
import { FLAG_RULES } from "~/domain/enums";
import {
  parseSort,
  type AccountabilityFigures,
  type AccountabilitySort,
  type AccountabilitySortKey,
  type Share,
  type SiteAccountability,
} from "~/domain/reports";
import { formatDate, formatNumber, formatPercent } from "~/i18n/format";
import { pageMeta } from "~/utils/meta";

import type { loader } from "~/routes/staff.reports.trainers/route.server";

// The loader lives in route.server.ts, so that the browser build follows none of
// its server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { loader } from "~/routes/staff.reports.trainers/route.server";

export const meta = pageMeta;

type Result = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["result"]>;

const cell = "px-2 py-1.5 text-right tabular-nums whitespace-nowrap print:px-1";

export default function TrainerAccountabilityReport() {
  const { sites, errors, result, overview } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const locale: Locale = i18n.language === "km" ? "km" : "en";
  const siteName = (id: number) => {
    const site = sites.find((s) => s.id === id);
    return site ? (locale === "km" ? site.nameKm : site.nameEn) : "";
  };
  const filterParams = new URLSearchParams();
  const shown = result ?? overview;
  if (shown) {
    filterParams.set("from", shown.from);
    filterParams.set("to", shown.to);
    if (result && result.siteId !== null) filterParams.set("site", String(result.siteId));
  }
  const csvParams = new URLSearchParams(filterParams);
  if (shown) csvParams.set("sort", shown.sort);
  const manySites = result ? result.siteId === null && sites.length > 1 : false;

  return (
    <div className="space-y-6 print:space-y-4">
      <div>
        <h1 className="text-2xl font-bold">{t("reports.trainers.title")}</h1>
        <p className="mt-1 text-stone-700">{t("reports.trainers.intro")}</p>
        {shown ? (
          <p className="mt-1 font-medium" data-testid="period">
            {t("reports.period", { from: formatDate(locale, shown.from), to: formatDate(locale, shown.to) })}
            {" · "}
            {result && result.siteId !== null ? siteName(result.siteId) : sites.length > 1 ? t("reports.filters.allSites") : siteName(sites[0]?.id ?? 0)}
          </p>
        ) : null}
      </div>

      <ReportFilters
        folded={Boolean(result)}
        errors={errors}
        from={shown?.from ?? params.get("from") ?? ""}
        to={shown?.to ?? params.get("to") ?? ""}
        site={result ? (result.siteId ?? "") : ""}
        sites={sites}
        locale={locale}
        columns={4}
        footer={<FieldErrors id="sort-error" errors={errors.sort} />}
      >
        {shown || !errors.sort ? <input type="hidden" name="sort" value={shown?.sort ?? params.get("sort") ?? ""} /> : null}
        <div className="sm:pt-6">
          <button type="submit" className="inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800">
            {t("reports.filters.show")}
          </button>
        </div>
      </ReportFilters>

      {overview ? (
        <>
          <p className="flex flex-wrap gap-x-6 gap-y-2 print:hidden">
            <a
              href={`/staff/reports/trainers.csv?${csvParams.toString()}`}
              download
              className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
            >
              {t("reports.downloadCsv")}
            </a>
          </p>
          <SiteTable rows={overview.rows} siteName={siteName} filterParams={filterParams} locale={locale} />
          <ReportNotes
            lines={[
              t("reports.trainers.notes.bySite"),
              t("reports.trainers.notes.period"),
              t("reports.trainers.notes.reviews"),
              t("reports.trainers.notes.signed"),
              t("reports.trainers.notes.education"),
              t("reports.trainers.notes.completion"),
            ]}
          />
        </>
      ) : null}
      {result ? (
        <>
          <p className="flex flex-wrap gap-x-6 gap-y-2 print:hidden">
            <a
              href={`/staff/reports/trainers.csv?${csvParams.toString()}`}
              download
              className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
            >
              {t("reports.downloadCsv")}
            </a>
            <span className="inline-flex min-h-11 items-center text-sm text-stone-600">{t("reports.printHint")}</span>
          </p>
          {result.trainers.length === 0 ? (
            <p className="rounded-xl bg-white p-4 text-stone-700 shadow-sm">{t("reports.trainers.none")}</p>
          ) : (
            <>
              <Charts result={result} t={t} locale={locale} />
              <section aria-labelledby="per-trainer" className="space-y-2">
                <h2 id="per-trainer" className="text-xl font-semibold">
                  {t("reports.trainers.perTrainer")}
                </h2>
                <FiguresTable
                  kind="trainer"
                  rows={result.trainers.map((r) => ({
                    key: r.trainerUserId,
                    name: r.name,
                    inactive: !r.active,
                    employer: r.employerName,
                    site: manySites ? siteName(r.siteId) : null,
                    figures: r,
                  }))}
                  sort={result.sort}
                  filterParams={filterParams}
                  locale={locale}
                />
              </section>
              <section aria-labelledby="per-employer" className="space-y-2 break-before-auto">
                <h2 id="per-employer" className="text-xl font-semibold">
                  {t("reports.trainers.perEmployer")}
                </h2>
                <FiguresTable
                  kind="employer"
                  rows={result.employers.map((r) => ({
                    key: r.employerId,
                    name: r.name,
                    inactive: false,
                    employer: null,
                    site: manySites ? siteName(r.siteId) : null,
                    figures: r,
                  }))}
                  sort={result.sort}
                  filterParams={filterParams}
                  locale={locale}
                />
              </section>
              <FlagsByRule result={result} locale={locale} />
            </>
          )}
          <Notes />
        </>
      ) : null}
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

function shareText(t: TFunction, locale: Locale, s: Share): string {
  if (s.ratio === null) return t("reports.noFigure");
  return t("reports.share", {
    percent: formatPercent(locale, s.ratio),
    numerator: formatNumber(locale, s.numerator),
    denominator: formatNumber(locale, s.denominator),
  });
}

function Charts({ result, t, locale }: { result: Result; t: TFunction; locale: Locale }) {
  const charts: { id: string; title: string; color: string; bars: ChartBar[] }[] = [
    {
      id: "chart-reviews",
      title: t("reports.charts.reviews"),
      color: "#14736b",
      bars: result.trainers.map((r) => ({ key: r.trainerUserId, label: r.name, value: r.reviews.ratio, valueText: shareText(t, locale, r.reviews) })),
    },
    {
      id: "chart-progress",
      title: t("reports.charts.progress"),
      color: "#15803d",
      bars: result.trainers.map((r) => ({
        key: r.trainerUserId,
        label: r.name,
        value: r.progressAgainstPlan,
        valueText:
          r.progressAgainstPlan === null
            ? t("reports.noFigure")
            : `${formatPercent(locale, r.progressAgainstPlan)} · ${t("reports.measuredOver", { count: formatNumber(locale, r.progressPlacements) })}`,
      })),
    },
    {
      id: "chart-education",
      title: t("reports.charts.education"),
      color: "#0369a1",
      bars: result.trainers.map((r) => ({
        key: r.trainerUserId,
        label: r.name,
        value: r.educationReleased.ratio,
        valueText: shareText(t, locale, r.educationReleased),
      })),
    },
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {charts.map((c) => (
        <figure key={c.id} aria-labelledby={c.id} className="break-inside-avoid rounded-xl bg-white p-4 shadow-sm print:p-0 print:shadow-none">
          <figcaption id={c.id} className="mb-2 font-semibold">
            {c.title}
          </figcaption>
          <BarChart bars={c.bars} summary={chartSummary(c.title, c.bars)} color={c.color} emptyText={t("reports.noFigure")} />
        </figure>
      ))}
    </div>
  );
}

interface TableRow {
  key: number;
  name: string;
  inactive: boolean;
  employer: string | null;
  site: string | null;
  figures: AccountabilityFigures;
}

/**
 * `main`: the columns a phone shows first, the same three the charts draw; the others are one tap
 * away ("All columns", CSS only: see `.report-table` in tailwind.css). Wider screens and print show all.
 */
const COLUMNS = [
  { key: "apprentices", label: "reports.columns.apprentices", main: false },
  { key: "reviews", label: "reports.columns.reviews", main: true },
  { key: "review_gap", label: "reports.columns.reviewGap", main: false },
  { key: "signed", label: "reports.columns.signed", main: false },
  { key: "progress", label: "reports.columns.progress", main: true },
  { key: "flags_raised", label: "reports.columns.flagsRaised", main: false },
  { key: "flags_resolved", label: "reports.columns.flagsResolved", main: false },
  { key: "education", label: "reports.columns.education", main: true },
  { key: "feedback", label: "reports.columns.feedback", main: false },
  { key: "completion", label: "reports.columns.completion", main: false },
  { key: "retention", label: "reports.columns.retention", main: false },
] as const satisfies readonly { key: AccountabilitySortKey; label: string; main: boolean }[];

function SortHeader({
  column,
  children,
  sort,
  filterParams,
  align = "right",
  extra = false,
}: {
  column: AccountabilitySortKey;
  children: string;
  sort: AccountabilitySort;
  filterParams: URLSearchParams;
  align?: "left" | "right";
  extra?: boolean;
}) {
  const { key, descending } = parseSort(sort);
  const active = key === column;
  const qs = new URLSearchParams(filterParams);
  qs.set("sort", active && !descending ? `-${column}` : column);
  return (
    <th
      scope="col"
      aria-sort={active ? (descending ? "descending" : "ascending") : undefined}
      data-extra={extra ? "" : undefined}
      className={`px-2 py-1 align-bottom font-semibold ${align === "right" ? "text-right" : "text-left"}`}
    >
      {/* A 44 px tap target: the whole header cell's height is the link. */}
      <Link
        to={`?${qs.toString()}`}
        preventScrollReset
        className={`inline-flex min-h-11 items-end pb-1 text-brand-800 underline decoration-1 underline-offset-2 print:min-h-0 print:no-underline print:text-stone-900 ${align === "right" ? "justify-end" : ""}`}
      >
        {children}
        {active ? <span aria-hidden="true">{descending ? " ▼" : " ▲"}</span> : null}
      </Link>
    </th>
  );
}

function FiguresTable({
  kind,
  rows,
  sort,
  filterParams,
  locale,
}: {
  kind: "trainer" | "employer";
  rows: TableRow[];
  sort: AccountabilitySort;
  filterParams: URLSearchParams;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const showSite = rows.some((r) => r.site !== null);
  const none = (
    <>
      <span aria-hidden="true">—</span>
      <span className="sr-only">{t("reports.noFigure")}</span>
    </>
  );
  const share = (s: Share) =>
    s.ratio === null ? (
      none
    ) : (
      <>
        {formatPercent(locale, s.ratio)}{" "}
        <span className="text-stone-600">
          ({formatNumber(locale, s.numerator)}/{formatNumber(locale, s.denominator)})
        </span>
      </>
    );
  const value = (f: AccountabilityFigures, column: AccountabilitySortKey) => {
    switch (column) {
      case "apprentices":
        return formatNumber(locale, f.apprentices);
      case "reviews":
        return share(f.reviews);
      case "review_gap":
        return f.meanDaysBetweenReviews === null
          ? none
          : t("reports.days", { value: formatNumber(locale, f.meanDaysBetweenReviews, { maximumFractionDigits: 1 }) });
      case "signed":
        return formatNumber(locale, f.competenciesSigned);
      case "progress":
        return f.progressAgainstPlan === null ? (
          none
        ) : (
          <>
            {formatPercent(locale, f.progressAgainstPlan)}{" "}
            <span className="text-stone-600">({t("reports.measuredOver", { count: formatNumber(locale, f.progressPlacements) })})</span>
          </>
        );
      case "flags_raised":
        return formatNumber(locale, f.flagsRaised);
      case "flags_resolved":
        return formatNumber(locale, f.flagsResolved);
      case "education":
        return share(f.educationReleased);
      case "feedback":
        return f.feedbackMean === null
          ? none
          : t("reports.feedbackValue", { value: formatNumber(locale, f.feedbackMean, { minimumFractionDigits: 1, maximumFractionDigits: 1 }) });
      case "completion":
        return share(f.completion);
      case "retention":
        return share(f.retention);
      default:
        return null;
    }
  };
  const title = t(kind === "trainer" ? "reports.trainers.perTrainer" : "reports.trainers.perEmployer");
  return (
    <div className="report-table space-y-1">
      <AllColumnsToggle id={`${kind}-all-columns`} />
      <ScrollTable label={title}>
        <table className="w-full text-sm print:text-[10px]" data-testid={`${kind}-table`}>
          <thead className="border-b border-stone-300 bg-stone-50">
            <tr>
              <SortHeader column={kind === "trainer" ? "trainer" : "employer"} sort={sort} filterParams={filterParams} align="left">
                {t(kind === "trainer" ? "reports.columns.trainer" : "reports.columns.employer")}
              </SortHeader>
              {kind === "trainer" ? (
                <SortHeader column="employer" sort={sort} filterParams={filterParams} align="left" extra>
                  {t("reports.columns.employer")}
                </SortHeader>
              ) : null}
              {showSite ? (
                <th scope="col" data-extra="" className="px-2 py-2 text-left align-bottom font-semibold">
                  {t("reports.columns.site")}
                </th>
              ) : null}
              {COLUMNS.map((c) => (
                <SortHeader key={c.key} column={c.key} sort={sort} filterParams={filterParams} extra={!c.main}>
                  {t(c.label)}
                </SortHeader>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} className="border-t border-stone-100 break-inside-avoid" data-testid={`${kind}-row`}>
                <th scope="row" className="px-2 py-1.5 text-left font-medium">
                  <FreeText text={r.name} />
                  {r.inactive ? <span className="ml-1 text-xs font-normal text-stone-600">({t("reports.inactive")})</span> : null}
                </th>
                {kind === "trainer" ? (
                  <td data-extra="" className="px-2 py-1.5">
                    <FreeText text={r.employer} />
                  </td>
                ) : null}
                {showSite ? (
                  <td data-extra="" className="px-2 py-1.5">
                    {r.site}
                  </td>
                ) : null}
                {COLUMNS.map((c) => (
                  <td key={c.key} className={cell} data-extra={c.main ? undefined : ""}>
                    {value(r.figures, c.key)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </div>
  );
}

function FlagsByRule({ result, locale }: { result: Result; locale: Locale }) {
  const { t } = useTranslation();
  const rules = FLAG_RULES.filter((rule) => result.trainers.some((r) => (r.flagsByRule[rule]?.raised ?? 0) > 0));
  return (
    <section aria-labelledby="flags-by-rule" className="space-y-2 break-inside-avoid">
      <h2 id="flags-by-rule" className="text-xl font-semibold">
        {t("reports.trainers.flagsByRule")}
      </h2>
      {rules.length === 0 ? (
        <p className="text-stone-600">{t("reports.trainers.noFlags")}</p>
      ) : (
        <ScrollTable label={t("reports.trainers.flagsByRule")}>
          <table className="w-full text-sm print:text-[10px]">
            <caption className="px-2 pt-2 text-left text-sm text-stone-600">{t("reports.trainers.flagsByRuleHelp")}</caption>
            <thead className="border-b border-stone-300 bg-stone-50">
              <tr>
                <th scope="col" className="px-2 py-2 text-left align-bottom font-semibold">
                  {t("reports.columns.trainer")}
                </th>
                {rules.map((rule) => (
                  <th key={rule} scope="col" className="px-2 py-2 text-right align-bottom font-semibold">
                    {t(`flagRule.${rule}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {result.trainers.map((r) => (
                <tr key={r.trainerUserId} className="border-t border-stone-100">
                  <th scope="row" className="px-2 py-1.5 text-left font-medium">
                    <FreeText text={r.name} />
                  </th>
                  {rules.map((rule) => {
                    const count = r.flagsByRule[rule];
                    return (
                      <td key={rule} className={cell}>
                        {count === null ? (
                          <>
                            <span aria-hidden="true">—</span>
                            <span className="sr-only">{t("reports.noFigure")}</span>
                          </>
                        ) : (
                          <span className={count.raised === 0 ? "text-stone-600" : "font-semibold"}>
                            {formatNumber(locale, count.raised)} / {formatNumber(locale, count.resolved)}
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}

/** Across sites: a row per site, each opening that site's full report. */
function SiteTable({
  rows,
  siteName,
  filterParams,
  locale,
}: {
  rows: SiteAccountability[];
  siteName: (id: number) => string;
  filterParams: URLSearchParams;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const share = (s: Share) =>
    s.ratio === null ? (
      <>
        <span aria-hidden="true">—</span>
        <span className="sr-only">{t("reports.noFigure")}</span>
      </>
    ) : (
      <>
        {formatPercent(locale, s.ratio)}{" "}
        <span className="text-stone-600">
          ({formatNumber(locale, s.numerator)}/{formatNumber(locale, s.denominator)})
        </span>
      </>
    );
  const open = (siteId: number) => {
    const qs = new URLSearchParams(filterParams);
    qs.set("site", String(siteId));
    return `?${qs.toString()}`;
  };
  return (
    <section aria-labelledby="by-site" className="space-y-2">
      <h2 id="by-site" className="text-xl font-semibold">
        {t("reports.trainers.bySite")}
      </h2>
      <p className="text-stone-700">{t("reports.trainers.bySiteIntro")}</p>
      <ScrollTable label={t("reports.trainers.bySite")}>
        <table className="w-full text-sm print:text-[10px]" data-testid="site-table">
          <thead className="border-b border-stone-300 bg-stone-50">
            <tr>
              <th scope="col" className="px-2 py-2 text-left align-bottom font-semibold">
                {t("reports.columns.site")}
              </th>
              {(["apprentices", "reviews", "signed", "flagsRaised", "flagsResolved", "education", "completion", "retention"] as const).map((key) => (
                <th key={key} scope="col" className="px-2 py-2 text-right align-bottom font-semibold">
                  {t(`reports.columns.${key}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.siteId} className="border-t border-stone-100 break-inside-avoid" data-testid="site-row">
                <th scope="row" className="px-2 py-1.5 text-left font-medium">
                  <Link to={open(r.siteId)} className="inline-flex min-h-11 items-center text-brand-800 underline">
                    {siteName(r.siteId)}
                    <span className="sr-only"> · {t("reports.trainers.openSite")}</span>
                  </Link>
                </th>
                <td className={cell}>{formatNumber(locale, r.apprentices)}</td>
                <td className={cell}>{share(r.reviews)}</td>
                <td className={cell}>{formatNumber(locale, r.competenciesSigned)}</td>
                <td className={cell}>{formatNumber(locale, r.flagsRaised)}</td>
                <td className={cell}>{formatNumber(locale, r.flagsResolved)}</td>
                <td className={cell}>{share(r.educationReleased)}</td>
                <td className={cell}>{share(r.completion)}</td>
                <td className={cell}>{share(r.retention)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}

function Notes() {
  const { t } = useTranslation();
  const notes = [
    "reports.trainers.notes.period",
    "reports.trainers.notes.reviews",
    "reports.trainers.notes.reviewGap",
    "reports.trainers.notes.signed",
    "reports.trainers.notes.progress",
    "reports.trainers.notes.flags",
    "reports.trainers.notes.education",
    "reports.trainers.notes.feedback",
    "reports.trainers.notes.completion",
  ] as const;
  return <ReportNotes lines={notes.map((key) => t(key))} />;
}
