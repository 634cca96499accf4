import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { requireRole } from "~/auth/guards.server";
import { Alert, FieldErrors, SubmitButton } from "~/components/forms";
import { changeOwnPin } from "~/db/pin.server";
import { readForm } from "~/forms/form-data.server";
import { parseOwnPin } from "~/forms/me.server";
import { formatTime } from "~/i18n/format";
import { requestLocale, requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;

type Errors = Record<string, string[] | undefined>;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "apprentice");
  const t = await requestT(request);
  return { title: t("pin.nav") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  const parsed = parseOwnPin(await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors, lockedUntil: null as string | null }, { status: 400 });
  const result = await changeOwnPin({ userId: user.id, current: parsed.data.current, pin: parsed.data.pin, requestId: context.requestId });
  if (result.status === "wrong_current") return data({ errors: { current: ["pin.errors.wrongCurrent"] } as Errors, lockedUntil: null }, { status: 400 });
  if (result.status === "locked") {
    const { locale } = await requestLocale(request);
    return data({ errors: { form: ["pin.locked"] } as Errors, lockedUntil: formatTime(locale, result.lockedUntil) }, { status: 400 });
  }
  return redirect("/me/pin?changed=1");
}

export default function ChangePin() {
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const errors: Errors = actionData?.errors ?? {};
  const input = "mt-1 block min-h-12 w-full rounded-lg border border-stone-400 bg-white px-3 text-lg tracking-widest aria-[invalid=true]:border-red-700";
  const field = (name: "current" | "pin" | "pinAgain", label: string, autoComplete: string, numeric: boolean) => (
    <div>
      <label htmlFor={name} className="block font-semibold">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type="password"
        inputMode={numeric ? "numeric" : undefined}
        autoComplete={autoComplete}
        maxLength={numeric ? 6 : 256}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`${name}-error`}
        className={input}
      />
      <FieldErrors id={`${name}-error`} errors={errors[name]} />
    </div>
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
        <SubmitButton pendingText={t("pin.saving")} className="w-full text-lg">
          {t("pin.submit")}
        </SubmitButton>
      </Form>
    </div>
  );
}
