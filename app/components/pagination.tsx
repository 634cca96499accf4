import { Link, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import type { PageInfo } from "~/domain/pagination";
import { formatNumber } from "~/i18n/format";

/** Previous / next links that keep the page's other filters, with where the reader is. */
export function Pagination({ info, testId = "pagination" }: { info: PageInfo; testId?: string }) {
  const { t, i18n } = useTranslation();
  const [params] = useSearchParams();
  const locale = i18n.language === "km" ? "km" : "en";
  const link = (page: number) => {
    const next = new URLSearchParams(params);
    if (page === 1) next.delete("page");
    else next.set("page", String(page));
    const qs = next.toString();
    return qs ? `?${qs}` : "?";
  };
  const button = "inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-4 font-medium text-brand-800";
  return (
    <nav aria-label={t("pagination.label")} className="flex flex-wrap items-center justify-between gap-2" data-testid={testId}>
      <p className="text-sm text-stone-700" role="status">
        {info.total === 0
          ? t("pagination.empty")
          : t("pagination.showing", {
              first: formatNumber(locale, info.first),
              last: formatNumber(locale, info.last),
              total: formatNumber(locale, info.total),
            })}
      </p>
      {info.pages > 1 ? (
        <p className="flex items-center gap-2">
          {info.page > 1 ? (
            <Link to={link(info.page - 1)} rel="prev" className={button}>
              ← {t("pagination.previous")}
            </Link>
          ) : null}
          <span className="text-sm text-stone-600">
            {t("pagination.pageOf", { page: formatNumber(locale, info.page), pages: formatNumber(locale, info.pages) })}
          </span>
          {info.page < info.pages ? (
            <Link to={link(info.page + 1)} rel="next" className={button}>
              {t("pagination.next")} →
            </Link>
          ) : null}
        </p>
      ) : null}
    </nav>
  );
}
