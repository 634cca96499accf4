/**
 * The week card's form handling for the route, server-only: the rules live in
 * `app/domain/week-card.ts`; importing them through this module keeps zod out of the browser.
 */
export {
  checkWeek,
  educationDays,
  fieldErrors,
  holidayRuns,
  nestFormData,
  parseBaseline,
  placementDays,
  planWeek,
  reconcileStale,
  sentValues,
  WeekCardSchema,
  WeekEnvelopeSchema,
  weekState,
} from "~/domain/week-card";
