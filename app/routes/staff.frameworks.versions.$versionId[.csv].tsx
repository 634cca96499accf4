import type { LoaderFunctionArgs } from "@remix-run/node";

import { notFound, requireStaff } from "~/auth/guards.server";
import { getVersion, versionRows } from "~/db/frameworks.server";
import { FRAMEWORK_CSV_HEADER, rowToCells } from "~/domain/frameworks";
import { csvResponse } from "~/utils/csv.server";

/** One framework version as CSV, in the import format (one row per competency, units repeated). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const version = getVersion(Number(params.versionId));
  if (!version) throw notFound();
  const filename = `${version.code.replace(/[^A-Za-z0-9._-]/g, "_")}-v${version.version}.csv`;
  return csvResponse(filename, [...FRAMEWORK_CSV_HEADER], versionRows(version.id).map(rowToCells));
}
