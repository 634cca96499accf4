/**
 * Codes the system writes (audit actions and entities) and names it generates (intakes), shown as
 * words in the page's language, with the code beside where staff search or filter by it (issue 11).
 * A code without a translation (a newer one) shows as itself, marked as English.
 */
import { useTranslation } from "~/i18n/react";

import { FreeText } from "./free-text";

type Kind = "auditAction" | "auditEntity";

export function useCodeLabel() {
  const { t, i18n } = useTranslation();
  return (kind: Kind, code: string): string | null => {
    // Written out per kind, so that the build puts these keys in the page's catalogue.
    const key = kind === "auditAction" ? `auditAction.${code}` : `auditEntity.${code}`;
    // Only keys the catalogue has: a code never becomes a path into the catalogue's other parts.
    return /^[a-z][a-z_]*$/.test(code) && i18n.exists(key) ? t(key as "auditAction.sign_in") : null;
  };
}

export function CodeLabel({ kind, code, withCode = false }: { kind: Kind; code: string; withCode?: boolean }) {
  const label = useCodeLabel()(kind, code);
  if (label === null)
    return (
      <span lang="en" className="font-mono">
        {code}
      </span>
    );
  return (
    <span>
      {label}
      {withCode ? (
        <code lang="en" className="ml-1.5 text-xs text-stone-600">
          {code}
        </code>
      ) : null}
    </span>
  );
}

const GENERATED_INTAKE = /^(\d{4}) Intake (\d{1,2})$/;

/** An intake's name: "2026 Intake 1" reads "ជំនាន់ទី 1 ឆ្នាំ 2026" on a Khmer page; a name staff chose shows as written. */
export function useIntakeName() {
  const { t } = useTranslation();
  return (name: string): string => {
    const m = GENERATED_INTAKE.exec(name);
    return m ? t("intake.name", { year: m[1], number: m[2] }) : name;
  };
}

export function IntakeName({ name }: { name: string | null | undefined }) {
  const label = useIntakeName();
  if (!name) return <>—</>;
  return GENERATED_INTAKE.test(name) ? <>{label(name)}</> : <FreeText text={name} />;
}
