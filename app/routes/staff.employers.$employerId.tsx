import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { actorOf, notFound, requireStaff } from "~/auth/guards.server";
import { errorsOf, Field, FieldErrors, FormErrors, SelectField, SubmitButton } from "~/components/forms";
import {
  createTrainerRecord,
  deactivateTrainer,
  employerPlacements,
  employerTrainers,
  getEmployerForStaff,
  getEmployerTrainer,
  reactivateTrainer,
  setEmployerActive,
  updateEmployerRecord,
} from "~/db/record-keeping.server";
import { EMPLOYER_SECTORS } from "~/domain/enums";
import type { FieldErrorMap } from "~/domain/field-errors";
import { readForm } from "~/forms/form-data.server";
import { badRequest, replyOf, sentIntent } from "~/forms/parse.server";
import { parseEmployerIntent } from "~/forms/records.server";
import { formatDate, formatPhone, telHref } from "~/i18n/format";
import { localized } from "~/i18n/localized";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { withSaved } from "~/utils/saved";
import { FreeText } from "~/components/free-text";

export const meta = pageMeta;

async function guard(request: Request, employerId: string | undefined) {
  const user = await requireStaff(request);
  const employer = getEmployerForStaff(actorOf(user), Number(employerId));
  if (!employer) throw notFound();
  return { user, employer };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { employer } = await guard(request, params.employerId);
  const t = await requestT(request);
  const { createdAt: _c, ...shown } = employer;
  return {
    title: `${employer.name} · ${t("records.employers.title")}`,
    employer: shown,
    trainers: employerTrainers(employer.id),
    placements: employerPlacements(employer.id),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, employer } = await guard(request, params.employerId);
  const form = await readForm(request);
  const parsed = parseEmployerIntent(form);
  if (!parsed.ok) return badRequest(parsed, { intent: sentIntent(parsed) });
  const input = parsed.value;
  const fail = (errors: FieldErrorMap) => badRequest(replyOf(form, errors), { intent: input.intent as string | null });
  const back = `/staff/employers/${employer.id}`;
  const by = { actorUserId: user.id, requestId: context.requestId };
  switch (input.intent) {
    case "edit": {
      const { intent: _i, ...fields } = input;
      const result = updateEmployerRecord(employer, { ...fields, updatedBy: user.id, requestId: context.requestId });
      return result.ok ? redirect(withSaved(back, "employer")) : fail(result.errors);
    }
    case "deactivate":
    case "reactivate": {
      const result = setEmployerActive(employer, { active: input.intent === "reactivate", ...by });
      if (!result.ok) return fail(result.errors);
      return redirect(withSaved(back, result.value === "unchanged" ? "unchanged" : input.intent === "reactivate" ? "reactivated" : "deactivated"));
    }
    case "addTrainer": {
      const { intent: _i, ...fields } = input;
      const result = createTrainerRecord(employer, { ...fields, createdBy: user.id, requestId: context.requestId });
      return result.ok ? redirect(withSaved(`${back}#trainers`, "trainerAdded")) : fail(result.errors);
    }
    case "deactivateTrainer":
    case "reactivateTrainer": {
      const trainer = getEmployerTrainer(employer, input.trainerUserId);
      if (!trainer) throw notFound();
      if (input.intent === "reactivateTrainer") {
        const done = reactivateTrainer(trainer, by);
        return redirect(withSaved(`${back}#trainers`, done === "unchanged" ? "unchanged" : "reactivated"));
      }
      const result = deactivateTrainer(trainer, by);
      if (!result.ok) return fail(result.errors);
      return redirect(withSaved(`${back}#trainers`, result.value === "unchanged" ? "unchanged" : "deactivated"));
    }
  }
}

const SEVERITY = { urgent: "bg-red-100 text-red-900", warn: "bg-amber-100 text-amber-900", info: "bg-sky-100 text-sky-900" } as const;

export default function Employer() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const e = d.employer;
  const editErrors = errorsOf(actionData, "edit");
  const trainerErrors = errorsOf(actionData, "addTrainer");
  const statusErrors = errorsOf(actionData, "deactivate", "reactivate");
  const trainerStatusErrors = errorsOf(actionData, "deactivateTrainer", "reactivateTrainer");
  return (
    <div className="space-y-5">
      <div>
        <Link to="/staff/employers" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("records.employers.title")}
        </Link>
        <h1 className="text-2xl font-bold">
          <FreeText text={e.name} />
          {!e.active ? <span className="ml-2 rounded bg-stone-200 px-2 text-base font-medium">{t("records.employers.inactive")}</span> : null}
        </h1>
        <p className="text-stone-700">
          {t(`records.sectors.${e.sector}`)} · <FreeText text={e.district} />
          {e.contactName ? (
            <>
              {" "}
              · <FreeText text={e.contactName} />
            </>
          ) : null}
          {e.contactPhone ? (
            <>
              {" "}
              ·{" "}
              <a href={telHref(e.contactPhone)} className="whitespace-nowrap text-brand-700 underline">
                {formatPhone(locale, e.contactPhone)}
              </a>
            </>
          ) : null}
        </p>
      </div>

      <FormErrors errors={{ intent: actionData?.errors.intent }} />

      <section id="placements" aria-labelledby="placements-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="placements-title" className="text-lg font-semibold">
          {t("records.employers.placements")}
        </h2>
        {d.placements.length === 0 ? <p className="mt-1 text-stone-600">{t("common.none")}</p> : null}
        <ul className="mt-2 divide-y divide-stone-100 text-sm" data-testid="employer-placements">
          {d.placements.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center gap-2 py-2">
              <Link to={`/staff/placements/${p.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                <span className="font-mono">{p.apprenticeCode}</span>&nbsp;
                <FreeText text={p.preferredName} />
              </Link>
              <span className="text-stone-600">
                {localized(locale, p, "trade")} Â· <FreeText text={p.trainerName} /> Â· {formatDate(locale, p.startDate)} Â· {t(`placementStatus.${p.status}`)}
              </span>
              {p.status === "active" && p.flags.length === 0 ? <span className="text-stone-500">{t("records.employers.noFlags")}</span> : null}
              {p.flags.map((f) => (
                <Link key={f.id} to={`/staff/flags/${f.id}`} className={`rounded px-2 py-0.5 font-medium ${SEVERITY[f.severity]}`}>
                  {t(`flagRule.${f.rule}`)}
                </Link>
              ))}
            </li>
          ))}
        </ul>
      </section>

      <section id="trainers" aria-labelledby="trainers-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="trainers-title" className="text-lg font-semibold">
          {t("records.employers.trainers")}
        </h2>
        <p className="text-sm text-stone-600">{t("records.employers.deactivateTrainerHelp")}</p>
        <FormErrors errors={trainerStatusErrors} />
        <ul className="mt-2 divide-y divide-stone-100 text-sm" data-testid="employer-trainers">
          {d.trainers.map((tr) => (
            <li key={tr.id} className="flex flex-wrap items-center gap-3 py-2">
              <Link to={`/staff/trainers/${tr.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-700 underline">
                <FreeText text={tr.displayName} />
              </Link>
              <span className="text-stone-600">
                {tr.username}
                {tr.phone ? (
                  <>
                    {" "}
                    ·{" "}
                    <a href={telHref(tr.phone)} className="whitespace-nowrap text-brand-700 underline">
                      {formatPhone(locale, tr.phone)}
                    </a>
                  </>
                ) : null}{" "}
                · {t("records.employers.activePlacements", { count: tr.activePlacements })}
                {!tr.active ? ` · ${t("records.employers.inactive")}` : ""}
              </span>
              <Form method="post">
                <input type="hidden" name="trainerUserId" value={tr.id} />
                <SubmitButton intent={tr.active ? "deactivateTrainer" : "reactivateTrainer"} className="bg-stone-600 hover:bg-stone-700">
                  {tr.active ? t("records.employers.deactivateTrainer") : t("records.employers.reactivateTrainer")}
                </SubmitButton>
              </Form>
            </li>
          ))}
        </ul>
        {e.active ? (
          <>
            <h3 className="mt-4 font-semibold">{t("records.employers.addTrainer")}</h3>
            <p className="text-sm text-stone-600">{t("records.employers.trainerHelp")}</p>
            <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-3" noValidate>
              <Field name="displayName" prefix="trainer" label={t("records.employers.trainerName")} errors={trainerErrors} maxLength={100} />
              <Field name="username" prefix="trainer" label={t("records.employers.username")} errors={trainerErrors} maxLength={40} />
              <Field name="phone" type="tel" prefix="trainer" label={t("records.employers.phone")} errors={trainerErrors} maxLength={20} />
              <div>
                <SubmitButton intent="addTrainer">{t("records.employers.addTrainerButton")}</SubmitButton>
              </div>
            </Form>
          </>
        ) : null}
      </section>

      <section id="edit" aria-labelledby="edit-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="edit-title" className="text-lg font-semibold">
          {t("records.employers.edit")}
        </h2>
        <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-2" noValidate>
          <FormErrors errors={editErrors} />
          <Field name="name" prefix="edit" label={t("records.employers.name")} errors={editErrors} defaultValue={e.name} maxLength={200} />
          <SelectField
            name="sector"
            prefix="edit"
            label={t("records.employers.sector")}
            errors={editErrors}
            defaultValue={e.sector}
            options={EMPLOYER_SECTORS.map((s) => ({ value: s, label: t(`records.sectors.${s}`) }))}
          />
          <Field name="district" prefix="edit" label={t("records.employers.district")} errors={editErrors} defaultValue={e.district} maxLength={100} />
          <Field name="contactName" prefix="edit" label={t("records.employers.contactName")} errors={editErrors} defaultValue={e.contactName} maxLength={200} />
          <Field
            name="contactPhone"
            type="tel"
            prefix="edit"
            label={t("records.employers.contactPhone")}
            errors={editErrors}
            defaultValue={e.contactPhone}
            maxLength={20}
          />
          <div className="sm:col-span-2">
            <SubmitButton intent="edit">{t("records.employers.save")}</SubmitButton>
          </div>
        </Form>
      </section>

      <section id="status" aria-labelledby="status-title" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="status-title" className="text-lg font-semibold">
          {e.active ? t("records.employers.deactivate") : t("records.employers.reactivate")}
        </h2>
        <p className="text-sm text-stone-700">{t("records.neverDeleted")}</p>
        {e.active ? <p className="text-sm text-stone-700">{t("records.employers.deactivateHelp")}</p> : null}
        <FieldErrors id="status-error" errors={statusErrors.form} />
        <Form method="post" className="mt-2">
          <SubmitButton intent={e.active ? "deactivate" : "reactivate"} className="bg-stone-600 hover:bg-stone-700">
            {e.active ? t("records.employers.deactivate") : t("records.employers.reactivate")}
          </SubmitButton>
        </Form>
      </section>
    </div>
  );
}
