import { and, eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";

import { resetRateLimits } from "~/auth/rate-limit.server";
import { createEmployer, createSite, createUser } from "~/db/factories.server";
import { auditEvents, reminderSchedules, telegramChats, telegramLinkTokens } from "~/db/schema";
import { createLink } from "~/db/sign-in-links.server";
import { setMessagingConfig, type MessagingConfig } from "~/messaging/config.server";
import { resetTelegramRuntime } from "~/messaging/telegram.server";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";

import { action as openAction, loader as openLoader } from "./signin.$token/route";
import { action as remindersAction, loader as remindersLoader } from "./staff.reminders";
import { action as trainerPageAction, loader as trainerPageLoader } from "./staff.trainers.$trainerId";
import { action as homeAction, loader as homeLoader } from "./trainer._index/route";

const db = useTestDatabase();
const pp = createSite(db);
const sr = createSite(db);
const salon = createEmployer(db, { siteId: pp.id });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id, displayName: "Trainer Rem", phone: "012 345 678" });
const gone = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id, active: false });
const staff = createUser(db, { role: "staff", siteId: pp.id });
const staffSr = createUser(db, { role: "staff", siteId: sr.id });
const admin = createUser(db, { role: "admin" });

// The bot's username is configured, so no Bot API server is needed to draw t.me links.
const withTelegram: MessagingConfig = {
  publicUrl: "https://portal.example",
  linkHours: 72,
  telegram: { token: "515151:route-tests-token-0123456789abc", apiRoot: "http://127.0.0.1:9", mode: "polling", webhookSecret: null, username: "PortalTestBot" },
  sms: null,
};
const offline: MessagingConfig = { ...withTelegram, telegram: null };

beforeEach(() => {
  resetRateLimits();
  setMessagingConfig(withTelegram);
  resetTelegramRuntime();
});
afterAll(() => {
  setMessagingConfig(undefined);
  resetTelegramRuntime();
});

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
type TelegramData = { telegram: { created: { url: string; svg: string } | null; unlinked: boolean; error: string | null } | null };

const onTrainerPage = async (who: Who, fields: Record<string, string>, trainerId = trainer.id) =>
  run<TelegramData>(async () =>
    trainerPageAction({
      request: post(`/staff/trainers/${trainerId}`, fields, { cookie: await cookieFor(who) }),
      params: { trainerId: String(trainerId) },
      context: context(),
    }),
  );
const onHome = async (who: Who, fields: Record<string, string>) =>
  run<TelegramData>(async () => homeAction({ request: post("/trainer?index", fields, { cookie: await cookieFor(who) }), params: {}, context: context() }));
const onReminders = async (who: Who, fields: Record<string, string>) =>
  run<TelegramData & { errors: Record<string, string[]> | null }>(async () =>
    remindersAction({ request: post("/staff/reminders", fields, { cookie: await cookieFor(who) }), params: {}, context: context() }),
  );

describe("linking a trainer's Telegram from the trainer's page", () => {
  it("gives staff a one-time t.me link with its QR code; only the token's hash is stored", async () => {
    const outcome = await onTrainerPage(staff, { intent: "telegram_link" });
    expect(outcome.status).toBe(200);
    const url = outcome.data.telegram!.created!.url;
    expect(url).toMatch(/^https:\/\/t\.me\/PortalTestBot\?start=[A-Za-z0-9_-]{43}$/);
    expect(outcome.data.telegram!.created!.svg).toMatch(/^<svg/);
    const token = url.split("=").at(-1)!;
    const stored = db.select().from(telegramLinkTokens).where(eq(telegramLinkTokens.userId, trainer.id)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toContain(token);
    expect((stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime()) / 3_600_000).toBe(24);
  });

  it("shows the chat id and phone to staff of the trainer's site and admin; other sites get 404, trainers 403", async () => {
    db.insert(telegramChats).values({ userId: trainer.id, chatId: "123456789" }).onConflictDoNothing().run();
    const page = async (who: Who) =>
      run<{ reminders: { phone: string | null; telegram: { chatId: string | null } } }>(async () =>
        trainerPageLoader({
          request: get(`/staff/trainers/${trainer.id}`, { cookie: await cookieFor(who) }),
          params: { trainerId: String(trainer.id) },
          context: context(),
        }),
      );
    for (const who of [staff, admin]) {
      const seen = await page(who);
      expect(seen.data.reminders.telegram.chatId).toBe("123456789");
      expect(seen.data.reminders.phone).toBe("012 345 678");
    }
    expect((await page(staffSr)).status).toBe(404);
    expect((await page(trainer)).status).toBe(403);
    expect((await onTrainerPage(staffSr, { intent: "telegram_unlink" })).status).toBe(404);
    expect(db.select().from(telegramChats).where(eq(telegramChats.userId, trainer.id)).get()).toBeDefined();
  });

  it("lets staff unlink it (audited), and refuses a link for a deactivated trainer", async () => {
    const outcome = await onTrainerPage(staff, { intent: "telegram_unlink" });
    expect(outcome.data.telegram).toMatchObject({ unlinked: true });
    expect(db.select().from(telegramChats).where(eq(telegramChats.userId, trainer.id)).get()).toBeUndefined();
    const audit = db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "telegram_unlinked"), eq(auditEvents.entityId, String(trainer.id))))
      .get();
    expect(audit).toMatchObject({ actorUserId: staff.id, detail: { reason: "staff", reminderLinksRevoked: 0 } });
    const refused = await onTrainerPage(staff, { intent: "telegram_link" }, gone.id);
    expect(refused.status).toBe(400);
    expect(refused.data.telegram!.error).toBe("reminders.telegram.inactive");
  });

  it("says so when Telegram is not set up, and the staff page's other forms still work", async () => {
    setMessagingConfig(offline);
    resetTelegramRuntime();
    const outcome = await onTrainerPage(staff, { intent: "telegram_link" });
    expect(outcome.status).toBe(503);
    expect(outcome.data.telegram!.error).toBe("reminders.telegram.notSetUp");
    expect((await onTrainerPage(staff, { intent: "create", days: "3" })).status).toBe(200);
  });
});

describe("the trainer links their own Telegram on /trainer", () => {
  it("creates a link for themselves and never sees a chat id", async () => {
    const outcome = await onHome(trainer, { intent: "telegram_link" });
    expect(outcome.data.telegram!.created!.url).toMatch(/^https:\/\/t\.me\/PortalTestBot\?start=/);
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "telegram_link_token_created"), eq(auditEvents.actorUserId, trainer.id)))
        .get(),
    ).toBeDefined();
    db.insert(telegramChats).values({ userId: trainer.id, chatId: "987654321" }).run();
    const home = await run<{ telegram: { linkedAt: string | null; chatId: string | null } }>(async () =>
      homeLoader({ request: get("/trainer", { cookie: await cookieFor(trainer) }), params: {}, context: context() }),
    );
    expect(home.data.telegram.linkedAt).not.toBeNull();
    expect(home.data.telegram.chatId).toBeNull();
    expect((await onHome(trainer, { intent: "telegram_unlink" })).data.telegram).toMatchObject({ unlinked: true });
  });

  it("answers 400 to an unknown intent and 403 to anyone but a trainer", async () => {
    expect((await onHome(trainer, { intent: "made_up" })).status).toBe(400);
    expect((await onHome(staff, { intent: "telegram_link" })).status).toBe(403);
  });
});

describe("/staff/reminders", () => {
  const schedule = { intent: "schedule", weekday: "4", time: "15:30", mondayTime: "08:15", enabled: "on" };

  it("lets admin change a site's schedule (audited); a bad time answers 400 beside the field", async () => {
    const saved = await onReminders(admin, { ...schedule, siteId: String(pp.id) });
    expect(saved.status).toBe(302);
    expect(db.select().from(reminderSchedules).where(eq(reminderSchedules.siteId, pp.id)).get()).toMatchObject({
      weekday: 4,
      time: "15:30",
      mondayTime: "08:15",
      enabled: true,
    });
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, "reminder_schedule_changed")).get()?.actorUserId).toBe(admin.id);
    const bad = await onReminders(admin, { ...schedule, siteId: String(pp.id), time: "25:00", weekday: "8" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors).toMatchObject({ time: ["reminders.errors.time"], weekday: ["reminders.errors.weekday"] });
    const off = await onReminders(admin, { intent: "schedule", siteId: String(pp.id), weekday: "5", time: "16:00", mondayTime: "09:00" });
    expect(off.status).toBe(302);
    expect(db.select().from(reminderSchedules).where(eq(reminderSchedules.siteId, pp.id)).get()?.enabled).toBe(false);
  });

  it("keeps the schedule from staff (403) and answers 404 for a site that does not exist", async () => {
    expect((await onReminders(staff, { ...schedule, siteId: String(pp.id) })).status).toBe(403);
    expect((await onReminders(admin, { ...schedule, siteId: "999999" })).status).toBe(404);
    expect((await onReminders(staff, { intent: "made_up" })).status).toBe(400);
  });

  it("lets staff link their own Telegram for the digest, but not admin (who has no site)", async () => {
    const mine = await onReminders(staff, { intent: "telegram_link" });
    expect(mine.data.telegram!.created!.url).toMatch(/^https:\/\/t\.me\/PortalTestBot\?start=/);
    expect(db.select().from(telegramLinkTokens).where(eq(telegramLinkTokens.userId, staff.id)).all()).toHaveLength(1);
    expect((await onReminders(admin, { intent: "telegram_link" })).status).toBe(403);
    const page = await run<{ digest: unknown }>(async () =>
      remindersLoader({ request: get("/staff/reminders", { cookie: await cookieFor(admin) }), params: {}, context: context() }),
    );
    expect(page.data.digest).toBeNull();
  });
});

describe("a sign-in link that opens a week card", () => {
  const open = async (query: string, to?: string) => {
    resetRateLimits();
    const { token } = createLink({ trainerUserId: trainer.id, createdBy: staff.id, days: 1 });
    const shown = await run<{ target: string | null }>(() => openLoader({ request: get(`/signin/${token}${query}`), params: { token }, context: context() }));
    const done = await run(() => openAction({ request: post(`/signin/${token}`, to === undefined ? {} : { to }), params: { token }, context: context() }));
    return { target: shown.data.target, location: done.location };
  };

  it("goes to the week card it names", async () => {
    expect(await open("?to=/trainer/placements/5/weeks/2026-11-16", "/trainer/placements/5/weeks/2026-11-16")).toEqual({
      target: "/trainer/placements/5/weeks/2026-11-16",
      location: "/trainer/placements/5/weeks/2026-11-16",
    });
  });

  it("never leaves the trainer's pages: another site, a staff page or nothing goes to /trainer", async () => {
    for (const to of ["//evil.example/", "https://evil.example/trainer", "/staff/reminders", "/\\evil.example", "/trainer/../staff"]) {
      const result = await open(`?to=${encodeURIComponent(to)}`, to);
      expect(result, to).toEqual({ target: null, location: "/trainer" });
    }
    expect(await open("")).toEqual({ target: null, location: "/trainer" });
  });
});
