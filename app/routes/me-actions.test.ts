/**
 * What the apprentice sends: advance notices, confidential feedback and their own PIN,
 * each with good, bad, repeated and foreign input. Called as Remix would, on a real database.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

import { verifySecret } from "~/auth/password.server";
import { registerFlagHooks } from "~/db/flags.server";
import {
  createApprenticeWithUser,
  createEmployer,
  createFramework,
  createHoliday,
  createPlacement,
  createSite,
  createUser,
  recordFeedback,
} from "~/db/factories.server";
import { advanceNotices, advanceNoticeWithdrawals, auditEvents, feedback, flags, users } from "~/db/schema";
import { addDays, mondayOf } from "~/domain/dates";
import { onRecordsChanged, type RecordsChanged } from "~/domain/events";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { action as feedbackAction, loader as feedbackLoader } from "./me.feedback/route";
import { action as noticesAction, loader as noticesLoader } from "./me.notices/route";
import { action as pinAction } from "./me.pin/route";
import { loader as trainerHomeLoader } from "./trainer._index/route";
import { loader as weekCardLoader } from "./trainer.placements.$placementId.weeks.$weekOf/route";

const db = useTestDatabase();
const today = siteToday();
const thisMonday = mondayOf(today);

const site = createSite(db);
const salon = createEmployer(db, { siteId: site.id, name: "Salon A" });
const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: salon.id });
const staff = createUser(db, { role: "staff", siteId: site.id });
const fw = createFramework(db);
createHoliday(db, { siteId: site.id, date: addDays(today, 3), nameEn: "A holiday", nameKm: "ថ្ងៃបុណ្យ" });

/** An apprentice with an account and an active placement that works every day of the week. */
function newApprentice(over: { pin?: string } = {}) {
  const { apprentice, user } = createApprenticeWithUser(db, { siteId: site.id }, over.pin ? { pin: over.pin } : {});
  const placement = createPlacement(db, {
    apprenticeId: apprentice.id,
    employerId: salon.id,
    trainerUserId: trainer.id,
    frameworkVersionId: fw.version.id,
    startDate: addDays(thisMonday, -28),
    // Every weekday works, so "today" is a working day whatever day the tests run.
    workingWeekdays: "1,2,3,4,5,6,7",
  });
  return { apprentice, user, placement };
}

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
type Errors = { errors: Record<string, string[]>; nextOn?: string | null };
const postTo = (action: (args: ActionFunctionArgs) => Promise<unknown>, path: string) => async (who: Who, fields: Record<string, string>) =>
  run<Errors>(async () => action({ request: post(path, fields, { cookie: await cookieFor(who) }), context: context(), params: {} }));
const getFrom =
  <T>(loader: (a: { request: Request; context: ReturnType<typeof context>; params: Record<string, string> }) => Promise<T>, path: string) =>
  async (who: Who) =>
    run<Awaited<T>>(async () => loader({ request: get(path, { cookie: await cookieFor(who) }), context: context(), params: {} }));

const sendNotice = postTo(noticesAction, "/me/notices");
const viewNotices = getFrom(noticesLoader, "/me/notices");
const sendFeedback = postTo(feedbackAction, "/me/feedback");
const viewFeedback = getFrom(feedbackLoader, "/me/feedback?sent=1");
const changePin = postTo(pinAction, "/me/pin");

const noticesOf = (placementId: number) => db.select().from(advanceNotices).where(eq(advanceNotices.placementId, placementId)).all();
const withdrawalsOf = (noticeId: number) => db.select().from(advanceNoticeWithdrawals).where(eq(advanceNoticeWithdrawals.noticeId, noticeId)).all();
const activeNoticesOf = (placementId: number) =>
  db
    .select({ id: advanceNotices.id, date: advanceNotices.date, kind: advanceNotices.kind, reason: advanceNotices.reason })
    .from(advanceNotices)
    .leftJoin(advanceNoticeWithdrawals, eq(advanceNoticeWithdrawals.noticeId, advanceNotices.id))
    .where(and(eq(advanceNotices.placementId, placementId), isNull(advanceNoticeWithdrawals.id)))
    .all();

describe("advance notices", () => {
  const a = newApprentice();
  const other = newApprentice();

  it("records 'I will be absent today because …', and the trainer sees it on /trainer and on the week card", async () => {
    const sent = await sendNotice(a.user, { intent: "give", kind: "absent", date: today, reason: "illness" });
    expect(sent).toMatchObject({ status: 302, location: "/me/notices?sent=1" });
    expect(activeNoticesOf(a.placement.id)).toMatchObject([{ date: today, kind: "absent", reason: "illness" }]);

    const home = await getFrom(trainerHomeLoader, "/trainer")(trainer);
    const row = home.data.placements.find((p) => p.placementId === a.placement.id);
    expect(row?.notices).toEqual([{ date: today, kind: "absent", reason: "illness" }]);
    const card = await run(async () =>
      weekCardLoader({
        request: get(`/trainer/placements/${a.placement.id}/weeks/${thisMonday}`, { cookie: await cookieFor(trainer) }),
        context: context(),
        params: { placementId: String(a.placement.id), weekOf: thisMonday },
      }),
    );
    const day = (card.data as { days: { date: string; notice: { kind: string } | null }[] }).days.find((d) => d.date === today);
    expect(day?.notice).toMatchObject({ kind: "absent", reason: "illness" });

    const mine = await viewNotices(a.user);
    expect(mine.data.notices.upcoming).toMatchObject([{ date: today, kind: "absent", reason: "illness" }]);
  });

  it("writes once on a double submit, and a different notice for the same day replaces the first", async () => {
    const fields = { intent: "give", kind: "late", date: addDays(today, 1), reason: "transport" };
    expect((await sendNotice(a.user, fields)).status).toBe(302);
    expect((await sendNotice(a.user, fields)).status).toBe(302);
    expect(noticesOf(a.placement.id).filter((n) => n.date === fields.date)).toHaveLength(1);

    expect((await sendNotice(a.user, { ...fields, kind: "absent", reason: "childcare" })).status).toBe(302);
    const forDay = noticesOf(a.placement.id).filter((n) => n.date === fields.date);
    expect(forDay).toHaveLength(2);
    expect(forDay.filter((n) => withdrawalsOf(n.id).length === 0)).toMatchObject([{ kind: "absent", reason: "childcare" }]);
    // The replaced notice is withdrawn by a row of its own: the notice itself is never changed.
    expect(withdrawalsOf(forDay.find((n) => n.kind === "late")!.id)).toMatchObject([{ withdrawnBy: a.user.id }]);
  });

  it("refuses a date in the past, more than 30 days ahead or on a day off with a clear message, and writes nothing", async () => {
    const before = noticesOf(a.placement.id).length;
    for (const [date, error] of [
      [addDays(today, -1), "notice2.errors.past"],
      [addDays(today, 31), "notice2.errors.too_far"],
      [addDays(today, 3), "notice2.errors.day_off"],
      ["2026-02-30", "notice2.errors.invalid"],
      ["", "notice2.errors.invalid"],
    ] as const) {
      const refused = await sendNotice(a.user, { intent: "give", kind: "absent", date, reason: "family" });
      expect(refused.status, date).toBe(400);
      expect(refused.data.errors.date, date).toEqual([error]);
    }
    expect((await sendNotice(a.user, { intent: "give", kind: "absent", date: addDays(today, 30), reason: "family" })).status).toBe(302);
    expect(noticesOf(a.placement.id).length).toBe(before + 1);
  });

  it("refuses a kind or reason that is not on the list", async () => {
    const before = noticesOf(a.placement.id).length;
    const badKind = await sendNotice(a.user, { intent: "give", kind: "holiday", date: today, reason: "family" });
    expect(badKind.status).toBe(400);
    expect(badKind.data.errors.kind).toEqual(["notice2.errors.kind"]);
    const badReason = await sendNotice(a.user, { intent: "give", kind: "late", date: today, reason: "overslept" });
    expect(badReason.data.errors.reason).toEqual(["notice2.errors.reason"]);
    expect(noticesOf(a.placement.id).length).toBe(before);
  });

  it("can be taken back until that day; a second take-back changes nothing; a past one is refused", async () => {
    const [notice] = activeNoticesOf(a.placement.id).filter((n) => n.date === today);
    expect((await sendNotice(a.user, { intent: "withdraw", noticeId: String(notice!.id) })).status).toBe(302);
    const withdrawn = withdrawalsOf(notice!.id);
    expect(withdrawn).toMatchObject([{ withdrawnBy: a.user.id }]);
    expect((await sendNotice(a.user, { intent: "withdraw", noticeId: String(notice!.id) })).status).toBe(302);
    expect(withdrawalsOf(notice!.id)).toEqual(withdrawn);
    const home = await getFrom(trainerHomeLoader, "/trainer")(trainer);
    expect(home.data.placements.find((p) => p.placementId === a.placement.id)?.notices.some((n) => n.date === today)).toBe(false);
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, "advance_notice_withdrawn")).all()).toHaveLength(1);

    const past = db
      .insert(advanceNotices)
      .values({ placementId: a.placement.id, date: addDays(today, -2), kind: "late", reason: "transport" })
      .returning()
      .get();
    const late = await sendNotice(a.user, { intent: "withdraw", noticeId: String(past.id) });
    expect(late.status).toBe(400);
    expect(late.data.errors.form).toEqual(["notice2.errors.tooLate"]);
    expect(withdrawalsOf(past.id)).toEqual([]);
  });

  it("is only ever for the apprentice's own active placement: ids in the form or of others are not found", async () => {
    const theirs = db.insert(advanceNotices).values({ placementId: other.placement.id, date: today, kind: "late", reason: "family" }).returning().get();
    expect((await sendNotice(a.user, { intent: "withdraw", noticeId: String(theirs.id) })).status).toBe(404);
    expect((await sendNotice(a.user, { intent: "withdraw", noticeId: "not-a-number" })).status).toBe(404);
    expect(withdrawalsOf(theirs.id)).toEqual([]);

    const before = noticesOf(other.placement.id).length;
    await sendNotice(a.user, { intent: "give", kind: "late", date: addDays(today, 2), reason: "transport", placementId: String(other.placement.id) });
    expect(noticesOf(other.placement.id).length).toBe(before);
    expect(noticesOf(a.placement.id).some((n) => n.date === addDays(today, 2))).toBe(true);
    expect(JSON.stringify((await viewNotices(a.user)).data)).not.toContain(`"id":${theirs.id},`);
  });

  it("answers 404 to an apprentice without an active placement, and 403 to trainers and staff", async () => {
    const { user } = createApprenticeWithUser(db, { siteId: site.id });
    expect((await sendNotice(user, { intent: "give", kind: "late", date: today, reason: "transport" })).status).toBe(404);
    expect((await viewNotices(user)).data).toMatchObject({ hasPlacement: false });
    expect((await sendNotice(trainer, { intent: "give", kind: "late", date: today, reason: "transport" })).status).toBe(403);
    expect((await viewNotices(staff)).status).toBe(403);
  });
});

describe("confidential feedback", () => {
  const good = { explainsRating: "4", learningRating: "5", fairnessRating: "4", safetyRating: "4", comment: "My trainer is patient. canary-4f1c" };
  const feedbackOf = (placementId: number) => db.select().from(feedback).where(eq(feedback.placementId, placementId)).all();

  it("records four ratings and a comment, audits the id only, and tells the flag engine", async () => {
    const b = newApprentice();
    const events: RecordsChanged[] = [];
    const off = onRecordsChanged((e) => events.push(e));
    const sent = await sendFeedback(b.user, good);
    off();
    expect(sent).toMatchObject({ status: 302, location: "/me/feedback?sent=1" });
    expect(feedbackOf(b.placement.id)).toMatchObject([
      { explainsRating: 4, learningRating: 5, fairnessRating: 4, safetyRating: 4, comment: "My trainer is patient. canary-4f1c" },
    ]);
    expect(events).toEqual([{ placementId: b.placement.id, kinds: ["feedback"] }]);
    const audits = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "feedback_given"), eq(auditEvents.entityId, String(b.placement.id))))
      .all();
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain("canary");
    const after = await viewFeedback(b.user);
    expect(after.data).toMatchObject({ open: false, lastOn: today, nextOn: addDays(today, 14), justSent: { safetyLow: false } });
  });

  it("after 'I feel safe' of 2 or less, raises an urgent flag at once and shows how to reach the counsellor", async () => {
    const c = newApprentice();
    const stop = registerFlagHooks({ database: () => db, today: () => today });
    try {
      expect((await sendFeedback(c.user, { ...good, safetyRating: "2", comment: "" })).status).toBe(302);
    } finally {
      stop();
    }
    expect(feedbackOf(c.placement.id)).toMatchObject([{ safetyRating: 2, comment: null }]);
    const raised = db
      .select()
      .from(flags)
      .where(and(eq(flags.placementId, c.placement.id), eq(flags.rule, "feedback_concern")))
      .all();
    expect(raised).toMatchObject([{ severity: "urgent", status: "open" }]);
    expect((await viewFeedback(c.user)).data.justSent).toEqual({ safetyLow: true });
  });

  it("writes once on a double submit; a second feedback inside 14 days is refused with the day it opens again", async () => {
    const d = newApprentice();
    expect((await sendFeedback(d.user, good)).status).toBe(302);
    expect((await sendFeedback(d.user, good)).status).toBe(302);
    expect(feedbackOf(d.placement.id)).toHaveLength(1);
    const second = await sendFeedback(d.user, { ...good, explainsRating: "2" });
    expect(second.status).toBe(400);
    expect(second.data.errors.form).toEqual(["feedback.errors.tooSoon"]);
    expect(second.data.nextOn).toBe(addDays(today, 14));
    expect(feedbackOf(d.placement.id)).toHaveLength(1);
  });

  it("opens again 14 days after the last feedback", async () => {
    const e = newApprentice();
    recordFeedback(db, {
      placementId: e.placement.id,
      explainsRating: 3,
      learningRating: 3,
      fairnessRating: 3,
      safetyRating: 3,
      submittedAt: new Date(Date.now() - 13 * 86_400_000),
    });
    const tooSoon = await sendFeedback(e.user, good);
    expect(tooSoon.status).toBe(400);
    expect(tooSoon.data.nextOn! > today).toBe(true);
    const f = newApprentice();
    recordFeedback(db, {
      placementId: f.placement.id,
      explainsRating: 3,
      learningRating: 3,
      fairnessRating: 3,
      safetyRating: 3,
      submittedAt: new Date(Date.now() - 15 * 86_400_000),
    });
    expect((await sendFeedback(f.user, good)).status).toBe(302);
    expect(feedbackOf(f.placement.id)).toHaveLength(2);
  });

  it("refuses a rating outside 1–5, a missing rating and a comment over 1000 characters, writing nothing", async () => {
    const g = newApprentice();
    for (const [fields, field, error] of [
      [{ ...good, explainsRating: "6" }, "explainsRating", "feedback.errors.rating"],
      [{ ...good, learningRating: "0" }, "learningRating", "feedback.errors.rating"],
      [{ ...good, fairnessRating: "3.5" }, "fairnessRating", "feedback.errors.rating"],
      [{ ...good, safetyRating: "" }, "safetyRating", "feedback.errors.rating"],
      [{ ...good, safetyRating: "happy" }, "safetyRating", "feedback.errors.rating"],
      [{ ...good, comment: "ក".repeat(1001) }, "comment", "feedback.errors.commentTooLong"],
    ] as const) {
      const refused = await sendFeedback(g.user, fields);
      expect(refused.status, field).toBe(400);
      expect(refused.data.errors[field], field).toEqual([error]);
    }
    const { explainsRating: _e, ...missing } = good;
    expect((await sendFeedback(g.user, missing)).data.errors.explainsRating).toEqual(["feedback.errors.rating"]);
    expect(feedbackOf(g.placement.id)).toEqual([]);
    // A comment of exactly 1000 Khmer characters is fine.
    expect((await sendFeedback(g.user, { ...good, comment: "ក".repeat(1000) })).status).toBe(302);
  });

  it("is about the apprentice's own active placement only: a placement id in the form is ignored", async () => {
    const h = newApprentice();
    const victim = newApprentice();
    expect((await sendFeedback(h.user, { ...good, placementId: String(victim.placement.id) })).status).toBe(302);
    expect(feedbackOf(victim.placement.id)).toEqual([]);
    expect(feedbackOf(h.placement.id)).toHaveLength(1);
  });

  it("never reaches the trainer, and is the apprentice's page alone", async () => {
    const home = await getFrom(trainerHomeLoader, "/trainer")(trainer);
    expect(JSON.stringify(home.data)).not.toContain("canary");
    expect((await viewFeedback(trainer)).status).toBe(403);
    expect((await sendFeedback(trainer, good)).status).toBe(403);
    expect((await sendFeedback(staff, good)).status).toBe(403);
    const { user } = createApprenticeWithUser(db, { siteId: site.id });
    expect((await sendFeedback(user, good)).status).toBe(404);
  });
});

describe("changing my own PIN", () => {
  const i = newApprentice({ pin: "482913" });
  const row = () => db.select().from(users).where(eq(users.id, i.user.id)).get()!;
  afterAll(() => {
    db.update(users).set({ lockedUntil: null, failedSignIns: 0 }).where(eq(users.id, i.user.id)).run();
  });

  it("changes the PIN after the current PIN (or password) and the new one twice", async () => {
    expect(await changePin(i.user, { current: "482913", pin: "730158", pinAgain: "730158" })).toMatchObject({ status: 302, location: "/me/pin?changed=1" });
    expect(await verifySecret(row().pinHash!, "730158")).toBe(true);
    expect((await changePin(i.user, { current: "career-pathways", pin: "604817", pinAgain: "604817" })).status).toBe(302);
    expect(await verifySecret(row().pinHash!, "604817")).toBe(true);
  });

  it("refuses a PIN that is not 6 digits, easy to guess, or not the same twice, and keeps the old one", async () => {
    const before = row().pinHash;
    expect((await changePin(i.user, { current: "604817", pin: "12345", pinAgain: "12345" })).data.errors.pin).toEqual(["pin.errors.format"]);
    expect((await changePin(i.user, { current: "604817", pin: "111111", pinAgain: "111111" })).data.errors.pin).toEqual(["pin.errors.guessable"]);
    expect((await changePin(i.user, { current: "604817", pin: "730158", pinAgain: "730159" })).data.errors.pinAgain).toEqual(["pin.errors.mismatch"]);
    expect((await changePin(i.user, { current: "", pin: "730158", pinAgain: "730158" })).data.errors.current).toEqual(["errors.required"]);
    expect(row().pinHash).toBe(before);
  });

  it("counts a wrong current PIN towards the lock: 5 wrong tries lock the account for 15 minutes", async () => {
    for (let n = 1; n <= 4; n++) {
      const wrong = await changePin(i.user, { current: "000001", pin: "730158", pinAgain: "730158" });
      expect(wrong.status).toBe(400);
      expect(wrong.data.errors.current).toEqual(["pin.errors.wrongCurrent"]);
    }
    const fifth = await changePin(i.user, { current: "000001", pin: "730158", pinAgain: "730158" });
    expect(fifth.status).toBe(400);
    expect(fifth.data.errors.form).toEqual(["pin.locked"]);
    const lockedUntil = row().lockedUntil!;
    expect(lockedUntil.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    // Even the right PIN is refused while locked.
    expect((await changePin(i.user, { current: "604817", pin: "730158", pinAgain: "730158" })).data.errors.form).toEqual(["pin.locked"]);
    expect(await verifySecret(row().pinHash!, "604817")).toBe(true);
  });

  it("is the apprentice's own: trainers and staff get 403", async () => {
    expect((await changePin(trainer, { current: "career-pathways", pin: "730158", pinAgain: "730158" })).status).toBe(403);
    expect((await changePin(staff, { current: "career-pathways", pin: "730158", pinAgain: "730158" })).status).toBe(403);
  });
});
