import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FlagSummary, SeverityBadge } from "~/components/flags";
import { FieldErrors } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { FLAG_RULES, FLAG_SEVERITIES, FLAG_STATUSES } from "~/domain/enums";
import { formatDate } from "~/i18n/format";
import { pageMeta } from "~/utils/meta";

import type { loader } from "~/routes/staff.flags._index/route.server";

// The loader lives in route.server.ts, so that the browser build follows none of
// its server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { loader } from "~/routes/staff.flags._index/route.server";

export const meta = pageMeta;

export default function FlagsInbox() {
  const d = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "km" ? "km" : "en";
  const select = "mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-2";
  const csv = `/staff/flags.csv${params.toString() ? `?${params.toString()}` : ""}`;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-bold">{t("flags.title")}</h1>
        <a href={csv} className="inline-flex min-h-11 items-center text-brand-700 underline" download>
          {t("flags.downloadCsv")}
        </a>
      </div>
      <Form method="get" className="grid grid-cols-2 gap-3 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-3" aria-label={t("flags.filters")}>
        {d.isAdmin ? (
          <label className="block text-sm">
            {t("staff.site")}
            <select name="site" defaultValue={params.get("site") ?? ""} className={select}>
              <option value="">{t("flags.any")}</option>
              {d.choices.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {locale === "km" ? s.nameKm : s.nameEn}
                </option>
              ))}
            </select>
            <FieldErrors id="site-error" errors={d.errors.site} />
          </label>
        ) : null}
        {d.isAdmin && !params.get("site") ? (
          <p className="col-span-2 self-center text-sm text-stone-600">{t("flags.pickSite")}</p>
        ) : (
          <>
            <label className="block text-sm">
              {t("common.employer")}
              <select name="employer" defaultValue={params.get("employer") ?? ""} className={select}>
                <option value="">{t("flags.any")}</option>
                {d.choices.employers.map((e) => (
                  <option key={e.id} value={e.id}>
                    {e.name}
                  </option>
                ))}
              </select>
              <FieldErrors id="employer-error" errors={d.errors.employer} />
            </label>
            <label className="block text-sm">
              {t("placement.trainer")}
              <select name="trainer" defaultValue={params.get("trainer") ?? ""} className={select}>
                <option value="">{t("flags.any")}</option>
                {d.choices.trainers.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
              <FieldErrors id="trainer-error" errors={d.errors.trainer} />
            </label>
          </>
        )}
        <label className="block text-sm">
          {t("flags.rule")}
          <select name="rule" defaultValue={params.get("rule") ?? ""} className={select}>
            <option value="">{t("flags.any")}</option>
            {FLAG_RULES.map((r) => (
              <option key={r} value={r}>
                {t(`flagRule.${r}`)}
              </option>
            ))}
          </select>
          <FieldErrors id="rule-error" errors={d.errors.rule} />
        </label>
        <label className="block text-sm">
          {t("flags.severity")}
          <select name="severity" defaultValue={params.get("severity") ?? ""} className={select}>
            <option value="">{t("flags.any")}</option>
            {FLAG_SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t(`flagSeverity.${s}`)}
              </option>
            ))}
          </select>
          <FieldErrors id="severity-error" errors={d.errors.severity} />
        </label>
        <label className="block text-sm">
          {t("placement.status")}
          <select name="status" defaultValue={params.get("status") ?? "active"} className={select}>
            <option value="active">{t("flags.active")}</option>
            <option value="all">{t("flags.all")}</option>
            {FLAG_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`flagStatus.${s}`)}
              </option>
            ))}
          </select>
          <FieldErrors id="status-error" errors={d.errors.status} />
        </label>
        <div className="col-span-2 flex items-end sm:col-span-1">
          <button type="submit" className="min-h-11 rounded-lg bg-brand-700 px-5 font-semibold text-white">
            {t("flags.apply")}
          </button>
        </div>
      </Form>
      {d.page ? <Pagination info={d.page} /> : null}
      <FieldErrors id="page-error" errors={[...(d.errors.page ?? []), ...(d.errors.size ?? [])]} />
      <ul className="space-y-2">
        {d.flags.map((f) => (
          <li key={f.id} className="rounded-xl bg-white p-3 shadow-sm" data-testid="flag-row">
            <div className="flex flex-wrap items-center gap-2">
              <SeverityBadge severity={f.severity} />
              <Link to={`/staff/flags/${f.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
                {t(`flagRule.${f.rule}`)}
              </Link>
              <span className="text-sm text-stone-600">
                {t(`flagStatus.${f.status}`)} · {formatDate(locale, f.raisedAt.slice(0, 10))}
              </span>
            </div>
            <p className="text-sm text-stone-700">{[f.apprenticeCode, f.employerName, f.trainerName].filter(Boolean).join(" · ")}</p>
            <FlagSummary rule={f.rule} evidence={f.evidence} />
          </li>
        ))}
      </ul>
      {d.page && d.page.pages > 1 ? <Pagination info={d.page} testId="pagination-bottom" /> : null}
    </div>
  );
}
