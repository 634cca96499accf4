import type { LoaderFunctionArgs } from "@remix-run/node";

import { actorOf, requireStaff } from "~/auth/guards.server";
import { employerInScope, filterChoices, flagsInChunks, trainerInScope, type FlagRow } from "~/db/flag-review.server";
import { chosenSite, parseInboxFilters } from "~/forms/flags.server";
import { requestT } from "~/i18n/request.server";
import { csvStreamResponse } from "~/utils/csv.server";
import { takeTurn } from "~/utils/heavy-turn.server";

const HEADER = ["id", "site", "rule", "severity", "status", "employer", "trainer", "apprentice_code", "placement_id", "raised_at", "evidence"];

/** The flags inbox as CSV, with the same filters (one row per flag), streamed. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const actor = actorOf(user);
  const params = new URL(request.url).searchParams;
  const parsed = parseInboxFilters(params, {
    sites: filterChoices(actor, chosenSite(params)).sites,
    employer: (id) => employerInScope(actor, id),
    trainer: (id) => trainerInScope(actor, id),
  });
  if (!parsed.ok) {
    const t = await requestT(request);
    return new Response(`${t("flags.errors.badFilter", { fields: Object.keys(parsed.errors).join(", ") })}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // One download or report at a time per person; it stops when the caller goes (0054).
  const turn = await takeTurn({ request, context }, user.id);
  return csvStreamResponse("flags.csv", HEADER, turn.stream(cells(flagsInChunks(actor, parsed.data))));
}

/** Every site's flags can be megabytes: written as read, a chunk at a time. */
async function* cells(chunks: AsyncIterable<FlagRow[]>) {
  for await (const chunk of chunks) {
    yield chunk.map((f) => [
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
  }
}
