import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { getOptionalUser } from "~/auth/guards.server";
import { beginSignIn } from "~/auth/rate-limit.server";
import { createUserSession } from "~/auth/session.server";
import { authenticator, SignInError } from "~/auth/sign-in.server";
import { Alert, Field, SubmitButton } from "~/components/forms";
import { formRequest, readForm } from "~/forms/form-data.server";
import { parseLogin } from "~/forms/login.server";
import { sentValues } from "~/forms/parse.server";
import { audit } from "~/db/audit.server";
import { homeFor } from "~/domain/permissions";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { safeRedirect } from "~/utils/redirect";
import { retryAfterOnly } from "~/utils/retry-after";

export const meta = pageMeta;

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

export default function Login() {
  const { t } = useTranslation();
  const { as } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const errors = actionData?.result.error ?? {};
  const alert = actionData?.alert;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">{t("login.title")}</h1>
      <p className="mt-1 text-stone-700">{t("login.intro")}</p>
      <Form method="post" noValidate className="mt-5 space-y-4 rounded-xl bg-white p-5 shadow-sm">
        {alert ? (
          <Alert>
            {t("login.invalid")}
            {alert.seconds > 0 ? ` ${t("login.wait", { count: alert.seconds })}` : ""}
          </Alert>
        ) : null}
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        {as ? (
          <div className="rounded-lg bg-brand-50 px-3 py-2" data-testid="signing-in-as">
            <input type="hidden" name="username" value={as} />
            <p className="font-semibold">{t("login.as", { username: as })}</p>
            <Link to="/login" className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t("login.notYou")}
            </Link>
          </div>
        ) : (
          <Field
            name="username"
            prefix="login"
            label={t("login.username")}
            errors={errors}
            defaultValue={actionData?.result.username}
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
          />
        )}
        {as ? (
          <Field
            name="password"
            prefix="login"
            type="password"
            label={t("login.pin")}
            errors={errors}
            inputMode="numeric"
            autoComplete="current-password"
            autoFocus
          />
        ) : (
          <Field name="password" prefix="login" type="password" label={t("login.password")} errors={errors} autoComplete="current-password" />
        )}
        <SubmitButton pendingText={t("login.submitting")} className="w-full">
          {t("login.submit")}
        </SubmitButton>
      </Form>
      <p className="mt-4 text-sm text-stone-600">{t("login.forgot")}</p>
    </div>
  );
}
