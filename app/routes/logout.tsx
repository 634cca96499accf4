import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";

import { getOptionalUser } from "~/auth/guards.server";
import { destroySession } from "~/auth/session.server";
import { audit } from "~/db/audit.server";

// public route: a GET never signs anyone out (links can be prefetched); it just goes home.
export async function loader(_args: LoaderFunctionArgs) {
  return redirect("/");
}

// public route: signing out is allowed to anyone (it ends whatever session the cookie names).
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await getOptionalUser(request);
  const cookie = await destroySession(request);
  if (user) audit({ actorUserId: user.id, action: "sign_out", entity: "user", entityId: user.id }, context);
  return redirect("/login", { headers: { "Set-Cookie": cookie } });
}
