// What the outcomes report's loader and page both use: the shares of its across-sites table.
import { OUTCOME_CHECKIN_MONTHS } from "~/domain/enums";
import type { OutcomeFigures, Share } from "~/domain/reports";

/** The shares of the across-sites table, in its columns' order (the share indicators below). */
export const SHARES: readonly ((f: OutcomeFigures) => Share)[] = [
  (f) => f.workReadinessCompletion,
  (f) => f.vocationalCompletion,
  (f) => f.employmentAtExit,
  (f) => f.retainedByEmployer,
  (f) => f.businessStartups,
  ...OUTCOME_CHECKIN_MONTHS.map((months) => (f: OutcomeFigures) => f.retentionAfterExit[months]),
];

/** A site's row across sites: [numerator, denominator] of each of `SHARES`. */
export interface SiteRow {
  siteId: number;
  shares: readonly (readonly [number, number])[];
}
