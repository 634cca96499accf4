import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { createApprentice, createEmployer, createFramework, createPlacement, createSite, createUser, createHoliday } from "~/db/factories.server";
import { advanceNotices, assessments, attendance, auditEvents, educationAfternoons, educationEvents, users, weeklyReviews, weekSubmissions } from "~/db/schema";
import { addDays, mondayOf } from "~/domain/dates";
import { onRecordsChanged } from "~/domain/events";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { action, loader } from "./route";

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
  return run<CardData>(() =>
    loader({
      request: get(`/trainer/placements/${placementId}/weeks/${weekOf}`, { cookie }),
      params: { placementId: String(placementId), weekOf },
      context: context(),
    }),
  );
}

async function submit(
  placementId: number,
  weekOf: string,
  fields: Record<string, string>,
  user: { id: number; role: "trainer" | "staff" | "admin" | "apprentice" } = trainer,
) {
  const card = await open(placementId, weekOf, user);
  const cookie = await cookieFor(user);
  const base =
    card.status === 200 ? { submissionKey: card.data.submissionKey, baseline: card.data.baseline } : { submissionKey: "x".repeat(24), baseline: "0" };
  return run<{ errors: Record<string, string[]> }>(() =>
    action({
      request: post(`/trainer/placements/${placementId}/weeks/${weekOf}`, { ...base, ...fields }, { cookie }),
      params: { placementId: String(placementId), weekOf },
      context: context(),
    }),
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
    // Week 4 of the placement: skills expected by weeks 2 and 4 are due, week 6 is soon; week 8 shows under "All".
    expect(data.competencies.map((c) => [c.id, c.due, c.soon, c.inDueView])).toEqual([
      [c1!.id, true, false, true],
      [c2!.id, true, false, true],
      [c3!.id, false, true, true],
      [fw.competencies[3]!.id, false, false, false],
    ]);
    expect(data.missing).toContain(lastWeek);
  });

  it("sends each text once, in the page's language only: a Khmer card holds no English name, an English card no Khmer one", async () => {
    const p = newPlacement();
    const texts = (locale: "en" | "km") => {
      const k = locale === "km" ? "Km" : "En";
      return [
        ...fw.competencies.flatMap((c) => [c[`title${k}`], c[`criteria${k}`]]),
        locale === "km" ? "មូលដ្ឋាន" : "Basics",
        fw.framework[`trade${k}`],
        locale === "km" ? "ថ្ងៃបុណ្យ" : "A holiday",
      ];
    };
    try {
      for (const [locale, other] of [
        ["km", "en"],
        ["en", "km"],
      ] as const) {
        db.update(users).set({ locale }).where(eq(users.id, trainer.id)).run();
        const { data } = await open(p.id, lastWeek);
        const sent = JSON.stringify(data);
        for (const text of texts(locale)) expect(sent, `${locale} card`).toContain(JSON.stringify(text));
        for (const text of texts(other)) expect(sent, `${locale} card`).not.toContain(text);
        expect(data.competencies[0]).toEqual({
          id: c1!.id,
          unitId: c1!.unitId,
          code: c1!.code,
          title: c1![locale === "km" ? "titleKm" : "titleEn"],
          criteria: c1![locale === "km" ? "criteriaKm" : "criteriaEn"],
          expectedByWeek: c1!.expectedByWeek,
          level: null,
          due: true,
          soon: false,
          inDueView: true,
        });
      }
    } finally {
      db.update(users).set({ locale: null }).where(eq(users.id, trainer.id)).run();
    }
  });

  it("shows a notice's kind and reason, never the apprentice's own note (it reached the page's data before)", async () => {
    const p = newPlacement();
    const canary = `own-note-${p.id}-never-for-the-trainer`;
    db.insert(advanceNotices)
      .values({ placementId: p.id, date: addDays(thisMonday, 1), kind: "absent", reason: "illness", note: canary })
      .run();
    const card = await open(p.id, thisMonday);
    expect(card.status).toBe(200);
    expect(card.data.days.find((d) => d.date === addDays(thisMonday, 1))?.notice).toEqual({ kind: "absent", reason: "illness" });
    expect(JSON.stringify(card.data)).not.toContain(canary);
  });

  it("lists the coming week's notices that are beside none of its days, of this placement only", async () => {
    const p = newPlacement();
    const other = newPlacement();
    const nextMonday = addDays(thisMonday, 7); // within the 7 days ahead of any day of this week
    db.insert(advanceNotices).values({ placementId: p.id, date: nextMonday, kind: "late", reason: "transport" }).run();
    db.insert(advanceNotices).values({ placementId: other.id, date: nextMonday, kind: "absent", reason: "illness" }).run();
    const card = await open(p.id, thisMonday);
    expect(card.status).toBe(200);
    expect(card.data.upcomingNotices).toEqual([{ date: nextMonday, kind: "late", reason: "transport" }]);
  });

  it("past the planned end, shows every competency not yet reached as due (the rule /me shows)", async () => {
    const apprentice = createApprentice(db, { siteId: site.id });
    const overrun = createPlacement(db, {
      apprenticeId: apprentice.id,
      employerId: salon.id,
      trainerUserId: trainer.id,
      frameworkVersionId: fw.version.id,
      startDate: start,
      plannedWeeks: 3,
    });
    const { data } = await open(overrun.id, lastWeek);
    // Week 4 of a 3-week placement: the skill planned for week 8 is due too, and nothing is only "soon".
    expect(data.competencies.map((c) => [c.due, c.soon, c.inDueView])).toEqual(fw.competencies.map(() => [true, false, true]));
    expect(data.dueCount).toBe(4);
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
    expect(
      db
        .select()
        .from(educationEvents)
        .all()
        .filter((e) => e.recordedBy === trainer.id)
        .map((e) => [e.kind, e.reason]),
    ).toEqual([
      ["released", null],
      ["refused", "Wedding booking"],
    ]);
    expect(seen).toEqual([p.id]);
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "week_submitted"), eq(auditEvents.entityId, String(p.id))))
        .all(),
    ).toMatchObject([{ actorUserId: trainer.id, entity: "placement", detail: { weekOf: lastWeek, assessments: 2, attendance: 3, education: 2 } }]);
    // What the columns left to their defaults hold: the moment of writing.
    const written = [...r.assessments.map((a) => a.createdAt), ...r.attendance.map((a) => a.createdAt), r.reviews[0]!.submittedAt];
    for (const moment of written) expect(Math.abs(moment.getTime() - Date.now())).toBeLessThan(60_000);
    expect(db.select().from(weekSubmissions).where(eq(weekSubmissions.placementId, p.id)).all()).toMatchObject([
      { weekOf: lastWeek, trainerUserId: trainer.id, intent: "submit", weeklyReviewId: r.reviews[0]!.id },
    ]);
  });

  it("records 'reviewed, no change' as a review", async () => {
    const p = newPlacement();
    expect((await submit(p.id, lastWeek, { intent: "submit" })).status).toBe(302);
    expect(rows(p.id).reviews.map((r) => r.noChange)).toEqual([true]);
  });

  /** Send the same form (same submission key and baseline) as often as asked. */
  async function sender(placementId: number, weekOf: string, fields: Record<string, string>, query = "") {
    const card = await open(placementId, weekOf);
    const cookie = await cookieFor(trainer);
    return () =>
      run<Record<string, unknown>>(() =>
        action({
          request: post(
            `/trainer/placements/${placementId}/weeks/${weekOf}${query}`,
            { submissionKey: card.data.submissionKey, baseline: card.data.baseline, ...fields },
            { cookie },
          ),
          params: { placementId: String(placementId), weekOf },
          context: context(),
        }),
      );
  }
  const answerOf = (o: { status: number; location: string | null; data: unknown }) => ({
    status: o.status,
    location: o.location,
    data: o.status === 200 ? o.data : null,
  });

  it("answers a resend of the same form as the first, whichever button sent it, and writes once", async () => {
    const p = newPlacement();
    // The resend of a submitted week with an evidence note and a week note used to ask for a correction reason.
    const submitWeek = await sender(
      p.id,
      lastWeek,
      { intent: "submit", [`level.${c1!.id}`]: "supervised", [`note.${c1!.id}`]: "Rinsed alone", weekNote: "Good week", [`att.${lastWeek}.status`]: "present" },
      "?show=all",
    );
    const first = await submitWeek();
    expect(first.status).toBe(302);
    expect(first.location).toBe(`/trainer/placements/${p.id}/weeks/${lastWeek}?submitted=1&show=all`);
    for (let i = 0; i < 3; i++) expect(answerOf(await submitWeek())).toEqual(answerOf(first));
    expect(rows(p.id).reviews).toHaveLength(1);
    expect(rows(p.id).assessments).toHaveLength(1);
    expect(rows(p.id).attendance).toHaveLength(1);

    // A save, and a save that keeps an unsent week note on screen: the same answers again.
    const q = newPlacement();
    const allPresent = await sender(q.id, lastWeek, { intent: "all_present", [`level.${c2!.id}`]: "with_help" });
    const saved = await allPresent();
    expect(saved.location).toBe(`/trainer/placements/${q.id}/weeks/${lastWeek}?saved=1`);
    expect(answerOf(await allPresent())).toEqual(answerOf(saved));
    const withNote = await sender(q.id, lastWeek, {
      intent: "save",
      [`att.${lastWeek}.status`]: "late",
      [`att.${lastWeek}.lateMinutes`]: "5",
      weekNote: "Left early on Friday",
    });
    const kept = await withNote();
    expect(kept.status).toBe(200);
    expect(kept.data).toEqual({ saved: true, values: { weekNote: "Left early on Friday", show: "due" } });
    expect(answerOf(await withNote())).toEqual(answerOf(kept));
    const r = rows(q.id);
    expect(r.attendance.map((a) => [a.date, a.status])).toEqual([...[0, 1, 2, 3, 5].map((i) => [addDays(lastWeek, i), "present"]), [lastWeek, "late"]]);
    expect(r.assessments.map((a) => [a.competencyId, a.level, a.weeklyReviewId])).toEqual([[c2!.id, "with_help", null]]);
    expect(r.reviews).toEqual([]);
    expect(
      db
        .select()
        .from(weekSubmissions)
        .where(eq(weekSubmissions.placementId, q.id))
        .all()
        .map((w) => w.intent),
    ).toEqual(["all_present", "save"]);
  });

  it("refuses a submission key already used for another card", async () => {
    const p = newPlacement();
    const q = newPlacement();
    const first = await submit(p.id, lastWeek, { intent: "submit" });
    expect(first.status).toBe(302);
    const [used] = db.select().from(weekSubmissions).where(eq(weekSubmissions.placementId, p.id)).all();
    const card = await open(q.id, lastWeek);
    const cookie = await cookieFor(trainer);
    const outcome = await run<{ errors: Record<string, string[]>; form: { submissionKey: string } }>(() =>
      action({
        request: post(
          `/trainer/placements/${q.id}/weeks/${lastWeek}`,
          { submissionKey: used!.submissionKey, baseline: card.data.baseline, intent: "submit" },
          { cookie },
        ),
        params: { placementId: String(q.id), weekOf: lastWeek },
        context: context(),
      }),
    );
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toEqual({ form: ["week.errors.damaged"] });
    expect(outcome.data.form.submissionKey).not.toBe(used!.submissionKey);
    expect(rows(q.id).reviews).toEqual([]);
  });

  it("saves everything entered with 'All present' and 'Save', never only the attendance", async () => {
    const p = newPlacement();
    const day = addDays(lastWeek, 1);
    const outcome = await submit(p.id, lastWeek, {
      intent: "all_present",
      [`att.${day}.status`]: "absent",
      [`att.${day}.reason`]: "illness",
      [`level.${c1!.id}`]: "independent",
      [`note.${c1!.id}`]: "Blow-dry alone",
      [`edu.${addDays(lastWeek, 3)}.status`]: "refused",
      [`edu.${addDays(lastWeek, 3)}.reason`]: "Wedding booking",
    });
    expect(outcome.status).toBe(302);
    const r = rows(p.id);
    expect(r.attendance.map((a) => a.status)).toEqual(["present", "absent", "present", "present", "present"]);
    expect(r.assessments.map((a) => [a.competencyId, a.level, a.evidenceNote])).toEqual([[c1!.id, "independent", "Blow-dry alone"]]);
    const afternoons = db
      .select()
      .from(educationEvents)
      .innerJoin(educationAfternoons, eq(educationAfternoons.id, educationEvents.afternoonId))
      .where(eq(educationAfternoons.placementId, p.id))
      .all();
    expect(afternoons.map((e) => [e.education_events.kind, e.education_events.reason])).toEqual([["refused", "Wedding booking"]]);
    expect(r.reviews).toEqual([]);
    const card = await open(p.id, lastWeek);
    expect(card.data.reviewed).toBe(false);
    expect(card.data.competencies.find((c) => c.id === c1!.id)).toMatchObject({ level: "independent", inDueView: true });
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
      [{ [`att.${addDays(lastWeek, 14)}.status`]: "present" }, `att.${addDays(lastWeek, 14)}.status`],
      [{ "level.999999": "independent" }, "level.999999"],
      [{ [`edu.${addDays(lastWeek, 2)}.status`]: "released" }, `edu.${addDays(lastWeek, 2)}.status`],
      [{ [`note.${c1!.id}`]: "x".repeat(501), [`level.${c1!.id}`]: "with_help" }, `note.${c1!.id}`],
      [{ weekNote: "x".repeat(501) }, "weekNote"],
      [{ intent: "save_day:2026-01-01" }, "intent"],
    ];
    for (const [fields, field] of cases) {
      const outcome = await submit(p.id, lastWeek, { intent: "submit", ...fields });
      expect(outcome.status, field).toBe(400);
      expect(Object.keys(outcome.data.errors), field).toContain(field);
    }
    expect(rows(p.id)).toEqual({ reviews: [], assessments: [], attendance: [] });
  });

  it("refuses a stale form after another change, writes nothing, keeps the entries and names what changed", async () => {
    const p = newPlacement();
    const card = await open(p.id, lastWeek);
    // Another tab submits the week with Tuesday absent.
    const tuesday = addDays(lastWeek, 1);
    await submit(p.id, lastWeek, { intent: "submit", [`att.${tuesday}.status`]: "absent", [`att.${tuesday}.reason`]: "transport" });
    const cookie = await cookieFor(trainer);
    const outcome = await run<{ errors: Record<string, string[]>; values: Record<string, string>; stale: { changed: string[] }; form: { baseline: string } }>(
      () =>
        action({
          request: post(
            `/trainer/placements/${p.id}/weeks/${lastWeek}`,
            {
              submissionKey: card.data.submissionKey,
              baseline: card.data.baseline,
              intent: "submit",
              [`level.${c1!.id}`]: "supervised",
              [`att.${lastWeek}.status`]: "present",
              [`att.${lastWeek}.lateMinutes`]: "",
              weekNote: "Quiet week",
            },
            { cookie },
          ),
          params: { placementId: String(p.id), weekOf: lastWeek },
          context: context(),
        }),
    );
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors).toEqual({ form: ["week.errors.stale"] });
    expect(outcome.data.values).toEqual({
      [`level.${c1!.id}`]: "supervised",
      [`att.${lastWeek}.status`]: "present",
      [`att.${lastWeek}.lateMinutes`]: "",
      weekNote: "Quiet week",
    });
    expect(outcome.data.stale.changed).toEqual([`att.${tuesday}`, "review"]);
    const fresh = await open(p.id, lastWeek);
    expect(outcome.data.form.baseline).toBe(fresh.data.baseline);
    expect(fresh.data.reviewed).toBe(true);
    expect(rows(p.id).assessments).toEqual([]);
    expect(rows(p.id).reviews).toHaveLength(1);
  });

  it("refuses field names that could reach a prototype with 400, changes no object and writes nothing", async () => {
    const p = newPlacement();
    const other = createPlacement(db, {
      apprenticeId: createApprentice(db, { siteId: site.id }).id,
      employerId: otherSalon.id,
      trainerUserId: otherTrainer.id,
      frameworkVersionId: fw.version.id,
      startDate: start,
    });
    const craftedForms: Record<string, string>[] = [
      { "__proto__.toString": "x" },
      { "__proto__.weekNote": "Written into every review" },
      { "constructor.prototype.weekNote": "x" },
      { "level.__proto__": "independent" },
    ];
    for (const crafted of craftedForms) {
      const outcome = await submit(p.id, lastWeek, { intent: "submit", ...crafted });
      expect(outcome.status, Object.keys(crafted)[0]).toBe(400);
      expect(outcome.data.errors).toEqual({ form: ["week.errors.fieldName"] });
    }
    expect(typeof {}.toString).toBe("function");
    expect(({} as Record<string, unknown>).weekNote).toBeUndefined();
    expect(rows(p.id)).toEqual({ reviews: [], assessments: [], attendance: [] });
    // Everyone else is still served, and their writes carry only what they sent.
    expect((await open(other.id, lastWeek, otherTrainer)).status).toBe(200);
    expect((await submit(other.id, lastWeek, { intent: "submit" }, otherTrainer)).status).toBe(302);
    expect(rows(other.id).reviews.map((r) => r.note)).toEqual([null]);
  });

  it("answers 415, not 500, to a body that is not a form", async () => {
    const p = newPlacement();
    const cookie = await cookieFor(trainer);
    const outcome = await run<{ errors: Record<string, string[]> }>(() =>
      action({
        request: new Request(new URL(`/trainer/placements/${p.id}/weeks/${lastWeek}`, "http://localhost:3000"), {
          method: "POST",
          body: "{}",
          headers: { "Content-Type": "application/json", cookie },
        }),
        params: { placementId: String(p.id), weekOf: lastWeek },
        context: context(),
      }),
    );
    expect(outcome.status).toBe(415);
    expect(JSON.parse(outcome.data as unknown as string)).toEqual({ formError: "form.body.unsupported" });
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
