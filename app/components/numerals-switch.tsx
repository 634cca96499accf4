import { Form, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { NUMERALS, type Numerals } from "~/domain/enums";
import { inNumerals } from "~/i18n/format";

/**
 * The reader's digits on Khmer pages (docs/decisions/0028): a plain form, so it works without
 * JavaScript; the page reloads in the chosen digits. Each button shows its digits as a sample.
 */
export function NumeralsSwitch({ numerals }: { numerals: Numerals }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <Form method="post" action="/numerals" reloadDocument className="flex flex-wrap items-center gap-2" aria-labelledby="numerals-label">
      <span id="numerals-label">{t("numerals.label")}</span>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <span className="flex">
        {NUMERALS.map((n) => (
          <button
            key={n}
            type="submit"
            name="numerals"
            value={n}
            aria-pressed={n === numerals}
            // The names show their own digits: never rewritten into the page's.
            aria-label={t(`numerals.${n}`, { postProcess: [] })}
            className={`min-h-11 min-w-11 border border-stone-400 px-3 first:rounded-l-md last:rounded-r-md ${n === numerals ? "bg-brand-700 font-semibold text-white" : "bg-white text-stone-900 hover:bg-stone-100"}`}
          >
            <span data-numerals-sample>{inNumerals("123", n)}</span>
          </button>
        ))}
      </span>
    </Form>
  );
}
