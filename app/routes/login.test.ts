import { eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { resetRateLimits } from "~/auth/rate-limit.server";
import { getSession } from "~/auth/session.server";
import { auditEvents, sessions } from "~/db/schema";
import { createApprenticeWithUser, createEmployer, createSite, createUser } from "~/db/factories.server";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";

import { action, loader } from "./login/route";
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

  it("gives one generic answer for a wrong password and for an unknown user", async () => {
    const wrong = await signIn("staff", "nope", {}, "10.0.1.1");
    const unknown = await signIn("nobody", "nope", {}, "10.0.1.2");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.data.alert).toEqual({ key: "login.invalid", seconds: 0 });
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
    const events = db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, String(trainer.id)))
      .all();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["sign_in", "sign_in_failed"]));
  });

  it("signs an apprentice in with their PIN, and 5 wrong PINs lock nothing: the right PIN still works", async () => {
    expect((await signIn("apprentice", "246810")).location).toBe("/me");
    for (let i = 0; i < 5; i++) expect((await signIn("apprentice", "000000")).status).toBe(401);
    expect((await signIn("apprentice", "246810")).location).toBe("/me");
    expect((await signIn("apprentice", "career-pathways")).location).toBe("/me");
  });

  it("follows a local redirectTo but never one to another site", async () => {
    expect((await signIn("staff", "career-pathways", { redirectTo: "/staff?x=1" })).location).toBe("/staff?x=1");
    expect((await signIn("staff", "career-pathways", { redirectTo: "//evil.example/" })).location).toBe("/staff");
  });

  it.each([
    ["a newline between the slashes", "/\n/evil.example"],
    ["a tab between the slashes", "/\t/evil.example"],
    ["an encoded slash and tab", "%2F%09%2Fevil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["an absolute URL", "https://evil.example/"],
    ["a NUL (the form reader removes it, leaving //)", "/\u0000/evil.example"],
    ["a very long value", `/${"a".repeat(20_000)}`],
  ])("sends a hostile redirectTo (%s) to the role's home, with exactly one new session", async (_label, redirectTo) => {
    const before = db.select().from(sessions).all().length;
    const outcome = await signIn("trainer", "career-pathways", { redirectTo });
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/trainer");
    expect(outcome.headers.get("set-cookie")).toMatch(/^__session=/);
    expect(db.select().from(sessions).all().length).toBe(before + 1);
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
