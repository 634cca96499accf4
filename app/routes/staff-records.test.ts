import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { createApprenticeWithUser, createEmployer, createFramework, createPlacement, createSite, createUser, recordFeedback } from "~/db/factories.server";
import { auditEvents, followUpNotes, manualStatuses, outcomeCheckins } from "~/db/schema";
import { addDays } from "~/domain/dates";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { action as apprenticeAction, loader as apprenticeLoader } from "./staff.apprentices.$apprenticeId/route";
import { action as placementAction, loader as placementLoader } from "./staff.placements.$placementId/route";

const db = useTestDatabase();
const today = siteToday();
const pp = createSite(db);
const sr = createSite(db);
const employer = createEmployer(db, { siteId: pp.id });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: employer.id });
const staff = createUser(db, { role: "staff", siteId: pp.id });
const staffSr = createUser(db, { role: "staff", siteId: sr.id });
const admin = createUser(db, { role: "admin" });
const fw = createFramework(db);
const { apprentice, user: apprenticeUser } = createApprenticeWithUser(db, {
  siteId: pp.id,
  legalName: "Secret Legal Name",
  referralSource: "Shelter",
  background: "Private background",
});
const placement = createPlacement(db, {
  apprenticeId: apprentice.id,
  employerId: employer.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: addDays(today, -30),
});

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
const viewPlacement = async (who: Who, id = placement.id) =>
  run(async () =>
    placementLoader({ request: get(`/staff/placements/${id}`, { cookie: await cookieFor(who) }), params: { placementId: String(id) }, context: context() }),
  );
const postPlacement = async (who: Who, fields: Record<string, string>) =>
  run<{ errors: Record<string, string[]> }>(async () =>
    placementAction({
      request: post(`/staff/placements/${placement.id}`, fields, { cookie: await cookieFor(who) }),
      params: { placementId: String(placement.id) },
      context: context(),
    }),
  );
const viewApprentice = async (who: Who) =>
  run(async () =>
    apprenticeLoader({
      request: get(`/staff/apprentices/${apprentice.id}`, { cookie: await cookieFor(who) }),
      params: { apprenticeId: String(apprentice.id) },
      context: context(),
    }),
  );
const postApprentice = async (who: Who, fields: Record<string, string>, id = apprentice.id) =>
  run<{ errors: Record<string, string[]> }>(async () =>
    apprenticeAction({
      request: post(`/staff/apprentices/${id}`, fields, { cookie: await cookieFor(who) }),
      params: { apprenticeId: String(id) },
      context: context(),
    }),
  );

describe("/staff/placements/:placementId", () => {
  it("shows staff of the site and admin the placement week by week; others get 404 or 403", async () => {
    const seen = await viewPlacement(staff);
    expect(seen.status).toBe(200);
    expect((seen.data as { weeks: unknown[] }).weeks.length).toBeGreaterThanOrEqual(5);
    expect((await viewPlacement(admin)).status).toBe(200);
    expect((await viewPlacement(staffSr)).status).toBe(404);
    expect((await viewPlacement(trainer)).status).toBe(403);
    expect((await viewPlacement(apprenticeUser)).status).toBe(403);
    expect((await viewPlacement(staff, 999_999)).status).toBe(404);
  });

  it("sets a manual status with a reason; red asks for a follow-up within 7 days; a double submit writes once", async () => {
    const fields = { status: "red", reason: "Trainer shouted at apprentice", statusDate: today };
    expect((await postPlacement(staff, fields)).status).toBe(302);
    expect((await postPlacement(staff, fields)).status).toBe(302);
    const rows = db.select().from(manualStatuses).where(eq(manualStatuses.placementId, placement.id)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "red", followUpDueOn: addDays(today, 7) });
  });

  it("refuses a status with no reason, an unknown colour or a future date, writing nothing", async () => {
    const before = db.select().from(manualStatuses).all().length;
    expect((await postPlacement(staff, { status: "amber", reason: " ", statusDate: today })).data.errors.reason).toEqual(["errors.required"]);
    expect((await postPlacement(staff, { status: "purple", reason: "x", statusDate: today })).status).toBe(400);
    expect((await postPlacement(staff, { status: "amber", reason: "x", statusDate: addDays(today, 1) })).data.errors.statusDate).toEqual([
      "records.errors.future",
    ]);
    expect(db.select().from(manualStatuses).all().length).toBe(before);
    expect((await postPlacement(staffSr, { status: "green", reason: "x", statusDate: today })).status).toBe(404);
  });
});

describe("/staff/apprentices/:apprenticeId", () => {
  it("writes every view to the audit log", async () => {
    const count = () =>
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "view_staff_record"), eq(auditEvents.entityId, String(apprentice.id))))
        .all().length;
    const before = count();
    const seen = await viewApprentice(staff);
    expect(seen.status).toBe(200);
    expect(JSON.stringify(seen.data)).toContain("Private background");
    expect(count()).toBe(before + 1);
    await viewApprentice(admin);
    expect(count()).toBe(before + 2);
  });

  it("shows staff the apprentice's confidential feedback, ratings and comment", async () => {
    recordFeedback(db, { placementId: placement.id, explainsRating: 4, learningRating: 4, fairnessRating: 3, safetyRating: 2, comment: "Staff-only comment" });
    const seen = await viewApprentice(staff);
    expect((seen.data as { feedback: { safety: number; comment: string }[] }).feedback).toMatchObject([{ safety: 2, comment: "Staff-only comment" }]);
  });

  it("is never shown to a trainer, the apprentice, or staff of another site", async () => {
    expect((await viewApprentice(trainer)).status).toBe(403);
    expect((await viewApprentice(apprenticeUser)).status).toBe(403);
    expect((await viewApprentice(staffSr)).status).toBe(404);
  });

  it("adds a follow-up note once, and refuses an empty one", async () => {
    const fields = { intent: "note", kind: "visit", occurredOn: today, body: "Visited the salon; talked to the owner." };
    expect((await postApprentice(staff, fields)).status).toBe(302);
    expect((await postApprentice(staff, fields)).status).toBe(302);
    expect(db.select().from(followUpNotes).where(eq(followUpNotes.apprenticeId, apprentice.id)).all()).toHaveLength(1);
    expect((await postApprentice(staff, { ...fields, body: "" })).data.errors.body).toEqual(["errors.required"]);
    expect((await postApprentice(staff, { ...fields, kind: "gossip" })).status).toBe(400);
  });

  it("records an outcome check-in with salary in cents, once per milestone", async () => {
    // Check-ins follow an exit from training: this apprentice completed a placement.
    const done = createApprenticeWithUser(db, { siteId: pp.id }).apprentice;
    createPlacement(db, {
      apprenticeId: done.id,
      employerId: employer.id,
      trainerUserId: trainer.id,
      frameworkVersionId: fw.version.id,
      startDate: addDays(today, -200),
      status: "completed",
      endedOn: addDays(today, -100),
      outcome: "retained_by_employer",
    });
    const fields = { intent: "checkin", months: "3", checkedOn: today, employed: "yes", employerName: "Salon X", monthlySalary: "85.50" };
    expect((await postApprentice(staff, fields, done.id)).status).toBe(302);
    const again = await postApprentice(staff, fields, done.id);
    expect(again.status).toBe(400);
    expect(again.data.errors.months).toEqual(["staffRecord.errors.checkinExists"]);
    expect(db.select().from(outcomeCheckins).where(eq(outcomeCheckins.apprenticeId, done.id)).all()).toMatchObject([
      { months: 3, employed: true, monthlySalaryCents: 8550 },
    ]);
    expect((await postApprentice(staff, { ...fields, months: "5" }, done.id)).status).toBe(400);
    expect((await postApprentice(staff, { ...fields, months: "6", monthlySalary: "-3" }, done.id)).data.errors.monthlySalary).toEqual(["records.errors.money"]);
  });
});
