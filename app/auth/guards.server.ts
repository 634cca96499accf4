/**
 * Guards: every loader and action calls one of these first. A layout's guard does not protect
 * its children. "Not signed in" redirects to /login; a role that may not open the page at all is
 * 403. Which records the caller then reaches is the policy's question (`can` in
 * `app/domain/permissions.ts`, asked by the scoped queries in `app/db`): "no such record for
 * you" is 404 (see `notFound`).
 */
import { redirect } from "@remix-run/node";

import { audit } from "~/db/audit.server";
import type { Role } from "~/domain/enums";
export { actorOf } from "~/domain/permissions";

import { getSession, type SessionUser } from "./session.server";

export function loginRedirect(request: Request): Response {
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  const target = back === "/" || back.startsWith("/login") ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`;
  return redirect(target);
}

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  return (await getSession(request))?.user ?? null;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) throw loginRedirect(request);
  return user;
}

export async function requireRole<R extends Role>(request: Request, ...roles: R[]): Promise<SessionUser & { role: R }> {
  const user = await requireUser(request);
  if (!(roles as Role[]).includes(user.role)) {
    // Every refused access is on the audit log: who and where, never what they hold.
    audit({
      actorUserId: user.id,
      action: "access_refused",
      entity: "route",
      entityId: new URL(request.url).pathname,
      detail: { method: request.method, role: user.role },
    });
    throw forbidden();
  }
  return user as SessionUser & { role: R };
}

/** Staff of a site, or admin. */
export const requireStaff = (request: Request) => requireRole(request, "staff", "admin");

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403 });
}

export function notFound(): Response {
  return new Response("Not found", { status: 404 });
}
