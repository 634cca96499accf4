import http from "node:http";
import type { AddressInfo } from "node:net";

import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { createApprentice, createEmployer, createFramework, createPlacement, createSite, createUser, recordWeeklyReview } from "~/db/factories.server";
import type { MessagingConfig } from "~/messaging/config.server";
import type { SendResult, Transport } from "~/messaging/transports.server";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, run } from "~/test/requests";

import { deactivateAccount } from "./admin.server";
import { queueDueReminders, runReminderPass, sendDueMessages, type TrainerPayload } from "./reminders.server";
import { auditEvents, reminderOutbox, telegramChats } from "./schema";

process.env.DEMO_TODAY = "2026-11-20";

const db = useTestDatabase();
const site = createSite(db, { code: "RM", nameEn: "Reminder Town", nameKm: "ក្រុងរំលឹក" });
const otherSite = createSite(db);
const salon = createEmployer(db, { siteId: site.id, name: "Salon One" });
const cafe = createEmployer(db, { siteId: site.id, name: "Cafe Two" });
const trainerA = createUser(db, {
  role: "trainer",
  siteId: site.id,
  employerId: salon.id,
  displayName: "Trainer Anna",
  locale: "en",
  phone: "+855 12 345 678",
});
const trainerB = createUser(db, { role: "trainer", siteId: site.id, employerId: cafe.id, displayName: "Trainer Bopha", locale: "km" });
const staff = createUser(db, { role: "staff", siteId: site.id, displayName: "Staff Sok", locale: "en" });
const admin = createUser(db, { role: "admin" });
const fw = createFramework(db);
const place = (trainerId: number, employerId: number, name: string) => {
  const apprentice = createApprentice(db, { siteId: site.id, preferredName: name, legalName: `Secret Legal ${name}` });
  return {
    apprentice,
    placement: createPlacement(db, {
      apprenticeId: apprentice.id,
      employerId,
      trainerUserId: trainerId,
      frameworkVersionId: fw.version.id,
      startDate: "2026-10-05",
    }),
  };
};
const a1 = place(trainerA.id, salon.id, "Sreymom");
const a2 = place(trainerA.id, salon.id, "Channary");
const b1 = place(trainerB.id, cafe.id, "Dara");
// A week already submitted gets no reminder.
recordWeeklyReview(db, { placementId: a2.placement.id, weekOf: "2026-11-16", trainerUserId: trainerA.id });

/** A transport that records what it was asked to send. */
function capture(channel: Transport["channel"], answer: () => Promise<SendResult> = async () => ({ ok: true, providerId: "p-1" })) {
  const sent: { to: string; text: string }[] = [];
  const transport: Transport = {
    channel,
    async send(to, text) {
      sent.push({ to, text });
      return answer();
    },
  };
  return { sent, transport };
}

const logOnly: MessagingConfig = { publicUrl: "https://portal.example", linkHours: 72, telegram: null, sms: null };
const FRIDAY = { today: "2026-11-20", time: "16:30", now: new Date("2026-11-20T09:30:00Z") };
const outbox = () => db.select().from(reminderOutbox).all();

beforeEach(() => {
  db.delete(reminderOutbox).run();
});

describe("the weekly reminder pass (log transport, the offline demo)", () => {
  it("queues nothing before the site's time", async () => {
    const log = capture("log");
    const result = await runReminderPass(db, { ...FRIDAY, time: "15:59", config: logOnly, transports: { log: log.transport } });
    expect(result.queued).toEqual([]);
    expect(outbox()).toEqual([]);
  });

  it("sends one message per trainer whose week is missing, listing only the apprentices still to do", async () => {
    const log = capture("log");
    const result = await runReminderPass(db, { ...FRIDAY, config: logOnly, transports: { log: log.transport } });
    expect(result.queued).toEqual([{ siteCode: "RM", kind: "weekly", weekOf: "2026-11-16", queued: 2 }]);
    expect(result.sent).toEqual({ sent: 2, failed: 0, cancelled: 0 });
    const rows = outbox();
    expect(rows.map((r) => [r.recipientUserId, r.kind, r.channel, r.status, r.locale]).sort()).toEqual(
      [
        [trainerA.id, "weekly", "log", "sent", "en"],
        [trainerB.id, "weekly", "log", "sent", "km"],
      ].sort(),
    );
    const anna = rows.find((r) => r.recipientUserId === trainerA.id)!;
    expect((anna.payload as TrainerPayload).items.map((i) => i.code)).toEqual([a1.apprentice.code]);
    const annaText = log.sent.find((s) => s.to === `user ${trainerA.id}`)!.text;
    expect(annaText).toContain(`• Sreymom (${a1.apprentice.code})`);
    expect(annaText).not.toContain("Channary");
    // The log transport carries no sign-in token: the link shows "…" in its place.
    expect(annaText).toContain(`https://portal.example/signin/…?to=/trainer/placements/${a1.placement.id}/weeks/2026-11-16`);
    expect(log.sent.find((s) => s.to === `user ${trainerB.id}`)!.text).toMatch(/^សួស្តី Trainer Bopha/);
  });

  it("carries the apprentice's code and preferred name only: never a legal name", async () => {
    const log = capture("log");
    await runReminderPass(db, { ...FRIDAY, config: logOnly, transports: { log: log.transport } });
    for (const { text } of log.sent) expect(text).not.toMatch(/Secret Legal/);
    for (const row of outbox()) expect(JSON.stringify(row.payload)).not.toMatch(/Secret Legal/);
  });

  it("is idempotent: a second pass, a restart or a second process sends nothing new; the database refuses a duplicate", async () => {
    const log = capture("log");
    await runReminderPass(db, { ...FRIDAY, config: logOnly, transports: { log: log.transport } });
    const again = await runReminderPass(db, { ...FRIDAY, time: "17:45", config: logOnly, transports: { log: log.transport } });
    expect(again.queued).toEqual([]);
    expect(again.sent).toEqual({ sent: 0, failed: 0, cancelled: 0 });
    // Two processes at once: both queue, one row each survives; both send, each row goes once.
    const [one, two] = await Promise.all([
      runReminderPass(db, { ...FRIDAY, time: "18:00", config: logOnly, transports: { log: log.transport } }),
      runReminderPass(db, { ...FRIDAY, time: "18:00", config: logOnly, transports: { log: log.transport } }),
    ]);
    expect(one.sent.sent + two.sent.sent).toBe(0);
    expect(log.sent).toHaveLength(2);
    const row = outbox()[0]!;
    expect(() =>
      db
        .insert(reminderOutbox)
        .values({
          kind: row.kind,
          recipientUserId: row.recipientUserId,
          siteId: row.siteId,
          weekOf: row.weekOf,
          channel: row.channel,
          locale: row.locale,
          payload: {},
        })
        .run(),
    ).toThrow(/UNIQUE constraint failed/);
  });

  it("cancels a queued reminder when the week is submitted before it goes", async () => {
    // Friday 6 November, for the week of 2 November.
    const friday = { today: "2026-11-06", time: "16:30", now: new Date("2026-11-06T09:30:00Z") };
    queueDueReminders(db, { ...friday, config: logOnly });
    recordWeeklyReview(db, { placementId: b1.placement.id, weekOf: "2026-11-02", trainerUserId: trainerB.id });
    const log = capture("log");
    const result = await sendDueMessages(db, { ...friday, config: logOnly, transports: { log: log.transport } });
    expect(result).toEqual({ sent: 1, failed: 0, cancelled: 1 });
    expect(outbox().find((r) => r.recipientUserId === trainerB.id)).toMatchObject({ status: "cancelled", lastError: "week_submitted" });
    expect(log.sent.map((s) => s.to)).toEqual([`user ${trainerA.id}`]);
  });

  it("on Monday sends the firmer reminder for the week still missing, and staff a digest; a submitted week gets none", async () => {
    // Monday 16 November, for the week of 9 November: trainer A submitted both apprentices' weeks.
    recordWeeklyReview(db, { placementId: a1.placement.id, weekOf: "2026-11-09", trainerUserId: trainerA.id });
    recordWeeklyReview(db, { placementId: a2.placement.id, weekOf: "2026-11-09", trainerUserId: trainerA.id });
    const log = capture("log");
    const monday = { today: "2026-11-16", now: new Date("2026-11-16T02:30:00Z"), config: logOnly, transports: { log: log.transport } };
    expect((await runReminderPass(db, { ...monday, time: "08:59" })).queued).toEqual([]);
    const result = await runReminderPass(db, { ...monday, time: "09:30" });
    expect(result.queued).toEqual([
      { siteCode: "RM", kind: "monday", weekOf: "2026-11-09", queued: 1 },
      { siteCode: "RM", kind: "digest", weekOf: "2026-11-09", queued: 1 },
    ]);
    expect(log.sent.map((s) => s.to).sort()).toEqual([`user ${staff.id}`, `user ${trainerB.id}`].sort());
    const [toTrainer, toStaff] = [log.sent.find((s) => s.to === `user ${trainerB.id}`)!, log.sent.find((s) => s.to === `user ${staff.id}`)!];
    expect(toTrainer.text).toContain("បញ្ជីពិនិត្យសប្តាហ៍មុន");
    expect(toTrainer.text).toContain(b1.apprentice.code);
    expect(toStaff.text).toContain("Weekly checklists still missing at Reminder Town for the week of 9 Nov 2026:");
    expect(toStaff.text).toContain("• Trainer Bopha, Cafe Two: 1 apprentice");
    expect(toStaff.text).not.toContain("Trainer Anna");
  });
});

describe("the SMS gateway transport", () => {
  const received: { url: string; body: string; auth: string | undefined }[] = [];
  let status = 200;
  const gateway = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ url: req.url ?? "", body, auth: req.headers.authorization });
      res.writeHead(status, { "content-type": "text/plain" }).end(status === 200 ? "queued-42" : "gateway down");
    });
  });
  afterAll(() => new Promise<void>((resolve) => gateway.close(() => resolve())));

  async function smsConfig(): Promise<MessagingConfig> {
    if (!gateway.listening) await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
    const port = (gateway.address() as AddressInfo).port;
    return {
      publicUrl: "https://portal.example",
      linkHours: 72,
      telegram: null,
      sms: {
        url: `http://127.0.0.1:${port}/send?to={{to}}`,
        method: "POST",
        body: '{"to":"{{to}}","message":"{{text}}"}',
        contentType: "application/json",
        authorization: "Bearer gw-key",
      },
    };
  }

  it("fills the templates, records a gateway error, and retries it after the backoff", async () => {
    const config = await smsConfig();
    received.length = 0;
    status = 503;
    const first = await runReminderPass(db, { ...FRIDAY, config });
    // Only the trainer with a phone has a channel when SMS is the only transport.
    expect(first.queued).toEqual([{ siteCode: "RM", kind: "weekly", weekOf: "2026-11-16", queued: 1 }]);
    expect(first.sent).toEqual({ sent: 0, failed: 1, cancelled: 0 });
    expect(received[0]!.url).toBe("/send?to=%2B85512345678");
    expect(received[0]!.auth).toBe("Bearer gw-key");
    const body = JSON.parse(received[0]!.body) as { to: string; message: string };
    expect(body.to).toBe("+85512345678");
    expect(body.message).toContain("this week's checklist (week of 16 Nov 2026)");
    expect(body.message).toMatch(/https:\/\/portal\.example\/signin\/[A-Za-z0-9_-]{43}\?to=\/trainer\/placements\/\d+\/weeks\/2026-11-16/);
    const failed = outbox()[0]!;
    expect(failed).toMatchObject({ status: "failed", attempts: 1, lastError: "SMS gateway 503: gateway down" });
    expect(failed.nextAttemptAt!.getTime() - FRIDAY.now.getTime()).toBe(60_000);

    // Before the backoff has passed nothing is tried; after it, the message goes.
    status = 200;
    expect((await sendDueMessages(db, { ...FRIDAY, now: new Date(FRIDAY.now.getTime() + 30_000), config })).sent).toBe(0);
    const retried = await sendDueMessages(db, { ...FRIDAY, now: new Date(FRIDAY.now.getTime() + 61_000), config });
    expect(retried).toEqual({ sent: 1, failed: 0, cancelled: 0 });
    expect(outbox()[0]).toMatchObject({ status: "sent", attempts: 2, providerMessageId: "queued-42", lastError: "SMS gateway 503: gateway down" });
    expect(received).toHaveLength(2);
    const audits = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(trainerA.id)))
      .all()
      .map((a) => a.action);
    expect(audits).toEqual(expect.arrayContaining(["reminder_failed", "reminder_sent"]));
  });
});

describe("a failing transport", () => {
  const both: MessagingConfig = {
    publicUrl: "https://portal.example",
    linkHours: 72,
    telegram: { token: "1:x", apiRoot: "http://127.0.0.1:9", mode: "polling", webhookSecret: null, username: "bot" },
    sms: { url: "http://127.0.0.1:9/", method: "POST", body: "{{text}}", contentType: "text/plain", authorization: null },
  };

  it("never holds up another transport, and a page answers while it hangs", async () => {
    db.insert(telegramChats).values({ userId: trainerB.id, chatId: "5001" }).run();
    let release: (value: SendResult) => void = () => {};
    const hanging = capture("telegram", () => new Promise<SendResult>((resolve) => (release = resolve)));
    let smsDone: () => void = () => {};
    const smsCalled = new Promise<void>((resolve) => (smsDone = resolve));
    const sms = capture("sms", async () => {
      smsDone();
      return { ok: true, providerId: "ok" };
    });
    const pass = runReminderPass(db, { ...FRIDAY, config: both, transports: { telegram: hanging.transport, sms: sms.transport } });
    await smsCalled;
    // Telegram is still hanging; the SMS went, and staff can open the reminders page meanwhile.
    expect(hanging.sent).toHaveLength(1);
    expect(sms.sent).toHaveLength(1);
    const { loader } = await import("~/routes/staff.reminders");
    const page = await run<{ sites: { messages: { status: string; channel: string }[] }[] }>(async () =>
      loader({ request: get("/staff/reminders", { cookie: await cookieFor(staff) }), params: {}, context: context() }),
    );
    expect(page.status).toBe(200);
    expect(page.data.sites[0]!.messages.map((m) => `${m.channel} ${m.status}`).sort()).toEqual(["sms sent", "telegram sending"]);
    release({ ok: false, error: "Telegram 502: Bad Gateway", retryable: true });
    expect((await pass).sent).toEqual({ sent: 1, failed: 1, cancelled: 0 });
    db.delete(telegramChats).run();
  });

  it("that throws is recorded as a failure of its own message only", async () => {
    const broken: Transport = {
      channel: "log",
      async send(to) {
        if (to === `user ${trainerA.id}`) throw new Error("disk full");
        return { ok: true, providerId: null };
      },
    };
    const result = await runReminderPass(db, { ...FRIDAY, config: logOnly, transports: { log: broken } });
    expect(result.sent).toEqual({ sent: 1, failed: 1, cancelled: 0 });
    expect(outbox().find((r) => r.recipientUserId === trainerA.id)).toMatchObject({ status: "failed", lastError: "disk full" });
  });
});

describe("staff see their own site's reminders only", () => {
  it("scopes /staff/reminders to the caller's site; admin sees every site", async () => {
    const { loader } = await import("~/routes/staff.reminders");
    const otherStaff = createUser(db, { role: "staff", siteId: otherSite.id });
    const view = async (user: { id: number; role: "trainer" | "staff" | "admin" | "apprentice" }) =>
      (
        await run<{ sites: { id: number }[] }>(async () =>
          loader({ request: get("/staff/reminders", { cookie: await cookieFor(user) }), params: {}, context: context() }),
        )
      ).data.sites.map((s) => s.id);
    expect(await view(staff)).toEqual([site.id]);
    expect(await view(otherStaff)).toEqual([otherSite.id]);
    expect(await view(admin)).toEqual(expect.arrayContaining([site.id, otherSite.id]));
  });
});

describe("deactivating a trainer", () => {
  it("unlinks their Telegram and says so in the audit log", () => {
    const leaving = createUser(db, { role: "trainer", siteId: site.id, employerId: salon.id });
    db.insert(telegramChats).values({ userId: leaving.id, chatId: "7007" }).run();
    expect(deactivateAccount({ userId: leaving.id, actorUserId: admin.id })).toBe(true);
    expect(db.select().from(telegramChats).where(eq(telegramChats.userId, leaving.id)).all()).toEqual([]);
    const unlinked = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "telegram_unlinked"), eq(auditEvents.entityId, String(leaving.id))))
      .get();
    expect(unlinked?.detail).toMatchObject({ reason: "deactivated" });
  });
});
