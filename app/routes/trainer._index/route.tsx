import { Link, useActionData, useLoaderData } from "@remix-run/react";

import { UpcomingNotices } from "~/components/advance-notices";
import { FormErrors } from "~/components/forms";
import { FreeText } from "~/components/free-text";
import { TrainerTelegramCard } from "~/components/reminders/trainer-telegram-card";
import { formatDate } from "~/i18n/format";
import { localized } from "~/i18n/localized";
import { useLocale, useTranslation } from "~/i18n/react";
import { pageMeta } from "~/utils/meta";

import type { action, loader } from "~/routes/trainer._index/route.server";

// The loader and action live in route.server.ts, so that the browser build follows none of
// their server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { action, loader } from "~/routes/trainer._index/route.server";

export const meta = pageMeta;

const STATE_STYLE = {
  not_started: "bg-amber-100 text-amber-900",
  saved: "bg-sky-100 text-sky-900",
  reviewed: "bg-green-100 text-green-900",
} as const;

export default function TrainerHome() {
  const { placements, telegram } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div>
      <h1 className="text-2xl font-bold">{t("trainer.title")}</h1>
      <p className="mt-1 text-stone-700">{t("trainer.intro")}</p>
      {placements.length === 0 ? (
        <p className="mt-6 rounded-xl bg-white p-5 shadow-sm">{t("trainer.empty")}</p>
      ) : (
        <ul className="mt-5 space-y-3" aria-label={t("trainer.title")}>
          {placements.map((p) => (
            <li key={p.placementId} className="rounded-xl bg-white p-4 shadow-sm" data-testid="trainer-placement">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                {p.started ? (
                  <Link
                    to={`/trainer/placements/${p.placementId}/weeks/${p.thisMonday}`}
                    className="inline-flex min-h-11 items-center text-lg font-semibold text-brand-800 underline decoration-2 underline-offset-4"
                    aria-label={`${p.preferredName} ${p.apprenticeCode}: ${t("trainer.openWeek")}`}
                  >
                    <FreeText text={p.preferredName} />
                    &nbsp;<span className="font-mono text-base text-stone-600">{p.apprenticeCode}</span>
                  </Link>
                ) : (
                  <span className="inline-flex min-h-11 items-center text-lg font-semibold">
                    <FreeText text={p.preferredName} />
                    &nbsp;<span className="font-mono text-base text-stone-600">{p.apprenticeCode}</span>
                  </span>
                )}
                {p.started ? (
                  <span className={`rounded-full px-3 py-1 text-sm font-medium ${STATE_STYLE[p.thisWeek]}`}>
                    {t("trainer.thisWeek")}: {t(`weekState.${p.thisWeek}`)}
                  </span>
                ) : null}
              </div>
              <p className="text-stone-700" data-testid="placement-week">
                {localized(locale, p, "trade")} ·{" "}
                {p.started
                  ? t("trainer.weekOfPlacement", { week: p.week, planned: p.plannedWeeks })
                  : t("trainer.startsOn", { date: formatDate(locale, p.startDate), planned: p.plannedWeeks })}
                {p.under18 ? <span className="ml-2 rounded bg-purple-100 px-2 py-0.5 text-sm font-medium text-purple-900">{t("common.under18")}</span> : null}
              </p>
              <p className="mt-1 flex flex-wrap gap-x-4 text-sm text-stone-700">
                {p.missingWeeks > 0 ? <span className="font-medium text-red-800">{t("trainer.missingReviews", { count: p.missingWeeks })}</span> : null}
                {p.started ? <span>{t("trainer.dueByPlan", { count: p.dueByPlan })}</span> : null}
              </p>
              <UpcomingNotices notices={p.notices} locale={locale} />
            </li>
          ))}
        </ul>
      )}
      <FormErrors errors={{ intent: actionData?.errors?.intent }} />
      <TrainerTelegramCard state={telegram} result={actionData?.telegram ?? null} />
    </div>
  );
}
