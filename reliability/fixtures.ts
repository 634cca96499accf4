/** Fixtures for the reliability runs, made with the project's one set of factories. */
import { addDays, mondayOf } from "~/domain/dates";
import { createApprentice, createApprenticeWithUser, createEmployer, createFramework, createPlacement, createSite, createUser } from "~/db/factories.server";

import { TODAY, type DB } from "./harness";

export const THIS_MONDAY = mondayOf(TODAY);
export const LAST_WEEK = addDays(THIS_MONDAY, -7);
/** Last week's working days (Monday to Saturday; the site has no holiday then). */
export const LAST_WEEK_DAYS = [0, 1, 2, 3, 4, 5].map((i) => addDays(LAST_WEEK, i));

/** One site, one salon, its trainer and staff member, a 4-skill framework, and `count` fresh placements of that trainer. */
export function salonWithPlacements(db: DB, count: number) {
  const site = createSite(db);
  const employer = createEmployer(db, { siteId: site.id });
  const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: employer.id, password: null });
  const staff = createUser(db, { role: "staff", siteId: site.id, password: null });
  const fw = createFramework(db);
  const start = addDays(THIS_MONDAY, -28);
  const placements = Array.from({ length: count }, () => {
    const apprentice = createApprentice(db, { siteId: site.id });
    return createPlacement(db, {
      apprenticeId: apprentice.id,
      employerId: employer.id,
      trainerUserId: trainer.id,
      frameworkVersionId: fw.version.id,
      startDate: start,
    });
  });
  /** Apprentices with accounts, each on an active placement of the trainer (for advance notices). */
  const withAccounts = (n: number) =>
    Array.from({ length: n }, () => {
      const { apprentice, user } = createApprenticeWithUser(db, { siteId: site.id }, { password: null });
      const placement = createPlacement(db, {
        apprenticeId: apprentice.id,
        employerId: employer.id,
        trainerUserId: trainer.id,
        frameworkVersionId: fw.version.id,
        startDate: start,
      });
      return { apprentice, user, placement };
    });
  return { site, employer, trainer, staff, fw, placements, withAccounts };
}

/**
 * A whole week card for a fresh placement (no record yet, so its baseline is 0.0.0.0): last
 * week's attendance, one sign-off with evidence, an education afternoon, a note.
 */
export function weekCardFields(skillId: number, submissionKey: string, marker: string): Record<string, string> {
  const fields: Record<string, string> = {
    intent: "submit",
    submissionKey,
    baseline: "0.0.0.0",
    [`level.${skillId}`]: "independent",
    [`note.${skillId}`]: `Evidence ${marker}`,
    [`edu.${LAST_WEEK_DAYS[1]}.status`]: "released",
    weekNote: `Week ${marker}`,
  };
  for (const day of LAST_WEEK_DAYS) fields[`att.${day}.status`] = "present";
  return fields;
}

export const weekCardPath = (placementId: number) => `/trainer/placements/${placementId}/weeks/${LAST_WEEK}`;
