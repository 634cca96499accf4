import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { actorOf, requireStaff } from "~/auth/guards.server";
import { Checkboxes, Field, FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { createPlacementRecord, placementChoices } from "~/db/record-keeping.server";
import { addYears } from "~/domain/dates";
import { PLACEMENT_START_MAX_YEARS_AHEAD, PLACEMENT_START_MAX_YEARS_BACK } from "~/domain/plausible";
import { readForm } from "~/forms/form-data.server";
import { badRequest, replyOf } from "~/forms/parse.server";
import { parsePlacementCreate } from "~/forms/records.server";
import { localized } from "~/i18n/localized";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { siteToday } from "~/utils/today.server";
import { withSaved } from "~/utils/saved";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const t = await requestT(request);
  const url = new URL(request.url);
  return {
    title: t("records.placements.new"),
    today: siteToday(),
    // The browser's own date bounds; the server checks the same (app/domain/plausible.ts).
    startMin: addYears(siteToday(), -PLACEMENT_START_MAX_YEARS_BACK),
    startMax: addYears(siteToday(), PLACEMENT_START_MAX_YEARS_AHEAD),
    preselect: { apprenticeId: url.searchParams.get("apprentice"), employerId: url.searchParams.get("employer") },
    ...placementChoices(actorOf(user)),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireStaff(request);
  const form = await readForm(request);
  // What was entered comes back with a refusal (`values`), so that without JavaScript nothing is lost.
  const parsed = parsePlacementCreate(form, siteToday());
  if (!parsed.ok) return badRequest(parsed, { weekdays: form.getAll("educationWeekdays").map(String) });
  const result = createPlacementRecord(actorOf(user), { ...parsed.value, createdBy: user.id, requestId: context.requestId });
  if (!result.ok) return badRequest(replyOf(form, result.errors), { weekdays: form.getAll("educationWeekdays").map(String) });
  return redirect(withSaved(`/staff/placements/${result.value.id}`, "placement"));
}

export default function NewPlacement() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.errors ?? {};
  const sent = actionData?.values;
  const value = (name: string, otherwise: string | number | null) => (sent ? (sent[name] ?? "") : otherwise);
  const { t } = useTranslation();
  const locale = useLocale();
  const p = "placement";
  const employerName = new Map(d.employers.map((e) => [e.id, e.name]));
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("records.placements.new")}</h1>
      <Form method="post" className="grid gap-3 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-2" noValidate>
        <FormErrors errors={errors} />
        <SelectField
          name="apprenticeId"
          prefix={p}
          label={t("records.placements.apprentice")}
          errors={errors}
          blank={t("records.choose")}
          defaultValue={value("apprenticeId", d.preselect.apprenticeId)}
          options={d.apprentices.map((a) => ({ value: a.id, label: `${a.code} · ${a.preferredName}` }))}
        />
        <SelectField
          name="employerId"
          prefix={p}
          label={t("common.employer")}
          errors={errors}
          blank={t("records.choose")}
          defaultValue={value("employerId", d.preselect.employerId)}
          options={d.employers.map((e) => ({ value: e.id, label: e.name }))}
        />
        <div>
          <SelectField
            name="trainerUserId"
            prefix={p}
            label={t("records.placements.trainer")}
            errors={errors}
            blank={t("records.choose")}
            defaultValue={value("trainerUserId", null)}
            options={d.trainers.map((tr) => ({ value: tr.id, label: `${tr.displayName} · ${employerName.get(tr.employerId) ?? ""}` }))}
          />
          <p className="text-sm text-stone-600">{t("records.placements.trainerHelp")}</p>
        </div>
        <SelectField
          name="frameworkVersionId"
          prefix={p}
          label={t("records.placements.framework")}
          errors={errors}
          blank={t("records.choose")}
          defaultValue={value("frameworkVersionId", null)}
          options={d.versions.map((v) => ({
            value: v.id,
            label: t("records.placements.frameworkOption", { trade: localized(locale, v, "trade"), version: v.version }),
          }))}
        />
        <Field
          name="startDate"
          type="date"
          prefix={p}
          label={t("records.placements.startDate")}
          errors={errors}
          defaultValue={value("startDate", d.today)}
          min={d.startMin}
          max={d.startMax}
        />
        <Field
          name="plannedWeeks"
          type="number"
          prefix={p}
          label={t("records.placements.plannedWeeks")}
          errors={errors}
          min={2}
          max={52}
          defaultValue={value("plannedWeeks", 12)}
        />
        <Checkboxes
          name="educationWeekdays"
          prefix={p}
          label={t("records.placements.educationWeekdays")}
          errors={errors}
          className="sm:col-span-2"
          defaultValues={actionData ? actionData.weekdays : ["2", "4"]}
          options={[1, 2, 3, 4, 5, 6, 7].map((day) => ({ value: day, label: t(`records.weekdays.${day}` as "records.weekdays.1") }))}
        />
        <Field
          name="stipendHagar"
          prefix={p}
          label={t("records.placements.stipendHagar")}
          errors={errors}
          inputMode="decimal"
          defaultValue={value("stipendHagar", "0")}
        />
        <Field
          name="stipendEmployer"
          prefix={p}
          label={t("records.placements.stipendEmployer")}
          errors={errors}
          inputMode="decimal"
          defaultValue={value("stipendEmployer", "0")}
        />
        <div className="sm:col-span-2 flex flex-wrap items-center gap-3">
          <SubmitButton>{t("records.placements.create")}</SubmitButton>
          <Link to="/staff/apprentices" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("records.apprentices.title")}
          </Link>
        </div>
      </Form>
    </div>
  );
}
