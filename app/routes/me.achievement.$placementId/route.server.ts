// The loader of this page (route.tsx re-exports it), in a .server module so that
// the browser build leaves out their imports (docs/decisions/0039, 0046).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireRole } from "~/auth/guards.server";
import { qrSvg } from "~/components/qr.server";
import { ownCredential } from "~/db/credentials.server";
import { loadAchievement } from "~/db/me.server";
import { requestT } from "~/i18n/request.server";
import { siteToday } from "~/utils/today.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  // Scoped to the apprentice of the session: another apprentice's placement, or one not yet
  // completed, is simply not found.
  const record = loadAchievement(Number(params.placementId), user.apprenticeId);
  if (!record) throw notFound();
  const t = await requestT(request);
  const { apprenticeId: _a, preferredName: _p, ...placement } = record.placement;
  // The signed record: its QR code to show an employer, and the file to download.
  const own = ownCredential(record.placement.id, user.apprenticeId);
  return {
    title: t("achievement.title"),
    today: siteToday(),
    record: { ...record, placement },
    verify: own ? { url: own.url, svg: await qrSvg(own.url) } : null,
  };
}
