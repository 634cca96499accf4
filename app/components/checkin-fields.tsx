import { useTranslation } from "~/i18n/react";

import { FieldErrors } from "./forms";

type Errors = Record<string, string[] | undefined>;

const input = "mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-2";

/** The fields of an outcome check-in, shared by "add" and "correct" (prefix keeps ids unique). */
export function CheckinFields({
  prefix,
  errors,
  today,
  minDate,
  values,
}: {
  prefix: string;
  errors: Errors;
  today: string;
  minDate: string | null;
  values?: { checkedOn: string; employed: boolean; employerName: string | null; monthlySalary: string; note: string | null };
}) {
  const { t } = useTranslation();
  const id = (name: string) => `${prefix}-${name}-error`;
  return (
    <>
      <label className="block">
        {t("staffRecord.checkedOn")}
        <input type="date" name="checkedOn" defaultValue={values?.checkedOn ?? today} min={minDate ?? undefined} max={today} className={input} aria-invalid={errors.checkedOn ? true : undefined} aria-describedby={id("checkedOn")} />
        <FieldErrors id={id("checkedOn")} errors={errors.checkedOn} />
      </label>
      <fieldset>
        <legend>{t("staffRecord.employed")}</legend>
        <div className="mt-1 flex gap-2">
          {(["yes", "no"] as const).map((v) => (
            <label key={v}>
              <input type="radio" name="employed" value={v} className="peer sr-only" defaultChecked={values ? values.employed === (v === "yes") : undefined} />
              <span className="inline-flex min-h-11 min-w-11 cursor-pointer items-center justify-center rounded-lg border-2 border-stone-300 px-3 peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-focus-visible:ring-2">{t(`staffRecord.${v}`)}</span>
            </label>
          ))}
        </div>
        <FieldErrors id={id("employed")} errors={errors.employed} />
      </fieldset>
      <label className="block">
        {t("staffRecord.where")}
        <input name="employerName" maxLength={200} defaultValue={values?.employerName ?? undefined} className={input} aria-invalid={errors.employerName ? true : undefined} aria-describedby={id("employerName")} />
        <FieldErrors id={id("employerName")} errors={errors.employerName} />
      </label>
      <label className="block">
        {t("staffRecord.salaryUsd")}
        <input name="monthlySalary" inputMode="decimal" defaultValue={values?.monthlySalary} className={input} aria-invalid={errors.monthlySalary ? true : undefined} aria-describedby={id("monthlySalary")} />
        <FieldErrors id={id("monthlySalary")} errors={errors.monthlySalary} />
      </label>
      <label className="block">
        {t("staffRecord.note")}
        <input name="note" maxLength={1000} defaultValue={values?.note ?? undefined} className={input} aria-invalid={errors.note ? true : undefined} aria-describedby={id("note")} />
        <FieldErrors id={id("note")} errors={errors.note} />
      </label>
    </>
  );
}
