/**
 * Staff add, correct or remove an existing trainer's phone from /staff/trainers/:trainerId, so
 * that SMS reminders can reach a trainer without Telegram (docs/decisions/0018).
 */
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { createApprenticeWithUser, createEmployer, createSite, createUser } from "~/db/factories.server";
import { auditEvents, users } from "~/db/schema";
import { serverT } from "~/i18n/i18n.server";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";

import { action, loader } from "./staff.trainers.$trainerId";

const db = useTestDatabase();
const pp = createSite(db);
const sr = createSite(db);
const salon = createEmployer(db, { siteId: pp.id });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id, phone: null });
const staff = createUser(db, { role: "staff", siteId: pp.id });
const staffSr = createUser(db, { role: "staff", siteId: sr.id });
const admin = createUser(db, { role: "admin" });
const { user: apprentice } = createApprenticeWithUser(db, { siteId: pp.id });

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
type Answer = { errors: Record<string, string[]> | null; intent?: string | null; values?: Record<string, string> };

const send = async (who: Who, phone: string, trainerId = trainer.id) =>
  run<Answer>(async () =>
    action({
      request: post(`/staff/trainers/${trainerId}`, { intent: "phone", phone }, { cookie: await cookieFor(who) }),
      params: { trainerId: String(trainerId) },
      context: context(),
    }),
  );
const phoneOf = (id = trainer.id) => db.select({ phone: users.phone }).from(users).where(eq(users.id, id)).get()!.phone;
const phoneAudits = () =>
  db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "trainer_phone_changed"), eq(auditEvents.entityId, String(trainer.id))))
    .all();
const writes = () => ({ phone: phoneOf(), audits: db.select().from(auditEvents).all().length });

describe("a trainer's phone, from the staff trainer page", () => {
  it("is set by staff of the trainer's site: stored trimmed as the add-trainer form stores it, audited, and the redirect says so", async () => {
    const answer = await send(staff, "  +855 12 345 678  ");
    expect(answer.status).toBe(302);
    expect(answer.location).toBe(`/staff/trainers/${trainer.id}?saved=phone#phone`);
    expect(phoneOf()).toBe("+855 12 345 678");
    const audits = phoneAudits();
    expect(audits).toHaveLength(1);
    expect(audits[0]!.actorUserId).toBe(staff.id);
    // The audit says what happened, never the number.
    expect(JSON.stringify(audits[0]!.detail)).not.toContain("345");

    const page = await run<{ trainer: { phone: string | null } }>(async () =>
      loader({
        request: get(`/staff/trainers/${trainer.id}`, { cookie: await cookieFor(staff) }),
        params: { trainerId: String(trainer.id) },
        context: context(),
      }),
    );
    expect(page.data.trainer.phone).toBe("+855 12 345 678");
  });

  it("writes nothing when the same number is sent again", async () => {
    const before = writes();
    const answer = await send(staff, "+855 12 345 678");
    expect(answer.location).toBe(`/staff/trainers/${trainer.id}?saved=unchanged#phone`);
    expect(writes()).toEqual(before);
  });

  it("is corrected by admin", async () => {
    const answer = await send(admin, "012 999 888");
    expect(answer.location).toBe(`/staff/trainers/${trainer.id}?saved=phone#phone`);
    expect(phoneOf()).toBe("012 999 888");
    expect(phoneAudits().at(-1)!.actorUserId).toBe(admin.id);
  });

  it("is removed when the box is emptied (or only spaces)", async () => {
    const before = phoneAudits().length;
    const answer = await send(staff, "   ");
    expect(answer.location).toBe(`/staff/trainers/${trainer.id}?saved=phone#phone`);
    expect(phoneOf()).toBeNull();
    expect(phoneAudits()).toHaveLength(before + 1);
    expect(phoneAudits().at(-1)!.detail).toEqual({ removed: true, hadPhone: true });
  });

  it("refuses a phone that is not one: 400, the message beside the field in both languages, nothing written", async () => {
    await send(staff, "012 345 678");
    for (const bad of ["call me", "12345", "+855 12 345 678 901 234"]) {
      const before = writes();
      const answer = await send(staff, bad);
      expect(answer.status, bad).toBe(400);
      expect(answer.data.intent).toBe("phone");
      expect(answer.data.errors?.phone, bad).toEqual(["records.errors.phone"]);
      expect(answer.data.values?.phone).toBe(bad);
      expect(writes()).toEqual(before);
    }
    expect(serverT("en")("records.errors.phone")).toMatch(/phone number/);
    expect(serverT("km")("records.errors.phone")).toMatch(/លេខទូរស័ព្ទ/);
  });

  it("is out of reach for staff of another site (404) and for trainers and apprentices (403); nothing is written", async () => {
    const before = writes();
    const changes = phoneAudits().length;
    expect((await send(staffSr, "011 222 333")).status).toBe(404);
    expect((await send(trainer, "011 222 333")).status).toBe(403);
    expect((await send(apprentice, "011 222 333")).status).toBe(403);
    // The 403s are audited as refusals; no phone change is.
    expect(writes().phone).toBe(before.phone);
    expect(phoneAudits()).toHaveLength(changes);
  });

  it("is not a way to reach a user who is not a trainer: 404", async () => {
    const answer = await send(staff, "011 222 333", staff.id);
    expect(answer.status).toBe(404);
    expect(phoneOf(staff.id)).toBeNull();
  });
});
