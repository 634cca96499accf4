import { describe, expect, it } from "vitest";

import {
  createApprentice,
  createApprenticeWithUser,
  createEmployer,
  createFramework,
  createPlacement,
  createSite,
  createUser,
  recordAssessment,
  recordWeeklyReview,
} from "~/db/factories.server";
import { addDays, mondayOf } from "~/domain/dates";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { loader as meLoader } from "./me._index/route";
import { loader as staffLoader } from "./staff._index/route";
import { loader as trainerLoader } from "./trainer._index/route";

const db = useTestDatabase();
const today = siteToday();
const thisMonday = mondayOf(today);

const pp = createSite(db, { code: "PP", nameEn: "Phnom Penh", nameKm: "ភ្នំពេញ" });
const sr = createSite(db, { code: "SR", nameEn: "Siem Reap", nameKm: "សៀមរាប" });
const salon = createEmployer(db, { siteId: pp.id, name: "Salon A" });
const cafe = createEmployer(db, { siteId: pp.id, name: "Cafe B", sector: "food_service" });
const hotel = createEmployer(db, { siteId: sr.id, name: "Hotel C", sector: "hospitality" });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id, displayName: "Trainer A" });
const cafeTrainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: cafe.id });
const srTrainer = createUser(db, { role: "trainer", siteId: sr.id, employerId: hotel.id });
const staff = createUser(db, { role: "staff", siteId: pp.id });
const staffSr = createUser(db, { role: "staff", siteId: sr.id });
const admin = createUser(db, { role: "admin" });
const fw = createFramework(db, { tradeEn: "Hairdressing", tradeKm: "កាត់សក់" });

const start = addDays(thisMonday, -21); // week 4 today
const { apprentice: minor, user: minorUser } = createApprenticeWithUser(db, {
  siteId: pp.id,
  code: "PP-26-001",
  preferredName: "Srey Pov",
  legalName: "Chan Sreypov",
  dateOfBirth: addDays(today, -17 * 365),
  referralSource: "Hagar shelter",
  background: "Staff-only background sentence",
});
const adult = createApprentice(db, { siteId: pp.id, code: "PP-26-002", preferredName: "Dara", phase: "apprenticeship" });
const cafeApprentice = createApprentice(db, { siteId: pp.id, code: "PP-26-003", preferredName: "Other" });
const srApprentice = createApprentice(db, { siteId: sr.id, code: "SR-26-001", preferredName: "Far" });
createApprentice(db, { siteId: pp.id, code: "PP-26-004", phase: "guidance" });

const p1 = createPlacement(db, {
  apprenticeId: minor.id,
  employerId: salon.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: start,
});
const p2 = createPlacement(db, {
  apprenticeId: adult.id,
  employerId: salon.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: start,
});
createPlacement(db, {
  apprenticeId: cafeApprentice.id,
  employerId: cafe.id,
  trainerUserId: cafeTrainer.id,
  frameworkVersionId: fw.version.id,
  startDate: start,
});
createPlacement(db, { apprenticeId: srApprentice.id, employerId: hotel.id, trainerUserId: srTrainer.id, frameworkVersionId: fw.version.id, startDate: start });

// p1: reviewed every past week and this one, first competency (expected by week 2) done.
for (let w = 0; w <= 3; w++) recordWeeklyReview(db, { placementId: p1.id, weekOf: addDays(mondayOf(start), 7 * w), trainerUserId: trainer.id });
recordAssessment(db, { placementId: p1.id, competencyId: fw.competencies[0]!.id, trainerUserId: trainer.id, level: "independent", observedOn: start });
// p2: only the first week reviewed; something saved this week.
recordWeeklyReview(db, { placementId: p2.id, weekOf: mondayOf(start), trainerUserId: trainer.id });
recordAssessment(db, { placementId: p2.id, competencyId: fw.competencies[0]!.id, trainerUserId: trainer.id, level: "with_help", observedOn: thisMonday });

const args = async (user: { id: number; role: "trainer" | "staff" | "admin" | "apprentice" }, path: string) => ({
  request: get(path, { cookie: await cookieFor(user) }),
  context: context(),
  params: {},
});

describe("/trainer", () => {
  it("lists only the trainer's own active apprentices, with this week's state", async () => {
    const { data } = await run<Awaited<ReturnType<typeof trainerLoader>>>(async () => trainerLoader(await args(trainer, "/trainer")));
    expect(data.placements.map((p) => p.apprenticeCode)).toEqual(["PP-26-001", "PP-26-002"]);
    const [a, b] = data.placements;
    expect(a).toMatchObject({ preferredName: "Srey Pov", tradeEn: "Hairdressing", thisWeek: "reviewed", missingWeeks: 0, under18: true, week: 4 });
    expect(b).toMatchObject({ thisWeek: "saved", missingWeeks: 2, under18: false });
    // Competencies expected by week 4 (skills 1 and 2): p1 has one done, p2 none.
    expect(a?.dueByPlan).toBe(1);
    expect(b?.dueByPlan).toBe(2);
  });

  it("never sends the date of birth, legal name or staff-only fields to a trainer", async () => {
    const { data } = await run(async () => trainerLoader(await args(trainer, "/trainer")));
    const json = JSON.stringify(data);
    for (const secret of ["Chan Sreypov", "Hagar shelter", "Staff-only background", minor.dateOfBirth]) expect(json).not.toContain(secret);
  });

  it("refuses staff and apprentices", async () => {
    expect((await run(async () => trainerLoader(await args(staff, "/trainer")))).status).toBe(403);
    expect((await run(async () => trainerLoader(await args(minorUser, "/trainer")))).status).toBe(403);
  });
});

describe("/staff", () => {
  it("shows a staff member their own site's counts, computed from the data", async () => {
    const { data } = await run<Awaited<ReturnType<typeof staffLoader>>>(async () => staffLoader(await args(staff, "/staff")));
    expect(data.sites.map((s) => s.site.code)).toEqual(["PP"]);
    const [site] = data.sites;
    expect(site?.activePlacements).toBe(3);
    expect(site?.byEmployer).toEqual([
      { employerId: salon.id, name: "Salon A", active: 2 },
      { employerId: cafe.id, name: "Cafe B", active: 1 },
    ]);
    expect(site?.byPhase).toEqual(
      expect.arrayContaining([
        { phase: "apprenticeship", count: 3 },
        { phase: "guidance", count: 1 },
      ]),
    );
    expect(JSON.stringify(data)).not.toContain("Hotel C");
  });

  it("keeps Siem Reap staff to Siem Reap, and shows admin every site", async () => {
    const sr1 = await run<Awaited<ReturnType<typeof staffLoader>>>(async () => staffLoader(await args(staffSr, "/staff")));
    expect(sr1.data.sites.map((s) => s.site.code)).toEqual(["SR"]);
    expect(sr1.data.sites[0]?.activePlacements).toBe(1);
    const all = await run<Awaited<ReturnType<typeof staffLoader>>>(async () => staffLoader(await args(admin, "/staff")));
    expect(all.data.sites.map((s) => s.site.code)).toEqual(["PP", "SR"]);
    // Across sites, a row per site; a site opens in full.
    expect(all.data.compact).toBe(true);
    expect(all.data.sites.every((s) => s.byEmployer.length === 0)).toBe(true);
    const one = await run<Awaited<ReturnType<typeof staffLoader>>>(async () => staffLoader(await args(admin, `/staff?site=${pp.id}`)));
    expect(one.data.compact).toBe(false);
    expect(one.data.sites.map((s) => s.site.code)).toEqual(["PP"]);
    expect(one.data.sites[0]!.byEmployer.map((e) => e.name).sort()).toEqual(["Cafe B", "Salon A"]);
    // The row's totals are the site's in full.
    const totals = ({ activePlacements, apprentices, employers }: (typeof all.data.sites)[number]) => ({ activePlacements, apprentices, employers });
    expect(totals(all.data.sites[0]!)).toEqual(totals(one.data.sites[0]!));
    expect(totals(all.data.sites[0]!)).toMatchObject({ activePlacements: 3, employers: 2 });
    expect(totals(all.data.sites[1]!)).toEqual(totals(sr1.data.sites[0]!));
  });

  it("refuses trainers and apprentices with 403", async () => {
    expect((await run(async () => staffLoader(await args(trainer, "/staff")))).status).toBe(403);
    expect((await run(async () => staffLoader(await args(minorUser, "/staff")))).status).toBe(403);
  });
});

describe("/me", () => {
  it("shows the apprentice their own placement and progress", async () => {
    const { data } = await run<Awaited<ReturnType<typeof meLoader>>>(async () => meLoader(await args(minorUser, "/me")));
    expect(data.progress.code).toBe("PP-26-001");
    expect(data.progress.placement).toMatchObject({ employerName: "Salon A", week: 4, plannedWeeks: 24 });
    expect(data.progress.placement?.progress).toMatchObject({ total: 4, competent: 1 });
  });

  it("refuses a trainer", async () => {
    expect((await run(async () => meLoader(await args(trainer, "/me")))).status).toBe(403);
  });
});
