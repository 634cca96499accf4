import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { resetRateLimits } from "~/auth/rate-limit.server";
import { getSession } from "~/auth/session.server";
import { createEmployer, createSite, createUser } from "~/db/factories.server";
import { sessions, signInLinks, users } from "~/db/schema";
import { createLink } from "~/db/sign-in-links.server";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";

import { action as openAction, loader as openLoader } from "./signin.$token/route";
import { action as linksAction, loader as linksLoader } from "./staff.trainers.$trainerId";

const db = useTestDatabase();
const pp = createSite(db);
const sr = createSite(db);
const salon = createEmployer(db, { siteId: pp.id });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id, displayName: "Trainer Link" });
const staff = createUser(db, { role: "staff", siteId: pp.id });
const staffSr = createUser(db, { role: "staff", siteId: sr.id });
const admin = createUser(db, { role: "admin" });

beforeEach(() => resetRateLimits());

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
const manage = async (who: Who, fields: Record<string, string>, trainerId = trainer.id) =>
  run<{ errors: Record<string, string[]> | null; created: { url: string; svg: string } | null }>(async () =>
    linksAction({
      request: post(`/staff/trainers/${trainerId}`, fields, { cookie: await cookieFor(who) }),
      params: { trainerId: String(trainerId) },
      context: context(),
    }),
  );
const openLink = (token: string, method: "GET" | "POST" = "GET", ip = "10.9.0.1", cookie = "") =>
  run<{ state: string; name: string | null }>(() =>
    (method === "GET" ? openLoader : openAction)({
      request: method === "GET" ? get(`/signin/${token}`, { cookie }) : post(`/signin/${token}`, {}, { cookie }),
      params: { token },
      context: context({ clientIp: ip }),
    }),
  );

describe("staff issue sign-in links", () => {
  it("creates a link with a QR code; only a hash of its 256-bit token is stored", async () => {
    const outcome = await manage(staff, { intent: "create", days: "14" });
    expect(outcome.status).toBe(200);
    const url = outcome.data.created!.url;
    expect(url).toMatch(/^http:\/\/localhost:3000\/signin\/[A-Za-z0-9_-]{43}$/);
    expect(outcome.data.created!.svg).toMatch(/^<svg/);
    const token = url.split("/").at(-1)!;
    const stored = db.select().from(signInLinks).where(eq(signInLinks.userId, trainer.id)).all();
    expect(stored.some((l) => l.tokenHash === token)).toBe(false);
    const days = (stored.at(-1)!.expiresAt.getTime() - stored.at(-1)!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(14, 3);
  });

  it("refuses more than 30 days with a message beside the field", async () => {
    const outcome = await manage(staff, { intent: "create", days: "31" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors?.days).toEqual(["links.errors.days"]);
  });

  it("keeps another site's trainers from staff (404), and lets admin in", async () => {
    expect((await manage(staffSr, { intent: "create", days: "7" })).status).toBe(404);
    expect(
      (
        await run(async () =>
          linksLoader({
            request: get(`/staff/trainers/${trainer.id}`, { cookie: await cookieFor(staffSr) }),
            params: { trainerId: String(trainer.id) },
            context: context(),
          }),
        )
      ).status,
    ).toBe(404);
    expect((await manage(admin, { intent: "create", days: "7" })).status).toBe(200);
    expect((await manage(trainer, { intent: "create", days: "7" })).status).toBe(403);
  });
});

describe("opening a link", () => {
  it("shows who it is for on GET without signing in, and starts a trainer session on POST", async () => {
    const { token } = createLink({ trainerUserId: trainer.id, createdBy: staff.id, days: 7 });
    const sessionsBefore = db.select().from(sessions).all().length;
    const shown = await openLink(token);
    expect(shown.status).toBe(200);
    expect(shown.data).toMatchObject({ state: "valid", name: "Trainer Link" });
    expect(db.select().from(sessions).all().length).toBe(sessionsBefore);

    const opened = await openLink(token, "POST");
    expect(opened.status).toBe(302);
    expect(opened.location).toBe("/trainer");
    const cookie = opened.headers
      .get("set-cookie")!
      .split(/,(?=\s*__session=)/)
      .at(-1)!
      .split(";")[0]!
      .trim();
    const session = await getSession(get("/trainer", { cookie }));
    expect(session?.user.id).toBe(trainer.id);
    const link = db
      .select()
      .from(signInLinks)
      .all()
      .find((l) => l.useCount > 0);
    expect(link?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("says when a link has expired or been revoked, and answers 404 to a made-up one", async () => {
    const expired = createLink({ trainerUserId: trainer.id, createdBy: staff.id, days: 1, now: new Date(Date.now() - 2 * 86_400_000) });
    expect((await openLink(expired.token)).data.state).toBe("expired");
    expect((await openLink(expired.token)).status).toBe(410);

    const revoked = createLink({ trainerUserId: trainer.id, createdBy: staff.id, days: 7 });
    expect((await manage(staff, { intent: "revoke", linkId: String(revoked.link.id) })).status).toBe(200);
    expect((await openLink(revoked.token)).data.state).toBe("revoked");
    const post = await openLink(revoked.token, "POST");
    expect(post.status).toBe(302);
    expect(post.location).toBe(`/signin/${revoked.token}`);

    expect((await openLink("A".repeat(43))).status).toBe(404);
  });

  it("ends with the trainer's account", async () => {
    const other = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id });
    const { token } = createLink({ trainerUserId: other.id, createdBy: staff.id, days: 7 });
    db.update(users).set({ active: false }).where(eq(users.id, other.id)).run();
    expect((await openLink(token)).data.state).toBe("revoked");
  });

  it("is rate limited per IP", async () => {
    for (let i = 0; i < 10; i++) await openLink("B".repeat(43), "GET", "10.9.9.9");
    expect((await openLink("B".repeat(43), "GET", "10.9.9.9")).status).toBe(429);
  });
});

const cookieOf = (opened: { headers: Headers }) =>
  opened.headers
    .get("set-cookie")!
    .split(/,(?=\s*__session=)/)
    .at(-1)!
    .split(";")[0]!
    .trim();
type LinkRow = { id: number; state: string; useCount: number; signedInNow: number; lastUsedAt: string | null };
const linksShown = async () =>
  (
    await run<{ links: LinkRow[] }>(async () =>
      linksLoader({
        request: get(`/staff/trainers/${trainer.id}`, { cookie: await cookieFor(staff) }),
        params: { trainerId: String(trainer.id) },
        context: context(),
      }),
    )
  ).data.links;

describe("the sessions a link opened", () => {
  afterEach(() => vi.useRealTimers());

  it("end when staff revoke the link, on every device, and no other session ends", async () => {
    const { token, link } = createLink({ trainerUserId: trainer.id, createdBy: staff.id, days: 14 });
    const phone = cookieOf(await openLink(token, "POST", "10.8.0.1"));
    const tablet = cookieOf(await openLink(token, "POST", "10.8.0.2"));
    const password = await cookieFor(trainer);
    expect((await getSession(get("/trainer", { cookie: phone })))?.user.id).toBe(trainer.id);
    expect((await getSession(get("/trainer", { cookie: tablet })))?.user.id).toBe(trainer.id);
    expect(db.select().from(sessions).where(eq(sessions.linkId, link.id)).all()).toHaveLength(2);

    expect((await manage(staff, { intent: "revoke", linkId: String(link.id) })).status).toBe(200);
    expect(await getSession(get("/trainer", { cookie: phone }))).toBeNull();
    expect(await getSession(get("/trainer", { cookie: tablet }))).toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.linkId, link.id)).all()).toEqual([]);
    expect((await getSession(get("/trainer", { cookie: password })))?.user.id).toBe(trainer.id);
  });

  it("end when the link expires, and the cookie says so from the start", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-19T03:00:00Z"));
    const { token } = createLink({ trainerUserId: trainer.id, createdBy: staff.id, days: 1 });
    const opened = await openLink(token, "POST", "10.8.1.1");
    const maxAge = Number(
      /Max-Age=(\d+)/.exec(
        opened.headers
          .get("set-cookie")!
          .split(/,(?=\s*__session=)/)
          .at(-1)!,
      )![1],
    );
    expect(maxAge).toBe(86_400);
    const cookie = cookieOf(opened);
    vi.setSystemTime(new Date("2026-11-20T02:59:00Z"));
    expect((await getSession(get("/trainer", { cookie })))?.user.id).toBe(trainer.id);
    vi.setSystemTime(new Date("2026-11-20T03:00:01Z"));
    expect(await getSession(get("/trainer", { cookie }))).toBeNull();
  });

  it("end even when the link's end is moved earlier after they began", async () => {
    const { token, link } = createLink({ trainerUserId: trainer.id, createdBy: staff.id, days: 14 });
    const cookie = cookieOf(await openLink(token, "POST", "10.8.2.1"));
    db.update(signInLinks)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(signInLinks.id, link.id))
      .run();
    expect(await getSession(get("/trainer", { cookie }))).toBeNull();
  });

  it("are shown to staff per link: devices signed in, how many still are, and when it was last used", async () => {
    const { token, link } = createLink({ trainerUserId: trainer.id, createdBy: staff.id, days: 14 });
    expect((await linksShown()).find((l) => l.id === link.id)).toMatchObject({ useCount: 0, signedInNow: 0, lastUsedAt: null });
    await openLink(token, "POST", "10.8.3.1");
    await openLink(token, "POST", "10.8.3.2");
    const shown = (await linksShown()).find((l) => l.id === link.id)!;
    expect(shown).toMatchObject({ state: "active", useCount: 2, signedInNow: 2 });
    expect(Date.now() - Date.parse(shown.lastUsedAt!)).toBeLessThan(60_000);
    await manage(staff, { intent: "revoke", linkId: String(link.id) });
    expect((await linksShown()).find((l) => l.id === link.id)).toMatchObject({ state: "revoked", useCount: 2, signedInNow: 0 });
  });
});
