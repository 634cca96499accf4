/** The programme phase: its history, a change by hand, and the exit (with its outcome). */
import { Form } from "@remix-run/react";

import { errorsOf, Field, FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { PHASES, PLACEMENT_OUTCOMES } from "~/domain/enums";
import { formatDate } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { FreeText } from "~/components/free-text";

import type { RecordData, RecordReply } from "./record";

export function Phase({ d, reply }: { d: RecordData; reply: RecordReply }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const a = d.apprentice;
  const phaseErrors = errorsOf(reply, "phase");
  const exitErrors = errorsOf(reply, "exit");
  return (
    <section id="phase" aria-labelledby="phase-title" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="phase-title" className="text-lg font-semibold">
        {t("records.apprentices.phaseHistory")}
      </h2>
      <ul className="mt-2 space-y-1 text-sm" data-testid="phase-history">
        {d.phaseHistory.map((ph) => (
          <li key={ph.id}>
            {formatDate(locale, ph.changedOn)} · {t(`phases.${ph.phase}`)}
            {ph.exitOutcome ? ` · ${t(`outcome.${ph.exitOutcome}`)}` : ""}
            {ph.note ? (
              <>
                {" "}
                · <FreeText text={ph.note} />
              </>
            ) : null}
            {ph.recordedBy ? ` · ${ph.recordedBy}` : ""}
          </li>
        ))}
      </ul>
      {a.phase !== "exited" ? (
        <>
          <h3 className="mt-3 font-semibold">{t("records.apprentices.changePhase")}</h3>
          <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-3" noValidate>
            <FormErrors errors={phaseErrors} />
            <SelectField
              name="phase"
              prefix="phase"
              label={t("records.apprentices.phase")}
              errors={phaseErrors}
              defaultValue={a.phase}
              options={PHASES.filter((ph) => ph !== "exited").map((ph) => ({ value: ph, label: t(`phases.${ph}`) }))}
            />
            <Field
              name="changedOn"
              type="date"
              prefix="phase"
              label={t("records.apprentices.changedOn")}
              errors={phaseErrors}
              defaultValue={d.today}
              max={d.today}
            />
            <Field name="note" prefix="phase" label={t("records.apprentices.note")} errors={phaseErrors} maxLength={500} />
            <div>
              <SubmitButton intent="phase">{t("records.apprentices.savePhase")}</SubmitButton>
            </div>
          </Form>
          <h3 className="mt-4 font-semibold">{t("records.apprentices.exit")}</h3>
          <p className="text-sm text-stone-600">{t("records.apprentices.exitHelp")}</p>
          <p className="text-sm text-stone-600">{t("records.neverDeleted")}</p>
          <Form method="post" className="mt-2 grid gap-3 sm:grid-cols-3" noValidate>
            <FormErrors errors={exitErrors} />
            <Field
              name="exitedOn"
              type="date"
              prefix="exit"
              label={t("records.apprentices.exitedOn")}
              errors={exitErrors}
              defaultValue={d.today}
              max={d.today}
            />
            <SelectField
              name="outcome"
              prefix="exit"
              label={t("records.apprentices.exitOutcome")}
              errors={exitErrors}
              blank={t("records.choose")}
              options={PLACEMENT_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
            />
            <Field name="reason" prefix="exit" label={t("records.apprentices.exitReason")} errors={exitErrors} maxLength={500} />
            <div>
              <SubmitButton intent="exit" variant="secondary">
                {t("records.apprentices.exitButton")}
              </SubmitButton>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  );
}
