import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { notFound, requireRole } from "~/auth/guards.server";
import { AchievementRecord } from "~/components/achievement";
import { loadAchievement } from "~/db/me.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { siteToday } from "~/utils/today.server";

export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  // Scoped to the apprentice of the session: another apprentice's placement, or one not yet
  // completed, is simply not found.
  const record = loadAchievement(Number(params.placementId), user.apprenticeId);
  if (!record) throw notFound();
  const t = await requestT(request);
  const { apprenticeId: _a, preferredName: _p, ...placement } = record.placement;
  return { title: t("achievement.title"), today: siteToday(), record: { ...record, placement } };
}

export default function MyAchievement() {
  const { record, today } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <div className="space-y-4">
      <Link to="/me" className="inline-flex min-h-11 items-center text-brand-700 underline print:hidden">
        ← {t("achievement.back")}
      </Link>
      <AchievementRecord record={record} today={today} locale={i18n.language === "km" ? "km" : "en"} />
    </div>
  );
}
