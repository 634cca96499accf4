/**
 * Plausible values (docs/decisions/0022): the bounds a typed date must keep so that a slip of the keyboard
 * ("2099", "1900", "2062" for "2026") cannot become a record that misleads or traps. Pure.
 *
 * A rule answers with the catalogue key of its one message, or null when the value is plausible.
 */
import { addYears, ageOn } from "./dates";

/** A placement starts at most a year ahead (placements are agreed weeks, not years, before). */
export const PLACEMENT_START_MAX_YEARS_AHEAD = 1;
/**
 * …and at most two years back: the longest placement is 52 weeks, so an active placement that
 * began longer ago is a typo in the year, not a record being entered late.
 */
export const PLACEMENT_START_MAX_YEARS_BACK = 2;
/** Apprentices are at least 14 (the programme takes young people) and at most 70. */
const APPRENTICE_AGE_MIN = 14;
const APPRENTICE_AGE_MAX = 70;

export type DateRule = (date: string) => string | null;

export function placementStartRule(today: string): DateRule {
  return (date) => {
    if (date > addYears(today, PLACEMENT_START_MAX_YEARS_AHEAD)) return "plausible.errors.startTooFarAhead";
    if (date < addYears(today, -PLACEMENT_START_MAX_YEARS_BACK)) return "plausible.errors.startTooFarBack";
    return null;
  };
}

export function dateOfBirthRule(today: string): DateRule {
  return (date) => {
    if (date > today) return "records.errors.future";
    const age = ageOn(date, today);
    if (age < APPRENTICE_AGE_MIN) return "plausible.errors.tooYoung";
    if (age > APPRENTICE_AGE_MAX) return "plausible.errors.tooOld";
    return null;
  };
}

/** A record of something that happened: not in the future, not before `since` (when the subject came on record). */
export function happenedRule(today: string, since: string | null, beforeError: string): DateRule {
  return (date) => {
    if (date > today) return "records.errors.future";
    if (since !== null && date < since) return beforeError;
    return null;
  };
}

/** The earliest of some dates (ignoring missing ones); null when none is known. */
export function earliest(...dates: (string | null | undefined)[]): string | null {
  const known = dates.filter((d): d is string => typeof d === "string" && d.length > 0).sort();
  return known[0] ?? null;
}
