import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";

import { Alert, Field, SubmitButton } from "~/components/forms";
import { useTranslation } from "~/i18n/react";
import { pageMeta } from "~/utils/meta";

import type { action, loader } from "~/routes/login/route.server";

// The loader, action and headers live in route.server.ts, so that the browser build follows
// none of their imports into chunks of their own (docs/decisions/0039, 0046).
export { action, headers, loader } from "~/routes/login/route.server";

export const meta = pageMeta;

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
