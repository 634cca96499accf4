import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { requireRole } from "~/auth/guards.server";
import { Alert, Field, SubmitButton } from "~/components/forms";
import { changeOwnPin } from "~/db/pin.server";
import type { FieldErrorMap } from "~/domain/field-errors";
import { readForm } from "~/forms/form-data.server";
import { parseOwnPin } from "~/forms/me.server";
import { formatTime } from "~/i18n/format";
import { requestLocale, requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "apprentice");
  const t = await requestT(request);
  return { title: t("pin.nav") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  const parsed = parseOwnPin(await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors, lockedUntil: null as string | null }, { status: 400 });
  const result = await changeOwnPin({ userId: user.id, current: parsed.value.current, pin: parsed.value.pin, requestId: context.requestId });
  if (result.status === "wrong_current") return data({ errors: { current: ["pin.errors.wrongCurrent"] } as FieldErrorMap, lockedUntil: null }, { status: 400 });
  if (result.status === "locked") {
    const { locale } = await requestLocale(request);
    return data({ errors: { form: ["pin.locked"] } as FieldErrorMap, lockedUntil: formatTime(locale, result.lockedUntil) }, { status: 400 });
  }
  return redirect("/me/pin?changed=1");
}

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
