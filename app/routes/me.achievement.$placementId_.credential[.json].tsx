/**
 * The apprentice's signed record of achievement as a file: the VC-JWT in a VC data
 * model 2.0 envelope. Their own completed placements only: anything else is not found.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { notFound, requireRole } from "~/auth/guards.server";
import { ownCredential } from "~/db/credentials.server";
import { envelope } from "~/domain/credential";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  const own = ownCredential(Number(params.placementId), user.apprenticeId);
  if (!own) throw notFound();
  return new Response(`${JSON.stringify(envelope(own.jwt), null, 2)}\n`, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="record-of-achievement-${own.issuedAt.slice(0, 10)}.json"`,
    },
  });
}
