import { getFormProps, useForm } from "@conform-to/react";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { getOptionalUser } from "~/auth/guards.server";
import { consumeSignInAttempt } from "~/auth/rate-limit.server";
import { createUserSession } from "~/auth/session.server";
import { authenticator, SignInError } from "~/auth/sign-in.server";
import { TextField } from "~/components/conform-fields";
import { Alert, SubmitButton } from "~/components/forms";
import { parseLogin } from "~/forms/login.server";
import { audit } from "~/db/audit.server";
import { homeFor } from "~/domain/permissions";
import { formatTime } from "~/i18n/format";
import { resolveLocale } from "~/i18n/locale.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { safeRedirect } from "~/utils/redirect";

export const meta = pageMeta;

// public route: the sign-in page itself. A signed-in user goes to their home.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(homeFor(user.role));
  const t = await requestT(request);
  return { title: t("login.title") };
}

type LoginFields = { username: string; password: string; redirectTo?: string };

type Alert = { key: "login.invalid" } | { key: "login.locked"; time: string } | { key: "login.rateLimited"; seconds: number };

// public route: sign-in. Validated, rate limited per IP and per username, audited.
export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.clone().formData();
  const submission = parseLogin(formData);
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), alert: null }, { status: 400 });
  }
  const { username, redirectTo } = submission.value;
  const reply = (alert: Alert, status: number, headers?: HeadersInit) =>
    data({ result: submission.reply({ hideFields: ["password"] }), alert }, { status, headers });

  const limit = await consumeSignInAttempt(context.clientIp, username);
  if (!limit.ok) {
    audit({ actorUserId: null, action: "sign_in_rate_limited", entity: "session" }, context);
    return reply({ key: "login.rateLimited", seconds: limit.retryAfterSeconds }, 429, {
      "Retry-After": String(limit.retryAfterSeconds),
    });
  }

  try {
    const { user, method } = await authenticator.authenticate("form", request);
    const cookie = await createUserSession(user, method, request);
    audit({ actorUserId: user.id, action: "sign_in", entity: "user", entityId: user.id, detail: { method } }, context);
    return redirect(safeRedirect(redirectTo, homeFor(user.role)), { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof SignInError)) throw error;
    audit(
      { actorUserId: null, action: "sign_in_failed", entity: "user", entityId: error.userId, detail: { reason: error.reason } },
      context,
    );
    if (error.reason === "locked" && error.lockedUntil) {
      const locale = await resolveLocale(request, null);
      return reply({ key: "login.locked", time: formatTime(locale, error.lockedUntil) }, 423);
    }
    return reply({ key: "login.invalid" }, 401);
  }
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm<LoginFields>({
    id: "login",
    lastResult: actionData?.result,
    shouldRevalidate: "onBlur",
  });
  const alert = actionData?.alert;
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold">{t("login.title")}</h1>
      <p className="mt-1 text-stone-700">{t("login.intro")}</p>
      <Form method="post" {...getFormProps(form)} className="mt-5 space-y-4 rounded-xl bg-white p-5 shadow-sm">
        {alert ? (
          <Alert>
            {alert.key === "login.locked"
              ? t("login.locked", { time: alert.time })
              : alert.key === "login.rateLimited"
                ? t("login.rateLimited", { seconds: alert.seconds })
                : t("login.invalid")}
          </Alert>
        ) : null}
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
        <TextField field={fields.username} label={t("login.username")} autoComplete="username" autoCapitalize="none" autoCorrect="off" spellCheck={false} />
        <TextField field={fields.password} label={t("login.password")} type="password" autoComplete="current-password" />
        <SubmitButton pendingText={t("login.submitting")} className="w-full">
          {t("login.submit")}
        </SubmitButton>
      </Form>
      <p className="mt-4 text-sm text-stone-600">{t("login.forgot")}</p>
    </div>
  );
}
