/**
 * `education_mismatch` (docs/product.md §5, info): the ledger contradicts itself on a recent
 * afternoon: released by the trainer but the apprentice missed class, or attended while the
 * trainer's latest word is "refused".
 */
import { classOutcome, newIncidentIn, trainerWord } from "./common";
import type { PlacementRule } from "./types";

export const educationMismatch: PlacementRule = {
  rule: "education_mismatch",
  subjectType: "placement",
  evaluate(p, { today, calendar, thresholds: t }) {
    const from = calendar.windowStart(t.recentDays);
    const afternoons = p.educationAfternoons
      .filter((a) => a.date >= from && a.date <= today)
      .flatMap((a) => {
        const word = trainerWord(a.events);
        const outcome = classOutcome(a.events);
        if (word === "released" && outcome === "missed") return [{ afternoonId: a.afternoonId, date: a.date, kind: "released_missed" }];
        if (word === "refused" && outcome === "attended") return [{ afternoonId: a.afternoonId, date: a.date, kind: "refused_attended" }];
        return [];
      })
      .sort((a, b) => a.date.localeCompare(b.date) || a.afternoonId - b.afternoonId);
    if (afternoons.length === 0) return null;
    return { severity: "info", evidence: { windowDays: t.recentDays, afternoons } };
  },
  isNewEpisode: newIncidentIn((evidence) =>
    ((evidence.afternoons as { afternoonId: number; kind: string }[] | undefined) ?? []).map((a) => `afternoon:${a.afternoonId}:${a.kind}`),
  ),
};
