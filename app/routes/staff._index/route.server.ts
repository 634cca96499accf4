// The loader of this page (route.tsx re-exports it), in a .server module so that
// the browser build leaves out their imports (docs/decisions/0039, 0046).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { actorOf, requireStaff } from "~/auth/guards.server";
import { urgentFlags } from "~/db/flag-review.server";
import { siteOverviews } from "~/db/staff.server";
import { requestT } from "~/i18n/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const t = await requestT(request);
  const actor = actorOf(user);
  const urgent = urgentFlags(actor, 6).map((f) => ({ ...f, evidence: f.evidence as Record<string, unknown>, raisedAt: f.raisedAt.toISOString() }));
  // Admin with several sites: a row per site (its totals), and one site in full on demand (`?site=`).
  const chosen = Number(new URL(request.url).searchParams.get("site") ?? "");
  const open = Number.isSafeInteger(chosen) && chosen > 0 ? siteOverviews(actor, { siteId: chosen })[0] : undefined;
  const totals = !open && user.role === "admin" ? siteOverviews(actor, { totalsOnly: true }) : [];
  const compact = totals.length > 1;
  const sites = open ? [open] : compact ? totals : siteOverviews(actor);
  return { title: t("staff.title"), urgent, sites, compact, isAdmin: user.role === "admin" };
}
