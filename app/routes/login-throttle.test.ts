/**
 * Sign-in throttling as a user meets it (docs/decisions/0012): waits grow for the client that
 * fails, never for the owner on their own phone; every refusal looks the same. Time moves with
 * fake clocks, never by waiting.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { resetRateLimits } from "~/auth/rate-limit.server";
import { createApprenticeWithUser, createSite, createUser } from "~/db/factories.server";
import { auditEvents, sessions, users } from "~/db/schema";
import { DEFAULT_THROTTLE } from "~/domain/sign-in-throttle";
import { useTestDatabase } from "~/test/db";
import { context, post, run } from "~/test/requests";

import { action } from "./login/route";

const db = useTestDatabase();
const PASSWORD = "career-pathways";

beforeAll(() => {
  const site = createSite(db, { code: "PP" });
  createUser(db, { role: "staff", username: "staff", siteId: site.id });
  createUser(db, { role: "admin", username: "admin" });
  createApprenticeWithUser(db, { siteId: site.id, code: "PP-26-001" }, { username: "pp-26-001", pin: "246810" });
});

beforeEach(() => {
  resetRateLimits();
  vi.useFakeTimers({ toFake: ["Date", "setTimeout", "clearTimeout"] });
  vi.setSystemTime(new Date("2026-11-19T03:00:00Z"));
});
afterEach(() => {
  vi.useRealTimers();
});

type Answer = { alert: { key: string; seconds: number } | null; result: { initialValue?: Record<string, unknown> } };

const signIn = (ip: string, username: string, password: string) =>
  run<Answer>(() => action({ request: post("/login", { username, password }), context: context({ clientIp: ip }), params: {} }));

/** What a refused answer shows the world: status, headers that matter, the alert, the reply's keys. */
const face = (o: Awaited<ReturnType<typeof signIn>>) => ({
  status: o.status,
  retryAfter: o.headers.get("retry-after"),
  setCookie: o.headers.get("set-cookie"),
  alert: o.data.alert,
  replyKeys: Object.keys(o.data.result ?? {}).sort(),
});

const later = (seconds: number) => vi.advanceTimersByTime(seconds * 1000);

describe("growing waits for the client that fails", () => {
  it("gives a client 5 free tries on a username, then waits of 1, 2, 4 … seconds with Retry-After", async () => {
    for (let i = 0; i < 5; i++) expect(face(await signIn("10.1.0.1", "staff", "wrong"))).toMatchObject({ status: 401, retryAfter: "0", alert: { seconds: 0 } });
    expect(face(await signIn("10.1.0.1", "staff", "wrong"))).toMatchObject({ status: 401, retryAfter: "1", alert: { key: "login.invalid", seconds: 1 } });
    // During the wait even the right password is refused, unchecked, with the time left.
    expect(face(await signIn("10.1.0.1", "staff", PASSWORD))).toMatchObject({ status: 401, retryAfter: "1", setCookie: null });
    later(1);
    expect((await signIn("10.1.0.1", "staff", "wrong")).data.alert?.seconds).toBe(2);
    later(2);
    expect((await signIn("10.1.0.1", "staff", "wrong")).data.alert?.seconds).toBe(4);
    later(4);
    const owner = await signIn("10.1.0.1", "staff", PASSWORD);
    expect(owner.status).toBe(302);
    expect(owner.location).toBe("/staff");
  });

  it("forgets a client's failures on a username once it signs in", async () => {
    for (let i = 0; i < 5; i++) await signIn("10.1.1.1", "staff", "wrong");
    expect((await signIn("10.1.1.1", "staff", PASSWORD)).status).toBe(302);
    for (let i = 0; i < 5; i++) expect((await signIn("10.1.1.1", "staff", "wrong")).data.alert?.seconds).toBe(0);
  });

  it("slows a client that sprays many usernames, and only that client", async () => {
    for (let i = 0; i < DEFAULT_THROTTLE.clientFree; i++) expect((await signIn("10.2.0.1", `guess-${i}`, "wrong")).data.alert?.seconds).toBe(0);
    expect((await signIn("10.2.0.1", "guess-x", "wrong")).data.alert?.seconds).toBe(1);
    expect(face(await signIn("10.2.0.1", "staff", PASSWORD))).toMatchObject({ status: 401, retryAfter: "1" });
    expect((await signIn("10.2.0.2", "staff", PASSWORD)).status).toBe(302);
  });

  it.each([
    ["staff", PASSWORD, "/staff"],
    ["admin", PASSWORD, "/staff"],
    ["pp-26-001", "246810", "/me"],
  ])("protects %s the same way: slowed attacker, owner let in", async (username, secret, home) => {
    for (let i = 0; i < 6; i++) await signIn("10.3.0.66", username, i % 2 ? "000000" : "wrong-password");
    expect((await signIn("10.3.0.66", username, secret)).data.alert?.seconds).toBeGreaterThan(0);
    expect((await signIn("10.3.0.7", username, secret)).location).toBe(home);
  });
});

describe("nobody can lock the owner out", () => {
  it("lets the owner in at once, from their own phone, after a flood of 500 wrong PINs from another client", async () => {
    for (let i = 0; i < 500; i++) await signIn("10.4.0.66", "PP-26-001", String(100_000 + i));
    const owner = await signIn("10.4.0.7", "pp-26-001", "246810");
    expect(owner.status).toBe(302);
    expect(owner.location).toBe("/me");
  });

  it("after a flood from many clients, lets the owner in at once, or within a minute after a typo", async () => {
    for (let i = 0; i < DEFAULT_THROTTLE.accountFree + 10; i++) await signIn(`10.5.1.${i}`, "staff", "wrong");
    // The username is under attack: still no lock. The owner's first try is checked.
    expect((await signIn("10.5.0.7", "staff", PASSWORD)).location).toBe("/staff");
    // A typo from a fresh phone costs one minute, not more.
    const typo = await signIn("10.5.0.8", "staff", "wrong");
    expect(face(typo)).toMatchObject({ status: 401, retryAfter: "60", alert: { seconds: 60 } });
    later(59);
    expect((await signIn("10.5.0.8", "staff", PASSWORD)).status).toBe(401);
    later(1);
    expect((await signIn("10.5.0.8", "staff", PASSWORD)).location).toBe("/staff");
  });
});

describe("every refusal looks the same", () => {
  it("answers an unknown username exactly as a known one, try after try, throttled or not", async () => {
    const known: unknown[] = [];
    const unknown: unknown[] = [];
    for (let i = 0; i < 9; i++) {
      known.push(face(await signIn("10.6.0.1", "staff", "wrong")));
      unknown.push(face(await signIn("10.6.0.2", "no-such-user", "wrong")));
      if (i === 7) later(1);
    }
    expect(unknown).toEqual(known);
    expect(new Set(known.map((k) => (k as { status: number }).status))).toEqual(new Set([401]));
    expect(known.some((k) => (k as { alert: { seconds: number } }).alert.seconds > 0)).toBe(true);
  });

  it("answers a deactivated account like an unknown one, even with its right password", async () => {
    const gone = createUser(db, { role: "admin", username: "gone", active: false });
    const refused = face(await signIn("10.6.1.1", "gone", PASSWORD));
    const unknown = face(await signIn("10.6.1.2", "never-was", PASSWORD));
    expect(refused).toEqual(unknown);
    expect(db.select().from(sessions).where(eq(sessions.userId, gone.id)).all()).toEqual([]);
  });

  it("writes no session and changes no account on a refusal, and audits only the tries it checked", async () => {
    const countOf = (table: typeof sessions | typeof auditEvents) => db.select().from(table).all().length;
    const staffRow = () => db.select().from(users).where(eq(users.username, "staff")).get();
    const before = { sessions: countOf(sessions), audit: countOf(auditEvents), staff: staffRow() };
    for (let i = 0; i < 6; i++) await signIn("10.7.0.1", "staff", "wrong");
    // Throttled now: these are refused without a check and leave no trace.
    for (let i = 0; i < 20; i++) await signIn("10.7.0.1", "staff", "wrong");
    expect(countOf(sessions)).toBe(before.sessions);
    expect(countOf(auditEvents)).toBe(before.audit + 6);
    expect(staffRow()).toEqual(before.staff);
    const last = db.select().from(auditEvents).all().at(-1)!;
    expect(last).toMatchObject({ action: "sign_in_failed", detail: { waitSeconds: 1 } });
  });
});
