import { useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

/**
 * Field errors are catalogue keys (see app/utils/validation.ts); shown in the user's language.
 * A form renders one per field, nearly always empty: the translation hook is only taken when
 * there is something to say (it costs a render of a week card a noticeable share of its CPU).
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
  pendingText: ReactNode;
  formAction?: string;
  intent?: string;
  className?: string;
  /** A secondary action beside the form's main one: outlined. */
  variant?: "primary" | "secondary";
}) {
  const navigation = useNavigation();
  const pending =
    navigation.state !== "idle" &&
    navigation.formMethod !== undefined &&
    (formAction === undefined || navigation.formAction === formAction) &&
    (intent === undefined || navigation.formData?.get("intent") === intent);
  return (
    <button
      type="submit"
      name={intent ? "intent" : undefined}
      value={intent}
      disabled={pending}
      aria-busy={pending}
      className={`inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-5 font-semibold disabled:opacity-70 ${variant === "primary" ? "bg-brand-700 text-white hover:bg-brand-800" : "border-2 border-brand-700 bg-white text-brand-800 hover:bg-brand-50"} ${className}`}
    >
      {pending ? (
        <>
          <span aria-hidden className={`size-4 animate-spin rounded-full border-2 border-t-transparent ${variant === "primary" ? "border-white" : "border-brand-700"}`} />
          {pendingText}
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
