import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { resetRateLimits } from "~/auth/rate-limit.server";
import { getSession } from "~/auth/session.server";
import { auditEvents, sessions } from "~/db/schema";
import { createApprenticeWithUser, createEmployer, createSite, createUser } from "~/db/factories.server";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";

import { action, loader } from "./login";
import { action as logout } from "./logout";

const db = useTestDatabase();
let site: ReturnType<typeof createSite>;
let staff: ReturnType<typeof createUser>;
let trainer: ReturnType<typeof createUser>;

beforeAll(() => {
  site = createSite(db, { code: "PP" });
  const employer = createEmployer(db, { siteId: site.id });
  staff = createUser(db, { role: "staff", username: "staff", siteId: site.id });
  trainer = createUser(db, { role: "trainer", username: "trainer", siteId: site.id, employerId: employer.id });
  createApprenticeWithUser(db, { siteId: site.id, code: "PP-26-001" }, { username: "apprentice", pin: "246810" });
  createUser(db, { role: "admin", username: "admin" });
});

beforeEach(() => resetRateLimits());

const signIn = (username: string, password: string, extra: Record<string, string> = {}, ip = "10.0.0.1") =>
  run<{ alert: { key: string } | null; result: { error?: Record<string, string[]> } }>(() =>
    action({ request: post("/login", { username, password, ...extra }), context: context({ clientIp: ip }), params: {} }),
  );

describe("sign-in", () => {
  it.each([
    ["staff", "/staff"],
    ["admin", "/staff"],
    ["trainer", "/trainer"],
    ["apprentice", "/me"],
  ])("lands %s on their home with a new session", async (username, home) => {
    const before = db.select().from(sessions).all().length;
    const outcome = await signIn(username, "career-pathways");
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe(home);
    const cookie = outcome.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(db.select().from(sessions).all().length).toBe(before + 1);
    const session = await getSession(get("/", { cookie: cookie.split(";")[0]! }));
    expect(session?.user.username).toBe(username);
  });

  it("issues a different session id at each sign-in", async () => {
    const a = (await signIn("staff", "career-pathways")).headers.get("set-cookie");
    const b = (await signIn("staff", "career-pathways")).headers.get("set-cookie");
    expect(a).not.toBe(b);
  });

  it("gives one generic message for a wrong password and for an unknown user", async () => {
    const wrong = await signIn("staff", "nope");
    const unknown = await signIn("nobody", "nope");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.data.alert).toEqual({ key: "login.invalid" });
    expect(unknown.data.alert).toEqual(wrong.data.alert);
    expect(wrong.headers.get("set-cookie")).toBeNull();
  });

  it("answers 400 with field errors when fields are missing, and writes nothing", async () => {
    const before = db.select().from(auditEvents).all().length;
    const outcome = await signIn("", "");
    expect(outcome.status).toBe(400);
    expect(outcome.data.result.error).toMatchObject({ username: ["errors.required"], password: ["errors.required"] });
    expect(db.select().from(auditEvents).all().length).toBe(before);
  });

  it("audits successful and failed sign-ins", async () => {
    await signIn("trainer", "career-pathways");
    await signIn("trainer", "wrong");
    const events = db.select().from(auditEvents).where(eq(auditEvents.entityId, String(trainer.id))).all();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["sign_in", "sign_in_failed"]));
  });

  it("limits sign-in to 10 a minute per username, with 429 and a clear message", async () => {
    for (let i = 0; i < 10; i++) expect((await signIn("staff", "wrong", {}, `10.1.0.${i}`)).status).toBe(401);
    const limited = await signIn("staff", "career-pathways", {}, "10.1.0.99");
    expect(limited.status).toBe(429);
    expect(limited.data.alert).toMatchObject({ key: "login.rateLimited" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("limits sign-in to 10 a minute per IP, whatever the username", async () => {
    for (let i = 0; i < 10; i++) await signIn(`someone${i}`, "wrong", {}, "10.2.0.1");
    expect((await signIn("staff", "career-pathways", {}, "10.2.0.1")).status).toBe(429);
    expect((await signIn("staff", "career-pathways", {}, "10.2.0.2")).status).toBe(302);
  });

  it("signs an apprentice in with their PIN and locks after 5 wrong PINs", async () => {
    expect((await signIn("apprentice", "246810")).location).toBe("/me");
    for (let i = 0; i < 4; i++) expect((await signIn("apprentice", "000000", {}, `10.3.0.${i}`)).status).toBe(401);
    const locked = await signIn("apprentice", "000000", {}, "10.3.0.9");
    expect(locked.status).toBe(423);
    expect(locked.data.alert).toMatchObject({ key: "login.locked" });
    // Even the right PIN is refused while locked.
    expect((await signIn("apprentice", "246810", {}, "10.3.0.10")).status).toBe(423);
  });

  it("follows a local redirectTo but never one to another site", async () => {
    expect((await signIn("staff", "career-pathways", { redirectTo: "/staff?x=1" })).location).toBe("/staff?x=1");
    expect((await signIn("staff", "career-pathways", { redirectTo: "//evil.example/" })).location).toBe("/staff");
  });

  it("sends a signed-in visitor of /login to their home", async () => {
    const outcome = await run(() => loader({ request: get("/login", { cookie: "" }), context: context(), params: {} }));
    expect(outcome.status).toBe(200);
    const cookie = await cookieFor(trainer);
    const redirected = await run(() => loader({ request: get("/login", { cookie }), context: context(), params: {} }));
    expect(redirected.location).toBe("/trainer");
  });
});

describe("sign-out", () => {
  it("ends the session in the database so the old cookie no longer works", async () => {
    const cookie = await cookieFor(staff);
    expect((await getSession(get("/", { cookie })))?.user.id).toBe(staff.id);
    const outcome = await run(() => logout({ request: post("/logout", {}, { cookie }), context: context(), params: {} }));
    expect(outcome.location).toBe("/login");
    expect(outcome.headers.get("set-cookie")).toMatch(/Max-Age=0/);
    expect(await getSession(get("/", { cookie }))).toBeNull();
  });
});
