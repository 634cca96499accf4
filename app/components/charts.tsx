/**
 * Charts as plain HTML and SVG bars, rendered on the server: readable without JavaScript, light on metered
 * data, and printable. Each chart is one image with a text alternative that states every figure
 * (`role="img"` and `aria-label`); the tables beside it carry the same numbers.
 *
 * Each bar has its label on a line of its own above it, so long names (and Khmer, which runs
 * longer) are not cut short, and a phone's narrow screen keeps the text legible.
 */
import { scriptLang } from "~/domain/script";

export interface ChartBar {
  key: string | number;
  label: string;
  /** The bar's length on the chart's scale (0 … max); null: no figure, no bar. */
  value: number | null;
  /** The figure as people read it, e.g. "75% (3/4)". */
  valueText: string;
}

/**
 * A horizontal bar chart. `summary` is the text alternative: it should say what is measured and
 * list each bar's label and figure (see `chartSummary`).
 *
 * The words and figures are HTML, not SVG text: they keep their size on a narrow phone (an SVG
 * scaled to fit shrank them to 8 px) and get the Khmer line height; only the bars are drawn.
 */
export function BarChart({
  bars,
  summary,
  max = 1,
  color = "#14736b",
  emptyText,
}: {
  bars: readonly ChartBar[];
  summary: string;
  max?: number;
  color?: string;
  /** Shown (and read) when there are no bars at all. */
  emptyText: string;
}) {
  if (bars.length === 0) return <p className="text-stone-600">{emptyText}</p>;
  const scale = max > 0 ? max : 1;
  return (
    <div role="img" aria-label={summary} className="max-w-xl break-inside-avoid">
      <ul aria-hidden="true" className="space-y-2">
        {bars.map((bar) => {
          const share = bar.value === null ? 0 : Math.max(0, Math.min(1, bar.value / scale));
          return (
            <li key={bar.key}>
              <p lang={scriptLang(bar.label)} className="break-words text-sm">
                {bar.label}
              </p>
              <div className="flex items-center gap-2">
                {/* SVG attributes, not an inline style: the CSP allows no inline styles. */}
                <svg className="h-3.5 min-w-0 flex-1" viewBox="0 0 100 14" preserveAspectRatio="none">
                  <rect x={0} y={0} width={100} height={14} rx={3} fill="#e7e5e4" />
                  {share > 0 ? <rect x={0} y={0} width={share * 100} height={14} rx={3} fill={color} /> : null}
                </svg>
                <span className="shrink-0 text-sm tabular-nums">{bar.valueText}</span>
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** "Title: label one 75% (3/4); label two no figure." — a chart's text alternative. */
export function chartSummary(title: string, bars: readonly ChartBar[]): string {
  return `${title}: ${bars.map((b) => `${b.label} ${b.valueText}`).join("; ")}.`;
}
