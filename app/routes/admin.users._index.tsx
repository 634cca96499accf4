import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { requireRole } from "~/auth/guards.server";
import { Field, FieldErrors, SelectField, SubmitButton } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { createAccount, listUsers, userFormOptions } from "~/db/admin.server";
import { ROLES, type Role } from "~/domain/enums";
import { pageInfo } from "~/domain/pagination";
import { readForm } from "~/forms/form-data.server";
import { parseCreateUser } from "~/forms/admin.server";
import type { FieldErrorMap } from "~/domain/field-errors";
import { parsePage } from "~/forms/pagination.server";
import { localized } from "~/i18n/localized";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { ScrollTable } from "~/components/scroll-table";
import { FreeText } from "~/components/free-text";

export const meta = pageMeta;

const roleOf = (value: string | null): Role | undefined => ((ROLES as readonly string[]).includes(value ?? "") ? (value as Role) : undefined);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const t = await requestT(request);
  const params = new URL(request.url).searchParams;
  const role = roleOf(params.get("role"));
  const paging = parsePage(params);
  const list = paging.ok ? listUsers({ role }, paging.data) : { rows: [], total: 0 };
  const body = {
    title: t("admin.users.title"),
    role: role ?? null,
    page: paging.ok ? pageInfo(paging.data, list.total) : null,
    pageErrors: paging.ok ? [] : [...(paging.errors.page ?? []), ...(paging.errors.size ?? [])],
    users: list.rows,
    options: userFormOptions(),
  };
  return paging.ok ? body : data(body, { status: 400 });
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = parseCreateUser(await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 });
  const created = await createAccount(parsed.value, user.id, context.requestId);
  if (!created.ok) return data({ errors: created.errors }, { status: 400 });
  return redirect(`/admin/users/${created.userId}?created=1`);
}

export default function AdminUsers() {
  const { role, users, options, page, pageErrors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors: FieldErrorMap = actionData?.errors ?? {};
  return (
    <div className="space-y-5">
      <div>
        <Link to="/admin" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("admin.title")}
        </Link>
        <h1 className="text-2xl font-bold">{t("admin.users.title")}</h1>
      </div>

      <Form method="get" className="flex flex-wrap items-end gap-3">
        <SelectField
          name="role"
          prefix="filter"
          label={t("admin.users.role")}
          errors={{}}
          blank={t("admin.users.allRoles")}
          defaultValue={role}
          options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        />
        <SubmitButton variant="secondary" pendingText={t("admin.filter")}>
          {t("admin.filter")}
        </SubmitButton>
      </Form>

      {page ? <Pagination info={page} /> : <FieldErrors id="page-error" errors={pageErrors} />}
      <ScrollTable label={t("admin.users.title")}>
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50">
            <tr>
              <th className="px-3 py-2">{t("admin.users.username")}</th>
              <th className="px-3 py-2">{t("admin.users.displayName")}</th>
              <th className="px-3 py-2">{t("admin.users.role")}</th>
              <th className="px-3 py-2">{t("admin.users.link")}</th>
              <th className="px-3 py-2">{t("admin.users.status")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {users.map((u) => (
              <tr key={u.id} data-testid="user-row">
                <td className="px-3 py-2">
                  <Link to={`/admin/users/${u.id}`} className="inline-flex min-h-11 items-center font-semibold text-brand-800 underline">
                    {u.username}
                  </Link>
                </td>
                <td className="px-3 py-2">
                  <FreeText text={u.displayName} />
                </td>
                <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
                <td className="px-3 py-2">
                  {[u.siteNameEn ? localized(locale, u, "siteName") : null, u.employerName, u.apprenticeCode].filter(Boolean).join(" · ")}
                </td>
                <td className="px-3 py-2">{u.active ? t("admin.users.active") : t("admin.users.inactive")}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {users.length === 0 ? <p className="p-3 text-stone-600">{t("common.none")}</p> : null}
      </ScrollTable>

      <section aria-labelledby="create-user" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="create-user" className="text-lg font-semibold">
          {t("admin.users.create")}
        </h2>
        <p className="text-sm text-stone-700">{t("admin.users.createHelp")}</p>
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
          <Field name="username" label={t("admin.users.username")} errors={errors} autoComplete="off" />
          <Field name="displayName" label={t("admin.users.displayName")} errors={errors} />
          <SelectField
            name="role"
            label={t("admin.users.role")}
            errors={errors}
            defaultValue="staff"
            options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          />
          <SelectField
            name="siteId"
            label={t("admin.users.site")}
            help={t("admin.users.siteHelp")}
            errors={errors}
            blank="—"
            options={options.sites.map((s) => ({ value: s.id, label: `${s.code} · ${localized(locale, s, "name")}` }))}
          />
          <SelectField
            name="employerId"
            label={t("admin.users.employer")}
            help={t("admin.users.employerHelp")}
            errors={errors}
            blank="—"
            options={options.employers.map((e) => ({ value: e.id, label: `${e.siteCode} · ${e.name}` }))}
          />
          <SelectField
            name="apprenticeId"
            label={t("admin.users.apprentice")}
            help={t("admin.users.apprenticeHelp")}
            errors={errors}
            blank="—"
            options={options.apprentices.map((a) => ({ value: a.id, label: a.code }))}
          />
          <Field
            name="password"
            type="password"
            label={t("admin.users.password")}
            help={t("admin.users.passwordHelp")}
            errors={errors}
            autoComplete="new-password"
          />
          <Field
            name="pin"
            type="password"
            label={t("admin.users.pin")}
            help={t("admin.users.pinHelp")}
            errors={errors}
            inputMode="numeric"
            maxLength={6}
            autoComplete="off"
          />
          <div className="sm:col-span-2">
            <SubmitButton>{t("admin.users.create")}</SubmitButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
