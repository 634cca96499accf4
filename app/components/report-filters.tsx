import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

import type { Locale } from "~/domain/enums";

import type { FieldErrorMap } from "~/domain/field-errors";
import { localized } from "~/i18n/localized";

import { Field, inputClass, SelectField } from "./forms";

/**
 * The reports' filter form (a GET form: works without JavaScript): the period, the site when
 * the caller sees more than one, then the report's own fields and the submit button.
 */
export function ReportFilters({
  errors,
  from,
  to,
  site,
  sites,
  locale,
  columns,
  children,
  footer,
  folded = false,
}: {
  errors: FieldErrorMap;
  from: string;
  to: string;
  site: number | "";
  sites: { id: number; nameEn: string; nameKm: string }[];
  locale: Locale;
  columns: 4 | 5;
  /** The report's own fields and the submit button. */
  children: ReactNode;
  footer?: ReactNode;
  /**
   * Folded away under "Change the period" (a `<details>`: no script needed) once a report shows,
   * so that on a phone the report leads with its charts, not with the form.
   */
  folded?: boolean;
}) {
  const { t } = useTranslation();
  const hasErrors = Object.values(errors).some((e) => e && e.length > 0);
  const form = (
    <Form method="get" aria-label={t("reports.filters.label")} className="rounded-xl bg-white p-4 shadow-sm print:hidden">
      {hasErrors ? (
        <p role="alert" className="mb-3 rounded-lg border border-red-300 bg-red-50 px-3 py-2 text-red-800">
          {t("reports.errors.summary")}
        </p>
      ) : null}
      <div className={`grid grid-cols-2 gap-3 sm:items-start ${columns === 5 ? "sm:grid-cols-5" : "sm:grid-cols-4"}`}>
        {(["from", "to"] as const).map((name) => (
          <Field
            key={name}
            name={name}
            type="date"
            label={t(`reports.filters.${name}`)}
            errors={errors}
            defaultValue={name === "from" ? from : to}
            className="text-sm"
          />
        ))}
        {sites.length > 1 || errors.site ? (
          <SelectField
            name="site"
            label={t("reports.filters.site")}
            errors={errors}
            defaultValue={site}
            blank={t("reports.filters.allSites")}
            options={sites.map((s) => ({ value: s.id, label: localized(locale, s, "name") }))}
            className="text-sm"
          />
        ) : null}
        {children}
      </div>
      {footer}
    </Form>
  );
  if (!folded || hasErrors) return form;
  return (
    <details className="rounded-xl bg-white shadow-sm print:hidden [&[open]>summary]:border-b [&[open]>summary]:border-stone-200">
      <summary className="flex min-h-11 cursor-pointer items-center px-4 font-semibold text-brand-800">{t("reports.filters.change")}</summary>
      {form}
    </details>
  );
}

/** The look of a report's own filter fields: the kit's one input class. */
export const filterInputClass = inputClass;

/** The "how the figures are worked out" box under a report. */
export function ReportNotes({ lines }: { lines: string[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="notes" className="rounded-xl bg-white p-4 text-sm shadow-sm break-inside-avoid print:p-0 print:shadow-none">
      <h2 id="notes" className="font-semibold">
        {t("reports.notesTitle")}
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
