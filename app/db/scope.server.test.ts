/**
 * The scoped queries and the policy agree: for every kind of caller, the rows a scoped list
 * returns are exactly the rows `can` allows one by one, and every single look-up answers as `can`
 * does. Two sites, three employers, trainers, apprentices, active and ended placements.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { actorOf, can, type Actor, type Subject } from "~/domain/permissions";
import { useTestDatabase } from "~/test/db";

import { getEmployerForStaff, intakesForForm, listApprentices, listEmployers, placementChoices, siteForNewRecord, sitesForForm } from "./record-keeping.server";
import {
  createApprentice,
  createEmployer,
  createFlag,
  createFramework,
  createIntake,
  createPlacement,
  createSite,
  createUser,
  recordFeedback,
} from "./factories.server";
import { employerInScope, filterChoices, getFlagForStaff, listFlags, trainerInScope } from "./flag-review.server";
import { employers, placements } from "./schema";
import { ownPlacementScope, reachesEverySite, siteListScope, siteScope, trainsScope } from "./scope.server";
import { getTrainerForStaff, listTrainersForStaff } from "./sign-in-links.server";
import { getApprenticeForStaff, getPlacementForStaff, loadApprenticeRecord } from "./staff-records.server";
import { sitesFor } from "./staff.server";

const db = useTestDatabase();

const pp = createSite(db, { code: "PP" });
const sr = createSite(db, { code: "SR" });
createIntake(db, { siteId: pp.id });
createIntake(db, { siteId: sr.id });
const salon = createEmployer(db, { siteId: pp.id, name: "Salon" });
const hotel = createEmployer(db, { siteId: pp.id, name: "Hotel" });
const cafe = createEmployer(db, { siteId: sr.id, name: "Cafe" });
const salonTrainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id });
const hotelTrainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: hotel.id });
const cafeTrainer = createUser(db, { role: "trainer", siteId: sr.id, employerId: cafe.id });
const { version } = createFramework(db);

function placed(siteId: number, employerId: number, trainerUserId: number, status: "active" | "completed" = "active") {
  const apprentice = createApprentice(db, { siteId });
  const placement = createPlacement(db, {
    apprenticeId: apprentice.id,
    employerId,
    trainerUserId,
    frameworkVersionId: version.id,
    status,
    ...(status === "completed" ? { endedOn: "2026-06-01" } : {}),
  });
  recordFeedback(db, { placementId: placement.id, explainsRating: 1, learningRating: 1, fairnessRating: 1, safetyRating: 1, comment: "confidential" });
  createFlag(db, { siteId, placementId: placement.id, apprenticeId: apprentice.id, employerId, rule: "behind_plan", severity: "warn" });
  return { apprentice, placement };
}

const salonActive = placed(pp.id, salon.id, salonTrainer.id);
placed(pp.id, salon.id, salonTrainer.id, "completed");
placed(pp.id, hotel.id, hotelTrainer.id);
placed(sr.id, cafe.id, cafeTrainer.id);
placed(sr.id, cafe.id, cafeTrainer.id, "completed");

const ownApprentice = createUser(db, { role: "apprentice", siteId: pp.id, apprenticeId: salonActive.apprentice.id });
const user = (row: { id: number; role: Actor["role"]; siteId: number | null; employerId: number | null; apprenticeId: number | null }) => actorOf(row);
const callers: Record<string, Actor> = {
  admin: user(createUser(db, { role: "admin" })),
  staff: user(createUser(db, { role: "staff", siteId: pp.id })),
  otherSiteStaff: user(createUser(db, { role: "staff", siteId: sr.id })),
  salonTrainer: user(salonTrainer),
  hotelTrainer: user(hotelTrainer),
  cafeTrainer: user(cafeTrainer),
  apprentice: user(ownApprentice),
  staffWithoutSite: { id: 999, role: "staff", siteId: null, employerId: null, apprenticeId: null },
};

const allPlacements = db
  .select({
    id: placements.id,
    siteId: employers.siteId,
    employerId: placements.employerId,
    trainerUserId: placements.trainerUserId,
    apprenticeId: placements.apprenticeId,
    status: placements.status,
  })
  .from(placements)
  .innerJoin(employers, eq(employers.id, placements.employerId))
  .all();
const subjectOf = (p: (typeof allPlacements)[number]): Subject => ({
  kind: "placement",
  siteId: p.siteId,
  employerId: p.employerId,
  trainerUserId: p.trainerUserId,
  apprenticeId: p.apprenticeId,
  active: p.status === "active",
});
const allowed = (actor: Actor, action: Parameters<typeof can>[1]) =>
  allPlacements
    .filter((p) => can(actor, action, subjectOf(p)))
    .map((p) => p.id)
    .sort((a, b) => a - b);
/** A page that holds every row of these small lists. */
const EVERYTHING = { page: 1, size: 100 };
const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);
const placementsWhere = (where: ReturnType<typeof siteScope>) =>
  ids(db.select({ id: placements.id }).from(placements).innerJoin(employers, eq(employers.id, placements.employerId)).where(where).all());

describe.each(Object.entries(callers))("%s: the scoped queries answer as the policy does", (_name, actor) => {
  it("siteScope lists exactly the placements `placement.manage` allows", () => {
    expect(placementsWhere(siteScope(actor, employers.siteId))).toEqual(allowed(actor, "placement.manage"));
  });

  it("siteListScope (siteScope spelt as a list of sites) lists exactly the same placements", () => {
    expect(placementsWhere(siteListScope(actor, employers.siteId))).toEqual(allowed(actor, "placement.manage"));
  });

  it("trainsScope lists exactly the placements `placement.record` allows", () => {
    expect(placementsWhere(trainsScope(actor))).toEqual(allowed(actor, "placement.record"));
  });

  it("a single look-up of a placement, apprentice, employer, trainer or flag answers as `can` does", () => {
    for (const p of allPlacements) {
      expect(getPlacementForStaff(actor, p.id) !== null).toBe(can(actor, "placement.manage", subjectOf(p)));
      expect(getApprenticeForStaff(actor, p.apprenticeId) !== null).toBe(
        can(actor, "apprentice.view_staff_only", { kind: "apprentice", siteId: p.siteId, apprenticeId: p.apprenticeId }),
      );
    }
    for (const e of [salon, hotel, cafe]) {
      expect(getEmployerForStaff(actor, e.id) !== null).toBe(can(actor, "employer.manage", { kind: "employer", siteId: e.siteId, employerId: e.id }));
    }
    for (const t of [salonTrainer, hotelTrainer, cafeTrainer]) {
      expect(getTrainerForStaff(actor, t.id) !== null).toBe(can(actor, "employer.manage", { kind: "employer", siteId: t.siteId!, employerId: t.employerId! }));
    }
    for (const f of listFlags(callers.admin!, { status: "all" })) {
      const siteId = allPlacements.find((p) => p.id === f.placementId)!.siteId;
      expect(getFlagForStaff(actor, f.id) !== null).toBe(can(actor, "site.view_flags", { kind: "site", siteId }));
    }
  });

  it("the lists hold only what the single look-ups allow", () => {
    const reachable = (siteId: number) => can(actor, "site.view_flags", { kind: "site", siteId });
    expect(sitesFor(actor).map((s) => s.id)).toEqual([pp, sr].filter((s) => reachable(s.id)).map((s) => s.id));
    expect(sitesForForm(actor).map((s) => s.id)).toEqual(sitesFor(actor).map((s) => s.id));
    expect(intakesForForm(actor).every((i) => reachable(i.siteId))).toBe(true);
    expect(intakesForForm(actor)).toHaveLength(sitesFor(actor).length);
    expect(ids(listApprentices(actor, {}, EVERYTHING).rows)).toEqual(
      ids(listApprentices(callers.admin!, {}, EVERYTHING).rows.filter((a) => getApprenticeForStaff(actor, a.id) !== null)),
    );
    expect(ids(listEmployers(actor, EVERYTHING).rows)).toEqual(ids([salon, hotel, cafe].filter((e) => getEmployerForStaff(actor, e.id) !== null)));
    expect(ids(listTrainersForStaff(actor, EVERYTHING).rows)).toEqual(
      ids([salonTrainer, hotelTrainer, cafeTrainer].filter((t) => getTrainerForStaff(actor, t.id) !== null)),
    );
    expect(ids(listFlags(actor, { status: "all" })).every((id) => getFlagForStaff(actor, id) !== null)).toBe(true);
    // Admin's filter choices are those of the site chosen (none before one is); staff's, their site's.
    if (reachesEverySite(actor)) {
      expect(filterChoices(actor).employers).toEqual([]);
      for (const site of [pp, sr]) {
        expect(ids(filterChoices(actor, site.id).employers)).toEqual(ids(listEmployers(actor, EVERYTHING).rows.filter((e) => e.siteId === site.id)));
      }
    } else {
      expect(ids(filterChoices(actor).employers)).toEqual(ids(listEmployers(actor, EVERYTHING).rows));
    }
    for (const e of [salon, hotel, cafe]) expect(employerInScope(actor, e.id)).toBe(getEmployerForStaff(actor, e.id) !== null);
    for (const t of [salonTrainer, hotelTrainer, cafeTrainer]) expect(trainerInScope(actor, t.id)).toBe(getTrainerForStaff(actor, t.id) !== null);
    const choices = placementChoices(actor);
    expect(choices.employers.every((e) => getEmployerForStaff(actor, e.id) !== null)).toBe(true);
    expect(choices.apprentices.every((a) => getApprenticeForStaff(actor, a.id) !== null)).toBe(true);
    // Staff naming a site other than their own are refused, never quietly given their own.
    expect(siteForNewRecord(actor, sr.id)?.id ?? null).toBe(actor.role === "admin" || (actor.role === "staff" && actor.siteId === sr.id) ? sr.id : null);
    expect(siteForNewRecord(actor, undefined)?.id ?? null).toBe(actor.role === "staff" && actor.siteId !== null ? actor.siteId : null);
  });
});

describe("the apprentice's own placements", () => {
  it("ownPlacementScope lists exactly the placements `placement.view_own` allows", () => {
    const actor = callers.apprentice!;
    expect(ids(db.select({ id: placements.id }).from(placements).where(ownPlacementScope(actor.apprenticeId!)).all())).toEqual(
      allowed(actor, "placement.view_own"),
    );
  });
});

describe("confidential feedback", () => {
  it("never reaches a trainer, even their own apprentice's: no staff record, and no feedback if one were handed over", () => {
    expect(getApprenticeForStaff(callers.salonTrainer!, salonActive.apprentice.id)).toBeNull();
    expect(getPlacementForStaff(callers.salonTrainer!, salonActive.placement.id)).toBeNull();
    const record = getApprenticeForStaff(callers.staff!, salonActive.apprentice.id)!;
    expect(loadApprenticeRecord(record, callers.staff!).feedback.map((f) => f.comment)).toEqual(["confidential"]);
    expect(loadApprenticeRecord(record, callers.salonTrainer!).feedback).toEqual([]);
  });
});
