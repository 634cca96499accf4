import type { ReactNode } from "react";

import { FieldErrors } from "./forms";

const control = "mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-2 aria-[invalid=true]:border-red-700";

type Errors = Record<string, string[] | undefined>;

/** A labelled input with its errors (catalogue keys) beside it. `prefix` keeps ids unique when one page has several forms. */
export function Field({
  name,
  label,
  errors,
  prefix,
  type = "text",
  defaultValue,
  required,
  className = "",
  ...rest
}: {
  name: string;
  label: ReactNode;
  errors: Errors;
  prefix: string;
  type?: "text" | "date" | "number" | "tel";
  defaultValue?: string | number | null;
  required?: boolean;
  className?: string;
  min?: number | string;
  max?: number | string;
  step?: string;
  maxLength?: number;
  inputMode?: "decimal" | "numeric" | "text" | "tel";
}) {
  const errorId = `${prefix}-${name}-error`;
  return (
    <label className={`block ${className}`}>
      {label}
      <input
        name={name}
        type={type}
        defaultValue={defaultValue ?? undefined}
        required={required}
        className={control}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={errorId}
        {...rest}
      />
      <FieldErrors id={errorId} errors={errors[name]} />
    </label>
  );
}

export function SelectField({
  name,
  label,
  errors,
  prefix,
  options,
  defaultValue,
  blank,
  className = "",
}: {
  name: string;
  label: ReactNode;
  errors: Errors;
  prefix: string;
  options: { value: string | number; label: string }[];
  defaultValue?: string | number | null;
  /** A first, empty choice (e.g. "no intake"). */
  blank?: string;
  className?: string;
}) {
  const errorId = `${prefix}-${name}-error`;
  return (
    <label className={`block ${className}`}>
      {label}
      <select name={name} defaultValue={defaultValue ?? ""} className={control} aria-invalid={errors[name] ? true : undefined} aria-describedby={errorId}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors id={errorId} errors={errors[name]} />
    </label>
  );
}

export function FormErrors({ errors }: { errors: Errors }) {
  return errors.form ? (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2">
      <FieldErrors id="form-error" errors={errors.form} />
    </div>
  ) : null;
}
