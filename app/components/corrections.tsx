import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { FreeText } from "~/components/free-text";
import type { FieldErrorMap } from "~/domain/field-errors";

import { Field, FormErrors, SubmitButton, TextArea } from "./forms";

/**
 * "Correct this" for an append-only text record (a follow-up note, a plan comment): a new row
 * with the new text and a reason replaces it; the old one stays in its history. A plain form
 * inside <details>, so it works without JavaScript; open when it came back with errors.
 */
export function CorrectTextForm({
  intent,
  targetId,
  body,
  maxLength,
  errors,
}: {
  intent: string;
  targetId: number;
  body: string;
  maxLength: number;
  errors: FieldErrorMap | null;
}) {
  const { t } = useTranslation();
  const prefix = `${intent}-${targetId}`;
  return (
    <details className="mt-1" open={errors !== null}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-brand-700 underline">{t("corrections.correct")}</summary>
      <Form method="post" className="mt-1 space-y-2" noValidate>
        <input type="hidden" name="supersedesId" value={targetId} />
        <FormErrors errors={errors ?? {}} />
        <TextArea
          name="body"
          prefix={prefix}
          label={t("corrections.newText")}
          errors={errors ?? {}}
          maxLength={maxLength}
          defaultValue={body}
          className="text-sm"
        />
        <Field name="correctionReason" prefix={prefix} label={t("corrections.reason")} errors={errors ?? {}} maxLength={500} className="text-sm" />
        <SubmitButton intent={intent}>{t("corrections.save")}</SubmitButton>
      </Form>
    </details>
  );
}

/** The earlier versions of a corrected record, newest first, each with why it was replaced. */
export function EarlierVersions({
  versions,
  reasonOf,
}: {
  versions: { id: number; body: string; when: string; by: string }[];
  reasonOf: (index: number) => string | null;
}) {
  const { t } = useTranslation();
  if (versions.length === 0) return null;
  return (
    <details className="mt-1 text-sm text-stone-700">
      <summary className="inline-flex min-h-11 cursor-pointer items-center">{t("corrections.earlier", { count: versions.length })}</summary>
      <ul className="space-y-1 border-l-2 border-stone-200 pl-3" data-testid="earlier-versions">
        {versions.map((v, i) => (
          <li key={v.id}>
            <p className="text-stone-600">
              {v.when} · <FreeText text={v.by} />
              {reasonOf(i) ? ` · ${t("corrections.replacedBecause", { reason: reasonOf(i) })}` : ""}
            </p>
            <FreeText as="p" className="whitespace-pre-line" text={v.body} />
          </li>
        ))}
      </ul>
    </details>
  );
}
