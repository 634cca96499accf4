/**
 * Staff's printable record of achievement of a completed placement of their site. The file name's
 * `$placementId_` keeps it out of the placement page's layout: it is a page of its own.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { actorOf, notFound, requireStaff } from "~/auth/guards.server";
import { AchievementRecord } from "~/components/achievement";
import { audit } from "~/db/audit.server";
import { loadAchievement } from "~/db/me.server";
import { getPlacementForStaff } from "~/db/staff-records.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { siteToday } from "~/utils/today.server";

export const meta = pageMeta;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const placement = getPlacementForStaff(actorOf(user), Number(params.placementId));
  const record = placement ? loadAchievement(placement.id) : null;
  if (!record) throw notFound();
  // The record carries the legal name: a view of staff-only data is audited (DESIGN.md §4).
  audit({ actorUserId: user.id, action: "view_achievement", entity: "placement", entityId: record.placement.id }, context);
  const t = await requestT(request);
  const { apprenticeId, preferredName: _p, ...rest } = record.placement;
  return { title: `${rest.code} · ${t("achievement.title")}`, today: siteToday(), apprenticeId, record: { ...record, placement: rest } };
}

export default function StaffAchievement() {
  const { record, today, apprenticeId } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  return (
    <div className="space-y-4">
      <Link to={`/staff/apprentices/${apprenticeId}`} className="inline-flex min-h-11 items-center text-brand-700 underline print:hidden">
        ← {t("achievement.back")}
      </Link>
      <AchievementRecord record={record} today={today} locale={i18n.language === "km" ? "km" : "en"} />
    </div>
  );
}
