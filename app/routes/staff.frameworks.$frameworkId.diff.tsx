import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { notFound, requireStaff } from "~/auth/guards.server";
import { SelectField, SubmitButton } from "~/components/forms";
import { getFramework, getVersion, listFrameworks, versionRows } from "~/db/frameworks.server";
import { diffSummary, diffVersions, type DiffLine, type FrameworkRow } from "~/domain/frameworks";
import { parseVersionChoice } from "~/forms/frameworks.server";
import { localized } from "~/i18n/localized";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { ScrollTable } from "~/components/scroll-table";
import { FreeText } from "~/components/free-text";

export const meta = pageMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const framework = getFramework(Number(params.frameworkId));
  if (!framework) throw notFound();
  const t = await requestT(request);
  const versions = (listFrameworks().find((f) => f.id === framework.id)?.versions ?? []).map((v) => ({ id: v.id, version: v.version, status: v.status }));
  const chosen = parseVersionChoice(new URL(request.url).searchParams);
  const pick = (name: "a" | "b", fallback: number | undefined) => {
    if (!chosen.ok) return null;
    const id = chosen.value[name] ?? fallback;
    const v = id === undefined ? null : getVersion(id);
    return v && v.frameworkId === framework.id ? v : null;
  };
  // Default: the newest version against the one before it.
  const a = pick("a", versions[1]?.id ?? versions[0]?.id);
  const b = pick("b", versions[0]?.id);
  const title = t("frameworks.diff.title", { code: framework.code });
  if (!a || !b) {
    return data(
      {
        title,
        error: "frameworks.errors.badVersions",
        framework: { id: framework.id, code: framework.code },
        versions,
        a: null,
        b: null,
        lines: [] as DiffLine[],
        summary: null,
      },
      { status: 400 },
    );
  }
  const lines = diffVersions(versionRows(a.id), versionRows(b.id));
  return {
    title,
    error: null,
    framework: { id: framework.id, code: framework.code },
    versions,
    a: { id: a.id, version: a.version, status: a.status },
    b: { id: b.id, version: b.version, status: b.status },
    lines,
    summary: diffSummary(lines),
  };
}

const KIND_STYLE: Record<DiffLine["kind"], string> = {
  added: "bg-green-50",
  removed: "bg-red-50",
  changed: "bg-amber-50",
  same: "",
};

function Cell({ row, fields }: { row: FrameworkRow | null; fields: string[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!row) return <td className="p-2 align-top text-stone-500">—</td>;
  const mark = (f: string) => (fields.includes(f) ? "font-semibold underline decoration-amber-600" : "");
  return (
    <td className="p-2 align-top">
      <FreeText as="p" className={mark(locale === "km" ? "titleKm" : "titleEn")} text={localized(locale, row, "title")} />
      <FreeText as="p" className={`text-sm text-stone-700 ${mark(locale === "km" ? "criteriaKm" : "criteriaEn")}`} text={localized(locale, row, "criteria")} />
      <p className={`text-sm text-stone-600 ${mark("unitCode")}`}>{row.unitCode}</p>
      <p className={`text-sm text-stone-600 ${mark("expectedByWeek")}`}>{t("frameworks.byWeek", { week: row.expectedByWeek })}</p>
    </td>
  );
}

export default function FrameworkDiff() {
  const { title, error, framework, versions, a, b, lines, summary } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="space-y-5">
      <div>
        <Link to="/staff/frameworks" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("frameworks.back")}
        </Link>
        <h1 className="text-2xl font-bold">{title}</h1>
      </div>
      <Form method="get" className="no-print flex flex-wrap items-end gap-3">
        {(["a", "b"] as const).map((name) => (
          <SelectField
            key={name}
            name={name}
            prefix="diff"
            label={t(`frameworks.diff.${name}`)}
            errors={{}}
            defaultValue={name === "a" ? a?.id : b?.id}
            options={versions.map((v) => ({
              value: v.id,
              label: `${t("frameworks.version", { version: v.version })} · ${t(`frameworks.status.${v.status}`)}`,
            }))}
          />
        ))}
        <SubmitButton pendingText={t("frameworks.diff.show")}>{t("frameworks.diff.show")}</SubmitButton>
      </Form>
      {error ? (
        <p role="alert" className="font-medium text-red-700">
          {t("frameworks.errors.badVersions")}
        </p>
      ) : null}
      {a && b && summary ? (
        <section aria-labelledby="diff-table" className="rounded-xl bg-white p-4 shadow-sm">
          <h2 id="diff-table" className="font-semibold" data-testid="diff-summary">
            {t("frameworks.diff.summary", summary)}
          </h2>
          <ScrollTable label={title} className="mt-3 shadow-none">
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b border-stone-300">
                  <th scope="col" className="p-2">
                    {t("frameworks.diff.code")}
                  </th>
                  <th scope="col" className="p-2">
                    {t("frameworks.diff.change")}
                  </th>
                  <th scope="col" className="p-2">
                    {framework.code} · {t("frameworks.version", { version: a.version })}
                  </th>
                  <th scope="col" className="p-2">
                    {framework.code} · {t("frameworks.version", { version: b.version })}
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((l) => (
                  <tr key={l.code} className={`border-b border-stone-100 ${KIND_STYLE[l.kind]}`} data-testid="diff-row" data-kind={l.kind}>
                    <th scope="row" className="p-2 align-top font-mono">
                      {l.code}
                    </th>
                    <td className="p-2 align-top">{t(`frameworks.diff.kind.${l.kind}`)}</td>
                    <Cell row={l.a} fields={l.fields} />
                    <Cell row={l.b} fields={l.fields} />
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollTable>
        </section>
      ) : null}
    </div>
  );
}
