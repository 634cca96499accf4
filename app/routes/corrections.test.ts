/**
 * Issue 9, items 7–10: plausible values only; a wrong record can be corrected, never trapped;
 * the order of record is the order of entry; case records are append-only. Called as Remix
 * would, on a real database built from the migrations.
 */
import { and, desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import {
  createApprentice,
  createApprenticeWithUser,
  createEmployer,
  createFramework,
  createPlacement,
  createSite,
  createUser,
  recordAttendance,
} from "~/db/factories.server";
import {
  advanceNotices,
  advanceNoticeWithdrawals,
  apprentices,
  auditEvents,
  careerPlanComments,
  followUpNotes,
  manualStatuses,
  outcomeCheckins,
  placementCorrections,
  placements,
} from "~/db/schema";
import { loadProgrammeOutcomes } from "~/db/reports.server";
import { addDays, addYears, mondayOf } from "~/domain/dates";
import { intakeYear } from "~/domain/records";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { loader as mePlanLoader } from "./me.plan/route";
import { action as apprenticeAction, loader as apprenticeLoader } from "./staff.apprentices.$apprenticeId/route";
import { action as apprenticesAction } from "./staff.apprentices._index/route";
import { action as placementAction, loader as placementLoader } from "./staff.placements.$placementId/route";
import { action as newPlacementAction } from "./staff.placements.new";
import { loader as trainerLoader } from "./trainer._index/route";

const db = useTestDatabase();
const today = siteToday();
const yy = intakeYear(today);
const site = createSite(db, { code: "PQ" });
const employer = createEmployer(db, { siteId: site.id });
const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: employer.id });
const staff = createUser(db, { role: "staff", siteId: site.id });
const fw = createFramework(db);

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
type Errors = { errors: Record<string, string[]> };
const call = async <T = Errors>(
  fn: (args: never) => Promise<unknown>,
  who: Who,
  path: string,
  params: Record<string, string>,
  fields?: Record<string, string | string[]>,
) => {
  const cookie = await cookieFor(who);
  const request = fields ? post(path, fields, { cookie }) : get(path, { cookie });
  return run<T>(() => fn({ request, params, context: context() } as never));
};
const onPlacement = (id: number, fields?: Record<string, string>) =>
  call(placementAction, staff, `/staff/placements/${id}`, { placementId: String(id) }, fields);
const onApprentice = (id: number, fields?: Record<string, string>) =>
  call(apprenticeAction, staff, `/staff/apprentices/${id}`, { apprenticeId: String(id) }, fields);
const newApprentice = () => createApprentice(db, { siteId: site.id });
const newPlacement = (apprenticeId: number, over: Partial<typeof placements.$inferInsert> = {}) =>
  createPlacement(db, {
    apprenticeId,
    employerId: employer.id,
    trainerUserId: trainer.id,
    frameworkVersionId: fw.version.id,
    startDate: addDays(today, -30),
    ...over,
  });
const rowsOf = <T>(rows: T[]) => rows.length;

// ---------------------------------------------------------------------------------------------

describe("plausible values only (item 7)", () => {
  it("refuses a placement start more than a year from today, and numbers in hex or exponent form, writing nothing", async () => {
    const a = newApprentice();
    const good = {
      apprenticeId: String(a.id),
      employerId: String(employer.id),
      trainerUserId: String(trainer.id),
      frameworkVersionId: String(fw.version.id),
      startDate: today,
      plannedWeeks: "12",
      stipendHagar: "40",
      stipendEmployer: "0",
    };
    const before = rowsOf(db.select().from(placements).all());
    const send = (fields: Record<string, string>) => call(newPlacementAction, staff, "/staff/placements/new", {}, fields);
    const far = await send({ ...good, startDate: addDays(addYears(today, 1), 1) });
    expect(far.status).toBe(400);
    expect(far.data.errors).toEqual({ startDate: ["plausible.errors.startTooFarAhead"] });
    expect((await send({ ...good, startDate: "2099-01-05" })).data.errors.startDate).toEqual(["plausible.errors.startTooFarAhead"]);
    expect((await send({ ...good, startDate: "29/11/2026" })).data.errors.startDate).toEqual(["errors.date"]);
    expect((await send({ ...good, stipendHagar: "1e3" })).data.errors.stipendHagar).toEqual(["records.errors.money"]);
    expect((await send({ ...good, stipendEmployer: "0x1A" })).data.errors.stipendEmployer).toEqual(["records.errors.money"]);
    expect((await send({ ...good, plannedWeeks: "0x1A" })).data.errors.plannedWeeks).toEqual(["records.errors.plannedWeeks"]);
    expect((await send({ ...good, plannedWeeks: "1e1" })).data.errors.plannedWeeks).toEqual(["records.errors.plannedWeeks"]);
    expect((await send({ ...good, apprenticeId: "0x1" })).data.errors.apprenticeId).toEqual(["errors.invalid"]);
    expect(rowsOf(db.select().from(placements).all())).toBe(before);
    // A year ahead is still a plausible start.
    expect((await send({ ...good, startDate: addYears(today, 1) })).status).toBe(302);
  });

  it("refuses a date of birth making the apprentice younger than 14 or older than 70", async () => {
    const fields = {
      code: `PQ-${yy}-001`,
      preferredName: "Srey",
      legalName: "Chan Srey",
      dateOfBirth: addYears(today, -13),
      gender: "female",
      intakeId: "",
      referralSource: "",
      background: "",
    };
    const send = (over: Record<string, string>) => call(apprenticesAction, staff, "/staff/apprentices", {}, { ...fields, ...over });
    expect((await send({})).data.errors).toEqual({ dateOfBirth: ["plausible.errors.tooYoung"] });
    expect((await send({ dateOfBirth: "1900-01-01" })).data.errors).toEqual({ dateOfBirth: ["plausible.errors.tooOld"] });
    expect((await send({ dateOfBirth: "29/11/2006" })).data.errors).toEqual({ dateOfBirth: ["errors.date"] });
    expect(db.select().from(apprentices).where(eq(apprentices.code, fields.code)).get()).toBeUndefined();
    expect((await send({ dateOfBirth: addYears(today, -14) })).status).toBe(302);

    const a = newApprentice();
    const profile = {
      intent: "profile",
      preferredName: "Dara",
      legalName: "Sok Dara",
      dateOfBirth: addYears(today, -71),
      gender: "male",
      intakeId: "",
      referralSource: "",
      background: "",
    };
    expect((await onApprentice(a.id, profile)).data.errors).toEqual({ dateOfBirth: ["plausible.errors.tooOld"] });
  });

  it("refuses a manual status dated before the placement existed or in the future, with ONE message for '29/11/2026'", async () => {
    const p = newPlacement(newApprentice().id);
    const send = (statusDate: string) => onPlacement(p.id, { status: "amber", reason: "Check", statusDate });
    expect((await send("1900-01-01")).data.errors).toEqual({ statusDate: ["plausible.errors.beforePlacement"] });
    expect((await send(addDays(today, 1))).data.errors).toEqual({ statusDate: ["records.errors.future"] });
    expect((await send("29/11/2026")).data.errors).toEqual({ statusDate: ["errors.date"] });
    expect(db.select().from(manualStatuses).where(eq(manualStatuses.placementId, p.id)).all()).toEqual([]);
    expect((await send(p.startDate)).status).toBe(302);
  });

  it("refuses a follow-up note dated before the apprentice existed or in the future", async () => {
    const a = newApprentice();
    newPlacement(a.id);
    const send = (occurredOn: string) => onApprentice(a.id, { intent: "note", kind: "call", occurredOn, body: "Called." });
    expect((await send("1900-01-01")).data.errors).toEqual({ occurredOn: ["plausible.errors.beforeApprentice"] });
    expect((await send(addDays(today, 3))).data.errors).toEqual({ occurredOn: ["records.errors.future"] });
    expect((await send("29/11/2026")).data.errors).toEqual({ occurredOn: ["errors.date"] });
    expect(db.select().from(followUpNotes).where(eq(followUpNotes.apprenticeId, a.id)).all()).toEqual([]);
    expect((await send(addDays(today, -30))).status).toBe(302);
  });

  it("refuses a note about another apprentice's placement (400 beside the field, nothing written)", async () => {
    const a = newApprentice();
    const theirs = newPlacement(newApprentice().id);
    const sent = await onApprentice(a.id, { intent: "note", kind: "call", occurredOn: today, body: "Called.", placementId: String(theirs.id) });
    expect(sent.status).toBe(400);
    expect(sent.data.errors).toEqual({ placementId: ["staffRecord.errors.notTheirPlacement"] });
    expect(db.select().from(followUpNotes).where(eq(followUpNotes.apprenticeId, a.id)).all()).toEqual([]);
  });

  it("refuses an outcome check-in for an apprentice who has not left training, and one dated before the exit", async () => {
    const training = newApprentice();
    newPlacement(training.id);
    const fields = { intent: "checkin", months: "3", checkedOn: today, employed: "yes", employerName: "", monthlySalary: "", note: "" };
    const refused = await onApprentice(training.id, fields);
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toEqual({ form: ["plausible.errors.notExited"] });
    expect(db.select().from(outcomeCheckins).where(eq(outcomeCheckins.apprenticeId, training.id)).all()).toEqual([]);
    const page = await call<{ exitedOn: string | null }>(apprenticeLoader, staff, `/staff/apprentices/${training.id}`, { apprenticeId: String(training.id) });
    expect(page.data.exitedOn).toBeNull();

    const done = newApprentice();
    newPlacement(done.id, { startDate: addDays(today, -200), status: "completed", endedOn: addDays(today, -100), outcome: "retained_by_employer" });
    expect((await onApprentice(done.id, { ...fields, checkedOn: addDays(today, -101) })).data.errors).toEqual({ checkedOn: ["plausible.errors.beforeExit"] });
    expect((await onApprentice(done.id, { ...fields, checkedOn: addDays(today, -10) })).status).toBe(302);
  });
});

// ---------------------------------------------------------------------------------------------

describe("a wrong record can be corrected, never trapped (item 8)", () => {
  it("a placement entered as starting in 2099 shows the trainer no absurd week, can be withdrawn, and frees the apprentice", async () => {
    const a = newApprentice();
    const wrong = newPlacement(a.id, { startDate: "2099-01-05", plannedWeeks: 12 });

    const home = await call<{ placements: { placementId: number; started: boolean; week: number }[] }>(trainerLoader, trainer, "/trainer", {});
    expect(home.data.placements.find((p) => p.placementId === wrong.id)).toMatchObject({ started: false, week: 0 });

    // Completing before the start is still refused; withdrawing is not.
    const end = { endedOn: today, outcome: "not_employed", endReason: "Entered with the wrong year", startingSalary: "" };
    expect((await onPlacement(wrong.id, { intent: "complete", ...end })).data.errors).toEqual({ endedOn: ["records.errors.beforeStart"] });
    expect((await onPlacement(wrong.id, { intent: "withdraw", ...end })).status).toBe(302);
    expect(db.select().from(placements).where(eq(placements.id, wrong.id)).get()).toMatchObject({ status: "withdrawn", endedOn: today });

    // The apprentice's next placement is no longer blocked.
    const next = {
      apprenticeId: String(a.id),
      employerId: String(employer.id),
      trainerUserId: String(trainer.id),
      frameworkVersionId: String(fw.version.id),
      startDate: today,
      plannedWeeks: "12",
      stipendHagar: "40",
      stipendEmployer: "0",
    };
    expect((await call(newPlacementAction, staff, "/staff/placements/new", {}, next)).status).toBe(302);
  });

  it("staff correct the start date and planned length, with a reason, kept and audited", async () => {
    const p = newPlacement(newApprentice().id, { startDate: "2099-01-05", plannedWeeks: 12 });
    const fields = { intent: "correct", startDate: mondayOf(today), plannedWeeks: "16", reason: "Typed 2099 for 2026" };
    expect((await onPlacement(p.id, { ...fields, reason: " " })).data.errors).toEqual({ reason: ["errors.required"] });
    expect((await onPlacement(p.id, { ...fields, startDate: "2099-01-05" })).data.errors).toEqual({ startDate: ["plausible.errors.startTooFarAhead"] });
    expect((await onPlacement(p.id, fields)).status).toBe(302);
    expect((await onPlacement(p.id, fields)).status).toBe(302);
    expect(db.select().from(placements).where(eq(placements.id, p.id)).get()).toMatchObject({ startDate: mondayOf(today), plannedWeeks: 16 });
    expect(db.select().from(placementCorrections).where(eq(placementCorrections.placementId, p.id)).all()).toMatchObject([
      {
        fromStartDate: "2099-01-05",
        toStartDate: mondayOf(today),
        fromPlannedWeeks: 12,
        toPlannedWeeks: 16,
        reason: "Typed 2099 for 2026",
        correctedBy: staff.id,
      },
    ]);
    const audited = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "placement_corrected"), eq(auditEvents.entityId, String(p.id))))
      .all();
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited[0]!.detail)).not.toContain("Typed");

    const page = await call<{ corrections: { reason: string }[]; hasWeeklyRecords: boolean }>(placementLoader, staff, `/staff/placements/${p.id}`, {
      placementId: String(p.id),
    });
    expect(page.data).toMatchObject({ hasWeeklyRecords: false, corrections: [{ reason: "Typed 2099 for 2026" }] });
    const home = await call<{ placements: { placementId: number; started: boolean; week: number }[] }>(trainerLoader, trainer, "/trainer", {});
    expect(home.data.placements.find((x) => x.placementId === p.id)).toMatchObject({ started: true, week: 1 });
  });

  it("refuses to move the start once anything was recorded week by week (and so does the database)", async () => {
    const p = newPlacement(newApprentice().id, { startDate: addDays(today, -14) });
    recordAttendance(db, { placementId: p.id, date: addDays(today, -13), status: "present", recordedBy: trainer.id });
    const refused = await onPlacement(p.id, { intent: "correct", startDate: addDays(today, -7), plannedWeeks: "12", reason: "Wrong" });
    expect(refused.status).toBe(400);
    expect(refused.data.errors).toEqual({ form: ["records.correct.errors.hasRecords"] });
    expect(() =>
      db
        .update(placements)
        .set({ startDate: addDays(today, -7) })
        .where(eq(placements.id, p.id))
        .run(),
    ).toThrow(/weekly records/);
    expect(db.select().from(placements).where(eq(placements.id, p.id)).get()?.startDate).toBe(addDays(today, -14));
    // Withdrawing it before its start is refused too: its weeks hang on it.
    const end = { intent: "withdraw", endedOn: addDays(today, -20), outcome: "not_employed", endReason: "Left", startingSalary: "" };
    expect((await onPlacement(p.id, end)).data.errors).toEqual({ endedOn: ["records.errors.beforeStart"] });
    expect((await onPlacement(p.id, { ...end, endedOn: today })).status).toBe(302);
  });
});

// ---------------------------------------------------------------------------------------------

describe("the order of record is the order of entry (item 9)", () => {
  it("a status dated 1900 cannot replace a red one; the latest entered is current, dated 'as of'", async () => {
    const p = newPlacement(newApprentice().id, { startDate: addDays(today, -60) });
    const set = (status: string, statusDate: string) => onPlacement(p.id, { status, reason: `${status} reason`, statusDate });
    expect((await set("red", addDays(today, -3))).status).toBe(302);
    expect((await set("green", "1900-01-01")).data.errors).toEqual({ statusDate: ["plausible.errors.beforePlacement"] });
    expect((await set("green", addDays(today, -10))).data.errors).toEqual({ statusDate: ["plausible.errors.beforeCurrentStatus"] });
    let page = await call<{ currentStatus: { status: string; followUpDueOn: string | null } }>(placementLoader, staff, `/staff/placements/${p.id}`, {
      placementId: String(p.id),
    });
    expect(page.data.currentStatus).toMatchObject({ status: "red", followUpDueOn: addDays(today, 4) });

    // Entered later, with the same date: it is the current one.
    expect((await set("amber", addDays(today, -3))).status).toBe(302);
    page = await call(placementLoader, staff, `/staff/placements/${p.id}`, { placementId: String(p.id) });
    expect(page.data.currentStatus).toMatchObject({ status: "amber", followUpDueOn: null });
    expect(
      db
        .select()
        .from(manualStatuses)
        .where(eq(manualStatuses.placementId, p.id))
        .orderBy(desc(manualStatuses.id))
        .all()
        .map((s) => s.status),
    ).toEqual(["amber", "red"]);
  });
});

// ---------------------------------------------------------------------------------------------

describe("case records are append-only (item 10)", () => {
  const { apprentice: a, user: aUser } = createApprenticeWithUser(db, { siteId: site.id });
  // Left training 120 days ago: the 3-month check-in fell due about a month ago.
  const p = newPlacement(a.id, { startDate: addDays(today, -200), status: "completed", endedOn: addDays(today, -120), outcome: "retained_by_employer" });
  const retainedAt3Months = () =>
    loadProgrammeOutcomes(
      { id: staff.id, role: "staff", siteId: site.id, employerId: null, apprenticeId: null },
      { from: addDays(today, -200), to: today, today },
    ).report.total.retentionAfterExit[3];

  it("refuses UPDATE and DELETE on notes, comments, notices, their withdrawals, check-ins and placement corrections", () => {
    const note = db.insert(followUpNotes).values({ apprenticeId: a.id, kind: "call", occurredOn: today, body: "x", authorUserId: staff.id }).returning().get();
    const comment = db.insert(careerPlanComments).values({ apprenticeId: a.id, authorUserId: staff.id, body: "x" }).returning().get();
    const notice = db.insert(advanceNotices).values({ placementId: p.id, date: today, kind: "late", reason: "transport" }).returning().get();
    const withdrawal = db.insert(advanceNoticeWithdrawals).values({ noticeId: notice.id, withdrawnBy: aUser.id }).returning().get();
    const checkin = db
      .insert(outcomeCheckins)
      .values({ apprenticeId: a.id, months: 24, checkedOn: today, employed: true, recordedBy: staff.id })
      .returning()
      .get();
    const correction = db
      .insert(placementCorrections)
      .values({ placementId: p.id, fromStartDate: today, toStartDate: today, fromPlannedWeeks: 12, toPlannedWeeks: 12, reason: "x", correctedBy: staff.id })
      .returning()
      .get();
    for (const [table, id] of [
      ["follow_up_notes", note.id],
      ["career_plan_comments", comment.id],
      ["advance_notices", notice.id],
      ["advance_notice_withdrawals", withdrawal.id],
      ["outcome_checkins", checkin.id],
      ["placement_corrections", correction.id],
    ] as const) {
      expect(() => db.$client.prepare(`update ${table} set id = id where id = ?`).run(id), table).toThrow(/append-only/);
      expect(() => db.$client.prepare(`delete from ${table} where id = ?`).run(id), table).toThrow(/append-only/);
    }
  });

  it("a correction points at what it replaces, with a reason, for the same apprentice (the database checks)", () => {
    const other = newApprentice();
    const note = db.insert(followUpNotes).values({ apprenticeId: a.id, kind: "call", occurredOn: today, body: "x", authorUserId: staff.id }).returning().get();
    expect(() =>
      db.insert(followUpNotes).values({ apprenticeId: a.id, kind: "call", occurredOn: today, body: "y", authorUserId: staff.id, supersedesId: note.id }).run(),
    ).toThrow(/correction/);
    expect(() =>
      db
        .insert(followUpNotes)
        .values({ apprenticeId: other.id, kind: "call", occurredOn: today, body: "y", authorUserId: staff.id, supersedesId: note.id, correctionReason: "r" })
        .run(),
    ).toThrow(/correction/);
  });

  it("corrects a follow-up note by a new note; the first stays, as history", async () => {
    expect((await onApprentice(a.id, { intent: "note", kind: "visit", occurredOn: addDays(today, -5), body: "Visited Salon One." })).status).toBe(302);
    const original = db
      .select()
      .from(followUpNotes)
      .where(and(eq(followUpNotes.apprenticeId, a.id), eq(followUpNotes.body, "Visited Salon One.")))
      .get()!;
    const fix = { intent: "correctNote", supersedesId: String(original.id), body: "Visited Salon Two.", correctionReason: "Wrong salon named" };
    expect((await onApprentice(a.id, { ...fix, correctionReason: "" })).data.errors).toEqual({ correctionReason: ["errors.required"] });
    expect((await onApprentice(a.id, fix)).status).toBe(302);
    expect((await onApprentice(a.id, fix)).status).toBe(302);
    const again = await onApprentice(a.id, { ...fix, body: "Visited Salon Three." });
    expect(again.data.errors).toEqual({ form: ["corrections.errors.alreadyCorrected"] });
    expect(db.select().from(followUpNotes).where(eq(followUpNotes.id, original.id)).get()?.body).toBe("Visited Salon One.");
    const corrections = db.select().from(followUpNotes).where(eq(followUpNotes.supersedesId, original.id)).all();
    expect(corrections).toMatchObject([{ body: "Visited Salon Two.", kind: "visit", occurredOn: addDays(today, -5), correctionReason: "Wrong salon named" }]);

    const page = await call<{ notes: { id: number; body: string; earlier: { body: string }[] }[] }>(apprenticeLoader, staff, `/staff/apprentices/${a.id}`, {
      apprenticeId: String(a.id),
    });
    const shown = page.data.notes.filter((n) => n.body.startsWith("Visited"));
    expect(shown).toMatchObject([{ body: "Visited Salon Two.", earlier: [{ body: "Visited Salon One." }] }]);

    // Another apprentice's note is not found from this record.
    const other = newApprentice();
    expect((await onApprentice(other.id, fix)).status).toBe(404);
  });

  it("corrects a plan comment by a new comment; the apprentice reads the corrected one only", async () => {
    expect((await onApprentice(a.id, { intent: "comment", body: "Good plan, see the English clas." })).status).toBe(302);
    const original = db.select().from(careerPlanComments).where(eq(careerPlanComments.body, "Good plan, see the English clas.")).get()!;
    expect(
      (
        await onApprentice(a.id, {
          intent: "correctComment",
          supersedesId: String(original.id),
          body: "Good plan, see the English class.",
          correctionReason: "Typo",
        })
      ).status,
    ).toBe(302);
    const mine = await call<{ comments: Record<string, unknown>[] }>(mePlanLoader, aUser, "/me/plan", {});
    const bodies = mine.data.comments.map((c) => c.body);
    expect(bodies).toContain("Good plan, see the English class.");
    expect(bodies).not.toContain("Good plan, see the English clas.");
    expect(mine.data.comments.every((c) => !("correctionReason" in c) && !("earlier" in c))).toBe(true);
  });

  it("corrects an outcome check-in by a new one for the same months; the report counts the correction", async () => {
    const fields = { intent: "checkin", months: "3", checkedOn: addDays(today, -2), employed: "no", employerName: "", monthlySalary: "", note: "" };
    // Other apprentices of this file may count too: compare with the figures before.
    const before = retainedAt3Months();
    expect((await onApprentice(a.id, fields)).status).toBe(302);
    expect(retainedAt3Months()).toMatchObject({ numerator: before.numerator, denominator: before.denominator + 1 });
    const original = db
      .select()
      .from(outcomeCheckins)
      .where(and(eq(outcomeCheckins.apprenticeId, a.id), eq(outcomeCheckins.months, 3)))
      .get()!;
    // A second 3-month check-in is still refused: a change is a correction.
    expect((await onApprentice(a.id, fields)).data.errors).toEqual({ months: ["staffRecord.errors.checkinExists"] });
    const fix = {
      intent: "correctCheckin",
      checkinId: String(original.id),
      checkedOn: addDays(today, -2),
      employed: "yes",
      employerName: "Salon One",
      monthlySalary: "90",
      note: "",
      correctionReason: "Ticked the wrong box",
    };
    expect((await onApprentice(a.id, { ...fix, monthlySalary: "1e3" })).data.errors).toEqual({ monthlySalary: ["records.errors.money"] });
    expect((await onApprentice(a.id, fix)).status).toBe(302);
    const rows = db
      .select()
      .from(outcomeCheckins)
      .where(and(eq(outcomeCheckins.apprenticeId, a.id), eq(outcomeCheckins.months, 3)))
      .all();
    expect(rows).toMatchObject([
      { id: original.id, employed: false, supersedesId: null },
      { employed: true, monthlySalaryCents: 9000, supersedesId: original.id, correctionReason: "Ticked the wrong box" },
    ]);
    expect(retainedAt3Months()).toMatchObject({ numerator: before.numerator + 1, denominator: before.denominator + 1 });
    const page = await call<{ checkins: { months: number; employed: boolean; earlier: { employed: boolean }[] }[] }>(
      apprenticeLoader,
      staff,
      `/staff/apprentices/${a.id}`,
      { apprenticeId: String(a.id) },
    );
    expect(page.data.checkins.filter((c) => c.months === 3)).toMatchObject([{ employed: true, earlier: [{ employed: false }] }]);
  });
});
