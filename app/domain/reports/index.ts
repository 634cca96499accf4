/**
 * The figures of the two reports of docs/product.md §6, from plain rows: trainer accountability (per
 * trainer and per employer over a period) and programme outcomes (per site, intake and period).
 * Pure: the loader (app/db/reports.server.ts) reads the rows set-based, these functions count.
 * One file per concern; this index is the public API (import from `~/domain/reports`).
 *
 * Every date is a `YYYY-MM-DD` calendar date in the site's zone; a period is inclusive at both
 * ends. Figures are "as recorded today": a review submitted late for a week of the period counts,
 * a mistaken sign-off corrected since does not. A period reaching past today is read up to today.
 *
 * Every percentage is a `Share`: its numerator and denominator travel with it, so a page or a
 * CSV never shows a bare percentage (and a share of nothing is null, not 0%).
 */
export {
  ACCOUNTABILITY_SORT_KEYS,
  ACCOUNTABILITY_SORTS,
  DEFAULT_ACCOUNTABILITY_SORT,
  parseSort,
  sortAccountability,
  type AccountabilitySort,
  type AccountabilitySortKey,
} from "./accountability-sort";
export { classifyAfternoon, type ReportEducationWeek } from "./afternoons";
export { levelsAt, standingSignoffs } from "./assessment-history";
export { addMonths, asOfDate, MAX_PERIOD_DAYS, MIN_FEEDBACK_RESPONDENTS, share, type PendingShare, type Period, type Share } from "./common";
export {
  addOutcomeFigures,
  checkinDueWindows,
  figuresFromCounts,
  outcomeTotal,
  programmeOutcomes,
  workReadiness,
  type OutcomeApprentice,
  type OutcomeCheckin,
  type OutcomeCounts,
  type OutcomeExit,
  type OutcomeFigures,
  type OutcomeGroup,
  type OutcomesInput,
  type OutcomesReport,
} from "./programme-outcomes";
export { activeInPeriod, expectedReviewWeeks } from "./review-weeks";
export { siteAccountability, type SiteAccountability, type SiteCounts } from "./site-accountability";
export { trainerAccountability } from "./trainer-accountability";
export type * from "./types";
