/**
 * Rules for staff administration of records: apprentice codes, placement length and
 * the checks a new placement must pass. Pure: plain data in, plain data out.
 */
import type { FieldErrorMap } from "./field-errors";

export const PLANNED_WEEKS_MIN = 2;
export const PLANNED_WEEKS_MAX = 52;

const CODE = /^([A-Z][A-Z0-9]{0,3})-(\d{2})-(\d{3})$/;

/** `PP-26-014` → site `PP`, year `26`, number 14; null when the code does not follow the pattern. */
export function parseApprenticeCode(code: string): { site: string; year: string; number: number } | null {
  const m = CODE.exec(code);
  if (!m) return null;
  return { site: m[1]!, year: m[2]!, number: Number(m[3]) };
}

/** The two-digit year of an intake's start date (`2026-01-05` → `26`). */
export function intakeYear(startsOn: string): string {
  return startsOn.slice(2, 4);
}

/** Whether a code follows the site's pattern (and, when given, the intake's year). */
export function codeFitsSite(code: string, siteCode: string, year?: string): boolean {
  const parsed = parseApprenticeCode(code);
  if (!parsed || parsed.site !== siteCode || parsed.number === 0) return false;
  return year === undefined || parsed.year === year;
}

/** The next free code of a site and year: one past the highest in use; null when 999 are taken. */
export function nextApprenticeCode(siteCode: string, year: string, existing: readonly string[]): string | null {
  let highest = 0;
  for (const code of existing) {
    const parsed = parseApprenticeCode(code);
    if (parsed && parsed.site === siteCode && parsed.year === year) highest = Math.max(highest, parsed.number);
  }
  if (highest >= 999) return null;
  return `${siteCode}-${year}-${String(highest + 1).padStart(3, "0")}`;
}

export function plannedWeeksInRange(weeks: number): boolean {
  return Number.isInteger(weeks) && weeks >= PLANNED_WEEKS_MIN && weeks <= PLANNED_WEEKS_MAX;
}

export interface PlacementFacts {
  apprentice: { siteId: number; phase: string; hasActivePlacement: boolean } | null;
  employer: { id: number; siteId: number; active: boolean } | null;
  trainer: { employerId: number | null; active: boolean; role: string } | null;
  version: { status: string } | null;
  plannedWeeks: number;
}

/** What stops a placement being opened, by form field; empty when it may be opened. */
export function placementProblems(f: PlacementFacts): FieldErrorMap {
  const errors: FieldErrorMap = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(key);
  if (!f.apprentice) add("apprenticeId", "records.errors.unknownApprentice");
  else {
    if (f.apprentice.phase === "exited") add("apprenticeId", "records.errors.apprenticeExited");
    if (f.apprentice.hasActivePlacement) add("apprenticeId", "records.errors.activePlacement");
  }
  if (!f.employer) add("employerId", "records.errors.unknownEmployer");
  else {
    if (!f.employer.active) add("employerId", "records.errors.employerInactive");
    if (f.apprentice && f.apprentice.siteId !== f.employer.siteId) add("employerId", "records.errors.otherSite");
  }
  if (!f.trainer || f.trainer.role !== "trainer") add("trainerUserId", "records.errors.unknownTrainer");
  else {
    if (f.employer && f.trainer.employerId !== f.employer.id) add("trainerUserId", "records.errors.trainerOtherEmployer");
    if (!f.trainer.active) add("trainerUserId", "records.errors.trainerInactive");
  }
  if (!f.version) add("frameworkVersionId", "records.errors.unknownFramework");
  else if (f.version.status !== "published") add("frameworkVersionId", "records.errors.frameworkNotPublished");
  if (!plannedWeeksInRange(f.plannedWeeks)) add("plannedWeeks", "records.errors.plannedWeeks");
  return errors;
}

/** Weekday list `2,4` from checked boxes; sorted, unique, 1–7. */
export function weekdayList(values: readonly number[]): string {
  return [...new Set(values)]
    .filter((d) => Number.isInteger(d) && d >= 1 && d <= 7)
    .sort((a, b) => a - b)
    .join(",");
}
