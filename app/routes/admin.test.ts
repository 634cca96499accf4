import type { LoaderFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { verifySecret } from "~/auth/password.server";
import { createLink, lookupLink } from "~/db/sign-in-links.server";
import { createApprentice, createApprenticeWithUser, createEmployer, createSite, createUser } from "~/db/factories.server";
import { auditEvents, sessions, signInLinks, sites, users } from "~/db/schema";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";

import { loader as homeLoader } from "./admin._index";
import { loader as auditLoader } from "./admin.audit";
import { action as sitesAction, loader as sitesLoader } from "./admin.sites._index";
import { action as userAction, loader as userLoader } from "./admin.users.$userId";
import { action as usersAction, loader as usersLoader } from "./admin.users._index";
import { loader as staffHomeLoader } from "./staff._index/route";

const db = useTestDatabase();
const pp = createSite(db, { code: "PP", nameEn: "Phnom Penh", nameKm: "ភ្នំពេញ" });
const employer = createEmployer(db, { siteId: pp.id });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: employer.id });
const staff = createUser(db, { role: "staff", siteId: pp.id });
const admin = createUser(db, { role: "admin", username: "boss" });
const { user: apprenticeUser } = createApprenticeWithUser(db, { siteId: pp.id });

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
type Errors = { errors: Record<string, string[]> };
const NOT_ADMIN: Who[] = [staff, trainer, apprenticeUser];

type Handler = (args: LoaderFunctionArgs) => Promise<unknown>;
const load = async (fn: Handler, path: string, who: Who, params: Record<string, string> = {}) =>
  run<Record<string, unknown>>(async () => fn({ request: get(path, { cookie: await cookieFor(who) }), params, context: context() }));
const send = async (fn: Handler, path: string, who: Who, fields: Record<string, string>, params: Record<string, string> = {}) =>
  run<Errors>(async () => fn({ request: post(path, fields, { cookie: await cookieFor(who) }), params, context: context() }));

const createUserForm = (fields: Record<string, string>, who: Who = admin) => send(usersAction, "/admin/users", who, fields);
const userForm = (userId: number, fields: Record<string, string>, who: Who = admin) =>
  send(userAction, `/admin/users/${userId}`, who, fields, { userId: String(userId) });
const sitesForm = (fields: Record<string, string>, who: Who = admin) => send(sitesAction, "/admin/sites", who, fields);
const audits = (action: string, entityId?: string) =>
  db
    .select()
    .from(auditEvents)
    .where(entityId === undefined ? eq(auditEvents.action, action) : and(eq(auditEvents.action, action), eq(auditEvents.entityId, entityId)))
    .all();
const userCount = () => db.select().from(users).all().length;

describe("admin pages are admin-only", () => {
  it("answers 200 to admin and 403 to staff, trainers and apprentices, for every page and action", async () => {
    expect((await load(homeLoader, "/admin", admin)).status).toBe(200);
    expect((await load(usersLoader, "/admin/users", admin)).status).toBe(200);
    expect((await load(userLoader, `/admin/users/${staff.id}`, admin, { userId: String(staff.id) })).status).toBe(200);
    expect((await load(sitesLoader, "/admin/sites", admin)).status).toBe(200);
    expect((await load(auditLoader, "/admin/audit", admin)).status).toBe(200);
    for (const who of NOT_ADMIN) {
      expect((await load(homeLoader, "/admin", who)).status).toBe(403);
      expect((await load(usersLoader, "/admin/users", who)).status).toBe(403);
      expect((await load(userLoader, `/admin/users/${staff.id}`, who, { userId: String(staff.id) })).status).toBe(403);
      expect((await load(sitesLoader, "/admin/sites", who)).status).toBe(403);
      expect((await load(auditLoader, "/admin/audit", who)).status).toBe(403);
      expect((await createUserForm({ username: "sneaky", displayName: "S", role: "admin", password: "long-enough-pw" }, who)).status).toBe(403);
      expect((await userForm(trainer.id, { intent: "deactivate" }, who)).status).toBe(403);
      expect((await sitesForm({ code: "XX", nameEn: "X", nameKm: "ខ" }, who)).status).toBe(403);
    }
    expect(db.select().from(users).where(eq(users.username, "sneaky")).get()).toBeUndefined();
    expect(db.select().from(sites).where(eq(sites.code, "XX")).get()).toBeUndefined();
    expect(db.select().from(users).where(eq(users.id, trainer.id)).get()!.active).toBe(true);
  });

  it("answers 404 for an account that does not exist", async () => {
    expect((await load(userLoader, "/admin/users/999999", admin, { userId: "999999" })).status).toBe(404);
    expect((await userForm(999_999, { intent: "deactivate" })).status).toBe(404);
  });

  it("writes access_refused with the actor and the path when a trainer opens /staff", async () => {
    const before = audits("access_refused").length;
    expect((await load(staffHomeLoader, "/staff", trainer)).status).toBe(403);
    const rows = audits("access_refused");
    expect(rows).toHaveLength(before + 1);
    expect(rows.at(-1)).toMatchObject({ actorUserId: trainer.id, entity: "route", entityId: "/staff" });
  });
});

describe("/admin/users", () => {
  it("lists accounts with their links, filtered by role", async () => {
    const all = (await load(usersLoader, "/admin/users", admin)).data as { users: { id: number; role: string; employerName: string | null }[] };
    expect(all.users.map((u) => u.id)).toEqual(expect.arrayContaining([trainer.id, staff.id, admin.id, apprenticeUser.id]));
    expect(all.users.find((u) => u.id === trainer.id)!.employerName).toBe(employer.name);
    const trainers = (await load(usersLoader, "/admin/users?role=trainer", admin)).data as { users: { role: string }[] };
    expect(trainers.users.length).toBeGreaterThan(0);
    expect(trainers.users.every((u) => u.role === "trainer")).toBe(true);
  });

  it("creates an account for each role with the link it needs; a double submit writes once", async () => {
    const staffFields = { username: "New.Staff", displayName: "New Staff", role: "staff", siteId: String(pp.id), password: "a-long-password" };
    const made = await createUserForm(staffFields);
    expect(made.status).toBe(302);
    const row = db.select().from(users).where(eq(users.username, "new.staff")).get()!;
    expect(made.location).toBe(`/admin/users/${row.id}?created=1`);
    expect(row).toMatchObject({ role: "staff", siteId: pp.id, employerId: null, apprenticeId: null });
    expect(await verifySecret(row.passwordHash!, "a-long-password")).toBe(true);
    expect(audits("user_created", String(row.id))).toHaveLength(1);

    const before = userCount();
    const again = await createUserForm(staffFields);
    expect(again.status).toBe(400);
    expect(again.data.errors.username).toEqual(["admin.errors.usernameTaken"]);
    expect(userCount()).toBe(before);

    expect((await createUserForm({ username: "new-trainer", displayName: "T", role: "trainer", employerId: String(employer.id) })).status).toBe(302);
    expect(db.select().from(users).where(eq(users.username, "new-trainer")).get()).toMatchObject({
      employerId: employer.id,
      siteId: pp.id,
      passwordHash: null,
    });

    const record = createApprentice(db, { siteId: pp.id });
    expect(
      (await createUserForm({ username: "new-apprentice", displayName: "A", role: "apprentice", apprenticeId: String(record.id), pin: "482913" })).status,
    ).toBe(302);
    const apprenticeRow = db.select().from(users).where(eq(users.username, "new-apprentice")).get()!;
    expect(apprenticeRow).toMatchObject({ apprenticeId: record.id, siteId: pp.id });
    expect(await verifySecret(apprenticeRow.pinHash!, "482913")).toBe(true);

    expect((await createUserForm({ username: "new-admin", displayName: "Ad", role: "admin", siteId: String(pp.id), password: "another-long-pw" })).status).toBe(
      302,
    );
    // An admin belongs to no site: the site field is ignored for that role.
    expect(db.select().from(users).where(eq(users.username, "new-admin")).get()).toMatchObject({ role: "admin", siteId: null });
  });

  it("refuses bad input with errors beside the field, writing nothing", async () => {
    const before = userCount();
    const expectError = async (fields: Record<string, string>, field: string, key: string) => {
      const outcome = await createUserForm(fields);
      expect(outcome.status, JSON.stringify(fields)).toBe(400);
      expect(outcome.data.errors[field], JSON.stringify(outcome.data.errors)).toEqual([key]);
    };
    await expectError({ username: "", displayName: "X", role: "admin", password: "long-enough-pw" }, "username", "errors.required");
    await expectError({ username: "x1", displayName: "X", role: "admin", password: "" }, "password", "errors.required");
    await expectError({ username: "has space", displayName: "X", role: "admin", password: "long-enough-pw" }, "username", "admin.errors.username");
    await expectError({ username: "x1", displayName: " ", role: "admin", password: "long-enough-pw" }, "displayName", "errors.required");
    await expectError({ username: "x1", displayName: "X", role: "staff", password: "long-enough-pw" }, "siteId", "admin.errors.siteNeeded");
    await expectError({ username: "x1", displayName: "X", role: "staff", siteId: "999999", password: "long-enough-pw" }, "siteId", "admin.errors.siteNeeded");
    await expectError({ username: "x1", displayName: "X", role: "trainer" }, "employerId", "admin.errors.employerNeeded");
    await expectError({ username: "x1", displayName: "X", role: "apprentice", pin: "482913" }, "apprenticeId", "admin.errors.apprenticeNeeded");
    await expectError(
      { username: "x1", displayName: "X", role: "apprentice", apprenticeId: String(apprenticeUser.apprenticeId), pin: "482913" },
      "apprenticeId",
      "admin.errors.apprenticeHasAccount",
    );
    await expectError({ username: "x1", displayName: "X", role: "staff", siteId: String(pp.id), password: "short" }, "password", "admin.errors.passwordShort");
    await expectError({ username: "x1", displayName: "X", role: "admin" }, "password", "errors.required");
    expect((await createUserForm({ username: "x1", displayName: "X", role: "overlord", password: "long-enough-pw" })).status).toBe(400);
    expect(userCount()).toBe(before);
  });
});

describe("/admin/users/:userId", () => {
  it("shows the account and its active sessions, and ends one or all of them", async () => {
    const target = createUser(db, { role: "staff", siteId: pp.id });
    await cookieFor(target);
    await cookieFor(target);
    await cookieFor(target);
    const seen = (await load(userLoader, `/admin/users/${target.id}`, admin, { userId: String(target.id) })).data as { sessions: { id: string }[] };
    expect(seen.sessions).toHaveLength(3);
    const one = seen.sessions[0]!.id;
    expect((await userForm(target.id, { intent: "endSession", sessionId: one })).status).toBe(302);
    expect((await userForm(target.id, { intent: "endSession", sessionId: one })).status).toBe(302);
    expect(db.select().from(sessions).where(eq(sessions.userId, target.id)).all()).toHaveLength(2);
    expect(audits("sessions_ended", String(target.id))).toHaveLength(1);
    expect((await userForm(target.id, { intent: "endSession", sessionId: "nope" })).status).toBe(400);
    expect((await userForm(target.id, { intent: "endAllSessions" })).status).toBe(302);
    expect(db.select().from(sessions).where(eq(sessions.userId, target.id)).all()).toHaveLength(0);
  });

  it("resets a password: sessions end, the lock clears; the same reset again writes once", async () => {
    const target = createUser(db, { role: "staff", siteId: pp.id, failedSignIns: 3, lockedUntil: new Date(Date.now() + 600_000) });
    await cookieFor(target);
    expect((await userForm(target.id, { intent: "password", password: "brand-new-password" })).status).toBe(302);
    expect((await userForm(target.id, { intent: "password", password: "brand-new-password" })).status).toBe(302);
    const row = db.select().from(users).where(eq(users.id, target.id)).get()!;
    expect(await verifySecret(row.passwordHash!, "brand-new-password")).toBe(true);
    expect(row).toMatchObject({ failedSignIns: 0, lockedUntil: null });
    expect(db.select().from(sessions).where(eq(sessions.userId, target.id)).all()).toHaveLength(0);
    expect(audits("password_reset", String(target.id))).toHaveLength(1);

    const bad = await userForm(target.id, { intent: "password", password: "short" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.password).toEqual(["admin.errors.passwordShort"]);
    expect(await verifySecret(db.select().from(users).where(eq(users.id, target.id)).get()!.passwordHash!, "brand-new-password")).toBe(true);
    expect((await userForm(target.id, { intent: "explode" })).status).toBe(400);
  });

  it("sets an apprentice's PIN once; refuses a guessable PIN and a PIN for other roles", async () => {
    const { user: target } = createApprenticeWithUser(db, { siteId: pp.id });
    expect((await userForm(target.id, { intent: "pin", pin: "739214" })).status).toBe(302);
    expect((await userForm(target.id, { intent: "pin", pin: "739214" })).status).toBe(302);
    expect(await verifySecret(db.select().from(users).where(eq(users.id, target.id)).get()!.pinHash!, "739214")).toBe(true);
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.entityId, String(target.id)), eq(auditEvents.entity, "user")))
        .all()
        .filter((e) => e.action.startsWith("pin_")),
    ).toHaveLength(1);
    const guessable = await userForm(target.id, { intent: "pin", pin: "123456" });
    expect(guessable.status).toBe(400);
    expect(guessable.data.errors.pin).toEqual(["pin.errors.guessable"]);
    const notApprentice = await userForm(staff.id, { intent: "pin", pin: "739214" });
    expect(notApprentice.status).toBe(400);
    expect(notApprentice.data.errors.pin).toEqual(["admin.errors.pinOnlyApprentice"]);
    expect(db.select().from(users).where(eq(users.id, staff.id)).get()!.pinHash).toBeNull();
  });

  it("deactivates a trainer: sessions and sign-in links end, nothing is deleted; a double submit writes once", async () => {
    const target = createUser(db, { role: "trainer", siteId: pp.id, employerId: employer.id });
    await cookieFor(target);
    const { token } = createLink({ trainerUserId: target.id, createdBy: staff.id, days: 7 });
    expect(lookupLink(token).status).toBe("valid");

    expect((await userForm(target.id, { intent: "deactivate" })).status).toBe(302);
    expect((await userForm(target.id, { intent: "deactivate" })).status).toBe(302);
    const row = db.select().from(users).where(eq(users.id, target.id)).get()!;
    expect(row.active).toBe(false);
    expect(row.deactivatedAt).not.toBeNull();
    expect(db.select().from(sessions).where(eq(sessions.userId, target.id)).all()).toHaveLength(0);
    expect(db.select().from(signInLinks).where(eq(signInLinks.userId, target.id)).all()).toMatchObject([{ revokedBy: admin.id }]);
    expect(lookupLink(token).status).toBe("revoked");
    expect(audits("user_deactivated", String(target.id))).toHaveLength(1);
    expect(audits("user_deactivated", String(target.id))[0]!.detail).toEqual({ endedSessions: 1, revokedLinks: 1 });

    expect((await userForm(target.id, { intent: "reactivate" })).status).toBe(302);
    expect((await userForm(target.id, { intent: "reactivate" })).status).toBe(302);
    expect(db.select().from(users).where(eq(users.id, target.id)).get()).toMatchObject({ active: true, deactivatedAt: null });
    expect(audits("user_reactivated", String(target.id))).toHaveLength(1);
    // Old links stay revoked after reactivation.
    expect(lookupLink(token).status).toBe("revoked");
  });

  it("does not let an admin deactivate their own account", async () => {
    const outcome = await userForm(admin.id, { intent: "deactivate" });
    expect(outcome.status).toBe(400);
    expect(outcome.data.errors.deactivate).toEqual(["admin.errors.notYourself"]);
    expect(db.select().from(users).where(eq(users.id, admin.id)).get()!.active).toBe(true);
  });
});

describe("/admin/sites", () => {
  it("creates a site once, edits it, and refuses a bad or duplicate code beside the field", async () => {
    const fields = { code: "sr", nameEn: "Siem Reap", nameKm: "សៀមរាប" };
    expect((await sitesForm(fields)).status).toBe(302);
    const dup = await sitesForm(fields);
    expect(dup.status).toBe(400);
    expect(dup.data.errors.code).toEqual(["admin.errors.siteCodeTaken"]);
    const sr = db.select().from(sites).where(eq(sites.code, "SR")).get()!;
    expect(sr).toMatchObject({ nameEn: "Siem Reap", nameKm: "សៀមរាប" });
    expect(audits("site_created", String(sr.id))).toHaveLength(1);

    const edit = { siteId: String(sr.id), code: "SR", nameEn: "Siem Reap Centre", nameKm: "មជ្ឈមណ្ឌលសៀមរាប" };
    expect((await sitesForm(edit)).status).toBe(302);
    expect((await sitesForm(edit)).status).toBe(302);
    expect(db.select().from(sites).where(eq(sites.id, sr.id)).get()).toMatchObject({ nameEn: "Siem Reap Centre" });
    expect(audits("site_updated", String(sr.id))).toHaveLength(1);

    const before = db.select().from(sites).all().length;
    expect((await sitesForm({ code: "SRX", nameEn: "X", nameKm: "ខ" })).data.errors.code).toEqual(["admin.errors.siteCode"]);
    expect((await sitesForm({ code: "K1", nameEn: "X", nameKm: "ខ" })).data.errors.code).toEqual(["admin.errors.siteCode"]);
    expect((await sitesForm({ code: "KP", nameEn: "X", nameKm: "" })).data.errors.nameKm).toEqual(["errors.required"]);
    expect((await sitesForm({ siteId: String(sr.id), code: "PP", nameEn: "X", nameKm: "ខ" })).data.errors.code).toEqual(["admin.errors.siteCodeTaken"]);
    expect((await sitesForm({ siteId: "999999", code: "ZZ", nameEn: "X", nameKm: "ខ" })).status).toBe(404);
    expect(db.select().from(sites).all().length).toBe(before);
    expect(db.select().from(sites).where(eq(sites.id, sr.id)).get()!.code).toBe("SR");
  });
});

describe("/admin/audit", () => {
  type Page = {
    rows: { action: string; actor: string | null; entity: string; entityId: string | null }[];
    total: number;
    page: number;
    errors: Record<string, string[]>;
  };
  const viewAudit = async (query: string) =>
    run<Page>(async () => auditLoader({ request: get(`/admin/audit${query}`, { cookie: await cookieFor(admin) }), params: {}, context: context() }));

  it("filters by actor, entity, action and date range", async () => {
    await load(staffHomeLoader, "/staff", apprenticeUser);
    const byAction = await viewAudit("?action=access_refused");
    expect(byAction.status).toBe(200);
    expect(byAction.data.rows.length).toBeGreaterThan(0);
    expect(byAction.data.rows.every((r) => r.action === "access_refused")).toBe(true);

    const byActor = await viewAudit(`?actor=${apprenticeUser.username}&action=access_refused`);
    expect(byActor.data.rows.length).toBeGreaterThan(0);
    expect(byActor.data.rows.every((r) => r.actor === apprenticeUser.username)).toBe(true);

    const byEntity = await viewAudit("?entity=site");
    expect(byEntity.data.rows.length).toBeGreaterThan(0);
    expect(byEntity.data.rows.every((r) => r.entity === "site")).toBe(true);

    const total = (await viewAudit("")).data.total;
    // Dates are the sites' calendar days; a wide range holds everything written here.
    const around = (await viewAudit(`?from=2000-01-01&to=2999-12-31`)).data.total;
    expect(around).toBe(total);
    expect((await viewAudit(`?to=2000-01-01`)).data.total).toBe(0);
    expect((await viewAudit(`?from=2999-01-01`)).data.total).toBe(0);
  });

  it("pages 100 events at a time", async () => {
    for (let i = 0; i < 105; i++) db.insert(auditEvents).values({ actorUserId: admin.id, action: "paging_probe", entity: "test" }).run();
    const first = await viewAudit("?action=paging_probe");
    expect(first.data).toMatchObject({ total: 105, page: 1 });
    expect(first.data.rows).toHaveLength(100);
    const second = await viewAudit("?action=paging_probe&page=2");
    expect(second.data.rows).toHaveLength(5);
  });

  it("answers 400 beside the field for bad filters", async () => {
    const unknownActor = await viewAudit("?actor=nobody-has-this");
    expect(unknownActor.status).toBe(400);
    expect(unknownActor.data.errors.actor).toEqual(["admin.errors.noSuchUser"]);
    const badDate = await viewAudit("?from=2026-02-31");
    expect(badDate.status).toBe(400);
    expect(badDate.data.errors.from).toEqual(["errors.invalid"]);
    const order = await viewAudit("?from=2026-05-02&to=2026-05-01");
    expect(order.status).toBe(400);
    expect(order.data.errors.to).toEqual(["admin.errors.dateOrder"]);
    expect((await viewAudit("?page=0")).status).toBe(400);
    expect((await viewAudit("?page=abc")).status).toBe(400);
  });

  it("cannot be edited: the table refuses UPDATE and DELETE", () => {
    expect(() => db.update(auditEvents).set({ action: "tampered" }).run()).toThrow();
    expect(() => db.delete(auditEvents).run()).toThrow();
  });
});
