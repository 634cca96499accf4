import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { parse } from "csv-parse/sync";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { actorOf } from "~/auth/guards.server";
import type { SessionUser } from "~/auth/session.server";
import { openDatabase, setDb, type DB } from "~/db/client.server";
import {
  createApprentice,
  createApprenticeWithUser,
  createEducationAfternoon,
  createEmployer,
  createFramework,
  createIntake,
  createPlacement,
  createSite,
  createUser,
  recordAssessment,
  recordAttendance,
  recordFeedback,
  recordWeeklyReview,
} from "~/db/factories.server";
import { loadAccountabilityOverview, loadProgrammeOutcomes, loadTrainerAccountability } from "~/db/reports.server";
import type { AccountabilityFigures, SiteAccountability } from "~/domain/reports";
import { flagEvents, flags, outcomeCheckins, phaseChanges, users } from "~/db/schema";
import { seedDemo } from "~/db/seed.server";
import { recordQueries, useTestDatabase } from "~/test/db";
import { context, cookieFor, get, run } from "~/test/requests";
import { heavyTurnsHeld } from "~/utils/heavy-turn.server";
import { siteToday } from "~/utils/today.server";

import { loader as outcomesLoader } from "./staff.reports.outcomes/route";
import { loader as trainersLoader } from "./staff.reports.trainers/route";
import { loader as csvLoader } from "./staff.reports.trainers[.csv]";

// The last tests land others' writes at the report's yields: each yield can run a hook.
const yields = vi.hoisted(() => ({ hook: null as (() => void) | null }));
vi.mock("~/utils/yield.server", async (importOriginal) => {
  const actual = await importOriginal<typeof import("~/utils/yield.server")>();
  return {
    ...actual,
    yieldToOthers: async () => {
      await actual.yieldToOthers();
      yields.hook?.();
    },
  };
});

// A small world in early 2026 (always in the past): the period of 2–29 March 2026 has four
// weeks (Mondays 2, 9, 16, 23 March). The figures below are worked out by hand in the comments.
const db = useTestDatabase();
const at = (date: string, time = "17:00") => new Date(`${date}T${time}:00+07:00`);
const PERIOD = "from=2026-03-02&to=2026-03-29";

const pp = createSite(db, { code: "PP", nameEn: "Phnom Penh", nameKm: "ភ្នំពេញ" });
const sr = createSite(db, { code: "SR", nameEn: "Siem Reap", nameKm: "សៀមរាប" });
const salon = createEmployer(db, { siteId: pp.id, name: "Salon A" });
// Names a spreadsheet would run as formulas: they must come out of the CSV made safe.
const cafe = createEmployer(db, { siteId: pp.id, name: "+Cafe Plus", sector: "food_service" });
const hotel = createEmployer(db, { siteId: sr.id, name: "Hotel C", sector: "hospitality" });
const t1 = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id, displayName: "Srey Mom" });
const t2 = createUser(db, { role: "trainer", siteId: pp.id, employerId: salon.id, displayName: "-Dara" });
const t3 = createUser(db, { role: "trainer", siteId: pp.id, employerId: cafe.id, displayName: '=HYPERLINK("http://x")' });
const tSr = createUser(db, { role: "trainer", siteId: sr.id, employerId: hotel.id, displayName: "Hotel Trainer" });
const staff = createUser(db, { role: "staff", siteId: pp.id });
const staffSr = createUser(db, { role: "staff", siteId: sr.id });
const admin = createUser(db, { role: "admin" });
const fw = createFramework(db); // competencies expected by weeks 2, 4, 6, 8
const [c1, c2, c3, c4] = fw.competencies.map((c) => c.id) as [number, number, number, number];

const { apprentice: a1, user: apprenticeUser } = createApprenticeWithUser(db, { siteId: pp.id });
const a2 = createApprentice(db, { siteId: pp.id });
const a3 = createApprentice(db, { siteId: pp.id, phase: "employed" });
const a4 = createApprentice(db, { siteId: pp.id, phase: "follow_up" });
const a5 = createApprentice(db, { siteId: sr.id });
const base = { frameworkVersionId: fw.version.id };
const p1 = createPlacement(db, { ...base, apprenticeId: a1.id, employerId: salon.id, trainerUserId: t1.id, startDate: "2026-02-02" });
const p2 = createPlacement(db, { ...base, apprenticeId: a2.id, employerId: salon.id, trainerUserId: t1.id, startDate: "2026-03-11" });
const p3 = createPlacement(db, {
  ...base,
  apprenticeId: a3.id,
  employerId: salon.id,
  trainerUserId: t1.id,
  startDate: "2025-12-01",
  status: "completed",
  endedOn: "2026-03-20",
  outcome: "retained_by_employer",
  startingSalaryCents: 9000,
});
const p4 = createPlacement(db, {
  ...base,
  apprenticeId: a4.id,
  employerId: salon.id,
  trainerUserId: t2.id,
  startDate: "2026-01-05",
  status: "withdrawn",
  endedOn: "2026-03-04",
});
const p5 = createPlacement(db, { ...base, apprenticeId: a5.id, employerId: hotel.id, trainerUserId: tSr.id, startDate: "2026-02-02" });

// Weekly reviews. T1 owes p1 4 weeks, p2 3 (from the week of 9 Mar), p3 3 (ended Fri 20 Mar) = 10;
// submitted 3 + 3 + 3 = 9 (p1 misses the week of 16 Mar). T2 owes p4 1 (ended Wed 4 Mar), submits 0.
const review = (
  placementId: number,
  trainerUserId: number,
  weekOf: string,
  submitted: string,
  over: { supersedesId?: number; correctionReason?: string } = {},
) => recordWeeklyReview(db, { placementId, trainerUserId, weekOf, submittedAt: at(submitted), ...over });
const r11 = review(p1.id, t1.id, "2026-03-02", "2026-03-07");
review(p1.id, t1.id, "2026-03-02", "2026-03-10", { supersedesId: r11.id, correctionReason: "Forgot a tick" }); // same week again
review(p1.id, t1.id, "2026-03-09", "2026-03-14");
review(p1.id, t1.id, "2026-03-23", "2026-03-28");
review(p2.id, t1.id, "2026-03-09", "2026-03-16");
review(p2.id, t1.id, "2026-03-16", "2026-03-16");
review(p2.id, t1.id, "2026-03-23", "2026-03-30");
review(p3.id, t1.id, "2026-03-02", "2026-03-07");
review(p3.id, t1.id, "2026-03-09", "2026-03-14");
review(p3.id, t1.id, "2026-03-16", "2026-03-20");
review(p5.id, tSr.id, "2026-03-02", "2026-03-07");

// Sign-offs. T1: p1/c2, p2/c1 (seen twice), p3/c4 (a date correction of its own sign-off) = 3;
// p1/c1 was before the period and p1/c3 was corrected down. T2: p4/c1 = 1.
const sign = (
  placementId: number,
  trainerUserId: number,
  competencyId: number,
  level: "independent" | "supervised",
  observedOn: string,
  supersedesId?: number,
) =>
  recordAssessment(db, {
    placementId,
    trainerUserId,
    competencyId,
    level,
    observedOn,
    ...(supersedesId ? { supersedesId, correctionReason: "Correction" } : {}),
  });
sign(p1.id, t1.id, c1, "independent", "2026-02-20");
sign(p1.id, t1.id, c2, "independent", "2026-03-05");
const wrong = sign(p1.id, t1.id, c3, "independent", "2026-03-12");
sign(p1.id, t1.id, c3, "supervised", "2026-03-12", wrong.id);
sign(p2.id, t1.id, c1, "independent", "2026-03-18");
sign(p2.id, t1.id, c1, "independent", "2026-03-25");
const dated = sign(p3.id, t1.id, c4, "independent", "2026-03-10");
sign(p3.id, t1.id, c4, "independent", "2026-03-11", dated.id);
sign(p4.id, t2.id, c1, "independent", "2026-03-03");
// Progress at 29 Mar: p1 in week 8, competent c1, c2 of 4 expected = 0.5; p2 in week 3, c1 of 1 = 1.
// T1: (0.5 + 1) / 2 = 75%. (p3 and p4 ended before the period's end.)

// Flags (the engine's rows, written directly). T1: 2 raised, 1 resolved in the period.
function flag(rule: string, trainerUserId: number, raised: string, status: string, resolved?: string) {
  const id = Number(
    db.$client
      .prepare(
        `insert into flags (site_id, rule, subject_type, subject_id, placement_id, trainer_user_id, employer_id, severity, status, evidence, ${flags.raisedAt.name})
         values (?, ?, 'trainer', ?, null, ?, ?, 'warn', ?, '{}', ?)`,
      )
      .run(pp.id, rule, trainerUserId, trainerUserId, salon.id, status, at(raised, "08:00").getTime()).lastInsertRowid,
  );
  if (resolved) {
    db.$client
      .prepare(`insert into flag_events (flag_id, action, actor_user_id, note, ${flagEvents.createdAt.name}) values (?, 'resolved', ?, 'Visited', ?)`)
      .run(id, staff.id, at(resolved).getTime());
  }
}
flag("no_weekly_review", t1.id, "2026-03-17", "resolved", "2026-03-20");
flag("behind_plan", t1.id, "2026-03-10", "open");
flag("no_weekly_review", t1.id, "2026-02-25", "resolved", "2026-03-05"); // raised before the period
flag("feedback_concern", t2.id, "2026-03-15", "open"); // withheld: T2 has one respondent

// Education afternoons. T1: p1 3 Mar released, 5 Mar refused, 12 Mar at class with no word; p2
// 19 Mar released.
createEducationAfternoon(db, { placementId: p1.id, date: "2026-03-03" }, [
  { kind: "released", recordedBy: t1.id },
  { kind: "attended", recordedBy: staff.id },
]);
createEducationAfternoon(db, { placementId: p1.id, date: "2026-03-05" }, [{ kind: "refused", reason: "Busy", recordedBy: t1.id }]);
createEducationAfternoon(db, { placementId: p1.id, date: "2026-03-12" }, [{ kind: "attended", recordedBy: staff.id }]);
createEducationAfternoon(db, { placementId: p2.id, date: "2026-03-19" }, [{ kind: "released", recordedBy: t1.id }]);
// No word from the trainer: on 24 Mar the apprentice was absent (nobody to release: not counted);
// on 26 Mar the attendance says "at education" (released). T1: 4 released of 5.
createEducationAfternoon(db, { placementId: p2.id, date: "2026-03-24" });
recordAttendance(db, { placementId: p2.id, date: "2026-03-24", status: "absent", absenceReason: "illness", recordedBy: t1.id });
createEducationAfternoon(db, { placementId: p2.id, date: "2026-03-26" });
const mistaken = recordAttendance(db, { placementId: p2.id, date: "2026-03-26", status: "present", recordedBy: t1.id });
recordAttendance(db, {
  placementId: p2.id,
  date: "2026-03-26",
  status: "education",
  recordedBy: t1.id,
  supersedesId: mistaken.id,
  correctionReason: "Was at class",
});

// Feedback. T1: three apprentices answered: (4.5 + 5 + 3) / 3 = 4.1667. T2: one apprentice: withheld.
const fb = (placementId: number, date: string, r: [number, number, number, number]) =>
  recordFeedback(db, { placementId, explainsRating: r[0], learningRating: r[1], fairnessRating: r[2], safetyRating: r[3], submittedAt: at(date, "19:30") });
fb(p1.id, "2026-03-06", [4, 4, 5, 5]);
fb(p2.id, "2026-03-13", [5, 5, 5, 5]);
fb(p3.id, "2026-03-18", [2, 3, 3, 4]);
fb(p4.id, "2026-03-03", [2, 2, 2, 2]);

// Outcomes: an intake with two apprentices in work readiness (one moved on, one left), and the
// apprentices above (no intake). Exits in Jan–Jun 2026: p3 completed, retained ($90); p4 withdrawn.
const intake = createIntake(db, { siteId: pp.id, name: "2026 Intake 1", startsOn: "2026-01-05" });
const srIntake = createIntake(db, { siteId: sr.id, name: "2026 Intake 1", startsOn: "2026-01-05" });
const a6 = createApprentice(db, { siteId: pp.id, intakeId: intake.id, phase: "guidance" });
const a7 = createApprentice(db, { siteId: pp.id, intakeId: intake.id, phase: "exited" });
db.insert(phaseChanges)
  .values([
    { apprenticeId: a6.id, phase: "work_readiness", changedOn: "2026-01-05" },
    { apprenticeId: a6.id, phase: "guidance", changedOn: "2026-02-16" },
    { apprenticeId: a7.id, phase: "work_readiness", changedOn: "2026-01-05" },
    { apprenticeId: a7.id, phase: "exited", changedOn: "2026-01-28" },
  ])
  .run();
db.insert(outcomeCheckins).values({ apprenticeId: a3.id, months: 3, checkedOn: "2026-06-22", employed: true, recordedBy: staff.id }).run();

type Caller = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
const args = async (user: Caller, url: string) => ({ request: get(url, { cookie: await cookieFor(user) }), context: context(), params: {} });

interface TrainersPage {
  result: {
    from: string;
    to: string;
    trainers: ({ name: string; trainerUserId: number } & Record<string, unknown>)[];
    employers: Record<string, unknown>[];
  } | null;
  overview: { rows: SiteAccountability[] } | null;
  errors: Record<string, string[] | undefined>;
}
const trainersPage = async (user: Caller, query = PERIOD) =>
  run<TrainersPage>(async () => trainersLoader(await args(user, `/staff/reports/trainers?${query}`)));
const outcomesPage = async (user: Caller, query = "from=2026-01-01&to=2026-06-30") =>
  run<Record<string, any>>(async () => outcomesLoader(await args(user, `/staff/reports/outcomes?${query}`)));
const csv = async (user: Caller, query = PERIOD) => run<string>(async () => csvLoader(await args(user, `/staff/reports/trainers.csv?${query}`)));
const parseCsv = (text: string) => parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];

describe("/staff/reports/trainers", () => {
  it("shows staff their own site's trainers, each with the figures worked out from the records", async () => {
    const { status, data } = await trainersPage(staff);
    expect(status).toBe(200);
    const rows = data.result!.trainers;
    expect(rows.map((r) => r.trainerUserId).sort()).toEqual([t1.id, t2.id, t3.id].sort());
    expect(JSON.stringify(data)).not.toContain("Hotel");
    const one = rows.find((r) => r.trainerUserId === t1.id)!;
    expect(one).toMatchObject({
      apprentices: 3,
      reviews: { numerator: 9, denominator: 10 },
      meanDaysBetweenReviews: 8, // (7 + 14 + 0 + 14 + 7 + 6) / 6
      competenciesSigned: 3,
      progressAgainstPlan: 0.75,
      flagsRaised: 2,
      flagsResolved: 1,
      educationReleased: { numerator: 4, denominator: 5 },
      completion: { numerator: 1, denominator: 1 },
      retention: { numerator: 1, denominator: 1 },
    });
    expect(one.feedbackMean).toBeCloseTo(12.5 / 3, 10);
    const two = rows.find((r) => r.trainerUserId === t2.id)!;
    expect(two).toMatchObject({
      reviews: { numerator: 0, denominator: 1 },
      competenciesSigned: 1,
      feedbackMean: null,
      completion: { numerator: 0, denominator: 1 },
    });
    expect((two.flagsByRule as Record<string, unknown>).feedback_concern).toBeNull();
  });

  it("keeps Siem Reap staff to Siem Reap, and shows admin a row per site, opening the one chosen", async () => {
    const srPage = await trainersPage(staffSr);
    expect(srPage.data.result!.trainers.map((r) => r.name)).toEqual(["Hotel Trainer"]);
    const all = await trainersPage(admin);
    expect(all.data.result).toBeNull();
    expect(all.data.overview!.rows.map((r) => r.siteId).sort()).toEqual([pp.id, sr.id].sort());
    const chosen = await trainersPage(admin, `${PERIOD}&site=${sr.id}`);
    expect(chosen.data.result!.trainers.map((r) => r.name)).toEqual(["Hotel Trainer"]);
  });

  it("reads admin's rows a site at a time, letting other requests in between sites", async () => {
    const adminActor = actorOf({ id: admin.id, role: "admin", siteId: null, employerId: null, apprenticeId: null } as unknown as SessionUser);
    const order: string[] = [];
    const report = loadAccountabilityOverview(adminActor, { from: "2026-03-02", to: "2026-03-29", today: siteToday() }).then(({ rows }) => {
      order.push("report");
      return rows;
    });
    setImmediate(() => order.push("another request"));
    const rows = await report;
    expect(order).toEqual(["another request", "report"]);
    expect(rows.map((r) => r.siteId).sort()).toEqual([pp.id, sr.id].sort());
  });

  it.each([PERIOD, "from=2026-03-04&to=2026-03-26", "from=2026-02-11&to=2026-04-08"])(
    "gives each site's row the sums of that site's employers (feedback concerns left out): %s",
    async (query) => {
      const { data } = await trainersPage(admin, query);
      for (const row of data.overview!.rows) {
        const site = (await trainersPage(admin, `${query}&site=${row.siteId}`)).data.result!;
        const employers = site.employers as unknown as (AccountabilityFigures & { flagsByRule: Record<string, { raised: number; resolved: number } | null> })[];
        const sum = (f: (e: (typeof employers)[number]) => number) => employers.reduce((n, e) => n + f(e), 0);
        const flags = (key: "raised" | "resolved") =>
          sum((e) => Object.entries(e.flagsByRule).reduce((n, [rule, c]) => n + (rule === "feedback_concern" || !c ? 0 : c[key]), 0));
        expect(row).toMatchObject({
          reviews: { numerator: sum((e) => e.reviews.numerator), denominator: sum((e) => e.reviews.denominator) },
          competenciesSigned: sum((e) => e.competenciesSigned),
          educationReleased: { numerator: sum((e) => e.educationReleased.numerator), denominator: sum((e) => e.educationReleased.denominator) },
          completion: { numerator: sum((e) => e.completion.numerator), denominator: sum((e) => e.completion.denominator) },
          retention: { numerator: sum((e) => e.retention.numerator), denominator: sum((e) => e.retention.denominator) },
          flagsRaised: flags("raised"),
          flagsResolved: flags("resolved"),
        });
      }
      const ppRow = data.overview!.rows.find((r) => r.siteId === pp.id)!;
      expect(ppRow.reviews.denominator).toBeGreaterThan(0);
      expect(ppRow.educationReleased.denominator).toBeGreaterThan(0);
      expect(ppRow.competenciesSigned).toBeGreaterThan(0);
    },
  );

  it("sorts by a column key, descending with a leading minus", async () => {
    const asc = await trainersPage(staff, `${PERIOD}&sort=signed`);
    expect(asc.data.result!.trainers.map((r) => r.trainerUserId)).toEqual([t3.id, t2.id, t1.id]);
    const desc = await trainersPage(staff, `${PERIOD}&sort=-signed`);
    expect(desc.data.result!.trainers.map((r) => r.trainerUserId)).toEqual([t1.id, t2.id, t3.id]);
  });

  it("defaults to the last 12 weeks ending today", async () => {
    const { status, data } = await trainersPage(staff, "");
    expect(status).toBe(200);
    const today = siteToday();
    expect(data.result!.to).toBe(today);
    const from = data.result!.from;
    expect(new Date(`${from}T12:00:00Z`).getUTCDay()).toBe(1); // a Monday
    expect(Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000)).toBeGreaterThanOrEqual(77);
    expect(Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000)).toBeLessThanOrEqual(83);
  });

  it.each([
    ["an unknown sort", `${PERIOD}&sort=salary`, "sort", "reports.errors.sort"],
    ["inverted dates", "from=2026-03-29&to=2026-03-02", "to", "reports.errors.order"],
    ["a foreign site", `${PERIOD}&site=${sr.id}`, "site", "reports.errors.site"],
    ["an unknown site", `${PERIOD}&site=99999`, "site", "reports.errors.site"],
    ["a site that is not a number", `${PERIOD}&site=abc`, "site", "reports.errors.site"],
    ["a date that does not exist", "from=2026-02-31&to=2026-03-29", "from", "reports.errors.date"],
    ["a date in another format", "from=02/03/2026&to=2026-03-29", "from", "reports.errors.date"],
    ["a period over 3 years", "from=2020-01-01&to=2026-03-29", "to", "reports.errors.span"],
  ])("refuses %s with a 400 naming the field", async (_name, query, field, message) => {
    const { status, data } = await trainersPage(staff, query);
    expect(status).toBe(400);
    expect(data.result).toBeNull();
    expect(data.errors[field]).toEqual([message]);
  });

  it("refuses trainers and apprentices with 403, and sends anonymous visitors to sign in", async () => {
    expect((await trainersPage(t1)).status).toBe(403);
    expect((await trainersPage(apprenticeUser)).status).toBe(403);
    const anonymous = await run(async () => trainersLoader({ request: get(`/staff/reports/trainers?${PERIOD}`), context: context(), params: {} }));
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toMatch(/^\/login/);
  });
});

describe("/staff/reports/trainers.csv", () => {
  it("has a row per trainer of the caller's sites, stable headers, and the page's figures", async () => {
    const { status, headers, data } = await csv(staff);
    expect(status).toBe(200);
    expect(headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(headers.get("content-disposition")).toMatch(/^attachment; filename="trainer-accountability_2026-03-02_2026-03-29\.csv"$/);
    const header = (parse(data, { bom: true, to: 1 }) as string[][])[0]!;
    expect(header.slice(0, 3)).toEqual(["trainer", "employer", "site"]);
    for (const column of [
      "apprentices",
      "reviews_submitted",
      "reviews_expected",
      "mean_days_between_reviews",
      "competencies_signed",
      "progress_against_plan_pct",
      "flags_raised",
      "flags_resolved",
      "flags_raised_no_weekly_review",
      "education_released_pct",
      "feedback_mean",
      "completion_pct",
      "retention_pct",
    ]) {
      expect(header).toContain(column);
    }
    const rows = parseCsv(data);
    expect(rows).toHaveLength(3);
    const one = rows.find((r) => r.trainer === "Srey Mom")!;
    expect(one).toMatchObject({
      employer: "Salon A",
      site: "Phnom Penh",
      apprentices: "3",
      reviews_submitted: "9",
      reviews_expected: "10",
      reviews_submitted_pct: "90",
      mean_days_between_reviews: "8",
      competencies_signed: "3",
      progress_against_plan_pct: "75",
      flags_raised: "2",
      flags_resolved: "1",
      flags_raised_no_weekly_review: "1",
      flags_resolved_no_weekly_review: "1",
      education_afternoons_agreed: "5",
      education_afternoons_released: "4",
      education_released_pct: "80",
      feedback_mean: "4.17",
      completion_pct: "100",
      retention_pct: "100",
    });
  });

  it("leaves feedback figures empty for a trainer with fewer than 3 respondents", async () => {
    const rows = parseCsv((await csv(staff)).data);
    const two = rows.find((r) => r.trainer === "'-Dara")!;
    expect(two.feedback_mean).toBe("");
    expect(two.flags_raised_feedback_concern).toBe("");
    expect(two.flags_resolved_feedback_concern).toBe("");
    // … and the withheld feedback concern is not hiding in the total either.
    expect(two.flags_raised).toBe("0");
  });

  it("makes cells that a spreadsheet would run as formulas safe", async () => {
    const rows = parseCsv((await csv(staff)).data);
    expect(rows.map((r) => r.trainer).sort()).toEqual(["'-Dara", `'=HYPERLINK("http://x")`, "Srey Mom"].sort());
    expect(rows.find((r) => r.trainer?.startsWith("'="))?.employer).toBe("'+Cafe Plus");
    for (const row of rows) for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@]/);
  });

  it("keeps sites apart and refuses bad filters with a plain 400", async () => {
    const rows = parseCsv((await csv(staffSr)).data);
    expect(rows.map((r) => r.trainer)).toEqual(["Hotel Trainer"]);
    const foreign = await csv(staff, `${PERIOD}&site=${sr.id}`);
    expect(foreign.status).toBe(400);
    expect(foreign.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(foreign.data).toContain("site:");
    expect((await csv(staff, "from=2026-03-29&to=2026-03-02")).status).toBe(400);
    expect((await csv(staff, `${PERIOD}&sort=nope`)).status).toBe(400);
  });

  it("refuses trainers and apprentices with 403", async () => {
    expect((await csv(t1)).status).toBe(403);
    expect((await csv(apprenticeUser)).status).toBe(403);
  });
});

describe("/staff/reports/outcomes", () => {
  it("shows each indicator with the counts behind it, for the caller's site", async () => {
    const { status, data } = await outcomesPage(staff);
    expect(status).toBe(200);
    const report = data.result.report;
    expect(report.sites.map((s: { siteId: number }) => s.siteId)).toEqual([pp.id]);
    const f = report.total;
    // Work readiness: a6 moved on, a7 left → 1/2.
    expect(f.workReadinessCompletion).toMatchObject({ numerator: 1, denominator: 2, pending: 0 });
    // Exits: p3 completed, p4 withdrawn → 1/2; outcome known for p3 only (retained).
    expect(f.vocationalCompletion).toMatchObject({ numerator: 1, denominator: 2 });
    expect(f.employmentAtExit).toMatchObject({ numerator: 1, denominator: 1, pending: 1 });
    expect(f.retainedByEmployer).toMatchObject({ numerator: 1, denominator: 1, pending: 0 });
    expect(f.businessStartups).toMatchObject({ numerator: 0, denominator: 1 });
    expect(f.startingSalary).toEqual({ meanCents: 9000, count: 1 });
    // p3 ended 20 Mar: its 3-month check-in fell due 20 Jun, recorded employed.
    expect(f.retentionAfterExit[3]).toMatchObject({ numerator: 1, denominator: 1, pending: 0 });
  });

  it("narrows to one intake, and refuses an intake or site that is not the caller's", async () => {
    const one = await outcomesPage(staff, `from=2026-01-01&to=2026-06-30&intake=${intake.id}`);
    expect(one.status).toBe(200);
    expect(one.data.result.report.total.vocationalCompletion.denominator).toBe(0);
    expect(one.data.result.report.groups.map((g: { intakeId: number }) => g.intakeId)).toEqual([intake.id]);
    const foreignIntake = await outcomesPage(staff, `intake=${srIntake.id}`);
    expect(foreignIntake.status).toBe(400);
    expect(foreignIntake.data.errors.intake).toEqual(["reports.errors.intake"]);
    const foreignSite = await outcomesPage(staff, `site=${sr.id}`);
    expect(foreignSite.status).toBe(400);
    expect((await outcomesPage(admin, `site=${pp.id}&intake=${srIntake.id}`)).data.errors.intake).toEqual(["reports.errors.intakeSite"]);
    expect((await outcomesPage(staff, "from=2026-06-30&to=2026-01-01")).status).toBe(400);
  });

  it("shows admin every site, a row per site, with the same total as all sites read at once", async () => {
    const { data } = await outcomesPage(admin);
    expect(data.result.bySite).toBe(true);
    expect(data.result.siteRows.map((s: { siteId: number }) => s.siteId)).toEqual([pp.id]); // Siem Reap has nothing in the period
    expect(data.sites.map((s: { id: number }) => s.id)).toEqual([pp.id, sr.id]);
    const adminActor = actorOf({ id: admin.id, role: "admin", siteId: null, employerId: null, apprenticeId: null } as unknown as SessionUser);
    const atOnce = loadProgrammeOutcomes(adminActor, { from: "2026-01-01", to: "2026-06-30", today: siteToday() }).report;
    expect(data.result.report.total).toEqual(atOnce.total);
    // The site's row: each share's counts (work readiness, vocational completion, …).
    const [wr, voc] = data.result.siteRows[0].shares;
    expect(wr).toEqual([atOnce.total.workReadinessCompletion.numerator, atOnce.total.workReadinessCompletion.denominator]);
    expect(voc).toEqual([atOnce.total.vocationalCompletion.numerator, atOnce.total.vocationalCompletion.denominator]);
    expect(data.result.report.total.vocationalCompletion.denominator).toBeGreaterThan(0);
    const opened = await outcomesPage(admin, `from=2026-01-01&to=2026-06-30&site=${pp.id}`);
    expect(opened.data.result.bySite).toBe(false);
    expect(opened.data.result.report.groups.length).toBeGreaterThan(0);
  });

  it("refuses trainers and apprentices with 403", async () => {
    expect((await outcomesPage(t1)).status).toBe(403);
    expect((await outcomesPage(apprenticeUser)).status).toBe(403);
  });
});

describe("speed", () => {
  const sessionUser = (u: { id: number; role: "staff" | "admin"; siteId: number | null }) =>
    ({ id: u.id, role: u.role, siteId: u.siteId, employerId: null, apprenticeId: null }) as unknown as SessionUser;

  it("reads each report with the same number of queries whatever the amount of data", async () => {
    // Every statement run, on the server's connection and on the reports' reader (0049).
    const count = async (fn: () => unknown) => (await recordQueries(fn)).length;
    const staffActor = actorOf(sessionUser({ id: staff.id, role: "staff", siteId: pp.id }));
    const adminActor = actorOf(sessionUser({ id: admin.id, role: "admin", siteId: null }));
    const trainers = (actor: typeof staffActor, from: string, to: string) => () => loadTrainerAccountability(actor, { from, to, today: "2026-11-25" });
    const outcomes = (actor: typeof staffActor, from: string, to: string) => () => loadProgrammeOutcomes(actor, { from, to, today: "2026-11-25" });

    await trainers(staffActor, "2026-03-02", "2026-03-29")(); // the reader opened (its pragmas)
    const busy = await count(trainers(adminActor, "2026-01-01", "2026-06-30"));
    expect(await count(trainers(staffActor, "2026-03-02", "2026-03-29"))).toBe(busy);
    expect(await count(trainers(staffActor, "2019-01-01", "2019-01-31"))).toBe(busy); // nothing in the period
    const outcomeQueries = await count(outcomes(adminActor, "2025-01-01", "2026-06-30"));
    expect(await count(outcomes(staffActor, "2019-01-01", "2019-01-31"))).toBe(outcomeQueries);
    // The caller's sites, then the reads on a snapshot: BEGIN, 11 reads (one more for each further
    // 100 placements of the reads by placement: none here), COMMIT.
    expect(busy).toBeLessThanOrEqual(14);
    expect(outcomeQueries).toBeLessThanOrEqual(6);
  });
});

describe("the seeded demo", () => {
  let demo: DB;
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-reports-demo-"));
    demo = openDatabase(path.join(dir, "demo.db"));
    setDb(demo);
    seedDemo(demo, { today: siteToday() });
  });

  afterAll(() => {
    setDb(db);
    demo.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const demoUser = (username: string) => {
    const user = demo.select().from(users).where(eq(users.username, username)).get();
    if (!user) throw new Error(`no demo user ${username}`);
    return user as Caller & typeof user;
  };

  it("gives Phnom Penh staff a CSV row for every demo trainer of Phnom Penh, and none of Siem Reap", async () => {
    const staffUser = demoUser("staff");
    const ppTrainers = demo
      .select({ name: users.displayName, role: users.role })
      .from(users)
      .where(eq(users.siteId, staffUser.siteId!))
      .all()
      .filter((u) => u.role === "trainer")
      .map((u) => u.name)
      .sort();
    expect(ppTrainers.length).toBe(11);
    const { status, data } = await run<string>(async () => csvLoader(await args(staffUser, "/staff/reports/trainers.csv")));
    expect(status).toBe(200);
    const rows = parseCsv(data);
    expect(rows.map((r) => (r.trainer ?? "").replace(/^'/, "")).sort()).toEqual(ppTrainers);
    expect(rows.every((r) => r.site === "Phnom Penh")).toBe(true);
    // The demo trainer reviews every week but one: a real figure, not an empty row.
    const demoTrainer = rows.find((r) => r.trainer === demoUser("trainer").displayName)!;
    expect(Number(demoTrainer.reviews_expected)).toBeGreaterThan(0);
    expect(Number(demoTrainer.apprentices)).toBeGreaterThanOrEqual(4);
  });

  it("answers the outcomes page and the report page for demo staff, and no one else", async () => {
    const staffUser = demoUser("staff");
    const outcomes = await run<Record<string, any>>(async () => outcomesLoader(await args(staffUser, "/staff/reports/outcomes")));
    expect(outcomes.status).toBe(200);
    expect(outcomes.data.result.report.total.vocationalCompletion.denominator).toBeGreaterThan(0);
    expect((await run(async () => trainersLoader(await args(staffUser, "/staff/reports/trainers")))).status).toBe(200);
    for (const username of ["trainer", "apprentice"]) {
      const user = demoUser(username);
      expect((await run(async () => outcomesLoader(await args(user, "/staff/reports/outcomes")))).status).toBe(403);
      expect((await run(async () => csvLoader(await args(user, "/staff/reports/trainers.csv")))).status).toBe(403);
    }
  });
});

// Last in the file: it adds a site, which the admin's figures above would otherwise count.
describe("a site's report and others' requests", () => {
  it("reads in one turn and works out its figures in another: a request runs between, and a write landing then is not in the report", async () => {
    const kc = createSite(db, { code: "KC", nameEn: "Kampong Cham", nameKm: "កំពង់ចាម" });
    const tailor = createEmployer(db, { siteId: kc.id, name: "Tailor K" });
    createUser(db, { role: "trainer", siteId: kc.id, employerId: tailor.id, displayName: "First Trainer" });
    const kcStaff = createUser(db, { role: "staff", siteId: kc.id });
    const actor = actorOf({ id: kcStaff.id, role: "staff", siteId: kc.id, employerId: null, apprenticeId: null } as unknown as SessionUser);
    const names = (r: Awaited<ReturnType<typeof loadTrainerAccountability>>) => r.report.trainers.map((t) => t.name).sort();
    const filters = { from: "2026-03-02", to: "2026-03-29", today: "2026-11-25" };

    const order: string[] = [];
    // Queued first, as a request that came in while the report read: it runs at the report's
    // first yield, not after the report.
    setImmediate(() => {
      order.push("another request");
      createUser(db, { role: "trainer", siteId: kc.id, employerId: tailor.id, displayName: "Second Trainer" });
    });
    const report = loadTrainerAccountability(actor, filters).then((r) => {
      order.push("report");
      return r;
    });
    expect(names(await report)).toEqual(["First Trainer"]);
    expect(order).toEqual(["another request", "report"]);
    expect(names(await loadTrainerAccountability(actor, filters))).toEqual(["First Trainer", "Second Trainer"]);
  });

  it("reads one state of the database across its yields: what others write at any of them is not in that report, and is in the next", async () => {
    const kt = createSite(db, { code: "KT", nameEn: "Kampot", nameKm: "កំពត" });
    const shop = createEmployer(db, { siteId: kt.id, name: "Shop K" });
    const sok = createUser(db, { role: "trainer", siteId: kt.id, employerId: shop.id, displayName: "Sok" });
    const ktStaff = createUser(db, { role: "staff", siteId: kt.id });
    const actor = actorOf({ id: ktStaff.id, role: "staff", siteId: kt.id, employerId: null, apprenticeId: null } as unknown as SessionUser);
    const filters = { from: "2026-03-02", to: "2026-03-29", today: "2026-11-25" };
    const weeks = ["2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23"];
    const place = (startDate: string) =>
      createPlacement(db, { ...base, apprenticeId: createApprentice(db, { siteId: kt.id }).id, employerId: shop.id, trainerUserId: sok.id, startDate });
    // Sok's three placements, none reviewed nor signed off yet; three apprentices answered, so
    // the feedback mean shows.
    const placements = [place("2026-01-05"), place("2026-01-05"), place("2026-01-05")];
    for (const p of placements) fb(p.id, "2026-03-06", [4, 4, 4, 4]);

    // What others write at one yield, something for every read of the report: a trainer (read
    // 1), an employer (2), a placement (3), a weekly review (4), a sign-off (5, 6), a flag (8),
    // feedback (9). The k-th write reviews and signs off a week and a competency not yet done.
    const othersWrite = (k: number) => {
      createUser(db, { role: "trainer", siteId: kt.id, employerId: shop.id, displayName: `Trainer ${k}` });
      createEmployer(db, { siteId: kt.id, name: `Employer ${k}` });
      const placed = place("2026-03-02");
      const p = placements[(k - 1) % 3]!;
      const slot = Math.floor((k - 1) / 3);
      review(p.id, sok.id, weeks[slot]!, "2026-03-28");
      sign(p.id, sok.id, [c1, c2, c3, c4][slot]!, "independent", "2026-03-27");
      db.$client
        .prepare(
          `insert into flags (site_id, rule, subject_type, subject_id, placement_id, trainer_user_id, employer_id, severity, status, evidence, ${flags.raisedAt.name})
           values (?, 'no_weekly_review', 'placement', ?, ?, ?, ?, 'warn', 'open', '{}', ?)`,
        )
        .run(kt.id, placed.id, placed.id, sok.id, shop.id, at("2026-03-20", "08:00").getTime());
      fb(placements[0]!.id, "2026-03-20", [1, 1, 1, 1]);
    };
    const sokOf = (r: Awaited<ReturnType<typeof loadTrainerAccountability>>) => r.report.trainers.find((t) => t.trainerUserId === sok.id)!;

    // The report's yields: it reads in several turns.
    let count = 0;
    yields.hook = () => (count += 1);
    await loadTrainerAccountability(actor, filters);
    yields.hook = null;
    expect(count).toBeGreaterThanOrEqual(9);

    for (let k = 1; k <= count; k++) {
      const before = await loadTrainerAccountability(actor, filters);
      let seen = 0;
      yields.hook = () => {
        seen += 1;
        if (seen === k) othersWrite(k);
      };
      const report = await loadTrainerAccountability(actor, filters);
      yields.hook = null;
      expect(seen).toBe(count);
      expect(report).toEqual(before);

      const next = await loadTrainerAccountability(actor, filters);
      expect(next.report.trainers.map((t) => t.name)).toContain(`Trainer ${k}`);
      expect(next.report.employers.map((e) => e.name)).toContain(`Employer ${k}`);
      const [was, is] = [sokOf(before), sokOf(next)];
      expect(is.apprentices).toBe(was.apprentices + 1);
      expect(is.reviews.numerator).toBe(was.reviews.numerator + 1);
      expect(is.competenciesSigned).toBe(was.competenciesSigned + 1);
      expect(is.flagsRaised).toBe(was.flagsRaised + 1);
      expect(is.feedbackMean).toBeLessThan(was.feedbackMean!);
    }
  });
});

describe("one report or download at a time per person (0054)", () => {
  const request = async (user: Caller, url: string, signal?: AbortSignal) =>
    new Request(new URL(url, "http://localhost:3000"), { headers: { cookie: await cookieFor(user) }, signal });
  /** The loader's answer, or what it threw. */
  const settle = (answer: Promise<unknown>) =>
    answer.then(
      (r) => r,
      (thrown: unknown) => thrown,
    ) as Promise<Response | Error>;
  const csvRequest = async (user: Caller) =>
    settle(csvLoader({ request: await request(user, `/staff/reports/trainers.csv?${PERIOD}`), context: context(), params: {} })) as Promise<Response>;

  it("a person's downloads wait for the one being read; past two waiting, 429; another person is not held", async () => {
    const first = await csvRequest(admin);
    expect(first.status).toBe(200);
    // The first download is not read yet: it holds the admin's turn.
    let settled = 0;
    const waiting = [csvRequest(admin), csvRequest(admin)].map((p) => p.finally(() => (settled += 1)));
    const refused = await csvRequest(admin);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBe("5");
    // In the reader's language (Khmer unless the browser asks for English).
    expect(await refused.text()).toMatch(/របាយការណ៍មុនរបស់អ្នកកំពុងរៀបចំនៅឡើយ/);
    // Staff of a site are not held by the admin's downloads.
    expect((await trainersPage(staff)).status).toBe(200);
    await yieldTimes(20);
    expect(settled).toBe(0);

    // Reading the first to its end lets the next go, and that one's end the last.
    expect(parseCsv(await first.text()).length).toBeGreaterThan(0);
    const second = await waiting[0]!;
    expect(second.status).toBe(200);
    expect(settled).toBe(1);
    const text = await second.text();
    const third = await waiting[1]!;
    expect(await third.text()).toBe(text);
    expect(heavyTurnsHeld()).toBe(0);
  });

  it("the outcomes and trainer reports take the same turn as downloads", async () => {
    const download = await csvRequest(admin);
    let answered = false;
    const outcomes = outcomesPage(admin).finally(() => (answered = true));
    await yieldTimes(20);
    expect(answered).toBe(false);
    await download.text();
    expect((await outcomes).status).toBe(200);
    expect(heavyTurnsHeld()).toBe(0);
  });

  it("a download stops when the server says its caller has gone, and the person's next one runs", async () => {
    const server = new AbortController();
    const first = (await settle(
      csvLoader({ request: await request(admin, `/staff/reports/trainers.csv?${PERIOD}`), context: context({ callerGone: server.signal }), params: {} }),
    )) as Response;
    const reader = first.body!.getReader();
    await reader.read();
    server.abort();
    expect(heavyTurnsHeld()).toBe(0);
    // The file ends there, without an error for the server to log: nobody is left to read it.
    let read = await reader.read();
    while (!read.done) read = await reader.read();
    const next = await csv(admin);
    expect(next.status).toBe(200);
    expect(parseCsv(next.data).length).toBeGreaterThan(0);
  });

  it("a report whose caller has gone stops at its next yield, and the person's next report runs", async () => {
    const controller = new AbortController();
    let slices = 0;
    yields.hook = () => {
      slices += 1;
      controller.abort();
    };
    const gone = await settle(
      trainersLoader({ request: await request(admin, `/staff/reports/trainers?${PERIOD}&site=${pp.id}`, controller.signal), context: context(), params: {} }),
    );
    yields.hook = null;
    expect(gone).toBeInstanceOf(Error);
    expect((gone as Error).name).toBe("CallerGone");
    // It stopped at the first yield after the abort (the report yields 8 times or more).
    expect(slices).toBe(1);
    const next = await trainersPage(admin, `${PERIOD}&site=${pp.id}`);
    expect(next.status).toBe(200);
    expect(next.data.result?.trainers.length).toBeGreaterThan(0);
    expect(heavyTurnsHeld()).toBe(0);
  });
});

async function yieldTimes(n: number) {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}
