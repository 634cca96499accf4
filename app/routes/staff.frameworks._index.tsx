import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { requireStaff } from "~/auth/guards.server";
import { errorsOf, Field, FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { createFramework, importFramework, listFrameworks } from "~/db/frameworks.server";
import { EMPLOYER_SECTORS } from "~/domain/enums";
import type { LineError } from "~/domain/frameworks";
import { readForm } from "~/forms/form-data.server";
import type { FieldErrorMap } from "~/domain/field-errors";
import { parseFrameworkCsv, parseNewFramework } from "~/forms/frameworks.server";
import { badRequest, replyOf, sentIntent } from "~/forms/parse.server";
import { formatNumber } from "~/i18n/format";
import { localized } from "~/i18n/localized";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { withSaved } from "~/utils/saved";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireStaff(request);
  const t = await requestT(request);
  return {
    title: t("frameworks.title"),
    frameworks: listFrameworks().map((f) => ({
      id: f.id,
      code: f.code,
      tradeEn: f.tradeEn,
      tradeKm: f.tradeKm,
      sector: f.sector,
      versions: f.versions.map((v) => ({ id: v.id, version: v.version, status: v.status, typicalWeeks: v.typicalWeeks })),
    })),
  };
}

const MAX_CSV_BYTES = 2 * 1024 * 1024;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const form = await readForm(request);
  const parsed = parseNewFramework(form);
  const intent = parsed.ok ? parsed.value.intent : sentIntent(parsed);
  const bad = (errors: FieldErrorMap, lineErrors: LineError[] = []) => badRequest(replyOf(form, errors), { intent, lineErrors });
  const ctx = { userId: user.id, requestId: context.requestId };
  if (intent !== "import") {
    if (!parsed.ok) return bad(parsed.errors);
    const versionId = createFramework(parsed.value, ctx);
    if (versionId === null) return bad({ code: ["frameworks.errors.codeTaken"] });
    return redirect(withSaved(`/staff/frameworks/versions/${versionId}`, "framework"));
  }
  // An import's fields and its file are checked together: every problem is shown at once.
  const file = form.get("csv");
  const hasFile = file instanceof File && file.size > 0;
  if (!hasFile || file.size > MAX_CSV_BYTES) return bad({ ...(parsed.ok ? {} : parsed.errors), csv: ["frameworks.errors.file"] });
  const csv = parseFrameworkCsv(new Uint8Array(await file.arrayBuffer()));
  if (!parsed.ok || !csv.ok) return bad(parsed.ok ? {} : parsed.errors, csv.ok ? [] : csv.lineErrors);
  const { versionId } = importFramework(parsed.value, csv.rows, ctx);
  return redirect(withSaved(`/staff/frameworks/versions/${versionId}`, "framework"));
}

function FrameworkFields({ prefix, errors }: { prefix: string; errors: FieldErrorMap }) {
  const { t } = useTranslation();
  return (
    <>
      <Field name="code" prefix={prefix} label={t("frameworks.fields.code")} errors={errors} required />
      <Field name="tradeEn" prefix={prefix} label={t("frameworks.fields.tradeEn")} errors={errors} required lang="en" />
      <Field name="tradeKm" prefix={prefix} label={t("frameworks.fields.tradeKm")} errors={errors} required lang="km" />
      <SelectField
        name="sector"
        prefix={prefix}
        label={t("frameworks.fields.sector")}
        errors={errors}
        options={EMPLOYER_SECTORS.map((s) => ({ value: s, label: t(`records.sectors.${s}`) }))}
      />
      <Field
        name="typicalWeeks"
        type="number"
        prefix={prefix}
        label={t("frameworks.fields.typicalWeeks")}
        errors={errors}
        min={2}
        max={52}
        defaultValue={12}
        required
      />
    </>
  );
}

export default function Frameworks() {
  const { frameworks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const createErrors = errorsOf(actionData, "create");
  const importErrors = errorsOf(actionData, "import");
  const lineErrors = actionData?.intent === "import" ? actionData.lineErrors : [];
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("frameworks.title")}</h1>
        <p className="text-stone-700">{t("frameworks.intro")}</p>
      </div>
      <FormErrors errors={{ intent: actionData?.errors.intent }} />

      <section aria-labelledby="framework-list" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="framework-list" className="sr-only">
          {t("frameworks.title")}
        </h2>
        {frameworks.length === 0 ? <p className="text-stone-600">{t("frameworks.none")}</p> : null}
        <ul className="divide-y divide-stone-100">
          {frameworks.map((f) => (
            <li key={f.id} className="py-3" data-testid="framework-row">
              <p className="font-semibold">
                {f.code} · {localized(locale, f, "trade")} <span className="font-normal text-stone-600">({t(`records.sectors.${f.sector}`)})</span>
              </p>
              <ul className="mt-1 flex flex-wrap gap-2">
                {f.versions.map((v) => (
                  <li key={v.id}>
                    <Link
                      to={`/staff/frameworks/versions/${v.id}`}
                      className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-3 text-brand-700 underline"
                    >
                      {t("frameworks.version", { version: v.version })} · {t(`frameworks.status.${v.status}`)}
                    </Link>
                  </li>
                ))}
                {f.versions.length > 1 ? (
                  <li>
                    <Link
                      to={`/staff/frameworks/${f.id}/diff?a=${f.versions[1]!.id}&b=${f.versions[0]!.id}`}
                      className="inline-flex min-h-11 items-center px-3 text-brand-700 underline"
                    >
                      {t("frameworks.compare")}
                    </Link>
                  </li>
                ) : null}
              </ul>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="create-framework" className="no-print rounded-xl bg-white p-4 shadow-sm">
        <h2 id="create-framework" className="text-lg font-semibold">
          {t("frameworks.create.title")}
        </h2>
        <p className="text-sm text-stone-700">{t("frameworks.create.help")}</p>
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
          <FrameworkFields prefix="create" errors={createErrors} />
          <div className="sm:col-span-2">
            <SubmitButton intent="create" pendingText={t("frameworks.create.pending")}>
              {t("frameworks.create.submit")}
            </SubmitButton>
          </div>
        </Form>
      </section>

      <section aria-labelledby="import-framework" className="no-print rounded-xl bg-white p-4 shadow-sm">
        <h2 id="import-framework" className="text-lg font-semibold">
          {t("frameworks.import.title")}
        </h2>
        <p className="break-words text-sm text-stone-700">{t("frameworks.import.help")}</p>
        {lineErrors.length ? (
          <div role="alert" className="mt-3 rounded-lg border border-red-700 bg-red-50 p-3 text-red-800" data-testid="csv-errors">
            <p className="font-semibold">{t("frameworks.csv.errorsTitle")}</p>
            <ul className="mt-1 list-disc pl-5">
              {lineErrors.map((e) => (
                <li key={`${e.line}-${e.key}`}>
                  {t("frameworks.csv.line", { line: formatNumber(locale, e.line) })}: {t(e.key as "frameworks.csv.badHeader")}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
          <FrameworkFields prefix="import" errors={importErrors} />
          <Field
            name="csv"
            type="file"
            prefix="import"
            label={t("frameworks.fields.csv")}
            errors={importErrors}
            accept=".csv,text/csv"
            required
            className="sm:col-span-2"
          />
          <div className="sm:col-span-2">
            <SubmitButton intent="import" pendingText={t("frameworks.import.pending")}>
              {t("frameworks.import.submit")}
            </SubmitButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
