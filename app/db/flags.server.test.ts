/**
 * The flag runner against a real database: raising, updating and clearing flags with their
 * history, staff decisions that stick, scoped passes, the write hook, and the demo data (every
 * rule of docs/product.md §5 has a live example after one full pass).
 */
import Database from "better-sqlite3";
import { and, asc, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { addDays } from "~/domain/dates";
import type { FlagRule } from "~/domain/enums";
import { FLAG_RULES } from "~/domain/enums";
import { emitRecordsChanged } from "~/domain/events";
import { DEFAULT_THRESHOLDS } from "~/domain/flags";
import { recordQueriesSync, useTestDatabase } from "~/test/db";

import {
  createApprentice,
  createEmployer,
  createFramework,
  createPlacement,
  createSite,
  createUser,
  recordAssessment,
  recordAttendance,
  recordFeedback,
  recordWeeklyReview,
} from "./factories.server";
import { runDailyPass } from "./flag-schedule.server";
import { findFlags, registerFlagHooks, RULES_BY_RECORD_KIND, runFlagPass } from "./flags.server";
import { flagEvents, flags, placements } from "./schema";
import { saveThresholds, thresholdsBySite } from "./site-settings.server";
import { seedDemo } from "./seed.server";

const TODAY = "2026-11-25"; // a Wednesday; this week's Monday is 2026-11-23
const START = "2026-10-05";
const NOW = new Date("2026-11-25T03:00:00Z");

const db = useTestDatabase();

/** A moment on a Phnom Penh calendar date. */
const at = (date: string, hhmm = "17:00") => new Date(`${date}T${hhmm}:00+07:00`);

let codes = 0;

/**
 * A healthy placement: reviewed every ended week before `reviewedUntil`, a framework nothing of
 * which is expected yet, no agreed education afternoons, an adult apprentice. Tests add the
 * trouble they are about.
 */
function world(
  options: {
    siteId?: number;
    dateOfBirth?: string;
    reviewedUntil?: string;
    frameworkSize?: number;
    expectedByWeek?: number;
    educationWeekdays?: string;
    trainerId?: number;
    employerId?: number;
  } = {},
) {
  const siteId = options.siteId ?? createSite(db).id;
  const employerId = options.employerId ?? createEmployer(db, { siteId }).id;
  const trainerId = options.trainerId ?? createUser(db, { role: "trainer", siteId, employerId, password: null }).id;
  const n = ++codes;
  const framework = createFramework(db, {
    code: `T${n}`,
    units: [
      {
        code: `T${n}-1`,
        titleEn: "Unit",
        titleKm: "ផ្នែក",
        competencies: Array.from({ length: options.frameworkSize ?? 4 }, (_, i) => ({
          code: `T${n}-1.${i + 1}`,
          titleEn: `Skill ${i + 1}`,
          titleKm: `ជំនាញ ${i + 1}`,
          criteriaEn: "To standard.",
          criteriaKm: "តាមស្តង់ដារ។",
          expectedByWeek: options.expectedByWeek ?? 40,
        })),
      },
    ],
  });
  const apprentice = createApprentice(db, { siteId, dateOfBirth: options.dateOfBirth ?? "2000-01-01" });
  const placement = createPlacement(db, {
    apprenticeId: apprentice.id,
    employerId,
    trainerUserId: trainerId,
    frameworkVersionId: framework.version.id,
    startDate: START,
    plannedWeeks: 24,
    educationWeekdays: options.educationWeekdays ?? "",
  });
  for (let monday = START; monday < (options.reviewedUntil ?? "2026-11-23"); monday = addDays(monday, 7)) {
    review(placement.id, trainerId, monday);
  }
  return { siteId, employerId, trainerId, apprenticeId: apprentice.id, placementId: placement.id, competencies: framework.competencies };
}

function review(placementId: number, trainerUserId: number, weekOf: string) {
  recordWeeklyReview(db, { placementId, trainerUserId, weekOf, submittedAt: at(addDays(weekOf, 5)) });
}

/** A "with help" sign-off: the trainer is active on that day. */
function signsSomething(w: ReturnType<typeof world>, date: string) {
  recordAssessment(db, {
    placementId: w.placementId,
    competencyId: w.competencies[0]?.id ?? 0,
    trainerUserId: w.trainerId,
    level: "with_help",
    observedOn: date,
    createdAt: at(date),
  });
}

function flagsOf(rule: FlagRule, subjectId: number) {
  return db
    .select()
    .from(flags)
    .where(and(eq(flags.rule, rule), eq(flags.subjectId, subjectId)))
    .orderBy(asc(flags.id))
    .all();
}

function eventsOf(flagId: number) {
  return db
    .select({ action: flagEvents.action, note: flagEvents.note })
    .from(flagEvents)
    .where(eq(flagEvents.flagId, flagId))
    .orderBy(asc(flagEvents.id))
    .all();
}

/** What staff do on the flag's page : a status change with its event. */
function staffCloses(flagId: number, status: "resolved" | "dismissed" | "acknowledged", actorUserId: number) {
  db.update(flags).set({ status }).where(eq(flags.id, flagId)).run();
  db.insert(flagEvents).values({ flagId, action: status, actorUserId, note: "Visited; agreed a plan." }).run();
}

const pass = (today = TODAY, over: Omit<Parameters<typeof runFlagPass>[1], "today"> = {}) => runFlagPass(db, { today, now: NOW, ...over });

describe("a flag's life: raised, updated, cleared, with its history", () => {
  it("raises a flag with its links and evidence, and a second pass changes nothing", () => {
    const w = world({ reviewedUntil: "2026-11-09" });
    expect(pass(TODAY, { siteId: w.siteId })).toEqual({ raised: 1, updated: 0, cleared: 0 });
    const [flag] = flagsOf("no_weekly_review", w.placementId);
    expect(flag).toMatchObject({
      siteId: w.siteId,
      subjectType: "placement",
      placementId: w.placementId,
      trainerUserId: w.trainerId,
      employerId: w.employerId,
      apprenticeId: w.apprenticeId,
      severity: "warn",
      status: "open",
      evidence: { weeksWithoutReview: 2, weeks: ["2026-11-09", "2026-11-16"], lastReviewedWeek: "2026-11-02" },
      raisedAt: NOW,
      clearedAt: null,
    });
    expect(eventsOf(flag?.id ?? 0)).toEqual([{ action: "raised", note: null }]);
    expect(pass(TODAY, { siteId: w.siteId })).toEqual({ raised: 0, updated: 0, cleared: 0 });
  });

  it("changes the severity of the open flag (with an event), then clears it when the reviews come in", () => {
    const w = world({ reviewedUntil: "2026-11-09" });
    // The trainer keeps signing, so the trainer is not inactive a week later.
    signsSomething(w, "2026-11-24");
    pass(TODAY, { siteId: w.siteId });
    const nextWeek = "2026-12-01";
    expect(pass(nextWeek, { siteId: w.siteId })).toEqual({ raised: 0, updated: 1, cleared: 0 });
    const [flag] = flagsOf("no_weekly_review", w.placementId);
    expect(flag).toMatchObject({ severity: "urgent", status: "open", evidence: { weeksWithoutReview: 3 } });
    expect(eventsOf(flag?.id ?? 0)).toEqual([
      { action: "raised", note: null },
      { action: "severity_changed", note: "warn → urgent" },
    ]);

    for (const week of ["2026-11-09", "2026-11-16", "2026-11-23"]) review(w.placementId, w.trainerId, week);
    expect(pass(nextWeek, { siteId: w.siteId })).toEqual({ raised: 0, updated: 0, cleared: 1 });
    const cleared = flagsOf("no_weekly_review", w.placementId);
    expect(cleared).toHaveLength(1);
    expect(cleared[0]).toMatchObject({ status: "cleared", clearedAt: NOW, severity: "urgent" });
    expect(eventsOf(flag?.id ?? 0).map((e) => e.action)).toEqual(["raised", "severity_changed", "cleared"]);
    expect(pass(nextWeek, { siteId: w.siteId })).toEqual({ raised: 0, updated: 0, cleared: 0 });

    // The condition returns: a new flag, the old one kept as it was.
    const later = "2026-12-16";
    pass(later, { siteId: w.siteId });
    const both = flagsOf("no_weekly_review", w.placementId);
    expect(both.map((f) => f.status)).toEqual(["cleared", "open"]);
  });

  it("updates and clears an acknowledged flag like an open one, leaving it acknowledged while it holds", () => {
    const w = world({ reviewedUntil: "2026-11-09" });
    const staff = createUser(db, { role: "staff", siteId: w.siteId, password: null });
    pass(TODAY, { siteId: w.siteId });
    const [flag] = flagsOf("no_weekly_review", w.placementId);
    staffCloses(flag?.id ?? 0, "acknowledged", staff.id);
    pass("2026-12-01", { siteId: w.siteId });
    expect(flagsOf("no_weekly_review", w.placementId)[0]).toMatchObject({ status: "acknowledged", severity: "urgent" });
    for (const week of ["2026-11-09", "2026-11-16", "2026-11-23"]) review(w.placementId, w.trainerId, week);
    pass("2026-12-01", { siteId: w.siteId });
    expect(flagsOf("no_weekly_review", w.placementId)[0]).toMatchObject({ status: "cleared" });
  });

  it("clears the flags of a placement that has ended", () => {
    const w = world({ dateOfBirth: "2009-01-01" });
    pass(TODAY, { siteId: w.siteId });
    expect(flagsOf("under_18", w.placementId)[0]).toMatchObject({ status: "open", severity: "info" });
    db.update(placements).set({ status: "withdrawn", endedOn: "2026-11-24" }).where(eq(placements.id, w.placementId)).run();
    expect(pass(TODAY, { siteId: w.siteId })).toEqual({ raised: 0, updated: 0, cleared: 1 });
    expect(flagsOf("under_18", w.placementId)[0]).toMatchObject({ status: "cleared" });
  });
});

describe("staff decisions stick", () => {
  it("does not raise a resolved flag again while its condition holds; does once it has cleared", () => {
    const w = world({ reviewedUntil: "2026-11-09" });
    signsSomething(w, "2026-11-24");
    const staff = createUser(db, { role: "staff", siteId: w.siteId, password: null });
    pass(TODAY, { siteId: w.siteId });
    const [flag] = flagsOf("no_weekly_review", w.placementId);
    staffCloses(flag?.id ?? 0, "resolved", staff.id);

    expect(pass(TODAY, { siteId: w.siteId })).toEqual({ raised: 0, updated: 0, cleared: 0 });
    // A week later it is urgent by now, and still not raised again.
    pass("2026-12-01", { siteId: w.siteId, placementIds: [w.placementId] });
    expect(flagsOf("no_weekly_review", w.placementId)).toMatchObject([{ status: "resolved", clearedAt: null, severity: "warn" }]);

    // The reviews come in: the resolved flag records that its condition cleared (status kept).
    for (const week of ["2026-11-09", "2026-11-16"]) review(w.placementId, w.trainerId, week);
    expect(pass(TODAY, { siteId: w.siteId })).toEqual({ raised: 0, updated: 0, cleared: 1 });
    expect(flagsOf("no_weekly_review", w.placementId)).toMatchObject([{ status: "resolved", clearedAt: NOW }]);
    expect(eventsOf(flag?.id ?? 0).map((e) => e.action)).toEqual(["raised", "resolved", "cleared"]);
    expect(pass(TODAY, { siteId: w.siteId })).toEqual({ raised: 0, updated: 0, cleared: 0 });

    // Two more weeks without a review: a new flag.
    pass("2026-12-09", { siteId: w.siteId, placementIds: [w.placementId] });
    expect(flagsOf("no_weekly_review", w.placementId).map((f) => f.status)).toEqual(["resolved", "open"]);
  });

  it("keeps a dismissed feedback concern closed for that response, and raises a new one for a new response", () => {
    const w = world();
    const staff = createUser(db, { role: "staff", siteId: w.siteId, password: null });
    const comment = "I walk home alone in the dark after the late shift.";
    const first = recordFeedback(db, {
      placementId: w.placementId,
      explainsRating: 4,
      learningRating: 4,
      fairnessRating: 3,
      safetyRating: 2,
      comment,
      submittedAt: at("2026-11-20", "19:30"),
    });
    pass(TODAY, { siteId: w.siteId });
    const [flag] = flagsOf("feedback_concern", w.placementId);
    expect(flag).toMatchObject({ severity: "urgent", evidence: { feedbackId: first.id, submittedOn: "2026-11-20", safety: 2 } });
    expect(Object.keys(flag?.evidence as object).sort()).toEqual(["feedbackId", "safety", "submittedOn"]);
    const stored = db.$client.prepare("select evidence from flags where id = ?").get(flag?.id) as { evidence: string };
    expect(stored.evidence).not.toContain("dark");

    staffCloses(flag?.id ?? 0, "dismissed", staff.id);
    expect(pass(TODAY, { siteId: w.siteId }).raised).toBe(0);

    recordFeedback(db, {
      placementId: w.placementId,
      explainsRating: 4,
      learningRating: 4,
      fairnessRating: 4,
      safetyRating: 1,
      comment,
      submittedAt: at("2026-11-24", "19:30"),
    });
    expect(pass(TODAY, { siteId: w.siteId })).toEqual({ raised: 1, updated: 0, cleared: 0 });
    expect(flagsOf("feedback_concern", w.placementId).map((f) => [f.status, (f.evidence as { safety: number }).safety])).toEqual([
      ["dismissed", 2],
      ["open", 1],
    ]);
    expect(pass(TODAY, { siteId: w.siteId })).toEqual({ raised: 0, updated: 0, cleared: 0 });

    // Better feedback: the open flag clears, and the dismissed one records that its condition ended.
    recordFeedback(db, {
      placementId: w.placementId,
      explainsRating: 5,
      learningRating: 5,
      fairnessRating: 5,
      safetyRating: 5,
      submittedAt: at("2026-11-25", "08:00"),
    });
    expect(pass(TODAY, { siteId: w.siteId })).toEqual({ raised: 0, updated: 0, cleared: 2 });
    expect(flagsOf("feedback_concern", w.placementId).map((f) => [f.status, f.clearedAt])).toEqual([
      ["dismissed", NOW],
      ["cleared", NOW],
    ]);
  });
});

describe("facts as the records hold them now", () => {
  it("reads the current attendance row: correcting an absence to present clears signoff_while_absent", () => {
    const w = world();
    const absent = recordAttendance(db, {
      placementId: w.placementId,
      date: "2026-11-20",
      status: "absent",
      absenceReason: "illness",
      recordedBy: w.trainerId,
    });
    recordAssessment(db, {
      placementId: w.placementId,
      competencyId: w.competencies[0]?.id ?? 0,
      trainerUserId: w.trainerId,
      level: "supervised",
      observedOn: "2026-11-20",
      createdAt: at("2026-11-20"),
    });
    pass(TODAY, { siteId: w.siteId });
    expect(flagsOf("signoff_while_absent", w.placementId)).toMatchObject([{ status: "open", severity: "warn" }]);
    recordAttendance(db, {
      placementId: w.placementId,
      date: "2026-11-20",
      status: "present",
      recordedBy: w.trainerId,
      supersedesId: absent.id,
      correctionReason: "Came in after the clinic.",
    });
    expect(pass(TODAY, { siteId: w.siteId })).toEqual({ raised: 0, updated: 0, cleared: 1 });
  });

  it("reads agreed afternoons from the placement's education weekdays and the ledger", () => {
    // Tuesdays and Thursdays, none recorded in the last four full weeks: nothing released.
    const w = world({ educationWeekdays: "2,4" });
    pass(TODAY, { siteId: w.siteId });
    expect(flagsOf("education_not_granted", w.placementId)[0]?.evidence).toMatchObject({ agreed: 8, released: 0 });
  });

  it("ignores records dated after `today`", () => {
    const w = world({ reviewedUntil: "2026-11-09" });
    review(w.placementId, w.trainerId, "2026-11-30");
    pass(TODAY, { siteId: w.siteId });
    expect(flagsOf("no_weekly_review", w.placementId)).toHaveLength(1);
  });
});

describe("trainer flags", () => {
  it("flags a bulk sign-off on one placement, naming it, and a trainer who has signed nothing for 21 days", () => {
    const busy = world({ frameworkSize: 10 });
    for (const c of busy.competencies.slice(0, 4)) {
      recordAssessment(db, {
        placementId: busy.placementId,
        competencyId: c.id,
        trainerUserId: busy.trainerId,
        level: "independent",
        observedOn: "2026-11-24",
        createdAt: at("2026-11-24"),
      });
    }
    const quiet = world({ reviewedUntil: "2026-10-26" });
    pass(TODAY, { siteId: busy.siteId });
    pass(TODAY, { siteId: quiet.siteId });

    expect(flagsOf("bulk_signoff", busy.trainerId)).toMatchObject([
      {
        subjectType: "trainer",
        siteId: busy.siteId,
        trainerUserId: busy.trainerId,
        employerId: busy.employerId,
        placementId: busy.placementId,
        apprenticeId: busy.apprenticeId,
        evidence: { signoffs: 4, placements: [{ placementId: busy.placementId, signoffs: 4, frameworkSize: 10 }] },
      },
    ]);
    expect(flagsOf("trainer_inactive", quiet.trainerId)).toMatchObject([
      {
        subjectType: "trainer",
        trainerUserId: quiet.trainerId,
        employerId: quiet.employerId,
        placementId: null,
        evidence: { lastSignedOn: "2026-10-24", activePlacementIds: [quiet.placementId] },
      },
    ]);
    expect(flagsOf("trainer_inactive", busy.trainerId)).toEqual([]);
  });

  it("clears a bulk sign-off whose sign-offs were corrected", () => {
    const w = world({ frameworkSize: 10 });
    const ids = w.competencies.slice(0, 4).map(
      (c) =>
        recordAssessment(db, {
          placementId: w.placementId,
          competencyId: c.id,
          trainerUserId: w.trainerId,
          level: "independent",
          observedOn: "2026-11-24",
          createdAt: at("2026-11-24"),
        }).id,
    );
    pass(TODAY, { siteId: w.siteId });
    expect(flagsOf("bulk_signoff", w.trainerId)).toHaveLength(1);
    recordAssessment(db, {
      placementId: w.placementId,
      competencyId: w.competencies[0]?.id ?? 0,
      trainerUserId: w.trainerId,
      level: "supervised",
      observedOn: "2026-11-24",
      supersedesId: ids[0],
      correctionReason: "Ticked the wrong row.",
      createdAt: at("2026-11-25", "08:00"),
    });
    pass(TODAY, { siteId: w.siteId });
    expect(flagsOf("bulk_signoff", w.trainerId)).toMatchObject([{ status: "cleared" }]);
  });
});

describe("scope", () => {
  it("a site's pass and a placement's pass leave other sites' and placements' flags alone", () => {
    const a = world({ dateOfBirth: "2009-05-05" });
    const b = world({ dateOfBirth: "2009-05-05" });
    const low = (placementId: number, rating: number, date: string) =>
      recordFeedback(db, {
        placementId,
        explainsRating: rating,
        learningRating: rating,
        fairnessRating: rating,
        safetyRating: 3,
        submittedAt: at(date),
      });
    low(a.placementId, 1, "2026-11-20");
    pass(TODAY, { siteId: a.siteId });
    expect(flagsOf("under_18", a.placementId)).toHaveLength(1);
    expect(flagsOf("under_18", b.placementId)).toHaveLength(0);

    pass(TODAY, { placementIds: [b.placementId] });
    expect(flagsOf("under_18", b.placementId)).toHaveLength(1);

    // A's concern clears in the data; only a pass that covers A closes it.
    low(a.placementId, 5, "2026-11-24");
    pass(TODAY, { placementIds: [b.placementId] });
    pass(TODAY, { siteId: b.siteId });
    expect(flagsOf("feedback_concern", a.placementId)).toMatchObject([{ status: "open" }]);
    pass(TODAY, { placementIds: [a.placementId] });
    expect(flagsOf("feedback_concern", a.placementId)).toMatchObject([{ status: "cleared" }]);
  });

  it("a placement pass limited to a site leaves the other sites' placements alone", () => {
    const a = world({ dateOfBirth: "2009-05-05" });
    const b = world({ dateOfBirth: "2009-05-05" });
    pass(TODAY, { placementIds: [a.placementId] });
    expect(pass(TODAY, { siteId: b.siteId, placementIds: [a.placementId, b.placementId] })).toEqual({ raised: 1, updated: 0, cleared: 0 });
    expect(flagsOf("under_18", a.placementId)).toMatchObject([{ status: "open" }]);
    expect(flagsOf("under_18", b.placementId)).toMatchObject([{ status: "open" }]);
  });

  it("uses a site's own thresholds and the defaults elsewhere", () => {
    const strict = world({ reviewedUntil: "2026-11-16" });
    const other = world({ reviewedUntil: "2026-11-16" });
    const thresholdsBySite = new Map([[strict.siteId, { ...DEFAULT_THRESHOLDS, noReviewWarnWeeks: 1 }]]);
    pass(TODAY, { thresholdsBySite, placementIds: [strict.placementId, other.placementId] });
    expect(flagsOf("no_weekly_review", strict.placementId)).toMatchObject([{ severity: "warn" }]);
    expect(flagsOf("no_weekly_review", other.placementId)).toEqual([]);
  });

  it("asks the database the same number of questions for 1 placement as for 15 (set-based)", () => {
    const small = world({ reviewedUntil: "2026-11-09" });
    const big = world({ reviewedUntil: "2026-11-09" });
    for (let i = 0; i < 14; i++) world({ siteId: big.siteId, employerId: big.employerId, trainerId: big.trainerId, reviewedUntil: "2026-11-09" });
    const spy = vi.spyOn(db.$client, "prepare");
    pass(TODAY, { siteId: small.siteId });
    const forOne = spy.mock.calls.length;
    spy.mockClear();
    expect(pass(TODAY, { siteId: big.siteId }).raised).toBe(15);
    expect(spy.mock.calls.length).toBe(forOne);
  });
});

describe("the write hook", () => {
  let stop: (() => void) | null = null;
  afterEach(() => stop?.());

  it("re-runs the placement's rules when its records change, until unsubscribed", () => {
    const w = world({ reviewedUntil: "2026-11-09" });
    stop = registerFlagHooks({ database: () => db, today: () => TODAY });
    emitRecordsChanged({ placementId: w.placementId, kinds: ["reviews"] });
    expect(flagsOf("no_weekly_review", w.placementId)).toMatchObject([{ status: "open" }]);

    for (const week of ["2026-11-09", "2026-11-16"]) review(w.placementId, w.trainerId, week);
    emitRecordsChanged({ placementId: w.placementId, kinds: ["reviews"] });
    expect(flagsOf("no_weekly_review", w.placementId)).toMatchObject([{ status: "cleared" }]);

    stop();
    stop = null;
    const other = world({ reviewedUntil: "2026-11-09" });
    emitRecordsChanged({ placementId: other.placementId, kinds: ["reviews"] });
    expect(flagsOf("no_weekly_review", other.placementId)).toEqual([]);
  });

  it("judges by a site's thresholds as saved a moment before, in this process or by another connection", () => {
    // Reviewed up to last week but one: a warning with a 1-week threshold, nothing with the default.
    const w = world({ reviewedUntil: "2026-11-16" });
    stop = registerFlagHooks({ database: () => db, today: () => TODAY, thresholdsBySite });
    emitRecordsChanged({ placementId: w.placementId, kinds: ["reviews"] });
    expect(flagsOf("no_weekly_review", w.placementId)).toEqual([]);

    saveThresholds(db, { siteId: w.siteId, thresholds: { ...DEFAULT_THRESHOLDS, noReviewWarnWeeks: 1 }, updatedBy: w.trainerId });
    emitRecordsChanged({ placementId: w.placementId, kinds: ["reviews"] });
    expect(flagsOf("no_weekly_review", w.placementId)).toMatchObject([{ status: "open", severity: "warn" }]);

    // Another process puts the default back (e.g. a script): the next hook reads it.
    const elsewhere = new Database(db.$client.name);
    elsewhere.prepare("update site_settings set flag_thresholds = '{}' where site_id = ?").run(w.siteId);
    elsewhere.close();
    emitRecordsChanged({ placementId: w.placementId, kinds: ["reviews"] });
    expect(flagsOf("no_weekly_review", w.placementId)).toMatchObject([{ status: "cleared" }]);
  });
});

describe("the demo data (docs/product.md §8): a live flag for every rule", () => {
  const demo = useTestDatabase();

  it("raises at least one open flag per rule in one full pass, and a second pass changes nothing", () => {
    seedDemo(demo, { today: "2026-11-25" });
    const first = runFlagPass(demo, { today: "2026-11-25" });
    expect(first.raised).toBeGreaterThanOrEqual(FLAG_RULES.length);
    expect(first.updated + first.cleared).toBe(0);

    const open = demo.$client.prepare("select rule, count(*) as n from flags where status = 'open' group by rule").all() as { rule: FlagRule; n: number }[];
    const byRule = new Map(open.map((r) => [r.rule, r.n]));
    expect(FLAG_RULES.filter((rule) => !byRule.has(rule))).toEqual([]);

    expect(runFlagPass(demo, { today: "2026-11-25" })).toEqual({ raised: 0, updated: 0, cleared: 0 });
  });

  it("keeps feedback comments and names out of every flag's evidence", () => {
    const texts = demo.$client.prepare("select evidence from flags").all() as { evidence: string }[];
    const comments = (demo.$client.prepare("select comment from feedback where comment is not null").all() as { comment: string }[]).map((c) => c.comment);
    const names = (demo.$client.prepare("select preferred_name as n from apprentices").all() as { n: string }[]).map((r) => r.n);
    for (const { evidence } of texts) {
      for (const text of [...comments, ...names]) expect(evidence).not.toContain(text);
    }
  });
});

describe("the server's passes: batches sized by time, the same flags as one straight pass", () => {
  const straight = useTestDatabase();
  const batched = useTestDatabase();
  /** Every flag as staff would read it: the ids of the flags themselves and the moments aside. */
  const flagsIn = (database: typeof db) =>
    database.$client
      .prepare(
        `select rule, subject_type, subject_id, site_id, placement_id, trainer_user_id, employer_id, apprentice_id, severity, status, evidence,
                cleared_at is null as uncleared
         from flags order by rule, subject_type, subject_id, raised_at, id`,
      )
      .all();

  it("raises, updates and clears exactly what a straight pass does, at start and the next day", async () => {
    seedDemo(straight, { today: TODAY });
    seedDemo(batched, { today: TODAY });
    runFlagPass(straight, { today: TODAY });
    const full = await runDailyPass(batched, TODAY, { full: true });
    expect(full.raised).toBeGreaterThanOrEqual(FLAG_RULES.length);
    expect(full.batches).toBeGreaterThan(1);
    expect(flagsIn(batched)).toEqual(flagsIn(straight));

    // The next day (a Thursday): the daily pass looks only at what the date can change.
    const next = addDays(TODAY, 1);
    runFlagPass(straight, { today: next });
    await runDailyPass(batched, next);
    expect(flagsIn(batched)).toEqual(flagsIn(straight));
  });
});

describe("what the pass reads, by the plan", () => {
  const demo = useTestDatabase();
  beforeAll(() => seedDemo(demo, { today: TODAY }));

  it("reads the trainers' recent independent sign-offs (bulk_signoff) from the partial index alone (migration 0021)", () => {
    const statements = recordQueriesSync(() => runFlagPass(demo, { today: TODAY, placementIds: [], trainerIds: [1, 2, 3, 4, 5], rules: ["bulk_signoff"] }));
    const signoffs = statements.filter((s) => /join assessments a on a\.trainer_user_id/.test(s));
    expect(signoffs.length).toBeGreaterThan(0);
    for (const statement of signoffs) {
      const plan = (demo.$client.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[]).map((r) => r.detail);
      expect(
        plan.some((d) => /^SEARCH a USING COVERING INDEX assessments_trainer_independent \(trainer_user_id=\? AND created_at>\?\)/.test(d)),
        plan.join("\n"),
      ).toBe(true);
    }
  });

  it("finds, with only the rules a kind of write runs, what the whole pass finds for those rules (the facts' statement reads only what they need)", () => {
    const key = (f: { rule: string; subjectId: number; severity: string; evidence: unknown }) => JSON.stringify([f.rule, f.subjectId, f.severity, f.evidence]);
    for (const today of [TODAY, "2026-11-18"]) {
      const all = findFlags(demo, { today });
      for (const [kind, rules] of Object.entries(RULES_BY_RECORD_KIND)) {
        const only = findFlags(demo, { today, rules });
        expect(only.map(key).sort(), `${kind} as of ${today}`).toEqual(
          all
            .filter((f) => rules.includes(f.rule))
            .map(key)
            .sort(),
        );
      }
      expect(
        all.some((f) => f.rule === "feedback_concern") && all.some((f) => f.rule === "no_weekly_review") && all.some((f) => f.rule === "behind_plan"),
      ).toBe(true);
    }
  });

  it("reads a placement with its levels, latest review, latest feedback and 'as of' check in one statement, each by an index seek", () => {
    const placementIds = (demo.$client.prepare("select id from placements where status = 'active' order by id").raw().all() as [number][]).map((r) => r[0]);
    const statements = recordQueriesSync(() => runFlagPass(demo, { today: TODAY, placementIds, trainers: false }));
    const facts = statements.filter((s) => s.includes("group_concat(l.competency_id)"));
    expect(facts).toHaveLength(1);
    const plan = (demo.$client.prepare(`EXPLAIN QUERY PLAN ${facts[0]}`).all() as { detail: string }[]).map((r) => r.detail);
    expect(plan).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^SEARCH p USING INTEGER PRIMARY KEY \(rowid=\?\)/),
        expect.stringMatching(/^SEARCH x USING COVERING INDEX assessments_placement_observed \(placement_id=\? AND observed_on>\?\)/),
        expect.stringMatching(/^SEARCH l USING COVERING INDEX competency_levels_independent \(placement_id=\?\)/),
        expect.stringMatching(/^SEARCH r USING COVERING INDEX weekly_reviews_placement_week /),
        expect.stringMatching(/^SEARCH g USING COVERING INDEX feedback_placement /),
      ]),
    );
    expect(plan.filter((d) => d.startsWith("SCAN ") && !d.startsWith("SCAN j VIRTUAL TABLE"))).toEqual([]);
  });
});
