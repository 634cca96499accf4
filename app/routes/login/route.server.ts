// The sign-in page's loader, action and headers (route.tsx re-exports them), in a .server
// module so that the browser build leaves out their imports (docs/decisions/0039, 0046).
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";

import { getOptionalUser } from "~/auth/guards.server";
import { beginSignIn } from "~/auth/rate-limit.server";
import { createUserSession } from "~/auth/session.server";
import { authenticator, SignInError } from "~/auth/sign-in.server";
import { audit } from "~/db/audit.server";
import { homeFor } from "~/domain/permissions";
import { formRequest, readForm } from "~/forms/form-data.server";
import { parseLogin } from "~/forms/login.server";
import { sentValues } from "~/forms/parse.server";
import { requestT } from "~/i18n/request.server";
import { safeRedirect } from "~/utils/redirect";
import { retryAfterOnly } from "~/utils/retry-after";

/** A form post without JavaScript gets the action's Retry-After too (document answers take headers from here). */
export const headers: HeadersFunction = ({ actionHeaders }) => retryAfterOnly(actionHeaders);

/** A username as an apprentice's sign-in card carries it (`?as=pp-26-019`). */
const CARD_USERNAME = /^[a-z0-9][a-z0-9._-]{0,63}$/i;

// public route: the sign-in page itself. A signed-in user goes to their home. `?as=` comes from
// an apprentice's sign-in card (docs/decisions/0029): the username is filled in, only the PIN is
// typed. Whether that account exists is not said (the answer to a wrong PIN is the same as ever).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(homeFor(user.role));
  const as = new URL(request.url).searchParams.get("as");
  if (as !== null && !CARD_USERNAME.test(as)) throw new Response("Bad request", { status: 400 });
  const t = await requestT(request);
  return { title: t("login.title"), as };
}

/** Every refused sign-in gets this one answer: unknown username, wrong secret or throttled alike. */
type Alert = { key: "login.invalid"; seconds: number };

// public route: sign-in. Validated, throttled per client and per username (never locked), audited.
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readForm(request);
  const parsed = parseLogin(form);
  // `result` keeps the shape conform's reply gave this answer: field errors, and the username to put back.
  const result = { username: sentValues(form).username ?? "", error: parsed.ok ? undefined : parsed.errors };
  if (!parsed.ok) return data({ result, alert: null }, { status: 400 });
  const { username, redirectTo } = parsed.value;
  const refuse = (seconds: number) =>
    data({ result, alert: { key: "login.invalid", seconds } satisfies Alert }, { status: 401, headers: { "Retry-After": String(seconds) } });

  const gate = await beginSignIn(context.clientIp, username);
  // Refused before any password check: nothing is verified, written or audited for a flood.
  if (!gate.ok) return refuse(gate.retryAfterSeconds);

  try {
    const { user, method } = await authenticator.authenticate("form", formRequest(request, form));
    await gate.attempt.succeeded();
    // The target is settled before anything is written, and can never break the Location header.
    const target = safeRedirect(redirectTo, homeFor(user.role));
    const cookie = await createUserSession(user, method, request);
    audit({ actorUserId: user.id, action: "sign_in", entity: "user", entityId: user.id, detail: { method } }, context);
    return redirect(target, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    const seconds = gate.attempt.waitSeconds;
    audit(
      { actorUserId: null, action: "sign_in_failed", entity: "user", entityId: error.userId, detail: seconds > 0 ? { waitSeconds: seconds } : null },
      context,
    );
    return refuse(seconds);
  }
}
