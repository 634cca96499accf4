import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { actorOf, requireStaff } from "~/auth/guards.server";
import { Field, FieldErrors, FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { createEmployerRecord, listEmployers, siteForNewRecord, sitesForForm } from "~/db/record-keeping.server";
import { EMPLOYER_SECTORS } from "~/domain/enums";
import { pageInfo } from "~/domain/pagination";
import { parsePage } from "~/forms/pagination.server";
import { readForm } from "~/forms/form-data.server";
import { replyOf } from "~/forms/parse.server";
import { parseEmployer } from "~/forms/records.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { withSaved } from "~/utils/saved";
import { FreeText } from "~/components/free-text";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const actor = actorOf(user);
  const t = await requestT(request);
  const paging = parsePage(new URL(request.url).searchParams);
  const list = paging.ok ? listEmployers(actor, paging.data) : { rows: [], total: 0 };
  const body = {
    title: t("records.employers.title"),
    isAdmin: user.role === "admin",
    sites: sitesForForm(actor),
    page: paging.ok ? pageInfo(paging.data, list.total) : null,
    pageErrors: paging.ok ? [] : [...(paging.errors.page ?? []), ...(paging.errors.size ?? [])],
    employers: list.rows.map(({ siteId: _s, ...e }) => e),
  };
  return paging.ok ? body : data(body, { status: 400 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const form = await readForm(request);
  const parsed = parseEmployer(form);
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const { siteId, ...input } = parsed.value;
  const site = siteForNewRecord(actorOf(user), siteId);
  if (!site) return data(replyOf(form, { siteId: ["records.errors.unknownSite"] }), { status: 400 });
  const result = createEmployerRecord({ ...input, siteId: site.id, createdBy: user.id, requestId: context.requestId });
  if (!result.ok) return data(replyOf(form, result.errors), { status: 400 });
  return redirect(withSaved(`/staff/employers/${result.value.id}`, "employerCreated"));
}

export default function Employers() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const { t } = useTranslation();
  const p = "new-employer";
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("records.employers.title")}</h1>
      {d.page ? <Pagination info={d.page} /> : <FieldErrors id="page-error" errors={d.pageErrors} />}
      <ul className="divide-y divide-stone-100 rounded-xl bg-white shadow-sm" data-testid="employer-list">
        {d.employers.map((e) => (
          <li key={e.id}>
            <Link to={`/staff/employers/${e.id}`} className="flex min-h-11 flex-wrap items-baseline justify-between gap-2 px-4 py-3 hover:bg-stone-50">
              <FreeText className="font-semibold text-brand-800 underline" text={e.name} />
              <span className="text-sm text-stone-600">
                {t(`records.sectors.${e.sector}`)} · {e.district} · {t("records.employers.trainerCount", { count: e.trainers })} ·{" "}
                {t("records.employers.activePlacements", { count: e.activePlacements })}
                {!e.active ? ` · ${t("records.employers.inactive")}` : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="new-title" className="text-lg font-semibold">
          {t("records.employers.create")}
        </h2>
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
          <FormErrors errors={errors} />
          {d.isAdmin ? (
            <SelectField name="siteId" prefix={p} label={t("records.site")} errors={errors} options={d.sites.map((s) => ({ value: s.id, label: s.code }))} />
          ) : null}
          <Field name="name" prefix={p} label={t("records.employers.name")} errors={errors} maxLength={200} />
          <SelectField
            name="sector"
            prefix={p}
            label={t("records.employers.sector")}
            errors={errors}
            options={EMPLOYER_SECTORS.map((s) => ({ value: s, label: t(`records.sectors.${s}`) }))}
          />
          <Field name="district" prefix={p} label={t("records.employers.district")} errors={errors} maxLength={100} />
          <Field name="contactName" prefix={p} label={t("records.employers.contactName")} errors={errors} maxLength={200} />
          <Field name="contactPhone" type="tel" prefix={p} label={t("records.employers.contactPhone")} errors={errors} maxLength={20} />
          <div className="sm:col-span-2">
            <SubmitButton>{t("records.employers.createButton")}</SubmitButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
