/**
 * Issue 11, called as Remix would: apprentices' sign-in cards (and the account that comes with a
 * new apprentice), sign-in from a card, the reader's numeral setting, the language switch's bad
 * input, and the confirmation every save leads to.
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { verifyCredentials } from "~/auth/sign-in.server";
import {
  createApprentice,
  createApprenticeWithUser,
  createEmployer,
  createFramework,
  createPlacement,
  createSite,
  createUser,
  createFlag,
} from "~/db/factories.server";
import { auditEvents, sessions, users } from "~/db/schema";
import { intakeYear } from "~/domain/records";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { action as cardAction, loader as cardLoader } from "./staff.apprentices.$apprenticeId_.card";
import { action as apprenticesAction } from "./staff.apprentices._index/route";
import { action as localeAction } from "./locale";
import { loader as loginLoader } from "./login/route";
import { action as numeralsAction } from "./numerals";
import { action as flagAction } from "./staff.flags.$flagId";
import { action as placementAction } from "./staff.placements.$placementId/route";

const db = useTestDatabase();
const today = siteToday();
const yy = intakeYear(today);
const pp = createSite(db, { code: "PQ" });
const sr = createSite(db, { code: "SQ" });
const staff = createUser(db, { role: "staff", siteId: pp.id });
const staffSr = createUser(db, { role: "staff", siteId: sr.id });
const employer = createEmployer(db, { siteId: pp.id });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: employer.id });
const fw = createFramework(db);

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
const call = async <T = unknown>(
  fn: (args: { request: Request; params: Record<string, string>; context: ReturnType<typeof context> }) => Promise<unknown>,
  who: Who | null,
  path: string,
  fields?: Record<string, string | string[]>,
  params: Record<string, string> = {},
) => {
  const headers: Record<string, string> = who ? { cookie: await cookieFor(who) } : {};
  const request = fields ? post(path, fields, headers) : get(path, headers);
  return run<T>(() => fn({ request, params, context: context() }));
};
const accountOf = (apprenticeId: number) =>
  db
    .select()
    .from(users)
    .where(and(eq(users.apprenticeId, apprenticeId), eq(users.role, "apprentice")))
    .get();

describe("an apprentice's sign-in account and card", () => {
  it("comes with a new apprentice: the account exists at once, with no PIN until a card is made", async () => {
    const made = await call(apprenticesAction, staff, "/staff/apprentices", {
      code: `PQ-${yy}-001`,
      preferredName: "Sreymom",
      legalName: "Sok Sreymom",
      dateOfBirth: "2006-05-01",
      gender: "female",
      intakeId: "",
      referralSource: "",
      background: "",
    });
    expect(made.status).toBe(302);
    expect(made.location).toMatch(/\?saved=apprentice$/);
    const id = Number(/apprentices\/(\d+)/.exec(made.location!)![1]);
    expect(accountOf(id)).toMatchObject({ username: `pq-${yy}-001`, displayName: "Sreymom", siteId: pp.id, pinHash: null, active: true });
    expect(db.select().from(auditEvents).where(eq(auditEvents.action, "apprentice_account_created")).all()).toHaveLength(1);
  });

  it("is made by staff of the site: a new PIN shown once, the account created if missing, sessions ended", async () => {
    const apprentice = createApprentice(db, { siteId: pp.id, code: `PQ-${yy}-002`, preferredName: "Dara" });
    const path = `/staff/apprentices/${apprentice.id}/card`;
    const params = { apprenticeId: String(apprentice.id) };
    expect((await call<{ account: unknown }>(cardLoader, staff, path, undefined, params)).data.account).toBeNull();

    const card = await call<{ card: { username: string; pin: string; url: string; svg: string } }>(cardAction, staff, path, { intent: "make" }, params);
    expect(card.status).toBe(200);
    expect(card.data.card.username).toBe(`pq-${yy}-002`);
    expect(card.data.card.pin).toMatch(/^\d{6}$/);
    expect(card.data.card.url).toBe(`http://localhost:3000/login?as=pq-${yy}-002`);
    expect(card.data.card.svg).toContain("<svg");
    // The PIN signs in; the QR code's address holds no secret.
    expect(card.data.card.url).not.toContain(card.data.card.pin);
    expect((await verifyCredentials(card.data.card.username, card.data.card.pin)).method).toBe("pin");

    // A second card: a new PIN, the old one stops working, open sessions end.
    const account = accountOf(apprentice.id)!;
    await cookieFor({ id: account.id, role: "apprentice" });
    const again = await call<{ card: { pin: string } }>(cardAction, staff, path, { intent: "make" }, params);
    expect(again.data.card.pin).not.toBe(card.data.card.pin);
    await expect(verifyCredentials(card.data.card.username, card.data.card.pin)).rejects.toThrow();
    expect(db.select().from(sessions).where(eq(sessions.userId, account.id)).all()).toEqual([]);
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "sign_in_card_made"), eq(auditEvents.entityId, String(account.id))))
        .all(),
    ).toHaveLength(2);
  });

  it("refuses an unknown intent with 400, another site's staff with 404, and trainers with 403", async () => {
    const apprentice = createApprentice(db, { siteId: pp.id, code: `PQ-${yy}-003` });
    const path = `/staff/apprentices/${apprentice.id}/card`;
    const params = { apprenticeId: String(apprentice.id) };
    expect((await call(cardAction, staff, path, { intent: "print_all" }, params)).status).toBe(400);
    expect((await call(cardAction, staff, path, {}, params)).status).toBe(400);
    expect(accountOf(apprentice.id)).toBeUndefined();
    expect((await call(cardAction, staffSr, path, { intent: "make" }, params)).status).toBe(404);
    expect((await call(cardLoader, staffSr, path, undefined, params)).status).toBe(404);
    expect((await call(cardAction, trainer, path, { intent: "make" }, params)).status).toBe(403);
    expect(accountOf(apprentice.id)).toBeUndefined();
  });

  it("says why when the account is deactivated, and changes nothing", async () => {
    const { apprentice, user } = createApprenticeWithUser(db, { siteId: pp.id, code: `PQ-${yy}-004` }, { active: false, pin: "482913" });
    const params = { apprenticeId: String(apprentice.id) };
    const refused = await call<{ error: string }>(cardAction, staff, `/staff/apprentices/${apprentice.id}/card`, { intent: "make" }, params);
    expect(refused.status).toBe(400);
    expect(refused.data.error).toBe("card.errors.inactive");
    expect(accountOf(apprentice.id)!.pinHash).toBe(user.pinHash);
  });
});

describe("signing in from a card", () => {
  it("fills in the username from ?as= and refuses a malformed one with 400", async () => {
    expect((await call<{ as: string | null }>(loginLoader, null, "/login?as=pq-26-002")).data.as).toBe("pq-26-002");
    expect((await call<{ as: string | null }>(loginLoader, null, "/login")).data.as).toBeNull();
    expect((await call(loginLoader, null, "/login?as=%3Cscript%3E")).status).toBe(400);
    expect((await call(loginLoader, null, `/login?as=${"a".repeat(70)}`)).status).toBe(400);
  });

  it("takes a PIN typed in Khmer digits as the same PIN", async () => {
    const { user } = createApprenticeWithUser(db, { siteId: pp.id, code: `PQ-${yy}-005` }, { pin: "482913" });
    expect((await verifyCredentials(user.username, "៤៨២៩១៣")).method).toBe("pin");
  });
});

describe("the reader's digits and language", () => {
  it("keeps the numeral setting per user, audited, and refuses an unknown one with 400", async () => {
    const reader = createUser(db, { role: "staff", siteId: pp.id });
    const saved = await call(numeralsAction, reader, "/numerals", { numerals: "khmer", redirectTo: "/staff/flags" });
    expect(saved).toMatchObject({ status: 302, location: "/staff/flags" });
    expect(db.select().from(users).where(eq(users.id, reader.id)).get()!.numerals).toBe("khmer");
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "numerals_changed"), eq(auditEvents.entityId, String(reader.id))))
        .all(),
    ).toHaveLength(1);
    for (const bad of ["roman", "", "KHMER"]) expect((await call(numeralsAction, reader, "/numerals", { numerals: bad })).status).toBe(400);
    expect(db.select().from(users).where(eq(users.id, reader.id)).get()!.numerals).toBe("khmer");
    expect((await call(numeralsAction, null, "/numerals", { numerals: "latin" })).location).toMatch(/^\/login/);
  });

  it("refuses a language the portal does not have with 400", async () => {
    expect((await call(localeAction, null, "/locale", { locale: "fr", redirectTo: "/" })).status).toBe(400);
    expect((await call(localeAction, null, "/locale", { locale: "km", redirectTo: "/" })).status).toBe(302);
  });
});

describe("confirmation after every save", () => {
  const apprentice = createApprentice(db, { siteId: pp.id, code: `PQ-${yy}-010` });
  const placement = createPlacement(db, { apprenticeId: apprentice.id, employerId: employer.id, trainerUserId: trainer.id, frameworkVersionId: fw.version.id });

  it("a manual status leads to ?saved=status on the status section", async () => {
    const saved = await call(
      placementAction,
      staff,
      `/staff/placements/${placement.id}`,
      { status: "amber", reason: "Missed two visits", statusDate: today },
      { placementId: String(placement.id) },
    );
    expect(saved).toMatchObject({ status: 302, location: `/staff/placements/${placement.id}?saved=status#status` });
  });

  it("a flag review leads to ?saved=flag, and the same step again to ?saved=unchanged", async () => {
    const flag = createFlag(db, { siteId: pp.id, placementId: placement.id, rule: "no_weekly_review", severity: "warn" });
    const params = { flagId: String(flag.id) };
    const first = await call(flagAction, staff, `/staff/flags/${flag.id}`, { intent: "acknowledge", note: "Called the trainer" }, params);
    expect(first.location).toBe(`/staff/flags/${flag.id}?saved=flag`);
    const again = await call(flagAction, staff, `/staff/flags/${flag.id}`, { intent: "acknowledge", note: "Called the trainer" }, params);
    expect(again.location).toBe(`/staff/flags/${flag.id}?saved=unchanged`);
  });
});
