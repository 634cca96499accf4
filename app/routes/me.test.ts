/**
 * The apprentice's own pages, called as Remix would: /me, the career plan (and staff's
 * comments on it), the record of achievement, and the staff PIN. Each with good, bad, repeated
 * and foreign input.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

import { verifySecret } from "~/auth/password.server";
import { verifyCredentials } from "~/auth/sign-in.server";
import {
  createApprentice,
  createApprenticeWithUser,
  createEducationAfternoon,
  createEmployer,
  createFramework,
  createPlacement,
  createSite,
  createUser,
  recordAssessment,
  recordAttendance,
} from "~/db/factories.server";
import { auditEvents, careerPlanComments, careerPlans, sessions, users } from "~/db/schema";
import { addDays, mondayOf } from "~/domain/dates";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { loader as achievementLoader } from "./me.achievement.$placementId/route";
import { loader as meLoader } from "./me._index/route";
import { action as planAction, loader as planLoader } from "./me.plan/route";
import { action as staffApprenticeAction, loader as staffApprenticeLoader } from "./staff.apprentices.$apprenticeId/route";
import { loader as staffAchievementLoader } from "./staff.placements.$placementId_.achievement";
import { loader as trainerHomeLoader } from "./trainer._index/route";
import { loader as weekCardLoader } from "./trainer.placements.$placementId.weeks.$weekOf/route";

const db = useTestDatabase();
const today = siteToday();
const thisMonday = mondayOf(today);

const pp = createSite(db, { code: "PP", nameEn: "Phnom Penh", nameKm: "ភ្នំពេញ" });
const sr = createSite(db, { code: "SR", nameEn: "Siem Reap", nameKm: "សៀមរាប" });
const salon = createEmployer(db, { siteId: pp.id, name: "Salon A" });
const cafe = createEmployer(db, { siteId: pp.id, name: "Cafe B" });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id, displayName: "Trainer A" });
const staff = createUser(db, { role: "staff", siteId: pp.id, displayName: "Staff Sopheap" });
const staffSr = createUser(db, { role: "staff", siteId: sr.id });
const admin = createUser(db, { role: "admin" });
const fw = createFramework(db, { tradeEn: "Hairdressing", tradeKm: "កាត់សក់" });
const bigFw = createFramework(db, {
  tradeEn: "Cookery",
  tradeKm: "ធ្វើម្ហូប",
  units: [1, 2, 3].map((u) => ({
    code: `CK-${u}`,
    titleEn: `Cookery unit ${u}`,
    titleKm: `ផ្នែកទី ${u}`,
    competencies: [1, 2, 3, 4, 5].map((i) => ({
      code: `CK-${u}.${i}`,
      titleEn: `Cook ${u}.${i}`,
      titleKm: `ចម្អិន ${u}.${i}`,
      criteriaEn: "To standard.",
      criteriaKm: "តាមស្តង់ដារ។",
      expectedByWeek: u * 3 + i,
    })),
  })),
});

// Sokha: week 6 of 24 at Salon A; first skill reached, second with help.
const { apprentice: sokha, user: sokhaUser } = createApprenticeWithUser(db, {
  siteId: pp.id,
  code: "PP-26-101",
  preferredName: "Sokha",
  legalName: "Chea Sokha",
});
const sokhaPlacement = createPlacement(db, {
  apprenticeId: sokha.id,
  employerId: salon.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: addDays(thisMonday, -35),
});
recordAssessment(db, {
  placementId: sokhaPlacement.id,
  competencyId: fw.competencies[0]!.id,
  trainerUserId: trainer.id,
  level: "independent",
  observedOn: addDays(thisMonday, -21),
});
recordAssessment(db, {
  placementId: sokhaPlacement.id,
  competencyId: fw.competencies[1]!.id,
  trainerUserId: trainer.id,
  level: "with_help",
  observedOn: addDays(thisMonday, -14),
});

// Dara: another apprentice at the same salon, with a plan of her own.
const { apprentice: dara, user: daraUser } = createApprenticeWithUser(db, { siteId: pp.id, code: "PP-26-102", preferredName: "Dara" });
createPlacement(db, {
  apprenticeId: dara.id,
  employerId: salon.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: addDays(thisMonday, -14),
});
db.insert(careerPlans).values({ apprenticeId: dara.id, goals: "Dara's own private goal", nextSteps: "Dara's steps" }).run();

// Vanna: a big framework and a long history, past the planned end, and a completed placement before.
const { apprentice: vanna, user: vannaUser } = createApprenticeWithUser(db, {
  siteId: pp.id,
  code: "PP-26-103",
  preferredName: "Vanna",
  legalName: "Keo Vanna",
});
const vannaDone = createPlacement(db, {
  apprenticeId: vanna.id,
  employerId: cafe.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: "2026-01-05",
  plannedWeeks: 8,
  status: "completed",
  endedOn: "2026-03-06",
  outcome: "retained_by_employer",
});
recordAssessment(db, {
  placementId: vannaDone.id,
  competencyId: fw.competencies[0]!.id,
  trainerUserId: trainer.id,
  level: "supervised",
  observedOn: "2026-01-20",
});
recordAssessment(db, {
  placementId: vannaDone.id,
  competencyId: fw.competencies[0]!.id,
  trainerUserId: trainer.id,
  level: "independent",
  observedOn: "2026-02-03",
});
recordAssessment(db, {
  placementId: vannaDone.id,
  competencyId: fw.competencies[2]!.id,
  trainerUserId: trainer.id,
  level: "independent",
  observedOn: "2026-02-24",
});
recordAssessment(db, {
  placementId: vannaDone.id,
  competencyId: fw.competencies[3]!.id,
  trainerUserId: trainer.id,
  level: "with_help",
  observedOn: "2026-02-24",
});
const vannaNow = createPlacement(db, {
  apprenticeId: vanna.id,
  employerId: salon.id,
  trainerUserId: trainer.id,
  frameworkVersionId: bigFw.version.id,
  startDate: addDays(thisMonday, -7 * 12),
  plannedWeeks: 8,
});
bigFw.competencies.slice(0, 9).forEach((c, i) => {
  recordAssessment(db, {
    placementId: vannaNow.id,
    competencyId: c.id,
    trainerUserId: trainer.id,
    level: i % 2 ? "supervised" : "independent",
    observedOn: addDays(thisMonday, -7 * (10 - i)),
  });
});
for (let i = 1; i <= 20; i++) {
  const day = addDays(today, -i);
  if (day.slice(0, 7) === today.slice(0, 7))
    recordAttendance(db, {
      placementId: vannaNow.id,
      date: day,
      status: i % 5 === 0 ? "late" : "present",
      lateMinutes: i % 5 === 0 ? 15 : null,
      recordedBy: trainer.id,
    });
}
for (const offset of [-20, -13, -6]) {
  createEducationAfternoon(db, { placementId: vannaNow.id, date: addDays(today, offset) }, [
    { kind: "released", recordedBy: trainer.id },
    { kind: offset === -13 ? "missed" : "attended", recordedBy: staff.id },
  ]);
}

// Srey: Siem Reap, with a completed placement staff of Phnom Penh must not reach.
const srEmployer = createEmployer(db, { siteId: sr.id, name: "Hotel C" });
const srTrainer = createUser(db, { role: "trainer", siteId: sr.id, employerId: srEmployer.id });
const { apprentice: srey } = createApprenticeWithUser(db, { siteId: sr.id, code: "SR-26-001" });
const sreyDone = createPlacement(db, {
  apprenticeId: srey.id,
  employerId: srEmployer.id,
  trainerUserId: srTrainer.id,
  frameworkVersionId: fw.version.id,
  startDate: "2026-01-05",
  status: "completed",
  endedOn: "2026-04-03",
});

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
const args = async (who: Who, path: string, params: Record<string, string> = {}) => ({
  request: get(path, { cookie: await cookieFor(who) }),
  context: context(),
  params,
});
const postArgs = async (who: Who, path: string, fields: Record<string, string>, params: Record<string, string> = {}) => ({
  request: post(path, fields, { cookie: await cookieFor(who) }),
  context: context(),
  params,
});

type MeData = Awaited<ReturnType<typeof meLoader>>;

describe("/me", () => {
  it("shows the apprentice their own code, progress per unit, what comes next, weeks and this month", async () => {
    const { status, data } = await run<MeData>(async () => meLoader(await args(sokhaUser, "/me")));
    expect(status).toBe(200);
    expect(data.progress.code).toBe("PP-26-101");
    const p = data.progress.placement!;
    expect(p).toMatchObject({ employerName: "Salon A", week: 6, plannedWeeks: 24 });
    expect(p.weeks).toEqual({ current: 6, shown: 6, planned: 24, overBy: 0, started: true });
    expect(p.units).toHaveLength(1);
    expect(p.units[0]).toMatchObject({ total: 4, competent: 1, titleEn: "Basics", levels: ["independent", "with_help", "unassessed", "unassessed"] });
    // Skills expected by weeks 2, 4, 6, 8: the 2nd and 3rd are due, the 4th is due soon.
    expect(p.next.map((n) => [n.code, n.status, n.level])).toEqual([
      [fw.competencies[1]!.code, "due", "with_help"],
      [fw.competencies[2]!.code, "due", null],
      [fw.competencies[3]!.code, "soon", null],
    ]);
    expect(p.calendar.month).toBe(today.slice(0, 7));
    expect(p.calendar.weeks.flat().find((d) => d.date === today)?.today).toBe(true);
    expect(p.education).toEqual({ attended: 0, agreed: 0 });
  });

  it("never shows another apprentice's records", async () => {
    const { data } = await run<MeData>(async () => meLoader(await args(sokhaUser, "/me")));
    const json = JSON.stringify(data);
    for (const other of ["PP-26-102", "PP-26-103", "Dara", "Vanna", "Cafe B"]) expect(json).not.toContain(other);
  });

  it("counts a placement past its planned end, attendance this month and education attended", async () => {
    const { data } = await run<MeData>(async () => meLoader(await args(vannaUser, "/me")));
    const p = data.progress.placement!;
    expect(p.weeks).toMatchObject({ current: 13, shown: 8, planned: 8, overBy: 5 });
    expect(p.units.map((u) => [u.total, u.competent])).toEqual([
      [5, 3],
      [5, 2],
      [5, 0],
    ]);
    // Past the planned end, everything not reached is due (the limit is five).
    expect(p.next).toHaveLength(5);
    expect(p.next.every((n) => n.status === "due")).toBe(true);
    const recorded = p.calendar.weeks.flat().filter((d) => d.inMonth && (d.mark === "present" || d.mark === "late")).length;
    expect(p.calendar.counts.present + p.calendar.counts.late).toBe(recorded);
    expect(p.education).toEqual({ attended: 2, agreed: 3 });
    expect(data.progress.completed).toEqual([{ id: vannaDone.id, employerName: "Cafe B", tradeEn: "Hairdressing", tradeKm: "កាត់សក់", endedOn: "2026-03-06" }]);
  });

  it("reads in a fixed number of queries, whatever the size of the framework and the history", async () => {
    const small = await args(sokhaUser, "/me");
    const big = await args(vannaUser, "/me");
    // Sign-in (the session read) happens before counting: only the page's own reads are compared.
    await run(async () => meLoader(small));
    await run(async () => meLoader(big));
    const spy = vi.spyOn(db.$client, "prepare");
    await run(async () => meLoader(await args(sokhaUser, "/me")));
    const forSmall = spy.mock.calls.length;
    spy.mockClear();
    await run(async () => meLoader(await args(vannaUser, "/me")));
    expect(spy.mock.calls.length).toBe(forSmall);
    expect(forSmall).toBeLessThan(20);
  });

  it("shows an apprentice without a placement a kind page, not an error", async () => {
    const { user } = createApprenticeWithUser(db, { siteId: pp.id, phase: "guidance" });
    const { status, data } = await run<MeData>(async () => meLoader(await args(user, "/me")));
    expect(status).toBe(200);
    expect(data.progress.placement).toBeNull();
  });

  it("refuses trainers and staff", async () => {
    expect((await run(async () => meLoader(await args(trainer, "/me")))).status).toBe(403);
    expect((await run(async () => meLoader(await args(staff, "/me")))).status).toBe(403);
  });
});

describe("/me/plan", () => {
  const plan = async (who: Who) => run<Awaited<ReturnType<typeof planLoader>>>(async () => planLoader(await args(who, "/me/plan")));
  const save = async (who: Who, fields: Record<string, string>) =>
    run<{ errors: Record<string, string[]> }>(async () => planAction(await postArgs(who, "/me/plan", fields)));
  const auditCount = (action: string, entityId: number) =>
    db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, action), eq(auditEvents.entityId, String(entityId))))
      .all().length;

  it("lets the apprentice write and edit their own plan; the same again writes nothing", async () => {
    expect((await plan(sokhaUser)).data.plan).toBeNull();
    const first = await save(sokhaUser, { goals: "Open my own salon in Takeo", nextSteps: "Learn colouring" });
    expect(first).toMatchObject({ status: 302, location: "/me/plan?saved=1" });
    expect((await plan(sokhaUser)).data.plan).toMatchObject({ goals: "Open my own salon in Takeo", nextSteps: "Learn colouring" });
    expect((await save(sokhaUser, { goals: "Open my own salon in Takeo", nextSteps: "Learn colouring" })).status).toBe(302);
    expect(auditCount("career_plan_saved", sokha.id)).toBe(1);
    await save(sokhaUser, { goals: "Open my own salon in Takeo", nextSteps: "Learn colouring, then save $5 a week" });
    expect(db.select().from(careerPlans).where(eq(careerPlans.apprenticeId, sokha.id)).all()).toMatchObject([
      { nextSteps: "Learn colouring, then save $5 a week" },
    ]);
    expect(auditCount("career_plan_saved", sokha.id)).toBe(2);
  });

  it("refuses a goal over 2000 characters with the message beside the field, and keeps the plan", async () => {
    const before = db.select().from(careerPlans).where(eq(careerPlans.apprenticeId, sokha.id)).get();
    const bad = await save(sokhaUser, { goals: "x".repeat(2001), nextSteps: "ok" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.goals).toEqual(["plan.errors.tooLong"]);
    expect(db.select().from(careerPlans).where(eq(careerPlans.apprenticeId, sokha.id)).get()).toEqual(before);
  });

  it("finds the plan from the session: an apprentice id in the form changes nothing of another's", async () => {
    await save(sokhaUser, { goals: "Mine", nextSteps: "Mine too", apprenticeId: String(dara.id) });
    expect(db.select().from(careerPlans).where(eq(careerPlans.apprenticeId, dara.id)).get()).toMatchObject({ goals: "Dara's own private goal" });
    expect(JSON.stringify((await plan(sokhaUser)).data)).not.toContain("Dara");
  });

  it("is the apprentice's alone: trainers and staff get 403 here", async () => {
    expect((await plan(trainer)).status).toBe(403);
    expect((await plan(staff)).status).toBe(403);
    expect((await save(trainer, { goals: "x", nextSteps: "y" })).status).toBe(403);
  });

  it("is read and commented on by staff of the site; the apprentice sees the comment; a double submit writes once", async () => {
    const staffView = async (who: Who) =>
      run<Awaited<ReturnType<typeof staffApprenticeLoader>>>(async () =>
        staffApprenticeLoader(await args(who, `/staff/apprentices/${sokha.id}`, { apprenticeId: String(sokha.id) })),
      );
    const comment = async (who: Who, body: string) =>
      run<{ errors: Record<string, string[]> }>(async () =>
        staffApprenticeAction(await postArgs(who, `/staff/apprentices/${sokha.id}`, { intent: "comment", body }, { apprenticeId: String(sokha.id) })),
      );
    expect((await staffView(staff)).data.careerPlan.plan).toMatchObject({ goals: "Mine" });
    expect((await comment(staff, "Good plan. Let us visit a salon in Takeo together.")).status).toBe(302);
    expect((await comment(staff, "Good plan. Let us visit a salon in Takeo together.")).status).toBe(302);
    expect(db.select().from(careerPlanComments).where(eq(careerPlanComments.apprenticeId, sokha.id)).all()).toHaveLength(1);
    expect(auditCount("career_plan_comment_added", sokha.id)).toBe(1);
    expect((await plan(sokhaUser)).data.comments).toMatchObject([{ body: "Good plan. Let us visit a salon in Takeo together.", author: "Staff Sopheap" }]);

    const empty = await comment(staff, "   ");
    expect(empty.status).toBe(400);
    expect(empty.data.errors.body).toEqual(["errors.required"]);
    expect((await comment(staff, "x".repeat(1001))).data.errors.body).toEqual(["errors.tooLong"]);
    expect((await comment(staffSr, "Not my site")).status).toBe(404);
    expect((await comment(trainer, "Trainer comment")).status).toBe(403);
    expect((await comment(sokhaUser, "Self comment")).status).toBe(403);
    expect(db.select().from(careerPlanComments).where(eq(careerPlanComments.apprenticeId, sokha.id)).all()).toHaveLength(1);
  });

  it("never reaches the trainer: not on /trainer, not on the week card", async () => {
    const home = await run(async () => trainerHomeLoader(await args(trainer, "/trainer")));
    const card = await run(async () =>
      weekCardLoader(
        await args(trainer, `/trainer/placements/${sokhaPlacement.id}/weeks/${thisMonday}`, { placementId: String(sokhaPlacement.id), weekOf: thisMonday }),
      ),
    );
    expect(card.status).toBe(200);
    for (const seen of [home, card]) {
      const json = JSON.stringify(seen.data);
      for (const secret of ["Mine too", "Good plan. Let us visit", "Dara's own private goal"]) expect(json).not.toContain(secret);
    }
  });
});

describe("record of achievement", () => {
  type Record = Awaited<ReturnType<typeof achievementLoader>>;
  const mine = async (who: Who, id: string | number) =>
    run<Record>(async () => achievementLoader(await args(who, `/me/achievement/${id}`, { placementId: String(id) })));
  const staffs = async (who: Who, id: string | number) =>
    run<Awaited<ReturnType<typeof staffAchievementLoader>>>(async () =>
      staffAchievementLoader(await args(who, `/staff/placements/${id}/achievement`, { placementId: String(id) })),
    );

  it("lists the competencies reached, with the dates, the employer and the trade", async () => {
    const { status, data } = await mine(vannaUser, vannaDone.id);
    expect(status).toBe(200);
    expect(data.record.placement).toMatchObject({
      employerName: "Cafe B",
      tradeEn: "Hairdressing",
      tradeKm: "កាត់សក់",
      legalName: "Keo Vanna",
      code: "PP-26-103",
      endedOn: "2026-03-06",
    });
    expect(data.record.reachedCount).toBe(2);
    expect(data.record.total).toBe(4);
    expect(data.record.units.flatMap((u) => u.reached.map((c) => [c.code, c.reachedOn]))).toEqual([
      [fw.competencies[0]!.code, "2026-02-03"],
      [fw.competencies[2]!.code, "2026-02-24"],
    ]);
  });

  it("is 404 for an active placement, another apprentice's placement or a made-up id", async () => {
    expect((await mine(vannaUser, vannaNow.id)).status).toBe(404);
    expect((await mine(sokhaUser, vannaDone.id)).status).toBe(404);
    expect((await mine(sokhaUser, sreyDone.id)).status).toBe(404);
    expect((await mine(vannaUser, "abc")).status).toBe(404);
    expect((await mine(vannaUser, 999_999)).status).toBe(404);
    expect((await mine(trainer, vannaDone.id)).status).toBe(403);
  });

  it("is printable by staff of the site (audited); others get 404 or 403", async () => {
    const before = db.select().from(auditEvents).where(eq(auditEvents.action, "view_achievement")).all().length;
    const seen = await staffs(staff, vannaDone.id);
    expect(seen.status).toBe(200);
    expect(seen.data.record.reachedCount).toBe(2);
    expect(seen.data.apprenticeId).toBe(vanna.id);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, "view_achievement")).all().length).toBe(before + 1);
    expect((await staffs(admin, vannaDone.id)).status).toBe(200);
    expect((await staffs(staffSr, vannaDone.id)).status).toBe(404);
    expect((await staffs(staff, sreyDone.id)).status).toBe(404);
    expect((await staffs(staff, vannaNow.id)).status).toBe(404);
    expect((await staffs(trainer, vannaDone.id)).status).toBe(403);
    expect((await staffs(vannaUser, vannaDone.id)).status).toBe(403);
  });
});

describe("staff set and reset an apprentice's PIN", () => {
  const setPin = async (who: Who, apprenticeId: number, pin: string) =>
    run<{ errors: Record<string, string[]> }>(async () =>
      staffApprenticeAction(await postArgs(who, `/staff/apprentices/${apprenticeId}`, { intent: "pin", pin }, { apprenticeId: String(apprenticeId) })),
    );
  const account = () => db.select().from(users).where(eq(users.id, daraUser.id)).get()!;

  it("hashes the PIN, clears the lock, ends the apprentice's sessions and audits it; the apprentice signs in with it", async () => {
    db.update(users)
      .set({ failedSignIns: 3, lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(users.id, daraUser.id))
      .run();
    await cookieFor(daraUser);
    expect(db.select().from(sessions).where(eq(sessions.userId, daraUser.id)).all().length).toBeGreaterThan(0);

    const outcome = await setPin(staff, dara.id, "482913");
    expect(outcome).toMatchObject({ status: 302, location: `/staff/apprentices/${dara.id}?pin=saved#pin` });
    const row = account();
    expect(row.pinHash).not.toContain("482913");
    expect(await verifySecret(row.pinHash!, "482913")).toBe(true);
    expect(row).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    expect(db.select().from(sessions).where(eq(sessions.userId, daraUser.id)).all()).toEqual([]);
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "pin_set"), eq(auditEvents.entityId, String(daraUser.id))))
        .all(),
    ).toHaveLength(1);
    await expect(verifyCredentials(daraUser.username, "482913")).resolves.toMatchObject({ method: "pin" });

    // A reset: the record says so, and the old PIN stops working.
    expect((await setPin(staff, dara.id, "730158")).status).toBe(302);
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "pin_reset"), eq(auditEvents.entityId, String(daraUser.id))))
        .all(),
    ).toHaveLength(1);
    await expect(verifyCredentials(daraUser.username, "482913")).rejects.toThrow();

    const view = await run<Awaited<ReturnType<typeof staffApprenticeLoader>>>(async () =>
      staffApprenticeLoader(await args(staff, `/staff/apprentices/${dara.id}`, { apprenticeId: String(dara.id) })),
    );
    expect(view.data.account).toMatchObject({ hasPin: true, lockedUntil: null, username: daraUser.username });
    expect(JSON.stringify(view.data)).not.toContain("$argon2");
  });

  it("refuses a PIN that is not 6 digits or is easy to guess, and changes nothing", async () => {
    const before = account().pinHash;
    for (const [pin, error] of [
      ["12345", "pin.errors.format"],
      ["1234567", "pin.errors.format"],
      ["12a456", "pin.errors.format"],
      ["123456", "pin.errors.guessable"],
      ["999999", "pin.errors.guessable"],
      ["987654", "pin.errors.guessable"],
    ] as const) {
      const bad = await setPin(staff, dara.id, pin);
      expect(bad.status, pin).toBe(400);
      expect(bad.data.errors.pin, pin).toEqual([error]);
    }
    expect(account().pinHash).toBe(before);
  });

  it("is for staff of the apprentice's site only, and says so when there is no account", async () => {
    expect((await setPin(staffSr, dara.id, "604817")).status).toBe(404);
    expect((await setPin(trainer, dara.id, "604817")).status).toBe(403);
    expect((await setPin(daraUser, dara.id, "604817")).status).toBe(403);
    const noAccount = createApprentice(db, { siteId: pp.id });
    const refused = await setPin(staff, noAccount.id, "604817");
    expect(refused.status).toBe(400);
    expect(refused.data.errors.pin).toEqual(["pin.staff.noAccount"]);
  });
});
