import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { createSite, createUser } from "~/db/factories.server";
import { sessions, users } from "~/db/schema";
import { useTestDatabase } from "~/test/db";
import { get } from "~/test/requests";

import { requireRole, requireUser } from "./guards.server";
import { createUserSession, endAllSessions, getSession, hashToken, sessionCookie } from "./session.server";

const db = useTestDatabase();
const site = createSite(db);

async function sessionFor(role: "staff" | "admin", at: Date) {
  const user = createUser(db, { role, siteId: role === "staff" ? site.id : null });
  const setCookie = await createUserSession(user, "password", get("/"), at);
  const cookie = setCookie.split(";")[0]!;
  const token = (await sessionCookie().parse(cookie)) as string;
  return { user, cookie, idHash: hashToken(token), setCookie };
}

describe("database sessions", () => {
  it("stores only a hash of the token", async () => {
    const { cookie, idHash } = await sessionFor("staff", new Date());
    const token = (await sessionCookie().parse(cookie)) as string;
    expect(db.select().from(sessions).where(eq(sessions.idHash, idHash)).get()).toBeDefined();
    expect(db.select().from(sessions).where(eq(sessions.idHash, token)).get()).toBeUndefined();
  });

  it("ends a staff session after 30 minutes idle and removes it", async () => {
    const { cookie, idHash } = await sessionFor("staff", new Date(Date.now() - 31 * 60_000));
    expect(await getSession(get("/", { cookie }))).toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.idHash, idHash)).get()).toBeUndefined();
  });

  it("keeps a staff session used within 30 minutes", async () => {
    const { cookie, user } = await sessionFor("staff", new Date(Date.now() - 29 * 60_000));
    expect((await getSession(get("/", { cookie })))?.user.id).toBe(user.id);
  });

  it("sets the cookie's lifetime to the role's absolute limit", async () => {
    const { setCookie } = await sessionFor("admin", new Date());
    expect(setCookie).toMatch(/Max-Age=43200/);
  });

  it("ends every session when a user is deactivated", async () => {
    const { cookie, user } = await sessionFor("staff", new Date());
    db.update(users).set({ active: false }).where(eq(users.id, user.id)).run();
    endAllSessions(user.id);
    expect(await getSession(get("/", { cookie }))).toBeNull();
  });

  it("ignores a forged or tampered cookie", async () => {
    const { cookie } = await sessionFor("staff", new Date());
    expect(await getSession(get("/", { cookie: cookie.slice(0, -3) + "abc" }))).toBeNull();
    expect(await getSession(get("/", { cookie: "__session=forged" }))).toBeNull();
  });
});

describe("guards", () => {
  it("sends an anonymous visitor to /login with the way back", async () => {
    const thrown = await requireUser(get("/staff?tab=1")).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).headers.get("location")).toBe("/login?redirectTo=%2Fstaff%3Ftab%3D1");
  });

  it("answers 403 to a signed-in user of the wrong role", async () => {
    const { cookie } = await sessionFor("staff", new Date());
    const thrown = await requireRole(get("/trainer", { cookie }), "trainer").catch((e: unknown) => e);
    expect((thrown as Response).status).toBe(403);
  });
});
