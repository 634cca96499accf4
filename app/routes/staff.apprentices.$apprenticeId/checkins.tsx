/** Outcome check-ins (3, 6, 12 and 24 months after the apprentice left training), and their corrections. */
import { Form } from "@remix-run/react";

import { CheckinFields } from "~/components/checkin-fields";
import { errorsOf, Field, FormErrors, SelectField, SubmitButton } from "~/components/forms";
import { OUTCOME_CHECKIN_MONTHS } from "~/domain/enums";
import { formatDateTime, formatUsd } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { FreeText } from "~/components/free-text";

import { rowErrors, type RecordData, type RecordReply } from "./record";

export function Checkins({ d, reply }: { d: RecordData; reply: RecordReply }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const checkinErrors = errorsOf(reply, "checkin");
  return (
    <section id="checkins" aria-labelledby="checkins-title" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="checkins-title" className="text-lg font-semibold">
        {t("staffRecord.checkins")}
      </h2>
      <FormErrors errors={{ form: errorsOf(reply, "checkin", "correctCheckin").form }} />
      <table className="mt-2 w-full text-left text-sm">
        <thead>
          <tr>
            <th scope="col">{t("staffRecord.months")}</th>
            <th scope="col">{t("staffRecord.employed")}</th>
            <th scope="col">{t("staffRecord.where")}</th>
            <th scope="col">{t("staffRecord.salary")}</th>
          </tr>
        </thead>
        <tbody>
          {d.checkins.map((c) => (
            <tr key={c.id} className="border-t border-stone-100 align-top" data-testid="checkin-row">
              <td>
                {t("staffRecord.monthsAfter", { count: c.months })}
                {c.correctionReason ? <span className="ml-1 rounded bg-amber-100 px-1.5 text-amber-900">{t("corrections.corrected")}</span> : null}
              </td>
              <td>{c.employed ? t("staffRecord.yes") : t("staffRecord.no")}</td>
              <td>{c.employerName ? <FreeText text={c.employerName} /> : "—"}</td>
              <td>{c.monthlySalaryCents !== null ? formatUsd(locale, c.monthlySalaryCents) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {d.checkins.map((c) => {
        const errors = rowErrors(reply, "correctCheckin", c.id);
        return (
          <details key={c.id} className="mt-2 text-sm" open={errors !== null}>
            <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline">
              {t("corrections.correctCheckin", { months: t("staffRecord.monthsAfter", { count: c.months }) })}
            </summary>
            {c.earlier.length > 0 ? (
              <ul className="mb-2 space-y-1 border-l-2 border-stone-200 pl-3 text-stone-700" data-testid="earlier-versions">
                {c.earlier.map((e, i) => (
                  <li key={e.id}>
                    {formatDateTime(locale, new Date(e.createdAt))} · {e.employed ? t("staffRecord.yes") : t("staffRecord.no")} · {e.employerName ?? "—"} ·{" "}
                    {e.monthlySalaryCents !== null ? formatUsd(locale, e.monthlySalaryCents) : "—"} ·{" "}
                    {t("corrections.replacedBecause", { reason: (i === 0 ? c.correctionReason : c.earlier[i - 1]?.correctionReason) ?? "" })}
                  </li>
                ))}
              </ul>
            ) : null}
            <Form method="post" className="grid gap-3 sm:grid-cols-2" noValidate>
              <input type="hidden" name="checkinId" value={c.id} />
              <CheckinFields
                prefix={`correct-checkin-${c.id}`}
                errors={errors ?? {}}
                today={d.today}
                minDate={d.exitedOn}
                values={{
                  checkedOn: c.checkedOn,
                  employed: c.employed,
                  employerName: c.employerName,
                  monthlySalary: c.monthlySalaryCents === null ? "" : (c.monthlySalaryCents / 100).toFixed(2),
                  note: c.note,
                }}
              />
              <Field
                name="correctionReason"
                prefix={`correct-checkin-${c.id}`}
                label={t("corrections.reason")}
                errors={errors ?? {}}
                maxLength={500}
                className="sm:col-span-2"
              />
              <div>
                <SubmitButton intent="correctCheckin">{t("corrections.save")}</SubmitButton>
              </div>
            </Form>
          </details>
        );
      })}
      {d.exitedOn === null ? (
        <p className="mt-3 text-sm text-stone-600" data-testid="checkins-not-yet">
          {t("staffRecord.checkinsAfterExit")}
        </p>
      ) : (
        <Form method="post" className="mt-3 grid gap-3 sm:grid-cols-2" noValidate>
          <SelectField
            name="months"
            prefix="checkin"
            label={t("staffRecord.months")}
            errors={checkinErrors}
            options={OUTCOME_CHECKIN_MONTHS.map((m) => ({ value: m, label: t("staffRecord.monthsAfter", { count: m }) }))}
          />
          <CheckinFields prefix="checkin" errors={checkinErrors} today={d.today} minDate={d.exitedOn} />
          <div>
            <SubmitButton intent="checkin">{t("staffRecord.addCheckin")}</SubmitButton>
          </div>
        </Form>
      )}
    </section>
  );
}
