/**
 * `trainer_inactive` (docs/product.md §5): a trainer with active apprentices has signed nothing (no
 * assessment entered, no weekly review submitted) for 21 days. The clock starts at the later of
 * the last signature and the start of the trainer's longest-running active placement, so a
 * trainer whose first apprentice started last week is not yet inactive.
 */
import { daysBetween } from "../dates";
import type { TrainerRule } from "./types";

export const trainerInactive: TrainerRule = {
  rule: "trainer_inactive",
  subjectType: "trainer",
  evaluate(trainer, { today, thresholds: t }) {
    if (trainer.activePlacements.length === 0) return null;
    const firstStart = trainer.activePlacements.map((p) => p.startDate).sort()[0] ?? today;
    const since = trainer.lastSignedOn !== null && trainer.lastSignedOn > firstStart ? trainer.lastSignedOn : firstStart;
    if (daysBetween(since, today) < t.trainerInactiveDays) return null;
    return {
      severity: "warn",
      evidence: {
        lastSignedOn: trainer.lastSignedOn,
        since,
        activePlacementIds: trainer.activePlacements.map((p) => p.placementId).sort((a, b) => a - b),
      },
    };
  },
};
