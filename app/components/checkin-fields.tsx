import type { FieldErrorMap } from "~/domain/field-errors";
import { useTranslation } from "~/i18n/react";

import { Choices, Field } from "./forms";

/** The fields of an outcome check-in, shared by "add" and "correct" (prefix keeps ids unique). */
export function CheckinFields({
  prefix,
  errors,
  today,
  minDate,
  values,
}: {
  prefix: string;
  errors: FieldErrorMap;
  today: string;
  minDate: string | null;
  values?: { checkedOn: string; employed: boolean; employerName: string | null; monthlySalary: string; note: string | null };
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field
        name="checkedOn"
        type="date"
        prefix={prefix}
        label={t("staffRecord.checkedOn")}
        errors={errors}
        defaultValue={values?.checkedOn ?? today}
        min={minDate ?? undefined}
        max={today}
      />
      <Choices
        name="employed"
        prefix={prefix}
        label={t("staffRecord.employed")}
        errors={errors}
        defaultValue={values ? (values.employed ? "yes" : "no") : undefined}
        options={[
          { value: "yes", label: t("staffRecord.yes") },
          { value: "no", label: t("staffRecord.no") },
        ]}
      />
      <Field name="employerName" prefix={prefix} label={t("staffRecord.where")} errors={errors} maxLength={200} defaultValue={values?.employerName} />
      <Field name="monthlySalary" prefix={prefix} label={t("staffRecord.salaryUsd")} errors={errors} inputMode="decimal" defaultValue={values?.monthlySalary} />
      <Field name="note" prefix={prefix} label={t("staffRecord.note")} errors={errors} maxLength={1000} defaultValue={values?.note} />
    </>
  );
}
