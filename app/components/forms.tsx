/**
 * The field kit: every form of the portal is built from these (docs/decisions/0031). Each field
 * is a real, labelled HTML control that works without JavaScript; its errors are the catalogue
 * keys the server's parser answered (app/forms/parse.server.ts), shown beside it in the user's
 * language and tied to it with `aria-describedby`. No validator runs in the browser: the server
 * decides, and the browser only helps (`maxLength`, `min`, `max`, `inputMode`).
 *
 * Ids: `prefix-name` (or `name`), its errors `…-error`, its help `…-help`. Give a `prefix` when a
 * page has several forms with the same field names.
 */
import { useNavigation } from "@remix-run/react";
import type { InputHTMLAttributes, ReactNode, TextareaHTMLAttributes } from "react";

import type { FieldErrorMap } from "~/domain/field-errors";
import { useTranslation } from "~/i18n/react";

/**
 * The one look of a text box, select or text area; `large` on the apprentice's pages. Component
 * classes of app/tailwind.css: a week card has a few dozen fields (docs/decisions/0032).
 */
export const inputClass = "field-input";
const largeInputClass = "field-input-large";
/** A choice drawn as a button (radio pills): the input hidden, its label the target. */
const choiceClass =
  "inline-flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded-lg border-2 border-stone-300 px-3 peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-focus-visible:ring-2";

/** The errors of the form that was sent, or none: `errorsOf(actionData, "profile")`. */
export function errorsOf(reply: { intent?: unknown; errors?: FieldErrorMap | null } | null | undefined, ...intents: string[]): FieldErrorMap {
  if (!reply?.errors) return {};
  return intents.length === 0 || intents.includes(String(reply.intent)) ? reply.errors : {};
}

/**
 * Field errors are catalogue keys; shown in the user's language. A form renders one per field,
 * nearly always empty: the translation hook is only taken when there is something to say (it
 * costs a render of a week card a noticeable share of its CPU).
 */
export function FieldErrors({ id, errors }: { id: string; errors: string[] | undefined }) {
  if (!errors?.length) return null;
  return <FieldErrorList id={id} errors={errors} />;
}

function FieldErrorList({ id, errors }: { id: string; errors: string[] }) {
  const { t } = useTranslation();
  return (
    <ul id={id} className="mt-1 text-sm font-medium text-red-700">
      {errors.map((e) => (
        <li key={e}>{t(e as "errors.invalid", { defaultValue: t("errors.invalid") })}</li>
      ))}
    </ul>
  );
}

/** What belongs to no one field (a refusal of the whole form, an unknown button), as an alert. */
export function FormErrors({ errors, id = "form-error" }: { errors: FieldErrorMap; id?: string }) {
  const messages = [...(errors.form ?? []), ...(errors.intent ?? [])];
  return messages.length ? (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 px-3 py-2">
      <FieldErrors id={id} errors={messages} />
    </div>
  ) : null;
}

interface FieldProps {
  name: string;
  label: ReactNode;
  /** The form's errors, by field name (`errorsOf(actionData, …)`). */
  errors: FieldErrorMap;
  prefix?: string;
  /** A line under the label that explains the field. */
  help?: ReactNode;
  /** On the wrapper (e.g. a grid span). */
  className?: string;
  /** The apprentice's pages: larger text and targets. */
  size?: "large";
  /** Ids of more text that describes the field (a note shown after it). */
  describedBy?: string;
}

function ids({ name, prefix, help, errors, describedBy }: Pick<FieldProps, "name" | "prefix" | "help" | "errors" | "describedBy">) {
  const id = prefix ? `${prefix}-${name}` : name;
  const errorId = `${id}-error`;
  const helpId = help ? `${id}-help` : null;
  return { id, errorId, helpId, invalid: errors[name]?.length ? true : undefined, describedBy: [helpId, errorId, describedBy].filter(Boolean).join(" ") };
}

function Label({ htmlFor, size, children }: { htmlFor: string; size?: "large"; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className={`block ${size === "large" ? "text-lg font-semibold" : "font-medium"}`}>
      {children}
    </label>
  );
}

/** What every single-control field draws around its control: the label, the help, the errors. */
function FieldFrame({
  f,
  label,
  size,
  help,
  errors,
  className,
  children,
}: {
  f: ReturnType<typeof ids>;
  label: ReactNode;
  size?: "large";
  help?: ReactNode;
  errors: string[] | undefined;
  className: string;
  children: ReactNode;
}) {
  return (
    <div className={className}>
      <Label htmlFor={f.id} size={size}>
        {label}
      </Label>
      <Help id={f.helpId}>{help}</Help>
      {children}
      <FieldErrors id={f.errorId} errors={errors} />
    </div>
  );
}

function Help({ id, children }: { id: string | null; children: ReactNode }) {
  return id ? (
    <p id={id} className="text-sm text-stone-600">
      {children}
    </p>
  ) : null;
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "id" | "className" | "size" | "type" | "defaultValue"> & {
  type?: "text" | "date" | "number" | "tel" | "password" | "time" | "file";
  defaultValue?: string | number | null;
  /** Extra classes on the input itself (a narrower box, letter spacing). */
  inputClassName?: string;
};

/** A labelled input with its help and errors. */
export function Field({
  name,
  label,
  errors,
  prefix,
  help,
  describedBy,
  className = "",
  size,
  type = "text",
  defaultValue,
  inputClassName = "",
  ...rest
}: FieldProps & InputProps) {
  const f = ids({ name, prefix, help, errors, describedBy });
  return (
    <FieldFrame f={f} label={label} size={size} help={help} errors={errors[name]} className={className}>
      <input
        id={f.id}
        name={name}
        type={type}
        defaultValue={defaultValue ?? undefined}
        aria-invalid={f.invalid}
        aria-describedby={f.describedBy}
        className={`${type === "file" ? "mt-1 block min-h-11 w-full" : size === "large" ? largeInputClass : inputClass} ${inputClassName}`}
        {...rest}
      />
    </FieldFrame>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "name" | "id" | "className" | "defaultValue"> & {
  defaultValue?: string | null;
  inputClassName?: string;
};

/** A labelled text area with its help and errors. */
export function TextArea({
  name,
  label,
  errors,
  prefix,
  help,
  describedBy,
  className = "",
  size,
  defaultValue,
  rows = 3,
  inputClassName = "",
  ...rest
}: FieldProps & TextAreaProps) {
  const f = ids({ name, prefix, help, errors, describedBy });
  return (
    <FieldFrame f={f} label={label} size={size} help={help} errors={errors[name]} className={className}>
      <textarea
        id={f.id}
        name={name}
        rows={rows}
        defaultValue={defaultValue ?? undefined}
        aria-invalid={f.invalid}
        aria-describedby={f.describedBy}
        className={`${size === "large" ? largeInputClass : inputClass} py-2 ${inputClassName}`}
        {...rest}
      />
    </FieldFrame>
  );
}

/** A labelled select with its errors. `blank` adds a first, empty choice ("no intake"). */
export function SelectField({
  name,
  label,
  errors,
  prefix,
  help,
  className = "",
  size,
  options,
  defaultValue,
  blank,
}: FieldProps & { options: readonly { value: string | number; label: string }[]; defaultValue?: string | number | null; blank?: string }) {
  const f = ids({ name, prefix, help, errors });
  return (
    <FieldFrame f={f} label={label} size={size} help={help} errors={errors[name]} className={className}>
      <select
        id={f.id}
        name={name}
        defaultValue={defaultValue ?? ""}
        aria-invalid={f.invalid}
        aria-describedby={f.describedBy}
        className={size === "large" ? largeInputClass : inputClass}
      >
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/**
 * Radio buttons drawn as buttons, in a fieldset with a legend: yes / no, a status, a kind. Each
 * choice is a real radio (keyboard and screen readers work without JavaScript); `render` draws
 * a choice's face (a picture and a word) when its label alone is not enough.
 */
export function Choices<V extends string | number>({
  name,
  label,
  errors,
  prefix,
  help,
  className = "",
  size,
  options,
  defaultValue,
  listClassName = "mt-1 flex flex-wrap gap-2",
  choiceClassName = choiceClass,
}: FieldProps & {
  options: readonly { value: V; label: ReactNode }[];
  defaultValue?: V | string | null;
  /** The layout of the choices (a grid of large targets on the apprentice's pages). */
  listClassName?: string;
  choiceClassName?: string;
}) {
  const f = ids({ name, prefix, help, errors });
  return (
    <fieldset className={className} aria-describedby={f.describedBy} aria-invalid={f.invalid}>
      <legend className={size === "large" ? "text-lg font-semibold" : "font-medium"}>{label}</legend>
      <Help id={f.helpId}>{help}</Help>
      <div className={listClassName}>
        {options.map((o) => (
          <label key={o.value}>
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={defaultValue !== undefined && defaultValue !== null && String(defaultValue) === String(o.value)}
              className="peer sr-only"
            />
            <span className={choiceClassName}>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldErrors id={f.errorId} errors={errors[name]} />
    </fieldset>
  );
}

/** Checkboxes sharing a name (consents, weekdays): none, one or several. */
export function Checkboxes<V extends string | number>({
  name,
  label,
  errors,
  prefix,
  help,
  className = "",
  options,
  defaultValues = [],
}: FieldProps & { options: readonly { value: V; label: ReactNode }[]; defaultValues?: readonly (V | string)[] }) {
  const f = ids({ name, prefix, help, errors });
  return (
    <fieldset className={className} aria-describedby={f.describedBy} aria-invalid={f.invalid}>
      <legend className="font-medium">{label}</legend>
      <Help id={f.helpId}>{help}</Help>
      <div className="flex flex-wrap gap-x-3">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2">
            <input type="checkbox" name={name} value={o.value} defaultChecked={defaultValues.some((v) => String(v) === String(o.value))} className="size-5" />
            {o.label}
          </label>
        ))}
      </div>
      <FieldErrors id={f.errorId} errors={errors[name]} />
    </fieldset>
  );
}

/** One checkbox that sends "on" when ticked. */
export function Checkbox({ name, label, defaultChecked, className = "" }: { name: string; label: ReactNode; defaultChecked?: boolean; className?: string }) {
  return (
    <label className={`flex min-h-11 items-center gap-2 ${className}`}>
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="size-5" />
      {label}
    </label>
  );
}

/** A submit button that shows a pending state while its form is being sent (JS on). */
export function SubmitButton({
  children,
  pendingText,
  formAction,
  intent,
  className = "",
  variant = "primary",
}: {
  children: ReactNode;
  /** Defaults to "Saving…" (`common.saving`). */
  pendingText?: ReactNode;
  formAction?: string;
  intent?: string;
  className?: string;
  /** A secondary action beside the form's main one: outlined. `danger`: it ends or removes something. */
  variant?: "primary" | "secondary" | "danger";
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const pending =
    navigation.state !== "idle" &&
    navigation.formMethod !== undefined &&
    (formAction === undefined || navigation.formAction === formAction) &&
    (intent === undefined || navigation.formData?.get("intent") === intent);
  const look = {
    primary: "bg-brand-700 text-white hover:bg-brand-800",
    secondary: "border-2 border-brand-700 bg-white text-brand-800 hover:bg-brand-50",
    danger: "border-2 border-red-700 bg-white text-red-800 hover:bg-red-50",
  }[variant];
  return (
    <button
      type="submit"
      name={intent ? "intent" : undefined}
      value={intent}
      disabled={pending}
      aria-busy={pending}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-5 font-semibold disabled:opacity-70 ${look} ${className}`}
    >
      {pending ? (
        <>
          <span
            aria-hidden
            className={`size-4 animate-spin rounded-full border-2 border-t-transparent ${variant === "primary" ? "border-white" : variant === "danger" ? "border-red-700" : "border-brand-700"}`}
          />
          {pendingText ?? t("common.saving")}
        </>
      ) : (
        children
      )}
    </button>
  );
}

export function Alert({ children, tone = "error" }: { children: ReactNode; tone?: "error" | "info" }) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-lg border px-4 py-3 ${tone === "error" ? "border-red-300 bg-red-50 text-red-800" : "border-brand-100 bg-brand-50 text-brand-800"}`}
    >
      {children}
    </div>
  );
}
