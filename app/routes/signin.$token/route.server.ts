// The loader, action and headers of this page (route.tsx re-exports them), in a .server
// module so that the browser build leaves out their imports (docs/decisions/0039, 0046).
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { readForm } from "~/forms/form-data.server";
import { parseLinkConfirm } from "~/forms/login.server";
import { consumeLinkAttempt } from "~/auth/rate-limit.server";
import { createUserSession, destroySession } from "~/auth/session.server";
import { audit } from "~/db/audit.server";
import { lookupLink, markLinkUsed } from "~/db/sign-in-links.server";
import { trainerTarget } from "~/domain/reminders";
import { requestT } from "~/i18n/request.server";
import { safeRedirect } from "~/utils/redirect";
import { retryAfterOnly } from "~/utils/retry-after";

export const headers: HeadersFunction = ({ loaderHeaders, actionHeaders }) => ({ ...retryAfterOnly(loaderHeaders), ...retryAfterOnly(actionHeaders) });

const STATUS = { unknown: 404, expired: 410, revoked: 410 } as const;

// public route: the token in the address is the credential; rate limited per IP.
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const t = await requestT(request);
  const limit = await consumeLinkAttempt(context.clientIp);
  if (!limit.ok)
    return data(
      { title: t("links.open.title"), state: "limited" as const, name: null },
      { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } },
    );
  const found = lookupLink(params.token ?? "");
  if (found.status !== "valid") return data({ title: t("links.open.title"), state: found.status, name: null }, { status: STATUS[found.status] });
  // Opening the link only shows who it is for: a chat app's link preview must not sign in.
  // A reminder's link opens one week card (`?to=`); only a trainer page is ever accepted.
  const target = trainerTarget(new URL(request.url).searchParams.get("to"));
  return { title: t("links.open.title"), state: "valid" as const, name: found.user.displayName, target };
}

// public route: confirming the link starts a new trainer session (never more than a trainer's).
export async function action({ request, params, context }: ActionFunctionArgs) {
  const limit = await consumeLinkAttempt(context.clientIp);
  if (!limit.ok) throw new Response("Too many attempts", { status: 429, headers: { "Retry-After": String(limit.retryAfterSeconds) } });
  const found = lookupLink(params.token ?? "");
  if (found.status !== "valid") return redirect(safeRedirect(new URL(request.url).pathname, "/login"));
  // The only field is the optional week card to open. A confirm sent with no form at all opens
  // /trainer; a body the reader refuses (a crafted name, a broken encoding) signs nobody in.
  const form = await readForm(request).catch((error: unknown) => {
    if (error instanceof Response && error.status === 415 && !request.headers.get("content-type")) return null;
    throw error;
  });
  const confirm = form ? parseLinkConfirm(form) : null;
  const target = trainerTarget(confirm?.ok ? confirm.value.to : null) ?? "/trainer";
  const cleared = await destroySession(request);
  // The session remembers its link: revoking or expiring the link ends it (docs/decisions/0005).
  const cookie = await createUserSession(found.user, "link", request, new Date(), { id: found.linkId, expiresAt: found.expiresAt });
  markLinkUsed(found.linkId);
  audit({ actorUserId: found.user.id, action: "sign_in", entity: "user", entityId: found.user.id, detail: { method: "link", linkId: found.linkId } }, context);
  const headers = new Headers();
  headers.append("Set-Cookie", cleared);
  headers.append("Set-Cookie", cookie);
  return redirect(target, { headers });
}
