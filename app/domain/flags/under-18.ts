/**
 * `under_18` (docs/product.md §5, info): the apprentice was under 18 when the placement started, so
 * hours and tasks need checking against the labour law. Stays while the placement is active.
 */
import { addDays, ageOn, isIsoDate } from "../dates";
import type { PlacementRule } from "./types";

/** The day someone born on `dateOfBirth` turns `years` (29 February: 1 March in common years). */
export function birthdayAt(dateOfBirth: string, years: number): string {
  const shifted = `${String(Number(dateOfBirth.slice(0, 4)) + years).padStart(4, "0")}${dateOfBirth.slice(4)}`;
  return isIsoDate(shifted) ? shifted : addDays(`${shifted.slice(0, 8)}28`, 1);
}

export const under18: PlacementRule = {
  rule: "under_18",
  subjectType: "placement",
  evaluate(p, { thresholds: t }) {
    if (ageOn(p.apprenticeDateOfBirth, p.startDate) >= t.under18Age) return null;
    return {
      severity: "info",
      evidence: { startDate: p.startDate, adultOn: birthdayAt(p.apprenticeDateOfBirth, t.under18Age) },
    };
  },
};
