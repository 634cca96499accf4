import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

import { requireRole } from "~/auth/guards.server";
import { FieldErrors, SubmitButton } from "~/components/forms";
import { Pagination } from "~/components/pagination";
import { createAccount, listUsers, userFormOptions } from "~/db/admin.server";
import { ROLES, type Role } from "~/domain/enums";
import { pageInfo } from "~/domain/pagination";
import { readForm } from "~/forms/form-data.server";
import { parseCreateUser } from "~/forms/admin.server";
import { parsePage } from "~/forms/pagination.server";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { ScrollTable } from "~/components/scroll-table";
import { FreeText } from "~/components/free-text";

export const meta = pageMeta;

type Errors = Record<string, string[] | undefined>;

const roleOf = (value: string | null): Role | undefined => (ROLES as readonly string[]).includes(value ?? "") ? (value as Role) : undefined;

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
  const created = await createAccount(parsed.data, user.id, context.requestId);
  if (!created.ok) return data({ errors: created.errors }, { status: 400 });
  return redirect(`/admin/users/${created.userId}?created=1`);
}

const inputClass = "mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 aria-[invalid=true]:border-red-700";

function Field({ name, label, help, errors, children }: { name: string; label: string; help?: string; errors: Errors; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      {help ? <p className="text-sm text-stone-600">{help}</p> : null}
      {children}
      <FieldErrors id={`${name}-error`} errors={errors[name]} />
    </div>
  );
}

export default function AdminUsers() {
  const { role, users, options, page, pageErrors } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const km = i18n.language === "km";
  const errors: Errors = actionData?.errors ?? {};
  const aria = (name: string) => ({ id: name, name, "aria-invalid": errors[name] ? true : undefined, "aria-describedby": `${name}-error` });
  return (
    <div className="space-y-5">
      <div>
        <Link to="/admin" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("admin.title")}
        </Link>
        <h1 className="text-2xl font-bold">{t("admin.users.title")}</h1>
      </div>

      <Form method="get" className="flex flex-wrap items-end gap-3">
        <label className="block">
          {t("admin.users.role")}
          <select name="role" defaultValue={role ?? ""} className={inputClass}>
            <option value="">{t("admin.users.allRoles")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="min-h-11 rounded-lg border border-brand-700 px-4 text-brand-800">
          {t("admin.filter")}
        </button>
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
                <td className="px-3 py-2"><FreeText text={u.displayName} /></td>
                <td className="px-3 py-2">{t(`roles.${u.role}`)}</td>
                <td className="px-3 py-2">{[u.siteNameEn ? (km ? u.siteNameKm : u.siteNameEn) : null, u.employerName, u.apprenticeCode].filter(Boolean).join(" · ")}</td>
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
          <Field name="username" label={t("admin.users.username")} errors={errors}>
            <input {...aria("username")} autoComplete="off" className={inputClass} />
          </Field>
          <Field name="displayName" label={t("admin.users.displayName")} errors={errors}>
            <input {...aria("displayName")} className={inputClass} />
          </Field>
          <Field name="role" label={t("admin.users.role")} errors={errors}>
            <select {...aria("role")} defaultValue="staff" className={inputClass}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field name="siteId" label={t("admin.users.site")} help={t("admin.users.siteHelp")} errors={errors}>
            <select {...aria("siteId")} defaultValue="" className={inputClass}>
              <option value="">—</option>
              {options.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.code} · {km ? s.nameKm : s.nameEn}
                </option>
              ))}
            </select>
          </Field>
          <Field name="employerId" label={t("admin.users.employer")} help={t("admin.users.employerHelp")} errors={errors}>
            <select {...aria("employerId")} defaultValue="" className={inputClass}>
              <option value="">—</option>
              {options.employers.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.siteCode} · <FreeText text={e.name} />
                </option>
              ))}
            </select>
          </Field>
          <Field name="apprenticeId" label={t("admin.users.apprentice")} help={t("admin.users.apprenticeHelp")} errors={errors}>
            <select {...aria("apprenticeId")} defaultValue="" className={inputClass}>
              <option value="">—</option>
              {options.apprentices.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.code}
                </option>
              ))}
            </select>
          </Field>
          <Field name="password" label={t("admin.users.password")} help={t("admin.users.passwordHelp")} errors={errors}>
            <input {...aria("password")} type="password" autoComplete="new-password" className={inputClass} />
          </Field>
          <Field name="pin" label={t("admin.users.pin")} help={t("admin.users.pinHelp")} errors={errors}>
            <input {...aria("pin")} type="password" inputMode="numeric" maxLength={6} autoComplete="off" className={inputClass} />
          </Field>
          <div className="sm:col-span-2">
            <SubmitButton pendingText={t("admin.saving")}>{t("admin.users.create")}</SubmitButton>
          </div>
        </Form>
      </section>
    </div>
  );
}
