import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { actorOf, notFound, requireRole } from "~/auth/guards.server";
import { Field, FormErrors, SubmitButton } from "~/components/forms";
import { db } from "~/db/client.server";
import { runSitePass } from "~/db/flag-schedule.server";
import { DEFAULT_THRESHOLDS, saveThresholds, thresholdsFor } from "~/db/site-settings.server";
import { sitesFor } from "~/db/staff.server";
import type { Thresholds } from "~/domain/flags/thresholds";
import { readForm } from "~/forms/form-data.server";
import { badRequest } from "~/forms/parse.server";
import { parseSiteId, parseThresholds } from "~/forms/settings.server";
import { localized } from "~/i18n/localized";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { withSaved } from "~/utils/saved";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  const t = await requestT(request);
  const sites = sitesFor(actorOf(user)).map((s) => ({ id: s.id, nameEn: s.nameEn, nameKm: s.nameKm, thresholds: thresholdsFor(db(), s.id) }));
  return { title: t("settings.title"), sites, defaults: DEFAULT_THRESHOLDS };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const form = await readForm(request);
  // The site first: one that is not the caller's is not found, whatever else was sent.
  const site = parseSiteId(form);
  const siteId = site.ok ? site.value.siteId : null;
  if (siteId === null || !sitesFor(actorOf(user)).some((s) => s.id === siteId)) throw notFound();
  const parsed = parseThresholds(form);
  if (!parsed.ok) return badRequest(parsed, { siteId });
  saveThresholds(db(), { siteId, thresholds: parsed.value, updatedBy: user.id, requestId: context.requestId });
  // The new thresholds apply at once to that site, not only at the next daily pass (in batches:
  // other requests are served meanwhile).
  await runSitePass(siteId);
  return redirect(withSaved(`/staff/settings#site-${siteId}`, "settings"));
}

export default function Settings() {
  const { sites, defaults } = useLoaderData<typeof loader>();
  const keys = Object.keys(defaults) as (keyof Thresholds)[];
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">{t("settings.title")}</h1>
      <p className="text-stone-700">{t("settings.intro")}</p>
      {sites.map((site) => {
        const errors = actionData?.siteId === site.id ? actionData.errors : {};
        return (
          <section key={site.id} id={`site-${site.id}`} aria-labelledby={`site-${site.id}-title`} className="rounded-xl bg-white p-4 shadow-sm">
            <h2 id={`site-${site.id}-title`} className="text-lg font-semibold">
              {localized(locale, site, "name")}
            </h2>
            <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
              <input type="hidden" name="siteId" value={site.id} />
              <FormErrors id={`form-${site.id}-error`} errors={errors} />
              {keys.map((key) => (
                <Field
                  key={key}
                  name={key}
                  type="number"
                  prefix={`site-${site.id}`}
                  label={
                    <>
                      {t(`settings.fields.${key}`)}
                      <span className="ml-1 font-normal text-stone-500">({t("settings.default", { value: defaults[key] })})</span>
                    </>
                  }
                  errors={errors}
                  defaultValue={site.thresholds[key]}
                  className="text-sm"
                />
              ))}
              <div className="sm:col-span-2">
                <SubmitButton>{t("settings.save")}</SubmitButton>
              </div>
            </Form>
          </section>
        );
      })}
    </div>
  );
}
