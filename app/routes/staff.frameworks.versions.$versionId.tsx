import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { notFound, requireStaff } from "~/auth/guards.server";
import { Field, FormErrors, SubmitButton, TextArea } from "~/components/forms";
import {
  addCompetency,
  addUnit,
  deleteCompetency,
  deleteUnit,
  editCompetency,
  editUnit,
  getVersion,
  loadUnits,
  newDraftFrom,
  publishVersion,
  retireVersion,
  type EditResult,
} from "~/db/frameworks.server";
import { readForm } from "~/forms/form-data.server";
import type { FieldErrorMap } from "~/domain/field-errors";
import { versionRefusesEdit } from "~/domain/frameworks";
import { parseVersionIntent, type VersionIntent } from "~/forms/frameworks.server";
import { badRequest, replyOf } from "~/forms/parse.server";
import { localized } from "~/i18n/localized";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { withSaved } from "~/utils/saved";
import { FreeText } from "~/components/free-text";

export const meta = pageMeta;

async function guard(request: Request, versionId: string | undefined) {
  const user = await requireStaff(request);
  const version = getVersion(Number(versionId));
  if (!version) throw notFound();
  return { user, version };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { version } = await guard(request, params.versionId);
  const t = await requestT(request);
  return {
    title: t("frameworks.versionOf", { code: version.code, version: version.version }),
    version: {
      id: version.id,
      frameworkId: version.frameworkId,
      code: version.code,
      tradeEn: version.tradeEn,
      tradeKm: version.tradeKm,
      version: version.version,
      status: version.status,
      typicalWeeks: version.typicalWeeks,
    },
    units: loadUnits(version.id).map((u) => ({
      id: u.id,
      code: u.code,
      titleEn: u.titleEn,
      titleKm: u.titleKm,
      competencies: u.competencies.map((c) => ({
        id: c.id,
        code: c.code,
        titleEn: c.titleEn,
        titleKm: c.titleKm,
        criteriaEn: c.criteriaEn,
        criteriaKm: c.criteriaKm,
        expectedByWeek: c.expectedByWeek,
      })),
    })),
  };
}

/** Which form the errors belong to: the intent and the unit or competency it was about. */
function targetOf(form: FormData) {
  return [form.get("intent"), form.get("unitId"), form.get("competencyId")].filter((v) => typeof v === "string" && v).join(":");
}

function run(intent: VersionIntent, versionId: number, ctx: { userId: number; requestId: string }): EditResult {
  switch (intent.intent) {
    case "add_unit":
      return addUnit(versionId, { code: intent.code, titleEn: intent.titleEn, titleKm: intent.titleKm }, ctx);
    case "edit_unit":
      return editUnit(versionId, intent.unitId, { code: intent.code, titleEn: intent.titleEn, titleKm: intent.titleKm }, ctx);
    case "delete_unit":
      return deleteUnit(versionId, intent.unitId, ctx);
    case "add_competency": {
      const { intent: _, unitId, ...fields } = intent;
      return addCompetency(versionId, unitId, fields, ctx);
    }
    case "edit_competency": {
      const { intent: _, competencyId, ...fields } = intent;
      return editCompetency(versionId, competencyId, fields, ctx);
    }
    case "delete_competency":
      return deleteCompetency(versionId, intent.competencyId, ctx);
    case "publish":
      return publishVersion(versionId, ctx);
    case "new_draft":
      return newDraftFrom(versionId, ctx);
    case "retire":
      return retireVersion(versionId, ctx);
  }
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, version } = await guard(request, params.versionId);
  const form = await readForm(request);
  const target = targetOf(form);
  // A published or retired version cannot change: say so clearly, whatever else was sent.
  if (versionRefusesEdit(version.status, String(form.get("intent") ?? ""))) {
    return badRequest(replyOf(form, { form: ["frameworks.errors.notDraft"] }), { target });
  }
  const parsed = parseVersionIntent(form);
  if (!parsed.ok) return badRequest(parsed, { target });
  const result = run(parsed.value, version.id, { userId: user.id, requestId: context.requestId });
  if (!result.ok) {
    if (result.status === 404) throw notFound();
    return badRequest(replyOf(form, result.errors), { target });
  }
  return redirect(withSaved(`/staff/frameworks/versions/${result.versionId}`, "draft"));
}

/** A unit's fields; `id` keeps them apart from the same fields of the page's other forms. */
function UnitFields({ id, errors, unit }: { id: string; errors: FieldErrorMap; unit?: { code: string; titleEn: string; titleKm: string } }) {
  const { t } = useTranslation();
  return (
    <>
      <Field prefix={id} name="code" label={t("frameworks.fields.unitCode")} errors={errors} defaultValue={unit?.code} className="text-sm" />
      <Field prefix={id} name="titleEn" label={t("frameworks.fields.unitTitleEn")} errors={errors} defaultValue={unit?.titleEn} lang="en" className="text-sm" />
      <Field prefix={id} name="titleKm" label={t("frameworks.fields.unitTitleKm")} errors={errors} defaultValue={unit?.titleKm} lang="km" className="text-sm" />
    </>
  );
}

type Competency = { code: string; titleEn: string; titleKm: string; criteriaEn: string; criteriaKm: string; expectedByWeek: number };

function CompetencyFields({ id, errors, competency }: { id: string; errors: FieldErrorMap; competency?: Competency }) {
  const { t } = useTranslation();
  return (
    <>
      <Field prefix={id} name="code" label={t("frameworks.fields.code")} errors={errors} defaultValue={competency?.code} className="text-sm" />
      <Field
        prefix={id}
        name="expectedByWeek"
        type="number"
        min={1}
        max={52}
        label={t("frameworks.fields.expectedByWeek")}
        errors={errors}
        defaultValue={competency?.expectedByWeek}
        className="text-sm"
      />
      <Field
        prefix={id}
        name="titleEn"
        label={t("frameworks.fields.titleEn")}
        errors={errors}
        defaultValue={competency?.titleEn}
        lang="en"
        className="text-sm"
      />
      <Field
        prefix={id}
        name="titleKm"
        label={t("frameworks.fields.titleKm")}
        errors={errors}
        defaultValue={competency?.titleKm}
        lang="km"
        className="text-sm"
      />
      <TextArea
        prefix={id}
        name="criteriaEn"
        rows={2}
        label={t("frameworks.fields.criteriaEn")}
        errors={errors}
        defaultValue={competency?.criteriaEn}
        lang="en"
        className="text-sm"
      />
      <TextArea
        prefix={id}
        name="criteriaKm"
        rows={2}
        label={t("frameworks.fields.criteriaKm")}
        errors={errors}
        defaultValue={competency?.criteriaKm}
        lang="km"
        className="text-sm"
      />
    </>
  );
}

export default function FrameworkVersion() {
  const { version, units } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const draft = version.status === "draft";
  const errorsFor = (target: string): FieldErrorMap => (actionData?.target === target ? actionData.errors : {});
  return (
    <div className="space-y-5">
      <div>
        <Link to="/staff/frameworks" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("frameworks.back")}
        </Link>
        <h1 className="text-2xl font-bold">{t("frameworks.versionOf", { code: version.code, version: version.version })}</h1>
        <p className="text-stone-700">
          {localized(locale, version, "trade")} · {t(`frameworks.status.${version.status}`)} · {t("frameworks.typicalWeeks", { weeks: version.typicalWeeks })}
        </p>
        <p className="mt-1 text-sm text-stone-700" data-testid="version-status">
          {draft ? t("frameworks.draftNote") : version.status === "published" ? t("frameworks.publishedNote") : t("frameworks.retiredNote")}
        </p>
        <FormErrors id="version-form-error" errors={{ form: actionData?.errors.form, intent: actionData?.errors.intent }} />
      </div>

      <div className="no-print flex flex-wrap gap-3">
        <a
          href={`/staff/frameworks/versions/${version.id}.csv`}
          className="inline-flex min-h-11 items-center rounded-lg border border-stone-400 px-4 text-brand-700 underline"
          download
        >
          {t("frameworks.export")}
        </a>
        {draft ? (
          <Form method="post">
            <SubmitButton intent="publish" pendingText={t("frameworks.publishing")}>
              {t("frameworks.publish")}
            </SubmitButton>
          </Form>
        ) : null}
        {version.status !== "draft" ? (
          <Form method="post">
            <SubmitButton intent="new_draft">{t("frameworks.newDraft")}</SubmitButton>
          </Form>
        ) : null}
        {version.status === "published" ? (
          <Form method="post">
            <SubmitButton intent="retire" variant="danger">
              {t("frameworks.retire")}
            </SubmitButton>
          </Form>
        ) : null}
        {version.version > 1 ? (
          <Link
            to={`/staff/frameworks/${version.frameworkId}/diff?b=${version.id}`}
            className="inline-flex min-h-11 items-center px-3 text-brand-700 underline"
          >
            {t("frameworks.compare")}
          </Link>
        ) : null}
      </div>

      <section aria-labelledby="units" className="space-y-4">
        <h2 id="units" className="text-lg font-semibold">
          {t("frameworks.units")}
        </h2>
        {units.length === 0 ? <p className="text-stone-600">{t("frameworks.noUnits")}</p> : null}
        {units.map((u) => (
          <article key={u.id} className="rounded-xl bg-white p-4 shadow-sm" data-testid="unit">
            <h3 className="font-semibold">
              {u.code} · <FreeText text={localized(locale, u, "title")} />
            </h3>
            <ul className="mt-2 divide-y divide-stone-100">
              {u.competencies.map((c) => (
                <li key={c.id} className="py-2" data-testid="competency">
                  <p className="font-medium">
                    {c.code} · <FreeText text={localized(locale, c, "title")} />{" "}
                    <span className="text-sm font-normal text-stone-600">({t("frameworks.byWeek", { week: c.expectedByWeek })})</span>
                  </p>
                  <FreeText as="p" className="text-sm text-stone-700" text={localized(locale, c, "criteria")} />
                  {draft ? (
                    <details className="no-print mt-1">
                      <summary className="min-h-11 cursor-pointer py-2 text-brand-700 underline">{t("frameworks.edit")}</summary>
                      <Form method="post" className="grid gap-2 sm:grid-cols-2" noValidate>
                        <input type="hidden" name="competencyId" value={c.id} />
                        <CompetencyFields id={`c${c.id}`} errors={errorsFor(`edit_competency:${c.id}`)} competency={c} />
                        <div className="flex flex-wrap gap-2 sm:col-span-2">
                          <SubmitButton intent="edit_competency">{t("frameworks.saveCompetency")}</SubmitButton>
                        </div>
                      </Form>
                      <Form method="post" className="mt-2">
                        <input type="hidden" name="competencyId" value={c.id} />
                        <SubmitButton intent="delete_competency" variant="danger">
                          {t("frameworks.deleteCompetency")}
                        </SubmitButton>
                      </Form>
                    </details>
                  ) : null}
                </li>
              ))}
            </ul>
            {draft ? (
              <div className="no-print mt-3 space-y-3">
                <details open={actionData?.target === `add_competency:${u.id}` ? true : undefined}>
                  <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700 underline">{t("frameworks.addCompetency")}</summary>
                  <Form method="post" className="grid gap-2 sm:grid-cols-2" noValidate>
                    <input type="hidden" name="unitId" value={u.id} />
                    <CompetencyFields id={`new-c-${u.id}`} errors={errorsFor(`add_competency:${u.id}`)} />
                    <div className="sm:col-span-2">
                      <SubmitButton intent="add_competency">{t("frameworks.addCompetency")}</SubmitButton>
                    </div>
                  </Form>
                </details>
                <details open={actionData?.target === `edit_unit:${u.id}` ? true : undefined}>
                  <summary className="min-h-11 cursor-pointer py-2 text-brand-700 underline">{t("frameworks.edit")}</summary>
                  <Form method="post" className="grid gap-2 sm:grid-cols-3" noValidate>
                    <input type="hidden" name="unitId" value={u.id} />
                    <UnitFields id={`u${u.id}`} errors={errorsFor(`edit_unit:${u.id}`)} unit={u} />
                    <div className="sm:col-span-3">
                      <SubmitButton intent="edit_unit">{t("frameworks.saveUnit")}</SubmitButton>
                    </div>
                  </Form>
                  <Form method="post" className="mt-2">
                    <input type="hidden" name="unitId" value={u.id} />
                    <SubmitButton intent="delete_unit" variant="danger">
                      {t("frameworks.deleteUnit")}
                    </SubmitButton>
                  </Form>
                </details>
              </div>
            ) : null}
          </article>
        ))}
        {draft ? (
          <section aria-labelledby="add-unit" className="no-print rounded-xl bg-white p-4 shadow-sm">
            <h3 id="add-unit" className="font-semibold">
              {t("frameworks.addUnit")}
            </h3>
            <Form method="post" className="mt-2 grid gap-2 sm:grid-cols-3" noValidate>
              <UnitFields id="new-unit" errors={errorsFor("add_unit")} />
              <div className="sm:col-span-3">
                <SubmitButton intent="add_unit">{t("frameworks.addUnit")}</SubmitButton>
              </div>
            </Form>
          </section>
        ) : null}
      </section>
    </div>
  );
}
