// `npm run bench:data -- --scale 100 [--db file]`: the benchmark database, generated with the
// project's factories (their bulk path for the large tables).
//
// Scale N makes N sites. Each site has 8 employers with 2 trainers each, 11 quarterly intakes and
// 800 apprentices: 400 in an active placement started up to 63 weeks ago, 400 whose placement
// ended (completed or withdrawn) with outcomes and check-ins. Every placement has its whole
// history to date: attendance for each working day, two education afternoons a week with their
// ledger, weekly reviews, sign-offs climbing the levels (a few corrected), monthly feedback.
// Scale 100 holds ≈ 80k apprentices, ≈ 4M assessments and ≈ 16M attendance rows.
//
// Resumable: each site is one transaction, and a run continues after the last complete site.
// Deterministic: site n draws from its own seeded stream, so a resumed run makes the same data.
//
// Like a bulk load that builds its indexes at the end, the run lifts the triggers that keep the
// derived facts (docs/decisions/0016) while it writes, then puts them back and builds the facts
// with the migration's own backfill — the same tables the triggers would have kept (a test holds
// the two together), in a fraction of the time. Until a run has finished, the file has no facts.
import fs from "node:fs";
import path from "node:path";

import { migrationsFolder, openDatabase, type DB } from "~/db/client.server";
import {
  bulkRecords,
  createApprentice,
  createEmployer,
  createFramework,
  createHoliday,
  createIntake,
  createPlacement,
  createSite,
  createUser,
} from "~/db/factories.server";
import { addDays, isoWeekday, mondayOf } from "~/domain/dates";
import type { AbsenceReason, AssessmentLevel, EmployerSector, Phase, PlacementOutcome } from "~/domain/enums";

import { argValue, benchDatabasePath, BENCH_TODAY } from "./bench-common";

const args = process.argv.slice(2);
const SCALE = Number(argValue(args, "scale") ?? 100);
if (!Number.isInteger(SCALE) || SCALE < 1 || SCALE > 1000) throw new Error("--scale must be a whole number from 1 to 1000");
const FILE = argValue(args, "db") ?? benchDatabasePath(SCALE);

const ACTIVE_PER_SITE = 400;
const ENDED_PER_SITE = 400;
const EMPLOYERS_PER_SITE = 8;
const TRAINERS_PER_EMPLOYER = 2;
const COMPETENCIES = 24;
const FRAMEWORKS = 6;

const TODAY = BENCH_TODAY;
const THIS_MONDAY = mondayOf(TODAY);
const SECTORS: EmployerSector[] = ["beauty", "hospitality", "catering", "tailoring", "food_service", "office", "cleaning", "beauty"];
const LEVELS: AssessmentLevel[] = ["with_help", "supervised", "independent"];
const REASONS: AbsenceReason[] = ["transport", "family", "illness", "childcare", "misunderstood_time", "other"];

// ---------------------------------------------------------------------------------------------
// A calendar of the generated years, worked out once: the history walks millions of days.

const FIRST_DAY = addDays(THIS_MONDAY, -7 * 140);
const days: { date: string; weekday: number; startMs: number }[] = [];
const dayIndex = new Map<string, number>();
for (let d = FIRST_DAY, i = 0; d <= addDays(TODAY, 7); d = addDays(d, 1), i++) {
  dayIndex.set(d, i);
  days.push({ date: d, weekday: isoWeekday(d), startMs: Date.parse(`${d}T00:00:00+07:00`) });
}
const idx = (date: string) => {
  const i = dayIndex.get(date);
  if (i === undefined) throw new Error(`bench-data: ${date} outside the calendar`);
  return i;
};
const at = (i: number, hour: number, minute = 0) => (days[i]?.startMs ?? 0) + hour * 3_600_000 + minute * 60_000;
const TODAY_I = idx(TODAY);

/** Khmer New Year, Pchum Ben, the Water Festival and a few single days, for each generated year. */
const HOLIDAYS = ["2024", "2025", "2026"]
  .flatMap((y) => [
    `${y}-01-01`,
    `${y}-01-07`,
    `${y}-04-14`,
    `${y}-04-15`,
    `${y}-04-16`,
    `${y}-05-01`,
    `${y}-10-01`,
    `${y}-10-02`,
    `${y}-10-03`,
    `${y}-11-09`,
    `${y}-11-14`,
    `${y}-11-15`,
  ])
  .filter((d) => d >= FIRST_DAY && d <= TODAY);
const holidaySet = new Set(HOLIDAYS);

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

// ---------------------------------------------------------------------------------------------

type Framework = ReturnType<typeof createFramework>;

function frameworksOf(db: DB): Framework["competencies"][] {
  const out: Framework["competencies"][] = [];
  for (let f = 1; f <= FRAMEWORKS; f++) {
    const code = `BF${f}`;
    const found = db.$client.prepare("select v.id from framework_versions v join frameworks f on f.id = v.framework_id where f.code = ?").get(code) as
      { id: number } | undefined;
    if (found) {
      out.push(db.$client.prepare("select * from competencies where version_id = ? order by position").all(found.id) as Framework["competencies"]);
      continue;
    }
    const fw = createFramework(db, {
      code,
      tradeEn: `Bench trade ${f}`,
      tradeKm: `មុខជំនាញ ${f}`,
      sector: SECTORS[f % SECTORS.length]!,
      typicalWeeks: 24,
      units: [0, 1, 2].map((u) => ({
        code: `${code}-${u + 1}`,
        titleEn: `Unit ${u + 1}`,
        titleKm: `ផ្នែក ${u + 1}`,
        competencies: Array.from({ length: COMPETENCIES / 3 }, (_, i) => {
          const n = u * (COMPETENCIES / 3) + i;
          return {
            code: `${code}-${u + 1}.${i + 1}`,
            titleEn: `Skill ${n + 1}`,
            titleKm: `ជំនាញ ${n + 1}`,
            criteriaEn: "Does it to the workplace's standard.",
            criteriaKm: "ធ្វើបានតាមស្តង់ដារកន្លែងធ្វើការ។",
            expectedByWeek: 1 + Math.floor((n * 30) / COMPETENCIES),
          };
        }),
      })),
    });
    out.push(fw.competencies);
  }
  return out;
}

function generateSite(db: DB, s: number, frameworks: Framework["competencies"][]) {
  const random = mulberry32(1000 + s);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const chance = (p: number) => random() < p;
  const bulk = bulkRecords(db);
  let rows = 0;

  const site = createSite(db, { code: `B${s}`, nameEn: `Bench site ${s}`, nameKm: `ទីតាំងសាកល្បង ${s}` });
  for (const date of HOLIDAYS) createHoliday(db, { siteId: site.id, date, nameEn: "Public holiday", nameKm: "ថ្ងៃបុណ្យ" });
  const staff = createUser(db, { role: "staff", siteId: site.id, username: `bench-staff-${s}`, displayName: `Staff ${s}`, password: null });
  const employers = Array.from({ length: EMPLOYERS_PER_SITE }, (_, e) =>
    createEmployer(db, { siteId: site.id, name: `Employer ${s}-${e + 1}`, sector: SECTORS[e % SECTORS.length]! }),
  );
  const trainers = employers.flatMap((e, ei) =>
    Array.from({ length: TRAINERS_PER_EMPLOYER }, (_, k) =>
      createUser(db, {
        role: "trainer",
        siteId: site.id,
        employerId: e.id,
        username: `bench-trainer-${s}-${ei * TRAINERS_PER_EMPLOYER + k + 1}`,
        displayName: `Trainer ${s}-${ei * TRAINERS_PER_EMPLOYER + k + 1}`,
        password: null,
      }),
    ),
  );
  // Quarterly intakes, the first Monday of each quarter, back far enough for the oldest placement.
  const intakes: { id: number; startsOn: string }[] = [];
  for (const y of [2024, 2025, 2026]) {
    for (const m of ["01", "04", "07", "10"]) {
      let first = `${y}-${m}-01`;
      while (isoWeekday(first) !== 1) first = addDays(first, 1);
      if (first < FIRST_DAY || first > TODAY) continue;
      intakes.push({ id: createIntake(db, { siteId: site.id, name: `${y} Intake ${(Number(m) + 2) / 3}`, startsOn: first }).id, startsOn: first });
    }
  }

  let apprenticeAccounts = 0;
  for (let p = 0; p < ACTIVE_PER_SITE + ENDED_PER_SITE; p++) {
    const active = p < ACTIVE_PER_SITE;
    const trainer = trainers[p % trainers.length]!;
    const competencies = frameworks[p % frameworks.length]!;
    const weeksAgo = active ? int(0, 63) : int(64, 118);
    const startI = idx(addDays(THIS_MONDAY, -7 * weeksAgo + int(0, 2)));
    const start = days[startI]!.date;
    const plannedWeeks = active ? Math.min(52, Math.max(12, weeksAgo + int(-6, 20))) : int(16, 52);
    const withdrawn = !active && chance(0.15);
    const lastI = active ? TODAY_I - 1 : Math.min(TODAY_I - 14, startI + 7 * (withdrawn ? int(3, plannedWeeks - 1) : plannedWeeks) - 3);
    const endedOn = active ? null : days[lastI]!.date;
    const outcome: PlacementOutcome | null =
      active || withdrawn ? null : chance(0.42) ? "retained_by_employer" : chance(0.45) ? "employed_elsewhere" : chance(0.3) ? "own_business" : "not_employed";
    const intake = chance(0.97) ? [...intakes].reverse().find((i) => i.startsOn <= addDays(start, -56)) : undefined;
    const phase: Phase = active
      ? "apprenticeship"
      : withdrawn
        ? "exited"
        : outcome === "own_business"
          ? "business"
          : outcome === "not_employed"
            ? "follow_up"
            : "employed";
    const apprentice = createApprentice(db, {
      siteId: site.id,
      intakeId: intake?.id ?? null,
      code: `B${s}-${String(p + 1).padStart(4, "0")}`,
      preferredName: `Apprentice ${s}-${p + 1}`,
      legalName: `Legal ${s}-${p + 1}`,
      dateOfBirth: chance(0.05) ? "2009-06-01" : `${int(1996, 2007)}-0${int(1, 9)}-1${int(0, 9)}`,
      gender: chance(0.7) ? "female" : "male",
      phase,
    });
    if (active && apprenticeAccounts < 3) {
      apprenticeAccounts += 1;
      createUser(db, {
        role: "apprentice",
        siteId: site.id,
        apprenticeId: apprentice.id,
        username: `bench-apprentice-${s}-${apprenticeAccounts}`,
        displayName: apprentice.preferredName,
        password: null,
      });
    }
    const placement = createPlacement(db, {
      apprenticeId: apprentice.id,
      employerId: trainer.employerId!,
      trainerUserId: trainer.id,
      frameworkVersionId: competencies[0]!.versionId,
      startDate: start,
      plannedWeeks,
      status: active ? "active" : withdrawn ? "withdrawn" : "completed",
      endedOn,
      outcome,
      endReason: withdrawn ? "Left the programme" : null,
      startingSalaryCents: outcome === "retained_by_employer" || outcome === "employed_elsewhere" ? int(70, 140) * 100 : null,
      createdAt: new Date(at(startI, 9)),
    });

    // Phases: work readiness at the intake, guidance six weeks on, the apprenticeship, the exit.
    const wrI = intake ? idx(intake.startsOn) : Math.max(0, startI - 56);
    bulk.phaseChange({ apprenticeId: apprentice.id, phase: "work_readiness", changedOn: days[wrI]!.date, recordedBy: staff.id, createdAt: at(wrI, 9) });
    bulk.phaseChange({ apprenticeId: apprentice.id, phase: "guidance", changedOn: days[wrI + 42]!.date, recordedBy: staff.id, createdAt: at(wrI + 42, 9) });
    bulk.phaseChange({ apprenticeId: apprentice.id, phase: "apprenticeship", changedOn: start, recordedBy: staff.id, createdAt: at(startI, 9) });
    rows += 3;
    if (!active) {
      bulk.phaseChange({ apprenticeId: apprentice.id, phase, changedOn: endedOn!, recordedBy: staff.id, createdAt: at(lastI + 1, 9) });
      rows += 1;
      if (!withdrawn) {
        for (const months of [3, 6, 12] as const) {
          const dueI = lastI + Math.round(months * 30.4);
          if (dueI >= TODAY_I || !chance(0.8)) continue;
          bulk.outcomeCheckin({
            apprenticeId: apprentice.id,
            months,
            checkedOn: days[dueI]!.date,
            employed: chance(0.7),
            monthlySalaryCents: int(70, 160) * 100,
            recordedBy: staff.id,
            createdAt: at(dueI, 10),
          });
          rows += 1;
        }
      }
    }

    // The placement's history, week by week.
    const pace = chance(0.1) ? 2.2 : chance(0.2) ? 1.4 : 0.9;
    const skipsReviews = chance(0.08);
    const absentee = chance(0.05);
    const held = new Map<number, { level: number; id: number }>();
    for (let mondayI = startI - ((days[startI]!.weekday + 6) % 7), week = 1; mondayI <= lastI; mondayI += 7, week++) {
      const workDays: number[] = [];
      for (let i = mondayI; i < mondayI + 6; i++) if (i >= startI && i <= lastI && !holidaySet.has(days[i]!.date)) workDays.push(i);
      for (const i of workDays) {
        const absent = (absentee && chance(0.2)) || chance(0.02);
        const late = !absent && chance(0.04);
        const reason = absent ? REASONS[int(0, REASONS.length - 1)]! : null;
        const dayId = bulk.attendance({
          placementId: placement.id,
          date: days[i]!.date,
          status: absent ? "absent" : late ? "late" : "present",
          lateMinutes: late ? 15 : null,
          absenceReason: reason,
          recordedBy: trainer.id,
          createdAt: at(i, 17),
        });
        rows += 1;
        if (chance(0.003)) {
          bulk.attendance({
            placementId: placement.id,
            date: days[i]!.date,
            status: "present",
            recordedBy: trainer.id,
            supersedesId: dayId,
            correctionReason: "Recorded on the wrong day",
            createdAt: at(i + 1, 8),
          });
          rows += 1;
        }
      }
      for (const i of workDays) {
        const weekday = days[i]!.weekday;
        if (weekday !== 2 && weekday !== 4) continue;
        const released = !chance(0.08);
        bulk.educationAfternoon({ placementId: placement.id, date: days[i]!.date, createdAt: at(i, 8) }, [
          released
            ? { kind: "released", recordedBy: trainer.id, createdAt: at(i, 11, 45) }
            : { kind: "refused", reason: "Busy day", recordedBy: trainer.id, createdAt: at(i, 9) },
          ...(released ? [{ kind: chance(0.03) ? ("missed" as const) : ("attended" as const), recordedBy: staff.id, createdAt: at(i, 16, 30) }] : []),
        ]);
        rows += released ? 3 : 2;
      }
      const lastDayI = workDays.at(-1);
      if (lastDayI === undefined || mondayI >= TODAY_I - 6 || (skipsReviews && mondayI >= TODAY_I - 28)) continue;
      const reviewId = bulk.weeklyReview({
        placementId: placement.id,
        weekOf: days[mondayI]!.date,
        trainerUserId: trainer.id,
        submittedAt: at(lastDayI, 17, 30),
      });
      rows += 1;
      for (const c of competencies) {
        const target = Math.min(3, Math.floor((week / (c.expectedByWeek * pace)) * 3));
        const current = held.get(c.id);
        if (target <= (current?.level ?? 0)) continue;
        const id = bulk.assessment({
          placementId: placement.id,
          competencyId: c.id,
          trainerUserId: trainer.id,
          level: LEVELS[target - 1]!,
          observedOn: days[lastDayI]!.date,
          weeklyReviewId: reviewId,
          createdAt: at(lastDayI, 16, 45),
        });
        rows += 1;
        held.set(c.id, { level: target, id });
        if (chance(0.004)) {
          // A mistaken tick, corrected the next day to the level below.
          const lower = Math.max(1, target - 1);
          const fixed = bulk.assessment({
            placementId: placement.id,
            competencyId: c.id,
            trainerUserId: trainer.id,
            level: LEVELS[lower - 1]!,
            observedOn: days[lastDayI]!.date,
            supersedesId: id,
            correctionReason: "Ticked the wrong level",
            createdAt: at(lastDayI + 1, 9),
          });
          rows += 1;
          held.set(c.id, { level: lower, id: fixed });
        }
      }
      if (week % 4 === 0) {
        const low = chance(0.05);
        const r = () => (low ? 2 : int(3, 5));
        bulk.feedback({ placementId: placement.id, ratings: [r(), r(), r(), low && chance(0.5) ? 2 : int(3, 5)], submittedAt: at(lastDayI, 19, 30) });
        rows += 1;
      }
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------

const started = performance.now();
const fresh = !fs.existsSync(FILE);
const db = openDatabase(FILE);
// A generator's own connection: a crash means "run it again" (each site is one transaction).
db.$client.pragma("synchronous = OFF");
db.$client.pragma("cache_size = -262144");

// The facts migration: its triggers (lifted while writing) and its backfill (run at the end).
const factsSql = fs
  .readFileSync(
    path.join(
      migrationsFolder(),
      fs.readdirSync(migrationsFolder()).find((f) => f.endsWith("_facts_triggers.sql"))!,
    ),
    "utf8",
  )
  .split("--> statement-breakpoint")
  .map((s) => s.trim());
const triggers = factsSql.filter((s) => /^(--[^\n]*\n)*CREATE TRIGGER/i.test(s));
const backfill = factsSql.filter((s) => /^INSERT/i.test(s));
const triggerNames = triggers.map((t) => /CREATE TRIGGER `(\w+)`/i.exec(t)![1]!);
if (triggerNames.length < 5 || backfill.length < 4) throw new Error("bench-data: cannot find the facts triggers and backfill");
for (const name of triggerNames) db.$client.exec(`DROP TRIGGER IF EXISTS \`${name}\``);

const frameworks = db.$client.transaction(() => frameworksOf(db))();
if (!db.$client.prepare("select 1 from users where username = 'bench-admin'").get()) {
  createUser(db, { role: "admin", username: "bench-admin", displayName: "Bench admin", password: null });
}
const done = (db.$client.prepare("select count(*) as n from sites where code glob 'B[0-9]*'").get() as { n: number }).n;
console.log(`${fresh ? "Generating" : `Resuming after ${done} sites in`} ${FILE}: ${SCALE} sites as of ${TODAY}.`);

let total = 0;
for (let s = done + 1; s <= SCALE; s++) {
  const t0 = performance.now();
  const rows = db.$client.transaction(() => generateSite(db, s, frameworks))();
  total += rows;
  const elapsed = (performance.now() - started) / 1000;
  const perSite = (performance.now() - t0) / 1000;
  const left = ((SCALE - s) * elapsed) / (s - done);
  console.log(
    `  site ${s}/${SCALE}: ${rows.toLocaleString("en")} rows in ${perSite.toFixed(1)} s (elapsed ${elapsed.toFixed(0)} s, ~${left.toFixed(0)} s to go)`,
  );
}

const factsStarted = performance.now();
db.$client.transaction(() => {
  db.$client.exec("DELETE FROM competency_levels; DELETE FROM placement_weeks;");
  for (const statement of backfill) db.$client.exec(statement);
  for (const trigger of triggers) db.$client.exec(trigger);
})();
console.log(`Derived facts built and their triggers back in ${((performance.now() - factsStarted) / 1000).toFixed(0)} s.`);
db.$client.pragma("optimize");
db.$client.pragma("wal_checkpoint(TRUNCATE)");
const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
console.log(
  `Done in ${((performance.now() - started) / 1000).toFixed(0)} s (${total.toLocaleString("en")} rows this run): ` +
    ["sites", "apprentices", "placements", "assessments", "attendance", "weekly_reviews", "education_afternoons", "education_events", "feedback"]
      .map((t) => `${count(t).toLocaleString("en")} ${t}`)
      .join(", "),
);
db.$client.close();
