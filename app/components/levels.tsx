import type { AssessmentLevel } from "~/domain/enums";

type LevelOrNone = AssessmentLevel | "unassessed";

const FILL: Record<LevelOrNone, { fraction: number; color: string }> = {
  unassessed: { fraction: 0, color: "#a8a29e" },
  not_yet: { fraction: 0, color: "#b45309" },
  with_help: { fraction: 1 / 3, color: "#d97706" },
  supervised: { fraction: 2 / 3, color: "#0369a1" },
  independent: { fraction: 1, color: "#15803d" },
};

/** A level as a picture: a circle that fills as the apprentice needs less help. */
export function LevelIcon({ level, size = 28, title }: { level: LevelOrNone; size?: number; title?: string }) {
  const { fraction, color } = FILL[level];
  const r = 12;
  const c = 2 * Math.PI * r;
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" role={title ? "img" : undefined} aria-hidden={title ? undefined : true}>
      {title ? <title>{title}</title> : null}
      <circle cx="16" cy="16" r={r} fill="white" stroke={color} strokeWidth="3" strokeDasharray={level === "unassessed" ? "3 3" : undefined} />
      {fraction > 0 && fraction < 1 ? (
        <circle
          cx="16"
          cy="16"
          r={r / 2}
          fill="none"
          stroke={color}
          strokeWidth={r}
          strokeDasharray={`${(fraction * c) / 2} ${c}`}
          transform="rotate(-90 16 16)"
        />
      ) : null}
      {fraction === 1 ? (
        <>
          <circle cx="16" cy="16" r={r} fill={color} />
          <path d="M10 16.5l4 4 8-9" stroke="white" strokeWidth="3" fill="none" strokeLinecap="round" strokeLinejoin="round" />
        </>
      ) : null}
    </svg>
  );
}

/**
 * A ring showing a share done, with the numbers in it for those who read numbers first. `text`
 * is the count as the page writes it (its digits: see app/i18n/format.ts).
 */
export function ProgressRing({ done, total, label, text, size = 112 }: { done: number; total: number; label: string; text: string; size?: number }) {
  const r = 40;
  const c = 2 * Math.PI * r;
  const share = total === 0 ? 0 : done / total;
  return (
    <svg width={size} height={size} viewBox="0 0 100 100" role="img" aria-label={label} className="shrink-0">
      <circle cx="50" cy="50" r={r} fill="none" stroke="#e7e5e4" strokeWidth="12" />
      <circle
        cx="50"
        cy="50"
        r={r}
        fill="none"
        stroke="#15803d"
        strokeWidth="12"
        strokeLinecap="round"
        strokeDasharray={`${share * c} ${c}`}
        transform="rotate(-90 50 50)"
      />
      <text x="50" y="56" textAnchor="middle" fontSize="20" fontWeight="700" fill="#1c1917">
        {text}
      </text>
    </svg>
  );
}
