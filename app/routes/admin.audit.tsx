import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { requireRole } from "~/auth/guards.server";
import { Field, FieldErrors, SelectField, SubmitButton } from "~/components/forms";
import { AUDIT_PAGE_SIZE, auditVocabulary, searchAudit } from "~/db/admin.server";
import type { FieldErrorMap } from "~/domain/field-errors";
import { parseAuditFilters } from "~/forms/admin.server";
import { formatDateTime } from "~/i18n/format";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { CodeLabel, useCodeLabel } from "~/components/codes";
import { FreeText } from "~/components/free-text";
import { ScrollTable } from "~/components/scroll-table";

export const meta = pageMeta;

interface Row {
  id: number;
  createdAt: string;
  actor: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  detail: string | null;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const t = await requestT(request);
  const base = { title: t("admin.audit.title"), vocabulary: auditVocabulary(), pageSize: AUDIT_PAGE_SIZE };
  const parsed = parseAuditFilters(new URL(request.url).searchParams);
  if (!parsed.ok) return data({ ...base, errors: parsed.errors, page: 1, total: 0, rows: [] as Row[] }, { status: 400 });
  const found = searchAudit(parsed.value);
  if (!found.ok) return data({ ...base, errors: found.errors, page: 1, total: 0, rows: [] as Row[] }, { status: 400 });
  const rows: Row[] = found.rows.map((r) => ({
    id: r.id,
    createdAt: r.createdAt.toISOString(),
    actor: r.actorUsername,
    action: r.action,
    entity: r.entity,
    entityId: r.entityId,
    detail: r.detail == null ? null : JSON.stringify(r.detail),
  }));
  return { ...base, errors: {} as FieldErrorMap, page: parsed.value.page, total: found.total, rows };
}

export default function AuditLog() {
  const { vocabulary, errors, page, total, rows, pageSize } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const pageLink = (p: number) => {
    const next = new URLSearchParams(searchParams);
    next.set("page", String(p));
    return `?${next.toString()}`;
  };
  const filter = (name: "actor" | "from" | "to", type: "text" | "date") => (
    <Field name={name} type={type} label={t(`admin.audit.${name}`)} errors={errors} defaultValue={searchParams.get(name) ?? ""} className="text-sm" />
  );
  const codeLabel = useCodeLabel();
  const choice = (name: "entity" | "action", values: string[]) => (
    <SelectField
      name={name}
      label={t(`admin.audit.${name}`)}
      errors={errors}
      blank={t("admin.audit.any")}
      defaultValue={searchParams.get(name) ?? ""}
      options={values.map((v) => {
        const label = codeLabel(name === "action" ? "auditAction" : "auditEntity", v);
        return { value: v, label: label ? `${label} (${v})` : v };
      })}
      className="text-sm"
    />
  );
  return (
    <div className="space-y-5">
      <div>
        <Link to="/admin" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("admin.title")}
        </Link>
        <h1 className="text-2xl font-bold">{t("admin.audit.title")}</h1>
        <p className="text-stone-700">{t("admin.audit.intro")}</p>
      </div>

      <Form method="get" className="grid gap-3 rounded-xl bg-white p-4 shadow-sm sm:grid-cols-3" noValidate>
        {filter("actor", "text")}
        {choice("entity", vocabulary.entities)}
        {choice("action", vocabulary.actions)}
        {filter("from", "date")}
        {filter("to", "date")}
        <div className="flex items-end gap-2">
          <SubmitButton pendingText={t("admin.filter")}>{t("admin.filter")}</SubmitButton>
          <Link to="/admin/audit" className="inline-flex min-h-11 items-center px-2 text-brand-700 underline">
            {t("admin.audit.clear")}
          </Link>
        </div>
        <FieldErrors id="page-error" errors={errors.page} />
      </Form>

      <p className="text-sm text-stone-700" data-testid="audit-total">
        {t("admin.audit.count", { count: total })}
      </p>
      <ScrollTable label={t("admin.audit.title")}>
        <table className="w-full text-left text-sm">
          <thead className="bg-stone-50">
            <tr>
              <th className="px-3 py-2">{t("admin.audit.when")}</th>
              <th className="px-3 py-2">{t("admin.audit.actor")}</th>
              <th className="px-3 py-2">{t("admin.audit.action")}</th>
              <th className="px-3 py-2">{t("admin.audit.entity")}</th>
              <th className="px-3 py-2">{t("admin.audit.detail")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-stone-100">
            {rows.map((r) => (
              <tr key={r.id} data-testid="audit-row">
                <td className="whitespace-nowrap px-3 py-2">{formatDateTime(locale, new Date(r.createdAt))}</td>
                <td className="px-3 py-2">{r.actor ? <FreeText text={r.actor} /> : t("admin.audit.system")}</td>
                <td className="px-3 py-2">
                  <CodeLabel kind="auditAction" code={r.action} withCode />
                </td>
                <td className="px-3 py-2">
                  <CodeLabel kind="auditEntity" code={r.entity} />
                  {r.entityId ? <span className="font-mono"> {r.entityId}</span> : null}
                </td>
                <td className="break-all px-3 py-2 font-mono text-xs">{r.detail ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rows.length === 0 ? <p className="p-3 text-stone-600">{t("common.none")}</p> : null}
      </ScrollTable>

      {pages > 1 ? (
        <nav aria-label={t("admin.audit.pages")} className="flex items-center gap-3">
          {page > 1 ? (
            <Link to={pageLink(page - 1)} className="inline-flex min-h-11 items-center text-brand-700 underline">
              ← {t("admin.audit.previous")}
            </Link>
          ) : null}
          <span>{t("admin.audit.pageOf", { page, pages })}</span>
          {page < pages ? (
            <Link to={pageLink(page + 1)} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t("admin.audit.next")} →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
