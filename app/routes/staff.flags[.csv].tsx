import type { LoaderFunctionArgs } from "@remix-run/node";

import { actorOf, requireStaff } from "~/auth/guards.server";
import { filterChoices, listFlags } from "~/db/flag-review.server";
import { parseInboxFilters } from "~/forms/flags.server";
import { requestT } from "~/i18n/request.server";
import { csvResponse } from "~/utils/csv.server";

const HEADER = ["id", "site", "rule", "severity", "status", "employer", "trainer", "apprentice_code", "placement_id", "raised_at", "evidence"];

/** The flags inbox as CSV, with the same filters (one row per flag). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const actor = actorOf(user);
  const parsed = parseInboxFilters(new URL(request.url).searchParams, filterChoices(actor));
  if (!parsed.ok) {
    const t = await requestT(request);
    return new Response(`${t("flags.errors.badFilter", { fields: Object.keys(parsed.errors).join(", ") })}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  const rows = listFlags(actor, parsed.data, 100_000).map((f) => [
    f.id,
    f.siteCode,
    f.rule,
    f.severity,
    f.status,
    f.employerName,
    f.trainerName,
    f.apprenticeCode,
    f.placementId,
    f.raisedAt.toISOString(),
    f.evidence,
  ]);
  return csvResponse("flags.csv", HEADER, rows);
}
