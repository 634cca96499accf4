/**
 * Regression tests for the defects `npm run test:reliability` and issue 9 found: each answered
 * 500 (or wrote where it must not) before the fix.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import {
  createApprentice,
  createApprenticeWithUser,
  createEmployer,
  createFramework,
  createIntake,
  createPlacement,
  createSite,
  createUser,
} from "~/db/factories.server";
import { apprentices, assessments, competencies, employers, followUpNotes, manualStatuses, sessions, weeklyReviews } from "~/db/schema";
import { addDays, mondayOf } from "~/domain/dates";
import { FRAMEWORK_CSV_HEADER } from "~/domain/frameworks";
import { useTestDatabase } from "~/test/db";
import { BASE, context, cookieFor, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { action as userAction } from "./admin.users.$userId";
import { action as loginAction } from "./login/route";
import { action as planAction } from "./me.plan/route";
import { action as apprenticeAction } from "./staff.apprentices.$apprenticeId/route";
import { action as newApprenticeAction } from "./staff.apprentices._index/route";
import { action as newEmployerAction } from "./staff.employers._index";
import { action as frameworksAction } from "./staff.frameworks._index";
import { action as placementAction } from "./staff.placements.$placementId/route";
import { action as weekCardAction } from "./trainer.placements.$placementId.weeks.$weekOf/route";

const db = useTestDatabase();
const today = siteToday();
const pp = createSite(db, { code: "PP" });
const sr = createSite(db, { code: "SR" });
const salon = createEmployer(db, { siteId: pp.id });
const hotel = createEmployer(db, { siteId: sr.id, name: "Riverside" });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id });
const trainerSr = createUser(db, { role: "trainer", siteId: sr.id, employerId: hotel.id });
const staff = createUser(db, { role: "staff", siteId: pp.id });
const admin = createUser(db, { role: "admin" });
const fw = createFramework(db);
const { apprentice, user: apprenticeUser } = createApprenticeWithUser(db, { siteId: pp.id });
const other = createApprentice(db, { siteId: pp.id });
const apprenticeSr = createApprentice(db, { siteId: sr.id });
const start = addDays(mondayOf(today), -28);
const placement = createPlacement(db, {
  apprenticeId: apprentice.id,
  employerId: salon.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: start,
});
const otherPlacement = createPlacement(db, {
  apprenticeId: other.id,
  employerId: salon.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: start,
});
const placementSr = createPlacement(db, {
  apprenticeId: apprenticeSr.id,
  employerId: hotel.id,
  trainerUserId: trainerSr.id,
  frameworkVersionId: fw.version.id,
  startDate: start,
});

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
const send = async (
  action: (args: never) => Promise<unknown>,
  path: string,
  params: Record<string, string>,
  who: Who | null,
  body: BodyInit | null,
  contentType: string | null,
) => {
  const headers: Record<string, string> = who ? { cookie: await cookieFor(who) } : {};
  if (contentType) headers["Content-Type"] = contentType;
  const request = new Request(new URL(path, BASE), { method: "POST", body, headers });
  return run<unknown>(async () => action({ request, params, context: context() } as never));
};
const postForm = async <T>(action: (args: never) => Promise<unknown>, path: string, params: Record<string, string>, who: Who, fields: Record<string, string>) =>
  run<T>(async () => action({ request: post(path, fields, { cookie: await cookieFor(who) }), params, context: context() } as never));

const apprenticePath = `/staff/apprentices/${apprentice.id}`;
const apprenticeParams = { apprenticeId: String(apprentice.id) };
const notesOf = (apprenticeId: number) => db.select().from(followUpNotes).where(eq(followUpNotes.apprenticeId, apprenticeId)).all();

describe("a body that is not a form", () => {
  it("answers 415 with the reason as a catalogue key, never 500, to JSON, text/plain and no body", async () => {
    for (const [body, type] of [
      [JSON.stringify({ goals: "x" }), "application/json"],
      ["goals=x", "text/plain"],
      [null, null],
    ] as const) {
      const answer = await send(planAction, "/me/plan", {}, apprenticeUser, body, type);
      expect(answer.status).toBe(415);
      expect(JSON.parse(answer.data as string)).toEqual({ formError: "form.body.unsupported" });
    }
  });

  it("answers /login too: its sign-in strategy reads only the vetted form", async () => {
    expect((await send(loginAction, "/login", {}, null, JSON.stringify({ username: "x", password: "y" }), "application/json")).status).toBe(415);
    expect((await send(loginAction, "/login", {}, null, "username=x&__proto__.admin=1&password=y", "application/x-www-form-urlencoded")).status).toBe(400);
    // A well-formed sign-in still reaches the strategy (and is refused for a wrong password).
    expect((await send(loginAction, "/login", {}, null, "username=nobody&password=wrong", "application/x-www-form-urlencoded")).status).toBe(401);
  });

  it("answers 400 to invalid UTF-8 and a broken escape", async () => {
    const type = "application/x-www-form-urlencoded";
    expect((await send(planAction, "/me/plan", {}, apprenticeUser, new Uint8Array([0x67, 0x6f, 0x61, 0x6c, 0x73, 0x3d, 0xc3, 0x28]), type)).status).toBe(400);
    expect((await send(planAction, "/me/plan", {}, apprenticeUser, "goals=%E0%A4%A", type)).status).toBe(400);
  });
});

describe("crafted field names", () => {
  it("are refused on the week card before anything is read, and no prototype changes", async () => {
    const path = `/trainer/placements/${placement.id}/weeks/${mondayOf(today)}`;
    const params = { placementId: String(placement.id), weekOf: mondayOf(today) };
    const before = db.select().from(weeklyReviews).all().length;
    for (const name of ["__proto__.toString", "__proto__.weekNote", "constructor.prototype.x"]) {
      const answer = await send(
        weekCardAction,
        path,
        params,
        trainer,
        `intent=submit&submissionKey=crafted-name-check-01&baseline=0&${encodeURIComponent(name)}=polluted`,
        "application/x-www-form-urlencoded",
      );
      // The shared reader refuses the name; the week card says so on the card, keeping the trainer's page.
      expect(answer.status).toBe(400);
      expect((answer.data as unknown as { errors: Record<string, string[]> }).errors).toEqual({ form: ["week.errors.fieldName"] });
    }
    expect(({} as Record<string, unknown>).toString).toBe(Object.prototype.toString);
    expect(({} as Record<string, unknown>).weekNote).toBeUndefined();
    expect(db.select().from(weeklyReviews).all().length).toBe(before);
  });
});

describe("control characters in text", () => {
  it("a reason of nothing but a NUL byte is a field error (it used to fail a CHECK constraint with a 500)", async () => {
    const path = `/staff/placements/${placement.id}`;
    const params = { placementId: String(placement.id) };
    const answer = await postForm<{ errors: Record<string, string[]> }>(placementAction, path, params, staff, {
      status: "amber",
      reason: "\u0000",
      statusDate: today,
    });
    expect(answer.status).toBe(400);
    expect(answer.data.errors.reason).toEqual(["errors.required"]);
    expect(db.select().from(manualStatuses).where(eq(manualStatuses.placementId, placement.id)).all()).toHaveLength(0);
  });

  it("invisible control characters are dropped from the text that is kept", async () => {
    const answer = await postForm(placementAction, `/staff/placements/${placement.id}`, { placementId: String(placement.id) }, staff, {
      status: "amber",
      reason: "\u0000Late\u0007 twice\u001b",
      statusDate: today,
    });
    expect(answer.status).toBe(302);
    expect(db.select().from(manualStatuses).where(eq(manualStatuses.placementId, placement.id)).get()?.reason).toBe("Late twice");
  });

  it("a framework CSV whose title starts with a NUL byte is a line error, not a 500", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ intent: "import", code: "NULCSV", tradeEn: "Cleaning", tradeKm: "សម្អាត", sector: "cleaning", typicalWeeks: "8" }))
      form.append(k, v);
    const csv = [FRAMEWORK_CSV_HEADER.join(","), "U1,Basics,មូលដ្ឋាន,C1,\u0000,\u0000កក់សក់,Washes safely,កក់ដោយសុវត្ថិភាព,2"].join("\r\n");
    form.append("csv", new File([csv], "x.csv", { type: "text/csv" }));
    const answer = await send(frameworksAction, "/staff/frameworks", {}, staff, form, null);
    expect(answer.status).toBe(400);
    expect((answer.data as { lineErrors: { line: number; key: string }[] }).lineErrors).toEqual([{ line: 2, key: "frameworks.csv.field.titleEn" }]);
    expect(db.select().from(competencies).where(eq(competencies.titleKm, "កក់សក់")).all()).toHaveLength(0);
  });
});

describe("ids in bodies are checked against the caller's reach", () => {
  const note = (placementId: string) => ({ intent: "note", kind: "visit", occurredOn: today, body: `About placement ${placementId}`, placementId });

  it("a follow-up note about a placement that does not exist is a field error (it used to fail a foreign key with a 500)", async () => {
    const answer = await postForm<{ errors: Record<string, string[]> }>(apprenticeAction, apprenticePath, apprenticeParams, staff, note("99999"));
    expect(answer.status).toBe(400);
    expect(answer.data.errors.placementId).toEqual(["staffRecord.errors.notTheirPlacement"]);
  });

  it("a follow-up note about another site's placement, or another apprentice's, is refused and not stored", async () => {
    for (const who of [staff, admin]) {
      for (const id of [placementSr.id, otherPlacement.id]) {
        const answer = await postForm<{ errors: Record<string, string[]> }>(apprenticeAction, apprenticePath, apprenticeParams, who, note(String(id)));
        expect(answer.status).toBe(400);
        expect(answer.data.errors.placementId).toEqual(["staffRecord.errors.notTheirPlacement"]);
      }
    }
    expect(notesOf(apprentice.id)).toHaveLength(0);
    expect(db.select().from(followUpNotes).where(eq(followUpNotes.placementId, placementSr.id)).all()).toHaveLength(0);
  });

  it("a follow-up note about the apprentice's own placement is stored against it", async () => {
    expect((await postForm(apprenticeAction, apprenticePath, apprenticeParams, staff, note(String(placement.id)))).status).toBe(302);
    expect(notesOf(apprentice.id).map((n) => n.placementId)).toEqual([placement.id]);
  });

  it("staff cannot add an apprentice or an employer to another site by naming it in the body", async () => {
    const apprenticesBefore = db.select().from(apprentices).all().length;
    const employersBefore = db.select().from(employers).all().length;
    const intake = createIntake(db, { siteId: pp.id, startsOn: `${today.slice(0, 4)}-01-05` });
    const newApprentice = await postForm<{ errors: Record<string, string[]> }>(newApprenticeAction, "/staff/apprentices", {}, staff, {
      code: `PP-${today.slice(2, 4)}-901`,
      preferredName: "Dara",
      legalName: "Dara Chan",
      dateOfBirth: "2004-05-06",
      gender: "female",
      intakeId: String(intake.id),
      siteId: String(sr.id),
    });
    expect(newApprentice.status).toBe(400);
    expect(newApprentice.data.errors.siteId).toEqual(["records.errors.unknownSite"]);
    const newEmployer = await postForm<{ errors: Record<string, string[]> }>(newEmployerAction, "/staff/employers", {}, staff, {
      name: "Elsewhere Salon",
      sector: "beauty",
      district: "Daun Penh",
      siteId: String(sr.id),
    });
    expect(newEmployer.status).toBe(400);
    expect(newEmployer.data.errors.siteId).toEqual(["records.errors.unknownSite"]);
    expect(db.select().from(apprentices).all().length).toBe(apprenticesBefore);
    expect(db.select().from(employers).all().length).toBe(employersBefore);
    // Their own site, named or not, still works.
    expect(
      (await postForm(newEmployerAction, "/staff/employers", {}, staff, { name: "Own Salon", sector: "beauty", district: "Daun Penh", siteId: String(pp.id) }))
        .status,
    ).toBe(302);
  });

  it("ending another account's session from this account's page ends nothing", async () => {
    await cookieFor(staff);
    const theirs = db.select().from(sessions).where(eq(sessions.userId, staff.id)).get()!;
    const answer = await postForm(userAction, `/admin/users/${trainer.id}`, { userId: String(trainer.id) }, admin, {
      intent: "endSession",
      sessionId: theirs.idHash,
    });
    expect(answer.status).toBe(302);
    expect(db.select().from(sessions).where(eq(sessions.idHash, theirs.idHash)).get()).toBeDefined();
  });

  it("a sign-off of a competency outside the placement's framework is refused on the week card", async () => {
    const otherFramework = createFramework(db, { code: "OTHER" });
    const foreignCompetency = db.select().from(competencies).where(eq(competencies.versionId, otherFramework.version.id)).get()!;
    const weekOf = addDays(mondayOf(today), -7);
    const path = `/trainer/placements/${placement.id}/weeks/${weekOf}`;
    const answer = await postForm<{ errors: Record<string, string[]> }>(weekCardAction, path, { placementId: String(placement.id), weekOf }, trainer, {
      intent: "submit",
      submissionKey: "foreign-competency-check-01",
      baseline: "0",
      [`level.${foreignCompetency.id}`]: "independent",
    });
    expect(answer.status).toBe(400);
    expect(
      db
        .select()
        .from(assessments)
        .where(and(eq(assessments.placementId, placement.id), eq(assessments.competencyId, foreignCompetency.id)))
        .all(),
    ).toHaveLength(0);
  });
});
