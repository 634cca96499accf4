import { redirect, type LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guards.server";
import { homeFor } from "~/domain/permissions";

/** The front door: each role's home, or the sign-in page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return redirect(homeFor(user.role));
}
