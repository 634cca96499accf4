/**
 * `bulk_signoff` (docs/product.md §5, a trainer flag): within some window of 7 consecutive days, one
 * trainer marked ≥ 8 competencies `independent` (across all their apprentices), or ≥ 40% of one
 * placement's framework. Only windows inside the recent look-back (28 days) count, so an old
 * burst does not stay flagged for ever.
 *
 * Counted: `independent` sign-offs by this trainer (the assessment's own trainer, not the
 * placement's primary one) that no correction has superseded, one per placement and competency
 * in a window. When several windows cross, the evidence shows the most recent one, as the first
 * and last day with a counted sign-off.
 *
 * After staff resolve or dismiss the flag, a burst that begins after the last one they saw has
 * ended is a new episode and raises a new flag at once.
 */
import { addDays } from "../dates";
import type { SignoffFact, TrainerRule } from "./types";

interface WindowCount {
  /** The first and last days with a counted sign-off (at most the window's length apart). */
  first: string;
  last: string;
  total: number;
  placements: { placementId: number; apprenticeId: number; signoffs: number; frameworkSize: number }[];
  assessmentIds: number[];
}

function countWindow(signoffs: readonly SignoffFact[], start: string, end: string): WindowCount {
  const seen = new Set<string>();
  const placements = new Map<number, WindowCount["placements"][number]>();
  const assessmentIds: number[] = [];
  let last = start;
  for (const s of signoffs) {
    if (s.observedOn < start || s.observedOn > end) continue;
    const key = `${s.placementId}:${s.competencyId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    assessmentIds.push(s.assessmentId);
    if (s.observedOn > last) last = s.observedOn;
    const held = placements.get(s.placementId) ?? { placementId: s.placementId, apprenticeId: s.apprenticeId, signoffs: 0, frameworkSize: s.frameworkSize };
    held.signoffs += 1;
    placements.set(s.placementId, held);
  }
  return {
    first: start,
    last,
    total: seen.size,
    placements: [...placements.values()].sort((a, b) => a.placementId - b.placementId),
    assessmentIds: assessmentIds.sort((a, b) => a - b),
  };
}

export const bulkSignoff: TrainerRule = {
  rule: "bulk_signoff",
  subjectType: "trainer",
  evaluate(trainer, { today, calendar, thresholds: t }) {
    const from = calendar.windowStart(t.recentDays);
    const recent = [...trainer.signoffs]
      .filter((s) => s.observedOn >= from && s.observedOn <= today)
      .sort((a, b) => a.observedOn.localeCompare(b.observedOn) || a.assessmentId - b.assessmentId);
    let latest: WindowCount | null = null;
    // A window that holds any sign-offs can be slid to start on one of them without losing any.
    for (const start of [...new Set(recent.map((s) => s.observedOn))]) {
      const end = addDays(start, t.bulkSignoffWindowDays - 1);
      const w = countWindow(recent, start, end);
      const crosses =
        w.total >= t.bulkSignoffCount || w.placements.some((p) => p.frameworkSize > 0 && 100 * p.signoffs >= t.bulkSignoffFrameworkPercent * p.frameworkSize);
      if (crosses) latest = w;
    }
    if (!latest) return null;
    const only = latest.placements.length === 1 ? latest.placements[0] : undefined;
    return {
      severity: "warn",
      evidence: {
        firstSignoffOn: latest.first,
        lastSignoffOn: latest.last,
        windowDays: t.bulkSignoffWindowDays,
        signoffs: latest.total,
        placements: latest.placements.map(({ placementId, signoffs, frameworkSize }) => ({ placementId, signoffs, frameworkSize })),
        assessmentIds: latest.assessmentIds,
      },
      ...(only ? { about: { placementId: only.placementId, apprenticeId: only.apprenticeId } } : {}),
    };
  },
  isNewEpisode: (closed, current) => {
    const seenUntil =
      closed
        .map((e) => String(e.lastSignoffOn ?? ""))
        .sort()
        .at(-1) ?? "";
    return String(current.firstSignoffOn ?? "") > seenUntil;
  },
};
