import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Checkboxes, Field, FieldErrors, FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { CONSENT_ITEMS, GENDERS, PHASES } from "~/domain/enums";
import { pageMeta } from "~/utils/meta";
import { FreeText } from "~/components/free-text";
import { useIntakeName } from "~/components/codes";

import type { action, loader } from "~/routes/staff.apprentices._index/route.server";

// The loader and action live in route.server.ts, so that the browser build follows none of
// their server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { action, loader } from "~/routes/staff.apprentices._index/route.server";

export const meta = pageMeta;

export default function Apprentices() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const { t } = useTranslation();
  const intakeName = useIntakeName();
  const p = "new-apprentice";
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("records.apprentices.title")}</h1>
      <Form method="get" className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm">
        {d.isAdmin && d.sites.length > 1 ? (
          <SelectField
            name="site"
            prefix="filter"
            label={t("staff.site")}
            errors={{}}
            blank={t("records.all")}
            defaultValue={d.filter.siteId}
            options={d.sites.map((s) => ({ value: s.id, label: s.code }))}
          />
        ) : null}
        <SelectField
          name="intake"
          prefix="filter"
          label={t("records.apprentices.intake")}
          errors={{}}
          blank={t("records.all")}
          defaultValue={d.filter.intakeId}
          options={d.intakes.map((i) => ({ value: i.id, label: intakeName(i.name) }))}
        />
        <SelectField
          name="phase"
          prefix="filter"
          label={t("records.apprentices.phase")}
          errors={{}}
          blank={t("records.all")}
          defaultValue={d.filter.phase}
          options={PHASES.map((ph) => ({ value: ph, label: t(`phases.${ph}`) }))}
        />
        <SubmitButton variant="secondary" pendingText={t("records.filter")}>
          {t("records.filter")}
        </SubmitButton>
      </Form>

      <section aria-labelledby="list-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="list-title" className="text-lg font-semibold">
          {t("records.apprentices.count", { count: d.page?.total ?? 0 })}
        </h2>
        {d.page ? <Pagination info={d.page} /> : <FieldErrors id="page-error" errors={d.pageErrors} />}
        <ul className="mt-2 divide-y divide-stone-100" data-testid="apprentice-list">
          {d.apprentices.map((a) => (
            <li key={a.id}>
              <Link to={`/staff/apprentices/${a.id}`} className="flex min-h-11 flex-wrap items-baseline justify-between gap-2 py-2 hover:bg-stone-50">
                <span>
                  <span className="font-mono">{a.code}</span> · <FreeText className="font-semibold text-brand-800 underline" text={a.preferredName} />
                </span>
                <span className="text-sm text-stone-600">
                  {t(`phases.${a.phase}`)}
                  {a.intakeName ? ` · ${intakeName(a.intakeName)}` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="new-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="new-title" className="text-lg font-semibold">
          {t("records.apprentices.create")}
        </h2>
        <p className="text-sm text-stone-600">{t("records.apprentices.codeHelp")}</p>
        <ul className="text-sm text-stone-700" data-testid="code-proposals">
          {d.proposals.map((pr) => (
            <li key={pr.label}>{t("records.apprentices.nextCode", { label: intakeName(pr.label), code: pr.code ?? "—" })}</li>
          ))}
        </ul>
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
          <FormErrors errors={errors} />
          {d.isAdmin ? (
            <SelectField name="siteId" prefix={p} label={t("records.site")} errors={errors} options={d.sites.map((s) => ({ value: s.id, label: s.code }))} />
          ) : null}
          <Field name="code" prefix={p} label={t("common.code")} errors={errors} defaultValue={d.proposals[0]?.code ?? ""} maxLength={12} />
          <SelectField
            name="intakeId"
            prefix={p}
            label={t("records.apprentices.intake")}
            errors={errors}
            blank={t("records.none")}
            options={d.intakes.map((i) => ({ value: i.id, label: intakeName(i.name) }))}
          />
          <Field name="preferredName" prefix={p} label={t("records.apprentices.preferredName")} errors={errors} maxLength={100} />
          <Field name="legalName" prefix={p} label={t("staffRecord.legalName")} errors={errors} maxLength={200} />
          <Field name="dateOfBirth" type="date" prefix={p} label={t("staffRecord.dateOfBirth")} errors={errors} max={d.today} />
          <SelectField
            name="gender"
            prefix={p}
            label={t("staffRecord.gender")}
            errors={errors}
            options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
          />
          <Field name="referralSource" prefix={p} label={t("staffRecord.referral")} errors={errors} maxLength={200} />
          <Field name="background" prefix={p} label={t("staffRecord.background")} errors={errors} maxLength={2000} />
          <Checkboxes
            name="consent"
            prefix={p}
            label={t("records.consent.initial")}
            errors={errors}
            className="sm:col-span-2"
            options={CONSENT_ITEMS.map((item) => ({ value: item, label: t(`consent.${item}`) }))}
          />
          <div>
            <SubmitButton>{t("records.apprentices.createButton")}</SubmitButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
