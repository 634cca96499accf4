import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { notFound, requireRole } from "~/auth/guards.server";
import { Field, SubmitButton } from "~/components/forms";
import { listSites, saveSite } from "~/db/admin.server";
import type { FieldErrorMap } from "~/domain/field-errors";
import { readForm } from "~/forms/form-data.server";
import { parseSite } from "~/forms/admin.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { withSaved } from "~/utils/saved";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const t = await requestT(request);
  return { title: t("admin.sites.title"), sites: listSites().map((s) => ({ id: s.id, code: s.code, nameEn: s.nameEn, nameKm: s.nameKm })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const form = await readForm(request);
  // Which form sent it: "new" or a site's id, so errors show beside the right form.
  const formKey = String(form.get("siteId") || "new");
  const parsed = parseSite(form);
  if (!parsed.ok) return data({ formKey, errors: parsed.errors }, { status: 400 });
  const saved = saveSite(parsed.value, user.id, context.requestId);
  if (!saved.ok && "notFound" in saved) throw notFound();
  if (!saved.ok) return data({ formKey, errors: saved.errors }, { status: 400 });
  return redirect(withSaved(`/admin/sites#site-${saved.siteId}`, "site"));
}

function SiteForm({ site, errors }: { site: { id: number; code: string; nameEn: string; nameKm: string } | null; errors: FieldErrorMap }) {
  const { t } = useTranslation();
  const key = site ? String(site.id) : "new";
  const field = (name: "code" | "nameEn" | "nameKm", extra: { maxLength?: number; lang?: string } = {}) => (
    <Field
      name={name}
      prefix={`site-${key}`}
      label={t(`admin.sites.${name}`)}
      errors={errors}
      defaultValue={site?.[name] ?? ""}
      className="text-sm"
      {...extra}
    />
  );
  return (
    <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-3" noValidate>
      {site ? <input type="hidden" name="siteId" value={site.id} /> : null}
      {field("code", { maxLength: 2 })}
      {field("nameEn", { lang: "en" })}
      {field("nameKm", { lang: "km" })}
      <div className="sm:col-span-3">
        <SubmitButton>{site ? t("admin.sites.save") : t("admin.sites.create")}</SubmitButton>
      </div>
    </Form>
  );
}

export default function AdminSites() {
  const { sites } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const errorsFor = (key: string): FieldErrorMap => (actionData?.formKey === key ? actionData.errors : {});
  return (
    <div className="space-y-5">
      <div>
        <Link to="/admin" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("admin.title")}
        </Link>
        <h1 className="text-2xl font-bold">{t("admin.sites.title")}</h1>
        <p className="text-stone-700">{t("admin.sites.intro")}</p>
      </div>
      {sites.map((site) => (
        <section
          key={site.id}
          id={`site-${site.id}`}
          aria-labelledby={`site-${site.id}-title`}
          className="rounded-xl bg-white p-4 shadow-sm"
          data-testid="site-row"
        >
          <h2 id={`site-${site.id}-title`} className="text-lg font-semibold">
            {site.code} · {site.nameEn} · <span lang="km">{site.nameKm}</span>
          </h2>
          <SiteForm site={site} errors={errorsFor(String(site.id))} />
        </section>
      ))}
      <section aria-labelledby="new-site" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="new-site" className="text-lg font-semibold">
          {t("admin.sites.create")}
        </h2>
        <SiteForm site={null} errors={errorsFor("new")} />
      </section>
    </div>
  );
}
