import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { createApprentice, createEmployer, createFlag, createFramework, createPlacement, createSite, createUser } from "~/db/factories.server";
import { flagsInChunks, listFlags } from "~/db/flag-review.server";
import { flagEvents, flags } from "~/db/schema";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";

import { action as reviewAction, loader as flagLoader } from "./staff.flags.$flagId";
import { loader as csvLoader } from "./staff.flags[.csv]";
import { loader as inboxLoader } from "./staff.flags._index/route";

const db = useTestDatabase();
const pp = createSite(db, { code: "PP" });
const sr = createSite(db, { code: "SR" });
const salon = createEmployer(db, { siteId: pp.id, name: '=HYPERLINK("evil")' });
const hotel = createEmployer(db, { siteId: sr.id, name: "Hotel SR" });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id, displayName: "Trainer PP" });
const srTrainer = createUser(db, { role: "trainer", siteId: sr.id, employerId: hotel.id });
const staff = createUser(db, { role: "staff", siteId: pp.id });
const staffSr = createUser(db, { role: "staff", siteId: sr.id });
const admin = createUser(db, { role: "admin" });
const fw = createFramework(db);
const a1 = createApprentice(db, { siteId: pp.id, code: "PP-26-101" });
const a2 = createApprentice(db, { siteId: sr.id, code: "SR-26-101" });
const p1 = createPlacement(db, { apprenticeId: a1.id, employerId: salon.id, trainerUserId: trainer.id, frameworkVersionId: fw.version.id });
const p2 = createPlacement(db, { apprenticeId: a2.id, employerId: hotel.id, trainerUserId: srTrainer.id, frameworkVersionId: fw.version.id });
const base = { siteId: pp.id, placementId: p1.id, trainerUserId: trainer.id, employerId: salon.id, apprenticeId: a1.id };
const warn = createFlag(db, {
  ...base,
  rule: "behind_plan",
  severity: "warn",
  evidence: { week: 9, expectedByNow: 10, competentOfExpected: 3, percent: 30 },
  raisedAt: new Date("2026-11-20T01:00:00Z"),
});
const urgent = createFlag(db, {
  ...base,
  rule: "no_weekly_review",
  severity: "urgent",
  evidence: { weeksWithoutReview: 3, weeks: [], lastReviewedWeek: "2026-10-26" },
  raisedAt: new Date("2026-11-01T01:00:00Z"),
});
const info = createFlag(db, { ...base, rule: "under_18", severity: "info", evidence: { startDate: "2026-09-01", adultOn: "2027-01-02" } });
createFlag(db, {
  siteId: sr.id,
  placementId: p2.id,
  trainerUserId: srTrainer.id,
  employerId: hotel.id,
  apprenticeId: a2.id,
  rule: "overdue",
  severity: "warn",
  evidence: { plannedEndDate: "2026-10-01", outstanding: 2, total: 10 },
});

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
type Inbox = { flags: { id: number; rule: string; severity: string }[]; errors: Record<string, string[]> };
const inbox = async (who: Who, query = "") =>
  run<Inbox>(async () => inboxLoader({ request: get(`/staff/flags${query}`, { cookie: await cookieFor(who) }), params: {}, context: context() }));
const review = async (who: Who, flagId: number, fields: Record<string, string>) =>
  run<{ errors: Record<string, string[]> }>(async () =>
    reviewAction({ request: post(`/staff/flags/${flagId}`, fields, { cookie: await cookieFor(who) }), params: { flagId: String(flagId) }, context: context() }),
  );

describe("/staff/flags", () => {
  it("lists the site's open flags, urgent first then newest; another site's staff see only theirs", async () => {
    const { status, data } = await inbox(staff);
    expect(status).toBe(200);
    expect(data.flags.map((f) => f.id)).toEqual([urgent.id, warn.id, info.id]);
    expect((await inbox(staffSr)).data.flags.map((f) => f.rule)).toEqual(["overdue"]);
    expect((await inbox(admin)).data.flags).toHaveLength(4);
  });

  it("filters by rule, severity, employer and trainer", async () => {
    expect((await inbox(staff, "?rule=behind_plan")).data.flags.map((f) => f.id)).toEqual([warn.id]);
    expect((await inbox(staff, "?severity=info")).data.flags.map((f) => f.id)).toEqual([info.id]);
    expect((await inbox(staff, `?employer=${salon.id}&trainer=${trainer.id}`)).data.flags).toHaveLength(3);
  });

  it("answers 400 with a clear message for an unknown rule or a foreign id", async () => {
    const unknown = await inbox(staff, "?rule=made_up");
    expect(unknown.status).toBe(400);
    expect(unknown.data.errors.rule).toEqual(["flags.errors.unknown"]);
    const foreign = await inbox(staff, `?employer=${hotel.id}`);
    expect(foreign.status).toBe(400);
    expect(foreign.data.errors.employer).toEqual(["flags.errors.foreign"]);
    expect((await inbox(staff, `?site=${sr.id}`)).status).toBe(400);
  });

  it("refuses trainers and apprentices", async () => {
    expect((await inbox(trainer)).status).toBe(403);
  });

  it("shows a page at a time, and refuses a page size over the cap or a page too deep with a message", async () => {
    const more = Array.from({ length: 5 }, (_, i) =>
      createFlag(db, { ...base, rule: "attendance_risk", severity: "warn", status: "resolved", evidence: {}, raisedAt: new Date(Date.UTC(2026, 9, 1 + i)) }),
    );
    type Paged = Inbox & { page: { page: number; pages: number; total: number; first: number; last: number } };
    const first = await run<Paged>(async () =>
      inboxLoader({ request: get("/staff/flags?status=all&size=3", { cookie: await cookieFor(staff) }), params: {}, context: context() }),
    );
    expect(first.data.page).toMatchObject({ page: 1, pages: 3, total: 8, first: 1, last: 3 });
    expect(first.data.flags.map((f) => f.id)).toEqual([urgent.id, warn.id, more[4]!.id]);
    const last = await run<Paged>(async () =>
      inboxLoader({ request: get("/staff/flags?status=all&size=3&page=3", { cookie: await cookieFor(staff) }), params: {}, context: context() }),
    );
    expect(last.data.page).toMatchObject({ page: 3, first: 7, last: 8 });
    expect(last.data.flags.map((f) => f.id)).toEqual([more[0]!.id, info.id]);
    const big = await inbox(staff, "?size=1000");
    expect(big.status).toBe(400);
    expect(big.data.errors.size).toEqual(["pagination.errors.size"]);
    const deep = await inbox(staff, "?page=900");
    expect(deep.status).toBe(400);
    expect(deep.data.errors.page).toEqual(["pagination.errors.tooDeep"]);
    expect((await inbox(staff, "?page=abc")).data.errors.page).toEqual(["pagination.errors.page"]);
  });
});

describe("reviewing a flag", () => {
  it("takes a flag from open to acknowledged to resolved, each step with who and a note, once", async () => {
    const flag = createFlag(db, { ...base, rule: "attendance_risk", severity: "warn", evidence: { absences: 3 } });
    expect((await review(staff, flag.id, { intent: "acknowledge", note: "Called the apprentice" })).status).toBe(302);
    expect((await review(staff, flag.id, { intent: "acknowledge", note: "Called the apprentice" })).status).toBe(302);
    expect((await review(staff, flag.id, { intent: "resolve", note: "Bicycle provided" })).status).toBe(302);
    expect(db.select().from(flags).where(eq(flags.id, flag.id)).get()?.status).toBe("resolved");
    const events = db.select().from(flagEvents).where(eq(flagEvents.flagId, flag.id)).orderBy(flagEvents.id).all();
    expect(events.map((e) => [e.action, e.actorUserId, e.note])).toEqual([
      ["raised", null, null],
      ["acknowledged", staff.id, "Called the apprentice"],
      ["resolved", staff.id, "Bicycle provided"],
    ]);
    const again = await review(staff, flag.id, { intent: "dismiss", note: "late" });
    expect(again.status).toBe(400);
    expect(again.data.errors.intent).toEqual(["flags.errors.step"]);
  });

  it("requires a note, limits its length, and keeps other sites' flags unknown", async () => {
    expect((await review(staff, warn.id, { intent: "resolve", note: "" })).data.errors.note).toEqual(["errors.required"]);
    expect((await review(staff, warn.id, { intent: "resolve", note: "x".repeat(1001) })).data.errors.note).toEqual(["errors.tooLong"]);
    expect((await review(staffSr, warn.id, { intent: "resolve", note: "no" })).status).toBe(404);
    const page = await run(async () =>
      flagLoader({ request: get(`/staff/flags/${warn.id}`, { cookie: await cookieFor(staffSr) }), params: { flagId: String(warn.id) }, context: context() }),
    );
    expect(page.status).toBe(404);
  });
});

describe("/staff/flags.csv", () => {
  it("exports the filtered list with a rule column, parsed back, with formula cells made safe", async () => {
    const response = await run<string>(async () =>
      csvLoader({ request: get("/staff/flags.csv?status=all", { cookie: await cookieFor(staff) }), params: {}, context: context() }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const rows = parse(response.data, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      "id",
      "site",
      "rule",
      "severity",
      "status",
      "employer",
      "trainer",
      "apprentice_code",
      "placement_id",
      "raised_at",
      "evidence",
    ]);
    expect(rows.every((r) => r.site === "PP")).toBe(true);
    expect(rows.map((r) => r.rule)).toEqual(expect.arrayContaining(["behind_plan", "no_weekly_review", "under_18"]));
    expect(rows[0]!.employer).toBe('\'=HYPERLINK("evil")');
    expect(JSON.parse(rows.find((r) => r.rule === "behind_plan")!.evidence!)).toMatchObject({ percent: 30 });
  });

  it("writes every site's flags for admin in the inbox's order, the same across chunk boundaries", async () => {
    const response = await run<string>(async () =>
      csvLoader({ request: get("/staff/flags.csv?status=all", { cookie: await cookieFor(admin) }), params: {}, context: context() }),
    );
    const rows = parse(response.data, { columns: true, bom: true }) as Record<string, string>[];
    const actor = { id: admin.id, role: "admin" as const, siteId: null, employerId: null, apprenticeId: null };
    const inOrder = listFlags(actor, { status: "all" }).map((f) => f.id);
    expect(rows.map((r) => Number(r.id))).toEqual(inOrder);
    expect(new Set(rows.map((r) => r.site))).toEqual(new Set(["PP", "SR"]));
    const chunks: number[][] = [];
    for await (const chunk of flagsInChunks(actor, { status: "all" }, { chunkSize: 2 })) chunks.push(chunk.map((f) => f.id));
    expect(chunks.length).toBe(Math.ceil(inOrder.length / 2));
    expect(chunks.slice(0, -1).every((c) => c.length === 2)).toBe(true);
    expect(chunks.flat()).toEqual(inOrder);
  });

  it("answers 400 for a bad filter and 403 for a trainer", async () => {
    expect(
      (await run(async () => csvLoader({ request: get("/staff/flags.csv?severity=huge", { cookie: await cookieFor(staff) }), params: {}, context: context() })))
        .status,
    ).toBe(400);
    expect(
      (await run(async () => csvLoader({ request: get("/staff/flags.csv", { cookie: await cookieFor(trainer) }), params: {}, context: context() }))).status,
    ).toBe(403);
  });
});
