/**
 * The derived facts (`competency_levels`, `placement_weeks`: docs/decisions/0016) stay equal to a
 * recompute from the records after every write path that touches a placement, called as Remix
 * would on a real database built from the migrations: week cards submitted, replayed (the same
 * submission key again), saved and corrected with a reason; a placement's start and length
 * corrected; a placement withdrawn; a transfer (the old placement's facts stay with it, the new
 * one starts its own); advance notices given and withdrawn; an exit with its outcome; case-record
 * corrections. After each step the facts tables are compared, row for row, with what the
 * migration's backfill computes from scratch.
 */
import fs from "node:fs";
import path from "node:path";

import type { ActionFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { migrationsFolder } from "~/db/client.server";
import { createApprenticeWithUser, createEmployer, createFramework, createPlacement, createSite, createUser } from "~/db/factories.server";
import { advanceNotices, followUpNotes, placements, weekSubmissions } from "~/db/schema";
import { addDays, mondayOf } from "~/domain/dates";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { action as noticesAction } from "./me.notices/route";
import { action as apprenticeAction } from "./staff.apprentices.$apprenticeId/route";
import { action as placementAction } from "./staff.placements.$placementId/route";
import { action as weekAction, loader as weekLoader } from "./trainer.placements.$placementId.weeks.$weekOf/route";

const db = useTestDatabase();
const sql = db.$client;
const today = siteToday();
const thisMonday = mondayOf(today);
const lastWeek = addDays(thisMonday, -7);
const twoWeeksAgo = addDays(thisMonday, -14);

const site = createSite(db);
const salon = createEmployer(db, { siteId: site.id, name: "Salon" });
const hotel = createEmployer(db, { siteId: site.id, name: "Hotel" });
const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: salon.id });
const hotelTrainer = createUser(db, { role: "trainer", siteId: site.id, employerId: hotel.id });
const staff = createUser(db, { role: "staff", siteId: site.id });
const fw = createFramework(db);
const [c1, c2, c3] = fw.competencies;

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };

// ---------------------------------------------------------------------------------------------
// The recompute: the backfill statements of the facts migration, run into empty copies of the
// tables, compared row for row with what the triggers kept.

const backfill = fs
  .readFileSync(
    path.join(
      migrationsFolder(),
      fs.readdirSync(migrationsFolder()).find((f) => f.endsWith("_facts_triggers.sql"))!,
    ),
    "utf8",
  )
  .split("--> statement-breakpoint")
  .filter((s) => /^\s*INSERT/i.test(s));

const FACTS = ["competency_levels", "placement_weeks"] as const;
const isEmptyWeek = (w: Record<string, unknown>) =>
  w.reviews === 0 &&
  w.signoffs === 0 &&
  w.attendance_days === 0 &&
  w.afternoons_agreed_mask === 0 &&
  w.afternoons_released_mask === 0 &&
  w.afternoons_attended_mask === 0 &&
  w.first_review_at === null;

/** Rows of `table` that differ between the kept facts and a recompute from scratch (both ways). */
function differences(): { table: string; kept: unknown[]; recomputed: unknown[] }[] {
  const snapshot = (table: string) =>
    (sql.prepare(`select * from ${table} order by 1, 2`).all() as Record<string, unknown>[])
      .filter((r) => table !== "placement_weeks" || !isEmptyWeek(r))
      .map((r) => JSON.stringify(r));
  const kept = Object.fromEntries(FACTS.map((t) => [t, snapshot(t)]));
  const recomputed: Record<string, string[]> = {};
  // In a transaction rolled back afterwards: the kept tables are left exactly as they were.
  sql.exec("savepoint recompute");
  try {
    sql.exec("delete from competency_levels; delete from placement_weeks;");
    for (const statement of backfill) sql.exec(statement);
    for (const t of FACTS) recomputed[t] = snapshot(t);
  } finally {
    sql.exec("rollback to recompute; release recompute");
  }
  return FACTS.flatMap((table) => {
    const a = new Set(kept[table]);
    const b = new Set(recomputed[table]);
    const onlyKept = [...a].filter((r) => !b.has(r));
    const onlyRecomputed = [...b].filter((r) => !a.has(r));
    return onlyKept.length + onlyRecomputed.length === 0
      ? []
      : [{ table, kept: onlyKept.map((r) => JSON.parse(r)), recomputed: onlyRecomputed.map((r) => JSON.parse(r)) }];
  });
}

const factsOf = (placementId: number) => ({
  levels: sql.prepare("select count(*) as n from competency_levels where placement_id = ?").get(placementId) as { n: number },
  weeks: sql.prepare("select count(*) as n from placement_weeks where placement_id = ?").get(placementId) as { n: number },
});

// ---------------------------------------------------------------------------------------------
// The write paths, as the pages send them.

async function openCard(placementId: number, weekOf: string) {
  const cookie = await cookieFor(trainer);
  return run<{ submissionKey: string; baseline: string }>(() =>
    weekLoader({
      request: get(`/trainer/placements/${placementId}/weeks/${weekOf}`, { cookie }),
      params: { placementId: String(placementId), weekOf },
      context: context(),
    }),
  );
}

/** Open the week card and return a sender of that form (same key and baseline each time). */
async function weekForm(placementId: number, weekOf: string, fields: Record<string, string>, who: Who = trainer) {
  const card = await openCard(placementId, weekOf);
  expect(card.status).toBe(200);
  const cookie = await cookieFor(who);
  return () =>
    run(() =>
      weekAction({
        request: post(
          `/trainer/placements/${placementId}/weeks/${weekOf}`,
          { submissionKey: card.data.submissionKey, baseline: card.data.baseline, ...fields },
          { cookie },
        ),
        params: { placementId: String(placementId), weekOf },
        context: context(),
      }),
    );
}

const staffPost = async (fn: (args: ActionFunctionArgs) => Promise<unknown>, url: string, params: Record<string, string>, fields: Record<string, string>) =>
  run(async () => fn({ request: post(url, fields, { cookie: await cookieFor(staff) }), params, context: context() } as ActionFunctionArgs));
const onPlacement = (id: number, fields: Record<string, string>) => staffPost(placementAction, `/staff/placements/${id}`, { placementId: String(id) }, fields);
const onApprentice = (id: number, fields: Record<string, string>) =>
  staffPost(apprenticeAction, `/staff/apprentices/${id}`, { apprenticeId: String(id) }, fields);
const asApprentice = async (who: Who, fields: Record<string, string>) =>
  run(async () =>
    noticesAction({ request: post("/me/notices", fields, { cookie: await cookieFor(who) }), params: {}, context: context() } as ActionFunctionArgs),
  );

function newPlacement(startDate = addDays(thisMonday, -28)) {
  const { apprentice, user } = createApprenticeWithUser(db, { siteId: site.id });
  const placement = createPlacement(db, {
    apprenticeId: apprentice.id,
    employerId: salon.id,
    trainerUserId: trainer.id,
    frameworkVersionId: fw.version.id,
    startDate,
    workingWeekdays: "1,2,3,4,5,6,7",
    educationWeekdays: "2,4",
  });
  return { apprentice, user, placement };
}

describe("derived facts after every write path", () => {
  it("equal a recompute from the records after each step (0 differences)", async () => {
    expect(backfill.length).toBeGreaterThanOrEqual(4);
    const step = (name: string) => expect({ step: name, differences: differences() }).toEqual({ step: name, differences: [] });

    // 1. A week card submitted with sign-offs, attendance and the education afternoons.
    const a = newPlacement();
    const submit = await weekForm(a.placement.id, twoWeeksAgo, {
      intent: "submit",
      [`level.${c1!.id}`]: "independent",
      [`level.${c2!.id}`]: "supervised",
      [`att.${twoWeeksAgo}.status`]: "present",
      [`att.${addDays(twoWeeksAgo, 1)}.status`]: "absent",
      [`att.${addDays(twoWeeksAgo, 1)}.reason`]: "illness",
      [`edu.${addDays(twoWeeksAgo, 1)}.status`]: "released",
      [`edu.${addDays(twoWeeksAgo, 3)}.status`]: "refused",
      [`edu.${addDays(twoWeeksAgo, 3)}.reason`]: "Busy day",
      weekNote: "Good week",
    });
    expect((await submit()).status).toBe(302);
    expect(factsOf(a.placement.id).levels.n).toBe(2);
    step("week card submitted");

    // 2. The same form again (a resend): nothing new written, facts unchanged.
    const before = sql.prepare("select * from placement_weeks where placement_id = ? order by week_of").all(a.placement.id);
    expect((await submit()).status).toBe(302);
    expect(db.select().from(weekSubmissions).where(eq(weekSubmissions.placementId, a.placement.id)).all()).toHaveLength(1);
    expect(sql.prepare("select * from placement_weeks where placement_id = ? order by week_of").all(a.placement.id)).toEqual(before);
    step("week card replayed");

    // 3. The submitted week corrected with a reason: the sign-off is superseded, attendance changed.
    const correct = await weekForm(a.placement.id, twoWeeksAgo, {
      intent: "submit",
      [`level.${c1!.id}`]: "supervised",
      [`level.${c3!.id}`]: "independent",
      [`att.${addDays(twoWeeksAgo, 1)}.status`]: "late",
      [`att.${addDays(twoWeeksAgo, 1)}.lateMinutes`]: "15",
      [`edu.${addDays(twoWeeksAgo, 3)}.status`]: "released",
      correctionReason: "Ticked the wrong level",
    });
    expect((await correct()).status).toBe(302);
    expect(sql.prepare("select count(*) as n from assessments where placement_id = ? and supersedes_id is not null").get(a.placement.id)).toEqual({ n: 1 });
    step("submitted week corrected");

    // 4. Saves without submitting, "all present", and the next week's card.
    expect((await (await weekForm(a.placement.id, lastWeek, { intent: "all_present", [`level.${c2!.id}`]: "independent" }))()).status).toBe(302);
    expect(
      (await (await weekForm(a.placement.id, lastWeek, { intent: "save", [`att.${lastWeek}.status`]: "absent", [`att.${lastWeek}.reason`]: "transport" }))())
        .status,
    ).toBe(302);
    step("week saved, all present");

    // 5. Advance notices given and withdrawn by the apprentice.
    expect((await asApprentice(a.user, { intent: "give", kind: "absent", date: addDays(today, 1), reason: "illness" })).status).toBe(302);
    const notice = db.select().from(advanceNotices).where(eq(advanceNotices.placementId, a.placement.id)).get()!;
    expect((await asApprentice(a.user, { intent: "withdraw", noticeId: String(notice.id) })).status).toBe(302);
    step("advance notice given and withdrawn");

    // 6. A placement not started yet: its start and length corrected (twice: the resend too).
    const b = newPlacement(addDays(thisMonday, 7));
    const fix = { intent: "correct", startDate: addDays(thisMonday, -14), plannedWeeks: "16", reason: "Started two weeks earlier" };
    expect((await onPlacement(b.placement.id, fix)).status).toBe(302);
    expect((await onPlacement(b.placement.id, fix)).status).toBe(302);
    expect(db.select().from(placements).where(eq(placements.id, b.placement.id)).get()).toMatchObject({
      startDate: addDays(thisMonday, -14),
      plannedWeeks: 16,
    });
    step("start and length corrected");
    // Records in the corrected weeks; a correction after that is refused and changes nothing.
    expect(
      (
        await (
          await weekForm(b.placement.id, twoWeeksAgo, { intent: "submit", [`level.${c1!.id}`]: "independent", [`att.${twoWeeksAgo}.status`]: "present" })
        )()
      ).status,
    ).toBe(302);
    expect((await onPlacement(b.placement.id, { ...fix, startDate: addDays(thisMonday, -21), plannedWeeks: "20", reason: "Extended" })).status).toBe(400);
    expect(db.select().from(placements).where(eq(placements.id, b.placement.id)).get()).toMatchObject({
      startDate: addDays(thisMonday, -14),
      plannedWeeks: 16,
    });
    step("records in the corrected weeks; a later correction refused");

    // 7. A transfer: the old placement keeps its facts, the new one gets its own.
    const transfer = {
      intent: "transfer",
      employerId: String(hotel.id),
      trainerUserId: String(hotelTrainer.id),
      frameworkVersionId: String(fw.version.id),
      transferOn: today,
      plannedWeeks: "20",
    };
    expect((await onPlacement(b.placement.id, transfer)).status).toBe(302);
    expect((await onPlacement(b.placement.id, transfer)).status).toBe(302);
    const moved = db.select().from(placements).where(eq(placements.transferredFromId, b.placement.id)).get()!;
    expect(moved).toMatchObject({ status: "active", employerId: hotel.id });
    expect(factsOf(b.placement.id).levels.n).toBe(1);
    expect(factsOf(moved.id).levels.n).toBe(0);
    step("transferred");

    // 8. A placement withdrawn (one with records, one without).
    const end = { endedOn: today, outcome: "not_employed", endReason: "Left", startingSalary: "" };
    expect((await onPlacement(a.placement.id, { intent: "withdraw", ...end })).status).toBe(302);
    const c = newPlacement(addDays(thisMonday, 14));
    expect((await onPlacement(c.placement.id, { intent: "withdraw", ...end })).status).toBe(302);
    step("withdrawn");

    // 9. An exit with its outcome, and a case record corrected.
    expect((await onApprentice(a.apprentice.id, { intent: "exit", exitedOn: today, outcome: "own_business", reason: "Opened a stall" })).status).toBe(302);
    expect((await onApprentice(a.apprentice.id, { intent: "note", kind: "call", occurredOn: today, body: "Called." })).status).toBe(302);
    const note = db.select().from(followUpNotes).where(eq(followUpNotes.apprenticeId, a.apprentice.id)).get()!;
    expect(
      (await onApprentice(a.apprentice.id, { intent: "correctNote", supersedesId: String(note.id), body: "Called twice.", correctionReason: "Miscounted" }))
        .status,
    ).toBe(302);
    step("exit and case-record correction");

    // The facts hold something worth comparing.
    expect((sql.prepare("select count(*) as n from placement_weeks").get() as { n: number }).n).toBeGreaterThanOrEqual(3);
  });
});
