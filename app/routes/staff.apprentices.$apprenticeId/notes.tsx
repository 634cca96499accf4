/** Follow-up notes: a new note (dated, of a kind, maybe about a placement), the notes, and their corrections. */
import { Form } from "@remix-run/react";

import { CorrectTextForm, EarlierVersions } from "~/components/corrections";
import { errorsOf, Field, SelectField, SubmitButton, TextArea } from "~/components/forms";
import { FOLLOW_UP_KINDS } from "~/domain/enums";
import { formatDate, formatDateTime } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { FreeText } from "~/components/free-text";

import { rowErrors, type RecordData, type RecordReply } from "./record";

/** A note's body is at most this long (the server says the same: app/forms/staff.server.ts). */
const NOTE_BODY_MAX = 2000;

export function Notes({ d, reply }: { d: RecordData; reply: RecordReply }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errors = errorsOf(reply, "note");
  return (
    <section id="notes" aria-labelledby="notes-title" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="notes-title" className="text-lg font-semibold">
        {t("staffRecord.notes")}
      </h2>
      <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-2" noValidate>
        <SelectField
          name="kind"
          label={t("staffRecord.kind")}
          errors={errors}
          options={FOLLOW_UP_KINDS.map((k) => ({ value: k, label: t(`followUp.${k}`) }))}
        />
        <Field name="occurredOn" type="date" label={t("staffRecord.occurredOn")} errors={errors} defaultValue={d.today} min={d.noteDateMin} max={d.today} />
        {d.placements.length > 0 ? (
          <SelectField
            name="placementId"
            label={t("staffRecord.notePlacement")}
            errors={errors}
            blank={t("staffRecord.noPlacement")}
            options={d.placements.map((p) => ({ value: p.id, label: `${p.employerName} · ${formatDate(locale, p.startDate)}` }))}
            className="sm:col-span-2"
          />
        ) : null}
        <TextArea name="body" label={t("staffRecord.body")} errors={errors} maxLength={NOTE_BODY_MAX} className="sm:col-span-2" />
        <div>
          <SubmitButton intent="note">{t("staffRecord.addNote")}</SubmitButton>
        </div>
      </Form>
      <ul className="mt-3 divide-y divide-stone-100 text-sm" data-testid="notes">
        {d.notes.map((n) => (
          <li key={n.id} className="py-2">
            <p className="text-stone-600">
              {formatDate(locale, n.occurredOn)} · {t(`followUp.${n.kind}`)} · <FreeText text={n.author} />
              {n.correctionReason ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-amber-900">{t("corrections.corrected")}</span> : null}
            </p>
            <FreeText as="p" className="whitespace-pre-line" text={n.body} />
            <EarlierVersions
              versions={n.earlier.map((e) => ({ id: e.id, body: e.body, when: formatDateTime(locale, new Date(e.createdAt)), by: e.author }))}
              reasonOf={(i) => (i === 0 ? n.correctionReason : (n.earlier[i - 1]?.correctionReason ?? null))}
            />
            <CorrectTextForm intent="correctNote" targetId={n.id} body={n.body} maxLength={NOTE_BODY_MAX} errors={rowErrors(reply, "correctNote", n.id)} />
          </li>
        ))}
      </ul>
    </section>
  );
}
