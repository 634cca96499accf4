import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import {
  createApprentice,
  createEmployer,
  createFramework,
  createPlacement,
  createSite,
  createUser,
  createHoliday,
} from "~/db/factories.server";
import { assessments, attendance, auditEvents, educationEvents, weeklyReviews } from "~/db/schema";
import { addDays, mondayOf } from "~/domain/dates";
import { onRecordsChanged } from "~/domain/events";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { action, loader } from "./trainer.placements.$placementId.weeks.$weekOf";

const db = useTestDatabase();
const today = siteToday();
const thisMonday = mondayOf(today);
const lastWeek = addDays(thisMonday, -7);

const site = createSite(db);
const salon = createEmployer(db, { siteId: site.id });
const otherSalon = createEmployer(db, { siteId: site.id });
const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: salon.id });
const secondTrainer = createUser(db, { role: "trainer", siteId: site.id, employerId: salon.id });
const otherTrainer = createUser(db, { role: "trainer", siteId: site.id, employerId: otherSalon.id });
const staff = createUser(db, { role: "staff", siteId: site.id });
const fw = createFramework(db);
const [c1, c2, c3] = fw.competencies;
const start = addDays(thisMonday, -28);
createHoliday(db, { siteId: site.id, date: addDays(lastWeek, 4), nameEn: "A holiday", nameKm: "ថ្ងៃបុណ្យ" });

function newPlacement(trainerUserId = trainer.id) {
  const apprentice = createApprentice(db, { siteId: site.id });
  return createPlacement(db, { apprenticeId: apprentice.id, employerId: salon.id, trainerUserId, frameworkVersionId: fw.version.id, startDate: start });
}

type CardData = Extract<Awaited<ReturnType<typeof loader>>, { submissionKey: string }>;

async function open(placementId: number, weekOf: string, user: { id: number; role: "trainer" | "staff" | "admin" | "apprentice" } = trainer) {
  const cookie = await cookieFor(user);
  return run<CardData>(() => loader({ request: get(`/trainer/placements/${placementId}/weeks/${weekOf}`, { cookie }), params: { placementId: String(placementId), weekOf }, context: context() }));
}

async function submit(placementId: number, weekOf: string, fields: Record<string, string>, user: { id: number; role: "trainer" | "staff" | "admin" | "apprentice" } = trainer) {
  const card = await open(placementId, weekOf, user);
  const cookie = await cookieFor(user);
  const base = card.status === 200 ? { submissionKey: card.data.submissionKey, baseline: card.data.baseline } : { submissionKey: "x".repeat(24), baseline: "0" };
  return run<{ errors: Record<string, string[]> }>(() =>
    action({ request: post(`/trainer/placements/${placementId}/weeks/${weekOf}`, { ...base, ...fields }, { cookie }), params: { placementId: String(placementId), weekOf }, context: context() }),
  );
}

const rows = (placementId: number) => ({
  reviews: db.select().from(weeklyReviews).where(eq(weeklyReviews.placementId, placementId)).orderBy(weeklyReviews.id).all(),
  assessments: db.select().from(assessments).where(eq(assessments.placementId, placementId)).orderBy(assessments.id).all(),
  attendance: db.select().from(attendance).where(eq(attendance.placementId, placementId)).orderBy(attendance.id).all(),
});

describe("the week card", () => {
  it("shows the placement's week: working days without holidays, education afternoons, competencies", async () => {
    const p = newPlacement();
    const { status, data } = await open(p.id, lastWeek);
    expect(status).toBe(200);
    expect(data.days.map((d) => d.date)).toEqual([0, 1, 2, 3, 5].map((i) => addDays(lastWeek, i)));
    expect(data.education.map((e) => e.date)).toEqual([addDays(lastWeek, 1), addDays(lastWeek, 3)]);
    expect(data.totalCount).toBe(4);
    // Week 4 of the placement: skills expected by weeks 2 and 4 are due, week 6 is soon; week 8 waits for "all".
    expect(data.competencies.map((c) => [c.id, c.due, c.soon])).toEqual([
      [c1!.id, true, false],
      [c2!.id, true, false],
      [c3!.id, false, true],
    ]);
    expect(data.missing).toContain(lastWeek);
  });

  it("answers 404 for a placement of another trainer or one that does not exist, and 403 to staff", async () => {
    const p = newPlacement();
    expect((await open(p.id, lastWeek, otherTrainer)).status).toBe(404);
    expect((await open(p.id, lastWeek, secondTrainer)).status).toBe(404);
    expect((await open(999_999, lastWeek)).status).toBe(404);
    expect((await open(Number.NaN, lastWeek)).status).toBe(404);
    expect((await open(p.id, lastWeek, staff)).status).toBe(403);
    const foreign = await submit(p.id, lastWeek, { intent: "submit" }, otherTrainer);
    expect(foreign.status).toBe(404);
    expect(rows(p.id).reviews).toEqual([]);
  });

  it("refuses a week that is not a Monday, in the future or before the start with 400", async () => {
    const p = newPlacement();
    for (const weekOf of [addDays(lastWeek, 1), addDays(thisMonday, 7), addDays(start, -14), "not-a-date"]) {
      expect((await open(p.id, weekOf)).status).toBe(400);
      expect((await submit(p.id, weekOf, { intent: "submit" })).status).toBe(400);
    }
    expect(rows(p.id).reviews).toEqual([]);
  });

  it("submits attendance, two level changes and the review in one go, and tells the flag engine", async () => {
    const p = newPlacement();
    const seen: number[] = [];
    const off = onRecordsChanged((e) => seen.push(e.placementId));
    const absentDay = addDays(lastWeek, 2);
    const outcome = await submit(p.id, lastWeek, {
      intent: "submit",
      [`att.${lastWeek}.status`]: "present",
      [`att.${addDays(lastWeek, 1)}.status`]: "late",
      [`att.${addDays(lastWeek, 1)}.lateMinutes`]: "20",
      [`att.${absentDay}.status`]: "absent",
      [`att.${absentDay}.reason`]: "transport",
      [`level.${c1!.id}`]: "independent",
      [`level.${c2!.id}`]: "with_help",
      [`note.${c1!.id}`]: "Washed and dried alone",
      [`edu.${addDays(lastWeek, 1)}.status`]: "released",
      [`edu.${addDays(lastWeek, 3)}.status`]: "refused",
      [`edu.${addDays(lastWeek, 3)}.reason`]: "Wedding booking",
    });
    off();
    expect(outcome.status).toBe(302);
    expect(outcome.location).toMatch(new RegExp(`/weeks/${lastWeek}\\?submitted=1`));
    const r = rows(p.id);
    expect(r.reviews).toHaveLength(1);
    expect(r.reviews[0]).toMatchObject({ weekOf: lastWeek, noChange: false, trainerUserId: trainer.id });
    expect(r.assessments.map((a) => [a.competencyId, a.level, a.evidenceNote, a.weeklyReviewId])).toEqual([
      [c1!.id, "independent", "Washed and dried alone", r.reviews[0]!.id],
      [c2!.id, "with_help", null, r.reviews[0]!.id],
    ]);
    expect(r.attendance.map((a) => [a.date, a.status, a.lateMinutes, a.absenceReason])).toEqual([
      [lastWeek, "present", null, null],
      [addDays(lastWeek, 1), "late", 20, null],
      [absentDay, "absent", null, "transport"],
    ]);
    expect(db.select().from(educationEvents).all().filter((e) => e.recordedBy === trainer.id).map((e) => [e.kind, e.reason])).toEqual([
      ["released", null],
      ["refused", "Wedding booking"],
    ]);
    expect(seen).toEqual([p.id]);
    expect(db.select().from(auditEvents).where(and(eq(auditEvents.action, "week_submitted"), eq(auditEvents.entityId, String(p.id)))).all()).toHaveLength(1);
  });

  it("records 'reviewed, no change' as a review", async () => {
    const p = newPlacement();
    expect((await submit(p.id, lastWeek, { intent: "submit" })).status).toBe(302);
    expect(rows(p.id).reviews.map((r) => r.noChange)).toEqual([true]);
  });

  it("does not write twice when the same form is sent twice", async () => {
    const p = newPlacement();
    const card = await open(p.id, lastWeek);
    const cookie = await cookieFor(trainer);
    const send = () =>
      run(() =>
        action({
          request: post(`/trainer/placements/${p.id}/weeks/${lastWeek}`, { submissionKey: card.data.submissionKey, baseline: card.data.baseline, intent: "submit", [`level.${c1!.id}`]: "supervised" }, { cookie }),
          params: { placementId: String(p.id), weekOf: lastWeek },
          context: context(),
        }),
      );
    expect((await send()).status).toBe(302);
    expect((await send()).status).toBe(302);
    expect(rows(p.id).reviews).toHaveLength(1);
    expect(rows(p.id).assessments).toHaveLength(1);
  });

  it("marks all present with one tap, then saves one day on its own", async () => {
    const p = newPlacement();
    expect((await submit(p.id, lastWeek, { intent: "all_present" })).status).toBe(302);
    expect(rows(p.id).attendance.map((a) => a.status)).toEqual(["present", "present", "present", "present", "present"]);
    const day = addDays(lastWeek, 1);
    expect((await submit(p.id, lastWeek, { intent: `save_day:${day}`, [`att.${day}.status`]: "absent", [`att.${day}.reason`]: "illness" })).status).toBe(302);
    const after = rows(p.id).attendance;
    expect(after).toHaveLength(6);
    expect(after.at(-1)).toMatchObject({ date: day, status: "absent", absenceReason: "illness", supersedesId: after[1]!.id });
    expect(rows(p.id).reviews).toEqual([]);
  });

  it("answers 400 with field errors and writes nothing for bad input", async () => {
    const p = newPlacement();
    const cases: [Record<string, string>, string][] = [
      [{ [`level.${c1!.id}`]: "expert" }, `level.${c1!.id}`],
      [{ [`att.${lastWeek}.status`]: "late", [`att.${lastWeek}.lateMinutes`]: "-5" }, `att.${lastWeek}.lateMinutes`],
      [{ [`att.${lastWeek}.status`]: "late", [`att.${lastWeek}.lateMinutes`]: "900" }, `att.${lastWeek}.lateMinutes`],
      [{ [`att.${lastWeek}.status`]: "absent" }, `att.${lastWeek}.reason`],
      [{ [`edu.${addDays(lastWeek, 1)}.status`]: "refused" }, `edu.${addDays(lastWeek, 1)}.reason`],
      [{ [`level.${c1!.id}`]: "independent", [`att.${addDays(lastWeek, 4)}.status`]: "present" }, `att.${addDays(lastWeek, 4)}.status`],
    ];
    for (const [fields, field] of cases) {
      const outcome = await submit(p.id, lastWeek, { intent: "submit", ...fields });
      expect(outcome.status, field).toBe(400);
      expect(Object.keys(outcome.data.errors), field).toContain(field);
    }
    expect(rows(p.id)).toEqual({ reviews: [], assessments: [], attendance: [] });
  });

  it("refuses a stale form after another change, and writes nothing", async () => {
    const p = newPlacement();
    const card = await open(p.id, lastWeek);
    await submit(p.id, lastWeek, { intent: "all_present" });
    const cookie = await cookieFor(trainer);
    const outcome = await run<{ errors: Record<string, string[]> }>(() =>
      action({
        request: post(`/trainer/placements/${p.id}/weeks/${lastWeek}`, { submissionKey: card.data.submissionKey, baseline: card.data.baseline, intent: "submit", [`level.${c1!.id}`]: "supervised" }, { cookie }),
        params: { placementId: String(p.id), weekOf: lastWeek },
        context: context(),
      }),
    );
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors.form).toEqual(["week.errors.stale"]);
    expect(rows(p.id).assessments).toEqual([]);
  });

  it("changes a submitted week only with a reason, appending corrections the card shows", async () => {
    const p = newPlacement();
    await submit(p.id, lastWeek, { intent: "submit", [`level.${c1!.id}`]: "independent" });
    const noReason = await submit(p.id, lastWeek, { intent: "submit", [`level.${c1!.id}`]: "supervised" });
    expect(noReason.status).toBe(400);
    expect(noReason.data.errors.correctionReason).toEqual(["week.errors.correctionReason"]);
    const fixed = await submit(p.id, lastWeek, { intent: "submit", [`level.${c1!.id}`]: "supervised", correctionReason: "Ticked the wrong level" });
    expect(fixed.status).toBe(302);
    const r = rows(p.id);
    expect(r.assessments.map((a) => [a.level, a.supersedesId, a.correctionReason])).toEqual([
      ["independent", null, null],
      ["supervised", r.assessments[0]!.id, "Ticked the wrong level"],
    ]);
    expect(r.reviews.map((x) => [x.supersedesId, x.correctionReason])).toEqual([
      [null, null],
      [r.reviews[0]!.id, "Ticked the wrong level"],
    ]);
    const card = await open(p.id, lastWeek);
    expect(card.data.reviewed).toBe(true);
    expect(card.data.corrections).toMatchObject([{ from: "independent", to: "supervised", reason: "Ticked the wrong level" }]);
    expect(card.data.reviews).toHaveLength(2);
  });

  it("lists missed weeks for catch-up and clears them one after another", async () => {
    const p = newPlacement();
    const before = (await open(p.id, thisMonday)).data.missing;
    expect(before).toEqual([0, 1, 2, 3].map((i) => addDays(mondayOf(start), 7 * i)));
    for (const weekOf of before) expect((await submit(p.id, weekOf, { intent: "submit" })).status).toBe(302);
    expect((await open(p.id, thisMonday)).data.missing).toEqual([]);
  });
});
