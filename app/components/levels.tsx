import type { AssessmentLevel } from "~/domain/enums";

type LevelOrNone = AssessmentLevel | "unassessed";

const LEVELS_AND_NONE: LevelOrNone[] = ["unassessed", "not_yet", "with_help", "supervised", "independent"];

const FILL: Record<LevelOrNone, { fraction: number; color: string }> = {
  unassessed: { fraction: 0, color: "#a8a29e" },
  not_yet: { fraction: 0, color: "#b45309" },
  with_help: { fraction: 1 / 3, color: "#d97706" },
  supervised: { fraction: 2 / 3, color: "#0369a1" },
  independent: { fraction: 1, color: "#15803d" },
};

/** The picture of a level, in a 32×32 box: a circle that fills as the apprentice needs less help. */
function LevelShapes({ level }: { level: LevelOrNone }) {
  const { fraction, color } = FILL[level];
  const r = 12;
  const c = 2 * Math.PI * r;
  return (
    <>
      <circle cx="16" cy="16" r={r} fill="white" stroke={color} strokeWidth="3" strokeDasharray={level === "unassessed" ? "3 3" : undefined} />
      {fraction > 0 && fraction < 1 ? (
        <circle
          cx="16"
          cy="16"
          r={r / 2}
          fill="none"
          stroke={color}
          strokeWidth={r}
          strokeDasharray={`${((fraction * c) / 2).toFixed(2)} ${c.toFixed(2)}`}
          transform="rotate(-90 16 16)"
        />
      ) : null}
      {fraction === 1 ? (
        <>
          <circle cx="16" cy="16" r={r} fill={color} />
          <path d="M10 16.5l4 4 8-9" stroke="white" strokeWidth="3" fill="none" strokeLinecap="round" strokeLinejoin="round" />
        </>
      ) : null}
    </>
  );
}

/** A level as a picture, drawn in full: for a page that shows one or two. */
export function LevelIcon({ level, size = 28, title }: { level: LevelOrNone; size?: number; title?: string }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" role={title ? "img" : undefined} aria-hidden={title ? undefined : true}>
      {title ? <title>{title}</title> : null}
      <LevelShapes level={level} />
    </svg>
  );
}

const symbolId = (level: LevelOrNone) => `lvl-${level}`;

/**
 * Every level's picture, once, for the `SharedLevelIcon`s of the page (a `<use>` only draws a
 * symbol of its own document). A page with many level pictures (the week card: four per
 * competency) sends each drawing once instead of in every tile (docs/decisions/0032).
 */
export function LevelSymbols() {
  return (
    <svg width="0" height="0" className="absolute" aria-hidden="true" focusable="false">
      {LEVELS_AND_NONE.map((level) => (
        <symbol key={level} id={symbolId(level)} viewBox="0 0 32 32">
          <LevelShapes level={level} />
        </symbol>
      ))}
    </svg>
  );
}

/**
 * `SharedLevelIcon`'s markup, untitled, as text: for a page that writes the same tiles many times
 * and makes their markup once (the week card, docs/decisions/0052). levels.test.tsx holds the two
 * to the same output.
 */
export function sharedLevelIconMarkup(level: LevelOrNone, size: number): string {
  return `<svg width="${size}" height="${size}" aria-hidden="true"><use href="#${symbolId(level)}"></use></svg>`;
}

/** A level as a picture, drawn by the page's `LevelSymbols` (render those once on the page). */
export function SharedLevelIcon({ level, size = 28, title }: { level: LevelOrNone; size?: number; title?: string }) {
  return (
    <svg width={size} height={size} role={title ? "img" : undefined} aria-hidden={title ? undefined : true}>
      {title ? <title>{title}</title> : null}
      <use href={`#${symbolId(level)}`} />
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
