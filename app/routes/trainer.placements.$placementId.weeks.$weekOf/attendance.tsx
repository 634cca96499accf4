import type { TFunction } from "i18next";
import type { ReactNode } from "react";

import { useTranslation } from "~/i18n/react";

import { FieldErrors, inputClass, SubmitButton } from "~/components/forms";
import { ABSENCE_REASONS } from "~/domain/enums";
import { formatDay } from "~/i18n/format";
import type { Locale } from "~/domain/enums";

import type { CardForm, Day } from "./card-form";
import { ChangedMarker } from "./changed-marker";

const TRAINER_STATUSES = ["present", "late", "absent", "leave"] as const;

export function AttendanceSection({ days, form, locale, reviewed }: { days: Day[]; form: CardForm; locale: Locale; reviewed: boolean }) {
  const { t } = useTranslation();
  const blankDays = days.some((x) => !x.future && x.status === null);
  const labels = dayLabels(t);
  return (
    <section aria-labelledby="attendance-title" className="rounded-xl bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="attendance-title" className="text-lg font-semibold">
          {t("week.attendance")}
        </h2>
        {blankDays ? <SubmitButton intent="all_present">✓ {t("week.allPresent")}</SubmitButton> : null}
      </div>
      {blankDays ? <p className="mt-1 text-sm text-stone-600">{t("week.allPresentHelp")}</p> : null}
      {days.length === 0 ? <p className="mt-2 text-stone-600">{t("week.noWorkingDays")}</p> : null}
      <ul className="mt-3 divide-y divide-stone-100">
        {days.map((x) => (
          <AttendanceDay key={`${x.date}-${x.status}-${x.lateMinutes}-${x.absenceReason}`} day={x} form={form} locale={locale} labels={labels} />
        ))}
      </ul>
      {!reviewed && days.some((x) => !x.future) ? (
        <SubmitButton intent="save" variant="secondary" className="mt-2">
          {t("week.save")}
        </SubmitButton>
      ) : null}
    </section>
  );
}

/**
 * What every day of the card says alike, translated once per card rather than once per day; the
 * reasons' options are the same elements in every day's list (docs/decisions/0052).
 */
interface DayLabels {
  statuses: Record<(typeof TRAINER_STATUSES)[number], string>;
  lateMinutes: string;
  absenceReason: string;
  reasonOptions: ReactNode;
}

function dayLabels(t: TFunction): DayLabels {
  return {
    statuses: { present: t("attendance.present"), late: t("attendance.late"), absent: t("attendance.absent"), leave: t("attendance.leave") },
    lateMinutes: t("week.lateMinutes"),
    absenceReason: t("week.absenceReason"),
    reasonOptions: (
      <>
        <option value="">—</option>
        {ABSENCE_REASONS.map((r) => (
          <option key={r} value={r}>
            {t(`absence.${r}`)}
          </option>
        ))}
      </>
    ),
  };
}

function AttendanceDay({ day: x, form, locale, labels }: { day: Day; form: CardForm; locale: Locale; labels: DayLabels }) {
  const { t } = useTranslation();
  const { errors, pick } = form;
  const name = `att.${x.date}`;
  const status = pick(`${name}.status`, x.status);
  const recorded = x.status
    ? [
        t(`attendance.${x.status}`),
        x.lateMinutes ? t("week.minutesLate", { minutes: x.lateMinutes }) : null,
        x.absenceReason ? t(`absence.${x.absenceReason}`) : null,
      ]
        .filter(Boolean)
        .join(" · ")
    : "—";
  return (
    <li id={`att-${x.date}`} className="group py-3">
      <fieldset disabled={x.future}>
        <legend className="font-medium">
          {formatDay(locale, x.date)}
          {x.future ? <span className="ml-2 text-sm text-stone-500">{t("week.later")}</span> : null}
        </legend>
        {x.notice ? (
          <p className="mt-1 rounded bg-sky-50 px-2 py-1 text-sm text-sky-900" data-testid="advance-notice">
            {t("week.noticeSuggestion", { kind: t(`notice.${x.notice.kind}`), reason: t(`absence.${x.notice.reason}`) })}
          </p>
        ) : null}
        <ChangedMarker show={form.changed.has(name)} entered={form.entered(`${name}.status`)} now={recorded} />
        {/* A tile per status; its look is `.status-picks` in tailwind.css. */}
        <div className="status-picks">
          {TRAINER_STATUSES.map((s) => (
            <label key={s}>
              <input type="radio" name={`${name}.status`} value={s} defaultChecked={status === s} />
              <span>{labels.statuses[s]}</span>
            </label>
          ))}
        </div>
        {/* Minutes show when "late" is chosen, the reason when "absent" is: CSS only, so it works without JavaScript. */}
        <div className="mt-2 grid grid-cols-2 gap-2">
          <label className={`text-sm ${errors[`${name}.lateMinutes`] || status === "late" ? "" : "hidden"} group-has-[input[value=late]:checked]:block`}>
            {labels.lateMinutes}
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={600}
              name={`${name}.lateMinutes`}
              defaultValue={pick(`${name}.lateMinutes`, x.lateMinutes === null ? null : String(x.lateMinutes))}
              aria-invalid={errors[`${name}.lateMinutes`] ? true : undefined}
              aria-describedby={`${name}.lateMinutes-error`}
              className={inputClass}
            />
            <FieldErrors id={`${name}.lateMinutes-error`} errors={errors[`${name}.lateMinutes`]} />
          </label>
          <label
            className={`col-start-2 text-sm ${errors[`${name}.reason`] || status === "absent" || x.notice?.kind === "absent" ? "" : "hidden"} group-has-[input[value=absent]:checked]:block`}
          >
            {labels.absenceReason}
            <select
              name={`${name}.reason`}
              defaultValue={pick(`${name}.reason`, x.absenceReason ?? (x.notice?.kind === "absent" ? x.notice.reason : null))}
              aria-invalid={errors[`${name}.reason`] ? true : undefined}
              aria-describedby={`${name}.reason-error`}
              className={inputClass}
            >
              {labels.reasonOptions}
            </select>
            <FieldErrors id={`${name}.reason-error`} errors={errors[`${name}.reason`]} />
          </label>
        </div>
        <FieldErrors id={`${name}.status-error`} errors={errors[`${name}.status`]} />
      </fieldset>
    </li>
  );
}
