import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { notFound, requireRole } from "~/auth/guards.server";
import { LevelIcon, LevelLegend, ProgressRing } from "~/components/levels";
import { ownProgress } from "~/db/apprentice.server";
import { ASSESSMENT_LEVELS } from "~/domain/enums";
import { siteToday } from "~/utils/today.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  if (user.apprenticeId === null) throw notFound();
  const progress = ownProgress(user.apprenticeId, siteToday());
  if (!progress) throw notFound();
  const t = await requestT(request);
  return { title: t("me.title"), progress };
}

export default function MyProgress() {
  const { progress } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const km = i18n.language === "km";
  const p = progress.placement;
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("me.greeting", { name: progress.preferredName })}</h1>
      {p === null ? (
        <p className="rounded-xl bg-white p-5 shadow-sm">{t("me.noPlacement")}</p>
      ) : (
        <>
          <section className="rounded-xl bg-white p-5 shadow-sm" aria-labelledby="placement-title">
            <h2 id="placement-title" className="text-lg font-semibold">
              {t("me.placementAt", { employer: p.employerName })}
            </h2>
            <p className="text-stone-700">{t("me.trade", { trade: km ? p.tradeKm : p.tradeEn })}</p>
            <p className="text-stone-700">{t("me.weeksDone", { week: Math.min(p.week, p.plannedWeeks), planned: p.plannedWeeks })}</p>
          </section>
          <section className="rounded-xl bg-white p-5 shadow-sm" aria-labelledby="overall-title">
            <h2 id="overall-title" className="text-lg font-semibold">
              {t("me.overall")}
            </h2>
            <div className="mt-3 flex flex-wrap items-center gap-5">
              <ProgressRing
                done={p.progress.competent}
                total={p.progress.total}
                label={t("me.competent", { competent: p.progress.competent, total: p.progress.total })}
              />
              <div>
                <p className="text-lg font-semibold" data-testid="competent-summary">
                  {t("me.competent", { competent: p.progress.competent, total: p.progress.total })}
                </p>
                <ul className="mt-2 space-y-1">
                  {ASSESSMENT_LEVELS.map((level) => (
                    <li key={level} className="flex items-center gap-2">
                      <LevelIcon level={level} size={24} />
                      <span>{t(`levels.${level}`)}</span>
                      <span className="ml-auto pl-4 font-semibold tabular-nums">{p.progress.byLevel[level]}</span>
                    </li>
                  ))}
                </ul>
              </div>
            </div>
            <h3 className="mt-4 text-sm font-semibold text-stone-600">{t("me.levelsLegend")}</h3>
            <div className="mt-1">
              <LevelLegend />
            </div>
          </section>
        </>
      )}
    </div>
  );
}
