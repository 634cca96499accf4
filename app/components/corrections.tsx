import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { FieldErrors, SubmitButton } from "./forms";
import { FormErrors } from "./record-fields";
import { FreeText } from "~/components/free-text";

type Errors = Record<string, string[] | undefined>;

/**
 * "Correct this" for an append-only text record (a follow-up note, a plan comment): a new row
 * with the new text and a reason replaces it; the old one stays in its history. A plain form
 * inside <details>, so it works without JavaScript; open when it came back with errors.
 */
export function CorrectTextForm({ intent, targetId, body, maxLength, errors }: { intent: string; targetId: number; body: string; maxLength: number; errors: Errors | null }) {
  const { t } = useTranslation();
  const prefix = `${intent}-${targetId}`;
  return (
    <details className="mt-1" open={errors !== null}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm text-brand-700 underline">{t("corrections.correct")}</summary>
      <Form method="post" className="mt-1 space-y-2" noValidate>
        <input type="hidden" name="supersedesId" value={targetId} />
        <FormErrors errors={errors ?? {}} />
        <label className="block text-sm">
          {t("corrections.newText")}
          <textarea
            name="body"
            rows={3}
            maxLength={maxLength}
            defaultValue={body}
            className="mt-1 block w-full rounded-lg border border-stone-400 px-2 py-2"
            aria-invalid={errors?.body ? true : undefined}
            aria-describedby={`${prefix}-body-error`}
          />
          <FieldErrors id={`${prefix}-body-error`} errors={errors?.body} />
        </label>
        <label className="block text-sm">
          {t("corrections.reason")}
          <input
            name="correctionReason"
            maxLength={500}
            className="mt-1 block min-h-11 w-full rounded-lg border border-stone-400 px-2"
            aria-invalid={errors?.correctionReason ? true : undefined}
            aria-describedby={`${prefix}-reason-error`}
          />
          <FieldErrors id={`${prefix}-reason-error`} errors={errors?.correctionReason} />
        </label>
        <SubmitButton intent={intent} pendingText={t("week.saving")}>
          {t("corrections.save")}
        </SubmitButton>
      </Form>
    </details>
  );
}

/** The earlier versions of a corrected record, newest first, each with why it was replaced. */
export function EarlierVersions({ versions, reasonOf }: { versions: { id: number; body: string; when: string; by: string }[]; reasonOf: (index: number) => string | null }) {
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
