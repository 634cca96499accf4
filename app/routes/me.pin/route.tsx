import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Alert, Field, SubmitButton } from "~/components/forms";
import type { FieldErrorMap } from "~/domain/field-errors";
import { pageMeta } from "~/utils/meta";

import type { action } from "~/routes/me.pin/route.server";

// The loader and action live in route.server.ts, so that the browser build follows none of
// their server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { action, loader } from "~/routes/me.pin/route.server";

export const meta = pageMeta;

export default function ChangePin() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const errors: FieldErrorMap = actionData?.errors ?? {};
  const field = (name: "current" | "pin" | "pinAgain", label: string, autoComplete: string, numeric: boolean) => (
    <Field
      name={name}
      type="password"
      size="large"
      label={label}
      errors={errors}
      inputMode={numeric ? "numeric" : undefined}
      autoComplete={autoComplete}
      maxLength={numeric ? 6 : 256}
      inputClassName="tracking-widest"
    />
  );
  return (
    <div className="mx-auto max-w-md space-y-5">
      <div>
        <Link to="/me" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("me.title")}
        </Link>
        <h1 className="text-2xl font-bold">{t("pin.nav")}</h1>
        <p className="text-stone-700">{t("pin.intro")}</p>
      </div>
      {!actionData && searchParams.has("changed") ? (
        <p role="status" className="rounded-lg bg-green-50 px-4 py-3 text-green-900">
          {t("pin.changed")}
        </p>
      ) : null}
      <Form method="post" noValidate className="space-y-4 rounded-xl bg-white p-5 shadow-sm">
        {actionData?.lockedUntil ? <Alert>{t("pin.locked", { time: actionData.lockedUntil })}</Alert> : null}
        {field("current", t("pin.current"), "current-password", false)}
        {field("pin", t("pin.new"), "new-password", true)}
        {field("pinAgain", t("pin.again"), "new-password", true)}
        <SubmitButton className="w-full text-lg">{t("pin.submit")}</SubmitButton>
      </Form>
    </div>
  );
}
