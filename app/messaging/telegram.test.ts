/**
 * Telegram against a local fake Bot API server (app/test/fake-telegram.ts): linking by
 * `/start <token>` and `/stop`, through the webhook and through long polling, and a reminder
 * pass whose links open the week card.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import { resetRateLimits } from "~/auth/rate-limit.server";
import { createApprentice, createEmployer, createFramework, createPlacement, createSite, createUser } from "~/db/factories.server";
import { runReminderPass, sendDueMessages } from "~/db/reminders.server";
import { auditEvents, reminderOutbox, signInLinks, telegramChats } from "~/db/schema";
import { createTelegramLinkToken } from "~/db/telegram-links.server";
import { FakeTelegram } from "~/test/fake-telegram";
import { useTestDatabase } from "~/test/db";
import { BASE, context, get, post, run } from "~/test/requests";

import { setMessagingConfig, type MessagingConfig } from "./config.server";
import { resetTelegramRuntime, startPolling, stopPolling, telegramRuntime } from "./telegram.server";

process.env.DEMO_TODAY = "2026-11-20";

const TOKEN = "424242:fake-token-for-the-tests-0123456789";
const SECRET = "webhook-secret-for-the-tests";
const fake = new FakeTelegram(TOKEN);

const db = useTestDatabase();
const site = createSite(db, { code: "TG" });
const salon = createEmployer(db, { siteId: site.id, name: "Salon Telegram" });
const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: salon.id, displayName: "Trainer Tep", locale: "en" });
const trainerKm = createUser(db, { role: "trainer", siteId: site.id, employerId: salon.id, displayName: "Trainer Kunthea", locale: "km" });
const unlinkedTrainer = createUser(db, { role: "trainer", siteId: site.id, employerId: salon.id, displayName: "Trainer Nolink" });
const staff = createUser(db, { role: "staff", siteId: site.id });
const fw = createFramework(db);
const placementOf = (trainerUserId: number, preferredName: string) => {
  const apprentice = createApprentice(db, { siteId: site.id, preferredName });
  return {
    apprentice,
    placement: createPlacement(db, {
      apprenticeId: apprentice.id,
      employerId: salon.id,
      trainerUserId,
      frameworkVersionId: fw.version.id,
      startDate: "2026-10-05",
    }),
  };
};
const p1 = placementOf(trainer.id, "Sophea");
const p2 = placementOf(trainer.id, "Malis");
placementOf(trainerKm.id, "Vanny");
placementOf(unlinkedTrainer.id, "Nobody");

const config = (mode: "webhook" | "polling"): MessagingConfig => ({
  publicUrl: BASE,
  linkHours: 72,
  telegram: { token: TOKEN, apiRoot: fake.apiRoot, mode, webhookSecret: mode === "webhook" ? SECRET : null, username: null },
  sms: null,
});

beforeAll(async () => {
  await fake.listen();
  setMessagingConfig(config("webhook"));
  resetTelegramRuntime();
  await telegramRuntime()!.bot.init();
});
afterAll(async () => {
  setMessagingConfig(undefined);
  resetTelegramRuntime();
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  resetRateLimits();
});

const webhook = async (body: unknown, headers: Record<string, string> = { "x-telegram-bot-api-secret-token": SECRET }) => {
  const { action } = await import("~/routes/telegram.webhook");
  return run<string>(() =>
    action({
      request: new Request(`${BASE}/telegram/webhook`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
      params: {},
      context: context(),
    }),
  );
};
const say = (chatId: number, text: string, extra: Partial<Parameters<FakeTelegram["makeUpdate"]>[0]> = {}) =>
  webhook(fake.makeUpdate({ chatId, text, ...extra }));
const chatOf = (userId: number) => db.select().from(telegramChats).where(eq(telegramChats.userId, userId)).get()?.chatId ?? null;
const newToken = (userId: number, now?: Date) => createTelegramLinkToken({ userId, createdBy: staff.id, ...(now ? { now } : {}) }).token;

describe("linking a chat by webhook", () => {
  it("binds the chat on /start <token> and answers in the trainer's language", async () => {
    expect((await say(1001, `/start ${newToken(trainer.id)}`)).status).toBe(200);
    expect(chatOf(trainer.id)).toBe("1001");
    expect(fake.messagesTo(1001).map((m) => m.text)).toEqual([expect.stringMatching(/^Linked\. Hello Trainer Tep: reminders/)]);
    const audit = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "telegram_linked"), eq(auditEvents.entityId, String(trainer.id))))
      .get();
    expect(audit?.actorUserId).toBe(trainer.id);

    await say(2002, `/start ${newToken(trainerKm.id)}`);
    expect(chatOf(trainerKm.id)).toBe("2002");
    expect(fake.messagesTo(2002)[0]!.text).toMatch(/^បានភ្ជាប់ហើយ។ សួស្តី Trainer Kunthea/);
  });

  it("answers a reused, expired, unknown or missing token politely in both languages, and binds nothing", async () => {
    const token = newToken(unlinkedTrainer.id);
    await say(3003, `/start ${token}`);
    expect(chatOf(unlinkedTrainer.id)).toBe("3003");
    fake.reset();
    const expired = newToken(unlinkedTrainer.id, new Date(Date.now() - 25 * 3_600_000));
    const tries = [`/start ${token}`, `/start ${expired}`, `/start ${"A".repeat(43)}`, "/start", "/start ../../etc"];
    for (const [i, text] of tries.entries()) {
      expect((await say(4000 + i, text)).status).toBe(200);
      const [reply] = fake.messagesTo(4000 + i);
      expect(reply?.text).toMatch(/^តំណនេះមិនដំណើរការទេ[\s\S]*\n\nThis link does not work/);
    }
    expect(
      db
        .select()
        .from(telegramChats)
        .all()
        .filter((c) => c.chatId.startsWith("400")),
    ).toEqual([]);
    expect(chatOf(unlinkedTrainer.id)).toBe("3003");
  });

  it("ignores updates without the secret token, with a wrong one, or that are not updates", async () => {
    const update = fake.makeUpdate({ chatId: 5005, text: `/start ${newToken(unlinkedTrainer.id)}` });
    expect((await webhook(update, {})).status).toBe(401);
    expect((await webhook(update, { "x-telegram-bot-api-secret-token": `${SECRET}x` })).status).toBe(401);
    expect((await webhook("{not json", { "x-telegram-bot-api-secret-token": SECRET })).status).toBe(400);
    expect((await webhook({ message: { text: "/start" } })).status).toBe(400);
    expect(fake.sent).toEqual([]);
    expect(db.select().from(telegramChats).where(eq(telegramChats.chatId, "5005")).get()).toBeUndefined();
    const { loader } = await import("~/routes/telegram.webhook");
    expect((await run(() => loader())).status).toBe(404);
  });

  it("ignores forged or stray content: a group chat, a sender who is not the chat, a bot, a repeated update", async () => {
    const token = newToken(unlinkedTrainer.id);
    await say(-6006, `/start ${token}`, { chatType: "group", fromId: 6006 });
    await say(6007, `/start ${token}`, { fromId: 9999 });
    await say(6008, `/start ${token}`, { fromBot: true });
    expect(fake.sent).toEqual([]);
    expect(chatOf(unlinkedTrainer.id)).toBe("3003");
    // The token was not spent by the ignored updates; a repeat of one update is handled once.
    const update = fake.makeUpdate({ chatId: 6009, text: `/start ${token}` });
    await webhook(update);
    await webhook(update);
    expect(chatOf(unlinkedTrainer.id)).toBe("6009");
    expect(fake.messagesTo(6009)).toHaveLength(1);
  });

  it("unbinds on /stop from the linked chat, and ignores /stop or chatter from a chat nobody linked", async () => {
    await say(7777, "/stop");
    await say(7777, "hello bot");
    expect(fake.sent).toEqual([]);
    await say(6009, "/stop");
    expect(chatOf(unlinkedTrainer.id)).toBeNull();
    expect(fake.messagesTo(6009)[0]!.text).toMatch(/^បានបញ្ឈប់ហើយ/);
    const audit = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "telegram_unlinked"), eq(auditEvents.entityId, String(unlinkedTrainer.id))))
      .all()
      .at(-1);
    expect(audit?.detail).toMatchObject({ reason: "stop" });
  });
});

describe("linking a chat by long polling", () => {
  it("binds the chat from an update fetched with getUpdates", async () => {
    setMessagingConfig(config("polling"));
    resetTelegramRuntime();
    const runtime = telegramRuntime()!;
    startPolling(runtime, () => {});
    try {
      const waiting = fake.waitForMessage((m) => m.chatId === "8008");
      await fake.pushUpdate({ chatId: 8008, text: `/start ${newToken(unlinkedTrainer.id)}` });
      expect((await waiting).text).toMatch(/^បានភ្ជាប់ហើយ/);
      expect(chatOf(unlinkedTrainer.id)).toBe("8008");
      expect(fake.calls.some((c) => c.method === "getUpdates")).toBe(true);
    } finally {
      await stopPolling(runtime);
      setMessagingConfig(config("webhook"));
      resetTelegramRuntime();
      await telegramRuntime()!.bot.init();
    }
    // Back to the chats the next tests expect: this trainer unlinked.
    await say(8008, "/stop");
  });
});

describe("a reminder pass through Telegram", () => {
  const friday = { today: "2026-11-20", time: "16:30", now: new Date("2026-11-20T09:30:00Z") };

  it("sends exactly one message per linked trainer, whose links open the week card signed in as that trainer", async () => {
    const result = await runReminderPass(db, { ...friday, config: config("webhook") });
    expect(result.queued).toEqual([{ siteCode: "TG", kind: "weekly", weekOf: "2026-11-16", queued: 2 }]);
    expect(result.sent).toEqual({ sent: 2, failed: 0, cancelled: 0 });
    expect(fake.messagesTo(1001)).toHaveLength(1);
    expect(fake.messagesTo(2002)).toHaveLength(1);
    expect(fake.sent).toHaveLength(2);
    const calls = fake.calls.filter((c) => c.method === "sendMessage");
    expect(calls.every((c) => (c.body.link_preview_options as { is_disabled?: boolean } | undefined)?.is_disabled === true)).toBe(true);

    const text = fake.messagesTo(1001)[0]!.text;
    expect(text).toContain(`• Sophea (${p1.apprentice.code})`);
    expect(text).toContain(`• Malis (${p2.apprentice.code})`);
    const links = [...text.matchAll(/http:\/\/localhost:3000(\/signin\/([A-Za-z0-9_-]{43})\?to=(\S+))/g)];
    expect(links.map((l) => l[3])).toEqual([
      `/trainer/placements/${p1.placement.id}/weeks/2026-11-16`,
      `/trainer/placements/${p2.placement.id}/weeks/2026-11-16`,
    ]);
    // Stored as a short-lived reminder link, hashed, for this trainer only.
    const link = db
      .select()
      .from(signInLinks)
      .where(eq(signInLinks.purpose, "reminder"))
      .all()
      .find((l) => l.userId === trainer.id)!;
    expect(link.tokenHash).not.toBe(links[0]![2]);
    expect((link.expiresAt.getTime() - link.createdAt.getTime()) / 3_600_000).toBe(72);

    // Following the link: a confirm page, then the week card, signed in as the trainer.
    const [, path, token] = links[1]!;
    const { loader: openLoader, action: openAction } = await import("~/routes/signin.$token/route");
    const shown = await run<{ state: string; target: string | null }>(() => openLoader({ request: get(path!), params: { token: token! }, context: context() }));
    expect(shown.data).toMatchObject({ state: "valid", target: `/trainer/placements/${p2.placement.id}/weeks/2026-11-16` });
    const opened = await run(() =>
      openAction({ request: post(`/signin/${token}`, { to: shown.data.target! }), params: { token: token! }, context: context() }),
    );
    expect(opened.status).toBe(302);
    expect(opened.location).toBe(`/trainer/placements/${p2.placement.id}/weeks/2026-11-16`);
    const cookie = opened.headers
      .get("set-cookie")!
      .split(/,(?=\s*__session=)/)
      .at(-1)!
      .split(";")[0]!
      .trim();
    const { loader: weekLoader } = await import("~/routes/trainer.placements.$placementId.weeks.$weekOf/route");
    const card = await run<{ weekOf: string }>(() =>
      weekLoader({ request: get(opened.location!, { cookie }), params: { placementId: String(p2.placement.id), weekOf: "2026-11-16" }, context: context() }),
    );
    expect(card.status).toBe(200);

    // A second pass sends nothing new.
    const again = await runReminderPass(db, { ...friday, time: "17:00", config: config("webhook") });
    expect(again).toEqual({ queued: [], sent: { sent: 0, failed: 0, cancelled: 0 } });
    expect(fake.sent).toHaveLength(2);
  });

  it("records the provider's error and tries again after the backoff; a blocked bot unlinks the chat", async () => {
    const monday = { today: "2026-11-23", time: "10:00", now: new Date("2026-11-23T03:00:00Z") };
    // The Monday reminder for the week still missing: Telegram fails for the first chat it tries, then blocks the second.
    fake.failNext(1, { errorCode: 500, description: "Internal Server Error" });
    fake.failNext(1, { errorCode: 403, description: "Forbidden: bot was blocked by the user" });
    const first = await runReminderPass(db, { ...monday, config: config("webhook") });
    expect(first.sent).toEqual({ sent: 0, failed: 2, cancelled: 0 });
    const rows = db.select().from(reminderOutbox).where(eq(reminderOutbox.kind, "monday")).all();
    const [retrying, blocked] = [rows.find((r) => r.lastError?.startsWith("Telegram 500"))!, rows.find((r) => r.lastError?.startsWith("Telegram 403"))!];
    expect(retrying).toMatchObject({ status: "failed", lastError: "Telegram 500: Internal Server Error", attempts: 1 });
    expect(retrying.nextAttemptAt).toEqual(new Date(monday.now.getTime() + 60_000));
    expect(blocked).toMatchObject({ status: "failed", nextAttemptAt: null });
    expect(chatOf(blocked.recipientUserId)).toBeNull();
    // The failed attempt's link was ended with it.
    expect(db.select().from(signInLinks).where(eq(signInLinks.id, retrying.signInLinkId!)).get()?.revokedAt).toBeInstanceOf(Date);

    const later = await sendDueMessages(db, { ...monday, now: new Date(monday.now.getTime() + 2 * 60_000), config: config("webhook") });
    expect(later).toEqual({ sent: 1, failed: 0, cancelled: 0 });
    expect(db.select().from(reminderOutbox).where(eq(reminderOutbox.id, retrying.id)).get()).toMatchObject({ status: "sent", attempts: 2 });
    expect(fake.sent).toHaveLength(1);
    const nothing = await runReminderPass(db, { ...monday, now: new Date(monday.now.getTime() + 60 * 60_000), time: "11:00", config: config("webhook") });
    expect(nothing).toEqual({ queued: [], sent: { sent: 0, failed: 0, cancelled: 0 } });
  });
});
