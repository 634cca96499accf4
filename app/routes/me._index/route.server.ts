// The loader of this page (route.tsx re-exports it), in a .server module so that
// the browser build leaves out their imports (docs/decisions/0039, 0046).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireRole } from "~/auth/guards.server";
import { ownProgress } from "~/db/apprentice.server";
import { db } from "~/db/client.server";
import { thresholdsFor } from "~/db/site-settings.server";
import { howAmIDoing } from "~/domain/me-progress";
import { requestT } from "~/i18n/request.server";
import { siteToday } from "~/utils/today.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  if (user.apprenticeId === null) throw notFound();
  const progress = ownProgress(user.apprenticeId, siteToday());
  if (!progress) throw notFound();
  const t = await requestT(request);
  const p = progress.placement;
  // "How am I doing?" against the plan, at the site's own behind-plan threshold (as staff's flag).
  const onTrackShare = p && user.siteId !== null ? thresholdsFor(db(), user.siteId).behindPlanWarnPercent / 100 : 0.7;
  const verdict = p
    ? howAmIDoing(
        { started: p.weeks.started, competent: p.progress.competent, total: p.progress.total, ratioAgainstPlan: p.progress.ratioAgainstPlan },
        onTrackShare,
      )
    : null;
  return { title: t("me.title"), progress, verdict, dueNow: p ? p.next.filter((c) => c.status === "due").length : 0 };
}
