import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

/**
 * A wide table on a narrow phone scrolls inside its own box, never the page (issue 11). The box
 * is a labelled region that takes keyboard focus, so it can be scrolled without a mouse, and is
 * `relative` so that screen-reader-only text inside the table (absolutely placed) stays in it
 * instead of widening the page. Printing shows the whole table.
 */
export function ScrollTable({ label, children, className = "", testId }: { label: string; children: ReactNode; className?: string; testId?: string }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      data-testid={testId}
      className={`relative max-w-full overflow-x-auto rounded-xl bg-white shadow-sm focus-visible:outline-3 print:overflow-visible print:shadow-none ${className}`}
    >
      {children}
    </div>
  );
}

/**
 * On a phone, a report table shows its main columns; this box shows the rest (CSS only, so it
 * works without JavaScript: `.report-table` in tailwind.css). Wider screens and print show all.
 */
export function AllColumnsToggle({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <label htmlFor={id} className="no-print inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-300 bg-white px-3 sm:hidden">
      <input id={id} type="checkbox" className="all-columns size-5 accent-brand-700" />
      {t("reports.allColumns")}
    </label>
  );
}
