/**
 * The derived facts (`competency_levels`, `placement_weeks`) are kept by triggers in the write
 * transaction. Whatever the order of the records — corrections, observations out of date order,
 * attendance corrected, ledger events in any order — they must equal what the domain works out
 * from the records, and what the migration's backfill computes from scratch.
 */
import fs from "node:fs";
import path from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { decodeAttendanceWeek } from "~/domain/attendance-codes";
import { addDays, mondayOf } from "~/domain/dates";
import { ASSESSMENT_LEVELS, type AbsenceReason, type AttendanceStatus, type EducationEventKind } from "~/domain/enums";
import { currentLevels } from "~/domain/progress";
import { classifyAfternoon } from "~/domain/reports";
import { useTestDatabase } from "~/test/db";

import { migrationsFolder } from "./client.server";
import {
  createApprentice,
  createEducationAfternoon,
  createEmployer,
  createFramework,
  createPlacement,
  createSite,
  createUser,
  recordAssessment,
  recordAttendance,
  recordWeeklyReview,
} from "./factories.server";

const db = useTestDatabase();
const sql = db.$client;
const site = createSite(db);
const employer = createEmployer(db, { siteId: site.id });
const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: employer.id, password: null });
const staff = createUser(db, { role: "staff", siteId: site.id, password: null });
const framework = createFramework(db);
const MONDAY = "2026-11-02";
const day = (n: number) => addDays(MONDAY, n);

const STATUSES: AttendanceStatus[] = ["present", "late", "absent", "education", "holiday", "leave"];
const REASONS: AbsenceReason[] = ["transport", "other", "illness"];
const KINDS: EducationEventKind[] = ["released", "refused", "attended", "missed", "confirmed_by_apprentice"];

const op = fc.oneof(
  fc.record({ t: fc.constant("assess" as const), c: fc.nat(3), level: fc.constantFrom(...ASSESSMENT_LEVELS), d: fc.nat(20), correct: fc.nat(6) }),
  fc.record({
    t: fc.constant("attend" as const),
    d: fc.nat(20),
    status: fc.constantFrom(...STATUSES),
    reason: fc.constantFrom(...REASONS),
    note: fc.boolean(),
  }),
  fc.record({ t: fc.constant("afternoon" as const), d: fc.nat(20), events: fc.array(fc.constantFrom(...KINDS), { maxLength: 4 }) }),
  fc.record({ t: fc.constant("review" as const), w: fc.nat(2), at: fc.nat(10_000) }),
);

function run(ops: { t: string }[]) {
  const apprentice = createApprentice(db, { siteId: site.id });
  const p = createPlacement(db, {
    apprenticeId: apprentice.id,
    employerId: employer.id,
    trainerUserId: trainer.id,
    frameworkVersionId: framework.version.id,
    startDate: MONDAY,
  });
  const assessmentIds: number[] = [];
  const afternoonDays = new Set<number>();
  for (const o of ops as (
    | { t: "assess"; c: number; level: (typeof ASSESSMENT_LEVELS)[number]; d: number; correct: number }
    | { t: "attend"; d: number; status: AttendanceStatus; reason: AbsenceReason; note: boolean }
    | { t: "afternoon"; d: number; events: EducationEventKind[] }
    | { t: "review"; w: number; at: number }
  )[]) {
    if (o.t === "assess") {
      // Now and then a correction of an earlier record (of any competency of the placement).
      const supersedes = o.correct < assessmentIds.length && o.correct % 2 === 0 ? assessmentIds[o.correct] : undefined;
      const row = recordAssessment(db, {
        placementId: p.id,
        competencyId: framework.competencies[o.c]!.id,
        trainerUserId: trainer.id,
        level: o.level,
        observedOn: day(o.d),
        ...(supersedes ? { supersedesId: supersedes, correctionReason: "Correction" } : {}),
      });
      assessmentIds.push(row.id);
    } else if (o.t === "attend") {
      const previous = sql.prepare("select max(id) as id from attendance where placement_id = ? and date = ?").get(p.id, day(o.d)) as { id: number | null };
      recordAttendance(db, {
        placementId: p.id,
        date: day(o.d),
        status: o.status,
        lateMinutes: o.status === "late" ? 10 : null,
        absenceReason: o.status === "absent" ? o.reason : null,
        note: o.note ? "Called ahead" : null,
        recordedBy: trainer.id,
        ...(previous.id ? { supersedesId: previous.id, correctionReason: "Changed" } : {}),
      });
    } else if (o.t === "afternoon") {
      if (afternoonDays.has(o.d)) {
        const afternoon = sql.prepare("select id from education_afternoons where placement_id = ? and date = ?").get(p.id, day(o.d)) as { id: number };
        for (const kind of o.events)
          sql
            .prepare("insert into education_events (afternoon_id, kind, reason, recorded_by) values (?, ?, ?, ?)")
            .run(afternoon.id, kind, kind === "refused" ? "Busy" : null, staff.id);
      } else {
        afternoonDays.add(o.d);
        createEducationAfternoon(
          db,
          { placementId: p.id, date: day(o.d) },
          o.events.map((kind) => ({ kind, reason: kind === "refused" ? "Busy" : null, recordedBy: staff.id })),
        );
      }
    } else {
      recordWeeklyReview(db, {
        placementId: p.id,
        weekOf: day(7 * o.w),
        trainerUserId: trainer.id,
        submittedAt: new Date(Date.UTC(2026, 10, 10) + o.at * 60_000),
      });
    }
  }
  return p.id;
}

/** The facts of one placement as the domain works them out from its records. */
function expected(placementId: number) {
  const history = sql
    .prepare(
      "select id, competency_id as competencyId, level, observed_on as observedOn, supersedes_id as supersedesId, trainer_user_id as trainerUserId from assessments where placement_id = ? order by id",
    )
    .all(placementId) as {
    id: number;
    competencyId: number;
    level: (typeof ASSESSMENT_LEVELS)[number];
    observedOn: string;
    supersedesId: number | null;
    trainerUserId: number;
  }[];
  const superseded = new Set(history.flatMap((a) => (a.supersedesId ? [a.supersedesId] : [])));
  const levels = [...currentLevels(history)].map(([competencyId, l]) => {
    const first = history
      .filter((a) => a.competencyId === competencyId && a.level === "independent" && !superseded.has(a.id))
      .sort((a, b) => a.observedOn.localeCompare(b.observedOn) || a.id - b.id)[0];
    return {
      competencyId,
      assessmentId: l.assessmentId,
      level: l.level,
      observedOn: l.observedOn,
      independentId: first?.id ?? null,
      independentOn: first?.observedOn ?? null,
      independentBy: first?.trainerUserId ?? null,
    };
  });
  const weeks = new Map<
    string,
    { reviews: number; firstReviewAt: number | null; signoffs: number; days: Map<number, string>; agreed: number; released: number; attended: number }
  >();
  const week = (w: string) => {
    let held = weeks.get(w);
    if (!held) weeks.set(w, (held = { reviews: 0, firstReviewAt: null, signoffs: 0, days: new Map(), agreed: 0, released: 0, attended: 0 }));
    return held;
  };
  for (const r of sql.prepare("select week_of, submitted_at from weekly_reviews where placement_id = ?").all(placementId) as {
    week_of: string;
    submitted_at: number;
  }[]) {
    const w = week(r.week_of);
    w.reviews += 1;
    w.firstReviewAt = w.firstReviewAt === null ? r.submitted_at : Math.min(w.firstReviewAt, r.submitted_at);
  }
  for (const l of levels) if (l.independentOn) week(mondayOf(l.independentOn)).signoffs += 1;
  const days = new Map<string, { status: AttendanceStatus; reason: AbsenceReason | null; note: boolean }>();
  for (const d of sql.prepare("select date, status, absence_reason, note from attendance where placement_id = ? order by id").all(placementId) as {
    date: string;
    status: AttendanceStatus;
    absence_reason: AbsenceReason | null;
    note: string | null;
  }[]) {
    days.set(d.date, { status: d.status, reason: d.absence_reason, note: d.note !== null && d.note.trim() !== "" });
  }
  for (const [date, d] of days) week(mondayOf(date)).days.set((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7, `${d.status}/${d.reason}/${d.note}`);
  for (const a of sql.prepare("select id, date from education_afternoons where placement_id = ?").all(placementId) as { id: number; date: string }[]) {
    const events = (sql.prepare("select kind from education_events where afternoon_id = ? order by id").all(a.id) as { kind: EducationEventKind }[]).map(
      (e) => e.kind,
    );
    const c = classifyAfternoon(events, days.get(a.date)?.status ?? null);
    const bit = 1 << ((new Date(`${a.date}T12:00:00Z`).getUTCDay() + 6) % 7);
    const w = week(mondayOf(a.date));
    if (c.counted) w.agreed |= bit;
    if (c.released) w.released |= bit;
    if (c.attended) w.attended |= bit;
  }
  return { levels, weeks };
}

function stored(placementId: number) {
  const levels = sql
    .prepare(
      `select competency_id as competencyId, assessment_id as assessmentId, level, observed_on as observedOn, independent_id as independentId,
              independent_on as independentOn, independent_by as independentBy from competency_levels where placement_id = ?`,
    )
    .all(placementId);
  const weeks = new Map(
    (
      sql.prepare("select * from placement_weeks where placement_id = ?").all(placementId) as {
        week_of: string;
        reviews: number;
        first_review_at: number | null;
        signoffs: number;
        attendance_days: number;
        afternoons_agreed_mask: number;
        afternoons_released_mask: number;
        afternoons_attended_mask: number;
      }[]
    ).map((w) => [
      w.week_of,
      {
        reviews: w.reviews,
        firstReviewAt: w.first_review_at,
        signoffs: w.signoffs,
        days: new Map(decodeAttendanceWeek(w.attendance_days).map((d) => [d.day, `${d.status}/${d.absenceReason}/${d.hasNote}`])),
        agreed: w.afternoons_agreed_mask,
        released: w.afternoons_released_mask,
        attended: w.afternoons_attended_mask,
      },
    ]),
  );
  return { levels, weeks };
}

const byCompetency = (rows: unknown[]) => [...(rows as { competencyId: number }[])].sort((a, b) => a.competencyId - b.competencyId);
/** Weeks with nothing in them may or may not have a row. */
const nonEmpty = (weeks: ReturnType<typeof stored>["weeks"]) =>
  new Map([...weeks].filter(([, w]) => w.reviews + w.signoffs + w.days.size + w.agreed + w.released + w.attended > 0));

describe("derived facts", () => {
  it("equal what the domain works out from the records, whatever the order they were written in", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 40 }), (ops) => {
        const placementId = run(ops);
        const want = expected(placementId);
        const got = stored(placementId);
        expect(byCompetency(got.levels)).toEqual(byCompetency(want.levels));
        expect(nonEmpty(got.weeks)).toEqual(nonEmpty(want.weeks));
      }),
      { numRuns: 60 },
    );
  });

  it("equal what the migration's backfill computes from scratch", () => {
    const statements = fs
      .readFileSync(
        path.join(
          migrationsFolder(),
          fs.readdirSync(migrationsFolder()).find((f) => f.endsWith("_facts_triggers.sql"))!,
        ),
        "utf8",
      )
      .split("--> statement-breakpoint")
      .filter((s) => /^\s*INSERT/i.test(s));
    expect(statements.length).toBeGreaterThanOrEqual(4);
    const snapshot = (table: string) => sql.prepare(`select * from ${table} order by 1, 2`).all();
    const before = [snapshot("competency_levels"), snapshot("placement_weeks")];
    expect(before[1]!.length).toBeGreaterThan(50);
    sql.exec("delete from competency_levels; delete from placement_weeks;");
    for (const statement of statements) sql.exec(statement);
    const emptyWeek = (w: Record<string, unknown>) =>
      w.reviews === 0 &&
      w.signoffs === 0 &&
      w.attendance_days === 0 &&
      w.afternoons_agreed_mask === 0 &&
      w.afternoons_released_mask === 0 &&
      w.afternoons_attended_mask === 0 &&
      w.first_review_at === null;
    expect(snapshot("competency_levels")).toEqual(before[0]);
    expect((snapshot("placement_weeks") as Record<string, unknown>[]).filter((w) => !emptyWeek(w))).toEqual(
      (before[1] as Record<string, unknown>[]).filter((w) => !emptyWeek(w)),
    );
  });
});
