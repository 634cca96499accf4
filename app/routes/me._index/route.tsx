import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useLocale, useTranslation } from "~/i18n/react";
import { AttendanceCalendar } from "~/components/calendar";
import { LevelSymbols, ProgressRing, SharedLevelIcon } from "~/components/levels";
import { ASSESSMENT_LEVELS } from "~/domain/enums";
import { digits, formatDate, formatFraction, formatMonth, formatNumber } from "~/i18n/format";
import { localized } from "~/i18n/localized";
import { pageMeta } from "~/utils/meta";
import { FreeText } from "~/components/free-text";

import type { loader } from "~/routes/me._index/route.server";

// The loader lives in route.server.ts, so that the browser build follows none of
// its server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { loader } from "~/routes/me._index/route.server";

export const meta = pageMeta;

/** A bar with the numbers beside it: the share of a unit's skills done. */
function Bar({ done, total, label, text }: { done: number; total: number; label: string; text: string }) {
  const share = total === 0 ? 0 : done / total;
  return (
    <div className="flex items-center gap-3">
      {/* SVG attributes, not an inline style: the CSP allows no inline styles. */}
      <svg className="h-4 flex-1" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={label}>
        <rect x="0" y="0" width="100" height="8" rx="4" fill="#e7e5e4" />
        {share > 0 ? <rect x="0" y="0" width={Math.max(share * 100, 8)} height="8" rx="4" fill="#15803d" /> : null}
      </svg>
      <span className="shrink-0 font-semibold tabular-nums">{text}</span>
    </div>
  );
}

const ICONS = {
  plan: "M5 4h10l4 4v12H5z M9 12h6 M9 16h6 M9 8h3",
  notice: "M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18z M12 7v5l3 2",
  feedback: "M4 5h16v11H9l-5 4z M9 10h.01 M15 10h.01",
  pin: "M6 11h12v9H6z M9 11V8a3 3 0 0 1 6 0v3",
} as const;

function Tile({ to, icon, children }: { to: string; icon: keyof typeof ICONS; children: ReactNode }) {
  return (
    <Link
      to={to}
      className="flex min-h-20 flex-col items-center justify-center gap-1 rounded-xl border-2 border-brand-100 bg-white p-3 text-center font-semibold text-brand-800 shadow-sm hover:border-brand-600"
    >
      <svg
        width="32"
        height="32"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
      >
        <path d={ICONS[icon]} />
      </svg>
      {children}
    </Link>
  );
}

/**
 * The apprentice's own page, for readers at Grade 4 (issue 11): the first screen answers "how am
 * I doing?" with one ring and one sentence; pictures and numbers before words; every label seven
 * words or fewer; each page has one name, the same in the menu, on its tile and as its heading.
 */
export default function MyProgress() {
  const { progress, verdict, dueNow } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  const p = progress.placement;
  const card = "rounded-xl bg-white p-5 shadow-sm";
  return (
    <div className="space-y-5">
      <div>
        <p className="text-lg">
          {t("me.hello")} <FreeText text={progress.preferredName} className="font-semibold" />
        </p>
        <h1 className="text-2xl font-bold">{t("me.title")}</h1>
        <p className="text-stone-700" data-testid="my-code">
          {t("me.code", { code: progress.code })}
        </p>
      </div>

      {p && verdict ? (
        <section className={`${card} flex items-center gap-4`} aria-labelledby="how-title" data-testid="how-am-i-doing">
          <ProgressRing
            done={p.progress.competent}
            total={p.progress.total}
            text={formatFraction(locale, p.progress.competent, p.progress.total)}
            label={t("me.ringLabel", { competent: p.progress.competent, total: p.progress.total })}
          />
          <div>
            <h2 id="how-title" className="font-semibold text-stone-700">
              {t("me.how")}
            </h2>
            <p className="text-xl font-bold" data-testid="verdict">
              {verdict === "behind" ? t("me.verdict.behind", { count: dueNow }) : t(`me.verdict.${verdict}`)}
            </p>
            <p className="text-stone-700" data-testid="competent-summary">
              {t("me.ringLabel", { competent: p.progress.competent, total: p.progress.total })}
            </p>
          </div>
        </section>
      ) : null}

      <nav aria-label={t("me.actions")} className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Tile to="/me/plan" icon="plan">
          {t("plan.nav")}
        </Tile>
        {p ? (
          <Tile to="/me/notices" icon="notice">
            {t("notice2.nav")}
          </Tile>
        ) : null}
        {p ? (
          <Tile to="/me/feedback" icon="feedback">
            {t("feedback.nav")}
          </Tile>
        ) : null}
        <Tile to="/me/pin" icon="pin">
          {t("pin.nav")}
        </Tile>
      </nav>

      {p === null ? (
        <p className={card}>{t("me.noPlacement")}</p>
      ) : (
        <>
          <section className={card} aria-labelledby="placement-title">
            <h2 id="placement-title" className="text-lg font-semibold">
              {t("me.weeksTitle")}
            </h2>
            {p.weeks.started ? (
              <>
                <p className="text-lg font-semibold" data-testid="weeks-done">
                  {t("me.weeksDone", { week: p.weeks.shown, planned: p.weeks.planned })}
                  {p.weeks.overBy > 0 ? <span className="ml-2 font-medium text-amber-800">{t("me.weeksOver", { count: p.weeks.overBy })}</span> : null}
                </p>
                <WeekDots shown={p.weeks.shown} planned={p.weeks.planned} />
              </>
            ) : (
              <p className="text-stone-700">{t("me.notStarted", { date: formatDate(locale, p.startDate) })}</p>
            )}
            <p className="mt-2 text-stone-700">
              {t("me.trainingAt")} <FreeText text={p.employerName} /> · {localized(locale, p, "trade")}
            </p>
          </section>

          <section className={card} aria-labelledby="units-title">
            <h2 id="units-title" className="text-lg font-semibold">
              {t("me.units")}
            </h2>
            <ul className="mt-3 space-y-4">
              {p.units.map((u) => (
                <li key={u.unitId} data-testid="unit-progress">
                  <h3 className="font-medium">{digits(locale, localized(locale, u, "title"))}</h3>
                  <Bar
                    done={u.competent}
                    total={u.total}
                    text={formatFraction(locale, u.competent, u.total)}
                    label={t("me.unitDone", { competent: u.competent, total: u.total })}
                  />
                  <div className="mt-1 flex flex-wrap gap-1" aria-hidden="true">
                    {u.levels.map((level, i) => (
                      <SharedLevelIcon key={i} level={level} size={22} />
                    ))}
                  </div>
                </li>
              ))}
            </ul>
            <ul className="mt-4 grid grid-cols-2 gap-x-4 gap-y-1 border-t border-stone-100 pt-3" aria-label={t("me.levelsLegend")}>
              {ASSESSMENT_LEVELS.map((level) => (
                <li key={level} className="flex items-center gap-2">
                  <SharedLevelIcon level={level} size={24} />
                  <span>{t(`levelShort.${level}`)}</span>
                  <span className="ml-auto font-semibold tabular-nums">{formatNumber(locale, p.progress.byLevel[level])}</span>
                </li>
              ))}
            </ul>
          </section>

          <section className={card} aria-labelledby="next-title">
            <h2 id="next-title" className="text-lg font-semibold">
              {t("me.next")}
            </h2>
            {p.next.length === 0 ? (
              <p className="mt-2 text-green-800">{t("me.nothingNext")}</p>
            ) : (
              <ul className="mt-2 divide-y divide-stone-100" data-testid="coming-next">
                {p.next.map((c) => (
                  <li key={c.id} className="flex items-center gap-3 py-2">
                    <SharedLevelIcon level={c.level ?? "unassessed"} size={28} title={t(`levels.${c.level ?? "unassessed"}`)} />
                    <div className="flex-1">
                      <p className="font-medium">{digits(locale, localized(locale, c, "title"))}</p>
                      <p className="text-sm text-stone-700">{t("me.byWeek", { week: c.expectedByWeek })}</p>
                    </div>
                    <span
                      className={`shrink-0 rounded-full px-2 py-0.5 text-sm font-medium ${c.status === "due" ? "bg-amber-100 text-amber-900" : "bg-sky-100 text-sky-900"}`}
                    >
                      {c.status === "due" ? t("me.due") : t("me.soon")}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section className={card} aria-labelledby="month-title">
            <h2 id="month-title" className="text-lg font-semibold">
              {t("me.month")}
            </h2>
            <p className="text-stone-700">{formatMonth(locale, p.calendar.month)}</p>
            <div className="mt-2">
              <AttendanceCalendar calendar={p.calendar} locale={locale} />
            </div>
          </section>

          <section className={card} aria-labelledby="education-title">
            <h2 id="education-title" className="text-lg font-semibold">
              {t("me.education")}
            </h2>
            <div className="mt-2">
              <Bar
                done={p.education.attended}
                total={p.education.agreed}
                text={formatFraction(locale, p.education.attended, p.education.agreed)}
                label={t("me.educationCount", { attended: p.education.attended, agreed: p.education.agreed })}
              />
              <p className="text-stone-700" data-testid="education-count">
                {t("me.educationCount", { attended: p.education.attended, agreed: p.education.agreed })}
              </p>
            </div>
          </section>
        </>
      )}

      {progress.completed.length > 0 ? (
        <section className={card} aria-labelledby="records-title">
          <h2 id="records-title" className="text-lg font-semibold">
            {t("me.records")}
          </h2>
          <ul className="mt-2">
            {progress.completed.map((c) => (
              <li key={c.id}>
                <Link to={`/me/achievement/${c.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                  <FreeText text={c.employerName} /> · {localized(locale, c, "trade")}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {/* The level pictures the page draws (last: it takes no room). */}
      <LevelSymbols />
    </div>
  );
}

/** The weeks of the placement as dots, filled up to this week: a picture of "week 13 of 24". */
function WeekDots({ shown, planned }: { shown: number; planned: number }) {
  const perRow = planned > 26 ? 26 : planned;
  const rows = Math.ceil(planned / perRow);
  return (
    <svg className="mt-2 block w-full max-w-md" viewBox={`0 0 ${perRow * 10} ${rows * 10}`} aria-hidden="true">
      {Array.from({ length: planned }, (_, i) => (
        <circle key={i} cx={(i % perRow) * 10 + 5} cy={Math.floor(i / perRow) * 10 + 5} r={3.5} fill={i < shown ? "#15803d" : "#d6d3d1"} />
      ))}
    </svg>
  );
}
