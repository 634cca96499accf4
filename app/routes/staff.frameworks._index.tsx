import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { requireStaff } from "~/auth/guards.server";
import { FieldErrors, SubmitButton } from "~/components/forms";
import { createFramework, importFramework, listFrameworks } from "~/db/frameworks.server";
import { EMPLOYER_SECTORS } from "~/domain/enums";
import type { LineError } from "~/domain/frameworks";
import { readForm } from "~/forms/form-data.server";
import { parseFrameworkCsv, parseFrameworkFields } from "~/forms/frameworks.server";
import { formatNumber } from "~/i18n/format";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { withSaved } from "~/utils/saved";

export const meta = pageMeta;

type Errors = Record<string, string[] | undefined>;
type ActionData = { intent: "create" | "import"; errors: Errors; lineErrors: LineError[] };

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
  const intent = form.get("intent") === "import" ? "import" : "create";
  const fields = parseFrameworkFields(form);
  const bad = (errors: Errors, lineErrors: LineError[] = []) => data<ActionData>({ intent, errors, lineErrors }, { status: 400 });
  const ctx = { userId: user.id, requestId: context.requestId };

  if (intent === "create") {
    if (!fields.ok) return bad(fields.errors);
    const versionId = createFramework(fields.data, ctx);
    if (versionId === null) return bad({ code: ["frameworks.errors.codeTaken"] });
    return redirect(withSaved(`/staff/frameworks/versions/${versionId}`, "framework"));
  }

  const file = form.get("csv");
  const hasFile = file instanceof File && file.size > 0;
  if (!hasFile || file.size > MAX_CSV_BYTES) return bad({ ...(fields.ok ? {} : fields.errors), csv: ["frameworks.errors.file"] });
  const csv = parseFrameworkCsv(new Uint8Array(await file.arrayBuffer()));
  if (!fields.ok || !csv.ok) return bad(fields.ok ? {} : fields.errors, csv.ok ? [] : csv.lineErrors);
  const { versionId } = importFramework(fields.data, csv.rows, ctx);
  return redirect(withSaved(`/staff/frameworks/versions/${versionId}`, "framework"));
}

function FrameworkFields({ prefix, errors }: { prefix: string; errors: Errors }) {
  const { t } = useTranslation();
  const input = "mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 aria-[invalid=true]:border-red-700";
  const text = (name: "code" | "tradeEn" | "tradeKm", extra: { lang?: string } = {}) => (
    <div>
      <label htmlFor={`${prefix}-${name}`} className="block font-medium">
        {t(`frameworks.fields.${name}`)}
      </label>
      <input id={`${prefix}-${name}`} name={name} required {...extra} aria-invalid={errors[name] ? true : undefined} aria-describedby={`${prefix}-${name}-error`} className={input} />
      <FieldErrors id={`${prefix}-${name}-error`} errors={errors[name]} />
    </div>
  );
  return (
    <>
      {text("code")}
      {text("tradeEn", { lang: "en" })}
      {text("tradeKm", { lang: "km" })}
      <div>
        <label htmlFor={`${prefix}-sector`} className="block font-medium">
          {t("frameworks.fields.sector")}
        </label>
        <select id={`${prefix}-sector`} name="sector" required aria-invalid={errors.sector ? true : undefined} aria-describedby={`${prefix}-sector-error`} className={input}>
          {EMPLOYER_SECTORS.map((s) => (
            <option key={s} value={s}>
              {t(`records.sectors.${s}`)}
            </option>
          ))}
        </select>
        <FieldErrors id={`${prefix}-sector-error`} errors={errors.sector} />
      </div>
      <div>
        <label htmlFor={`${prefix}-typicalWeeks`} className="block font-medium">
          {t("frameworks.fields.typicalWeeks")}
        </label>
        <input
          id={`${prefix}-typicalWeeks`}
          type="number"
          name="typicalWeeks"
          min={2}
          max={52}
          defaultValue={12}
          required
          aria-invalid={errors.typicalWeeks ? true : undefined}
          aria-describedby={`${prefix}-typicalWeeks-error`}
          className={input}
        />
        <FieldErrors id={`${prefix}-typicalWeeks-error`} errors={errors.typicalWeeks} />
      </div>
    </>
  );
}

export default function Frameworks() {
  const { frameworks } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const km = i18n.language === "km";
  const createErrors: Errors = actionData?.intent === "create" ? actionData.errors : {};
  const importErrors: Errors = actionData?.intent === "import" ? actionData.errors : {};
  const lineErrors = actionData?.intent === "import" ? actionData.lineErrors : [];
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("frameworks.title")}</h1>
        <p className="text-stone-700">{t("frameworks.intro")}</p>
      </div>

      <section aria-labelledby="framework-list" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="framework-list" className="sr-only">
          {t("frameworks.title")}
        </h2>
        {frameworks.length === 0 ? <p className="text-stone-600">{t("frameworks.none")}</p> : null}
        <ul className="divide-y divide-stone-100">
          {frameworks.map((f) => (
            <li key={f.id} className="py-3" data-testid="framework-row">
              <p className="font-semibold">
                {f.code} · {km ? f.tradeKm : f.tradeEn} <span className="font-normal text-stone-600">({t(`records.sectors.${f.sector}`)})</span>
              </p>
              <ul className="mt-1 flex flex-wrap gap-2">
                {f.versions.map((v) => (
                  <li key={v.id}>
                    <Link to={`/staff/frameworks/versions/${v.id}`} className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 px-3 text-brand-700 underline">
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
                  {t("frameworks.csv.line", { line: formatNumber(km ? "km" : "en", e.line) })}: {t(e.key as "frameworks.csv.badHeader")}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
          <FrameworkFields prefix="import" errors={importErrors} />
          <div className="sm:col-span-2">
            <label htmlFor="import-csv" className="block font-medium">
              {t("frameworks.fields.csv")}
            </label>
            <input
              id="import-csv"
              type="file"
              name="csv"
              accept=".csv,text/csv"
              required
              aria-invalid={importErrors.csv ? true : undefined}
              aria-describedby="import-csv-error"
              className="mt-1 block min-h-11 w-full"
            />
            <FieldErrors id="import-csv-error" errors={importErrors.csv} />
          </div>
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
