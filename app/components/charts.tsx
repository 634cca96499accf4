/**
 * Charts as plain SVG, rendered on the server: readable without JavaScript, light on metered
 * data, and printable. Each chart is one image with a text alternative that states every figure
 * (`role="img"`, `aria-label` and `<title>`); the tables beside it carry the same numbers.
 *
 * Each bar has its label on a line of its own above it, so long names (and Khmer, which runs
 * longer) are not cut short, and a phone's narrow screen keeps the text legible.
 */

export interface ChartBar {
  key: string | number;
  label: string;
  /** The bar's length on the chart's scale (0 … max); null: no figure, no bar. */
  value: number | null;
  /** The figure as people read it, e.g. "75% (3/4)". */
  valueText: string;
}

const WIDTH = 480;
const ROW = 44;
const VALUE_WIDTH = 150;
const BAR_WIDTH = WIDTH - VALUE_WIDTH - 8;
const LABEL_CHARS = 60;

const short = (text: string) => (text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text);

/**
 * A horizontal bar chart. `summary` is the text alternative: it should say what is measured and
 * list each bar's label and figure (see `chartSummary`).
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
  const height = bars.length * ROW + 4;
  const scale = max > 0 ? max : 1;
  return (
    <svg
      role="img"
      aria-label={summary}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      className="block h-auto max-w-xl break-inside-avoid"
    >
      <title>{summary}</title>
      {bars.map((bar, i) => {
        const y = i * ROW;
        const length = bar.value === null ? 0 : Math.max(0, Math.min(1, bar.value / scale)) * BAR_WIDTH;
        return (
          <g key={bar.key} aria-hidden="true">
            <text x={0} y={y + 15} fontSize="13" fill="#1c1917">
              {short(bar.label)}
            </text>
            <rect x={0} y={y + 22} width={BAR_WIDTH} height={14} rx={3} fill="#e7e5e4" />
            {bar.value !== null && length > 0 ? <rect x={0} y={y + 22} width={length} height={14} rx={3} fill={color} /> : null}
            <text x={BAR_WIDTH + 8} y={y + 34} fontSize="13" fill="#1c1917">
              {bar.valueText}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** "Title: label one 75% (3/4); label two no figure." — a chart's text alternative. */
export function chartSummary(title: string, bars: readonly ChartBar[]): string {
  return `${title}: ${bars.map((b) => `${b.label} ${b.valueText}`).join("; ")}.`;
}
