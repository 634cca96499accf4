import { useTranslation } from "~/i18n/react";

import { LevelIcon } from "~/components/levels";
import type { Locale } from "~/domain/enums";
import { FreeText } from "~/components/free-text";
import { digits, formatDate, formatNumber } from "~/i18n/format";
import { localized } from "~/i18n/localized";

export interface AchievementView {
  placement: {
    code: string;
    legalName: string;
    employerName: string;
    siteEn: string;
    siteKm: string;
    tradeEn: string;
    tradeKm: string;
    frameworkCode: string;
    frameworkVersion: number;
    startDate: string;
    endedOn: string | null;
    trainerName: string;
  };
  total: number;
  reachedCount: number;
  units: {
    id: number;
    code: string;
    titleEn: string;
    titleKm: string;
    reached: { id: number; code: string; titleEn: string; titleKm: string; reachedOn: string }[];
  }[];
}

/** The QR code of a signed record's verify page: on the printed page and on the apprentice's phone. */
export function VerifyQr({ url, svg, className = "" }: { url: string; svg: string; className?: string }) {
  const { t } = useTranslation();
  return (
    <figure className={`flex items-center gap-3 break-inside-avoid ${className}`} data-testid="verify-qr">
      {/* An SVG drawn on the server by `qrcode` from the record's own address: no script, prints sharp. */}
      <div className="w-32 shrink-0 bg-white" role="img" aria-label={t("achievement.verifyQr")} dangerouslySetInnerHTML={{ __html: svg }} />
      <figcaption className="text-sm">
        <span className="block font-semibold">{t("achievement.verifyQr")}</span>
        <span className="block break-all text-stone-600 print:text-black">{t("achievement.verifyAt", { url })}</span>
      </figcaption>
    </figure>
  );
}

/**
 * The printable record of achievement of a completed placement. On paper the page drops its
 * header, shadows and buttons (Tailwind `print:` variants) and keeps the Khmer font. A signed
 * record's QR code prints with it.
 */
export function AchievementRecord({
  record,
  today,
  locale,
  verify,
  qrOnPaperOnly = false,
}: {
  record: AchievementView;
  today: string;
  locale: Locale;
  verify?: { url: string; svg: string } | null;
  /** The page shows the QR code elsewhere, bigger: here it is for the printed page only. */
  qrOnPaperOnly?: boolean;
}) {
  const { t } = useTranslation();
  const p = record.placement;
  const date = (iso: string) => formatDate(locale, iso);
  return (
    <article
      className="mx-auto max-w-3xl rounded-xl bg-white p-6 shadow-sm print:max-w-none print:rounded-none print:p-0 print:shadow-none"
      data-testid="achievement"
    >
      <div className="flex justify-end print:hidden">
        {/* Printing needs JavaScript; without it the browser's own Print still uses the print styles. */}
        <button
          type="button"
          onClick={() => window.print()}
          className="inline-flex min-h-11 items-center gap-2 rounded-lg bg-brand-700 px-5 font-semibold text-white hover:bg-brand-800"
        >
          <svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
            <path d="M7 9V3h10v6 M7 17H4v-8h16v8h-3 M7 14h10v7H7z" />
          </svg>
          {t("achievement.print")}
        </button>
      </div>
      <header className="border-b-2 border-brand-700 pb-3 print:border-black">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700 print:text-black">{t("achievement.programme")}</p>
        <h1 className="text-3xl font-bold">{t("achievement.title")}</h1>
      </header>
      <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
        <dt className="text-stone-600 print:text-black">{t("achievement.name")}</dt>
        <dd className="font-semibold">
          <FreeText text={p.legalName} />
        </dd>
        <dt className="text-stone-600 print:text-black">{t("achievement.code")}</dt>
        <dd className="font-mono">{p.code}</dd>
        <dt className="text-stone-600 print:text-black">{t("achievement.trade")}</dt>
        <dd>{localized(locale, p, "trade")}</dd>
        <dt className="text-stone-600 print:text-black">{t("achievement.employer")}</dt>
        <dd>
          <FreeText text={p.employerName} />
        </dd>
        <dt className="text-stone-600 print:text-black">{t("achievement.trainer")}</dt>
        <dd>
          <FreeText text={p.trainerName} />
        </dd>
        <dt className="text-stone-600 print:text-black">{t("achievement.site")}</dt>
        <dd>{localized(locale, p, "site")}</dd>
        <dt className="text-stone-600 print:text-black">{t("achievement.dates")}</dt>
        <dd>{t("achievement.period", { from: date(p.startDate), to: p.endedOn ? date(p.endedOn) : "—" })}</dd>
      </dl>
      {verify ? <VerifyQr url={verify.url} svg={verify.svg} className={qrOnPaperOnly ? "mt-4 hidden print:flex" : "mt-4"} /> : null}

      <h2 className="mt-6 text-xl font-semibold">{t("achievement.reached")}</h2>
      <p className="text-stone-700 print:text-black" data-testid="reached-count">
        {t("achievement.reachedCount", { reached: formatNumber(locale, record.reachedCount), total: formatNumber(locale, record.total) })}
      </p>
      {record.units.length === 0 ? <p className="mt-2">{t("achievement.none")}</p> : null}
      {record.units.map((u) => (
        <section key={u.id} className="mt-4 break-inside-avoid">
          <h3 className="font-semibold">{digits(locale, localized(locale, u, "title"))}</h3>
          <table className="mt-1 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300 print:border-black">
                <th scope="col" className="py-1 pr-2 font-medium">
                  {t("achievement.skill")}
                </th>
                <th scope="col" className="w-40 py-1 font-medium">
                  {t("achievement.reachedOn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {u.reached.map((c) => (
                <tr key={c.id} className="border-b border-stone-100 print:border-stone-400">
                  <td className="py-1 pr-2">
                    <span className="inline-flex items-center gap-2">
                      <span className="print:hidden">
                        <LevelIcon level="independent" size={18} />
                      </span>
                      {digits(locale, localized(locale, c, "title"))} <span className="font-mono text-xs text-stone-500 print:text-black">{c.code}</span>
                    </span>
                  </td>
                  <td className="py-1">{date(c.reachedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <footer className="mt-8 border-t border-stone-300 pt-2 text-xs text-stone-600 print:border-black print:text-black">
        {t("achievement.framework", { code: p.frameworkCode, version: p.frameworkVersion })} · {t("achievement.printedOn", { date: date(today) })}
      </footer>
    </article>
  );
}
