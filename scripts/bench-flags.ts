// Benchmark of the full flag pass: seeds a large synthetic dataset through the factories into a
// throw-away database file, then times a full pass over every site, a second (idempotent) pass,
// one site's pass and one placement's pass (what the write hook runs).
//
//   npx tsx scripts/bench-flags.ts [--sites 100] [--placements 40] [--weeks 52] [--keep] [--db file]
//
// --keep leaves the seeded file; --db times the passes on a file seeded before (no seeding).
//
// Each site gets `placements` active placements started over the last `weeks` weeks (with
// their whole history to date) and as many completed ones from the year before, so the tables
// hold about two years of records per site. Trouble is sprinkled in so that flags are raised.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { openDatabase, type DB } from "~/db/client.server";
import {
  createApprentice,
  createEducationAfternoon,
  createEmployer,
  createFramework,
  createHoliday,
  createPlacement,
  createSite,
  createUser,
  recordAssessment,
  recordAttendance,
  recordFeedback,
  recordWeeklyReview,
} from "~/db/factories.server";
import { runFlagPass } from "~/db/flags.server";
import { addDays, isoWeekday, mondayOf, workingDaysOfWeek } from "~/domain/dates";
import type { AssessmentLevel } from "~/domain/enums";

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const SITES = arg("sites", 100);
const PLACEMENTS = arg("placements", 40);
const WEEKS = arg("weeks", 52);
const KEEP = args.includes("--keep");
const REUSE = args.includes("--db") ? args[args.indexOf("--db") + 1] : undefined;
const TODAY = "2026-11-25";
const HOLIDAYS = ["2026-04-14", "2026-04-15", "2026-04-16", "2026-10-10", "2026-10-11", "2026-10-12", "2026-11-09", "2026-11-24", "2026-11-25"];

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
const random = mulberry32(42);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const chance = (p: number) => random() < p;
const at = (date: string, hhmm = "17:00") => new Date(`${date}T${hhmm}:00+07:00`);

const LEVELS: AssessmentLevel[] = ["with_help", "supervised", "independent"];

function seed(db: DB) {
  const frameworks = Array.from({ length: 6 }, (_, f) =>
    createFramework(db, {
      code: `B${f}`,
      units: [
        {
          code: `B${f}-1`,
          titleEn: "Unit",
          titleKm: "ផ្នែក",
          competencies: Array.from({ length: 20 }, (_, i) => ({
            code: `B${f}-1.${i + 1}`,
            titleEn: `Skill ${i + 1}`,
            titleKm: `ជំនាញ ${i + 1}`,
            criteriaEn: "To standard.",
            criteriaKm: "តាមស្តង់ដារ។",
            expectedByWeek: 1 + Math.floor((i * 24) / 20),
          })),
        },
      ],
    }),
  );
  const thisMonday = mondayOf(TODAY);
  const holidays = new Set(HOLIDAYS);

  for (let s = 0; s < SITES; s++) {
    db.transaction((tx) => {
      const t = tx as unknown as DB;
      const site = createSite(t, { code: `B${s}` });
      for (const date of HOLIDAYS) createHoliday(t, { siteId: site.id, date, nameEn: "Holiday", nameKm: "ថ្ងៃឈប់សម្រាក" });
      const staff = createUser(t, { role: "staff", siteId: site.id, password: null });
      const employers = Array.from({ length: 8 }, () => createEmployer(t, { siteId: site.id }));
      const trainers = employers.flatMap((e) =>
        Array.from({ length: 2 }, () => createUser(t, { role: "trainer", siteId: site.id, employerId: e.id, password: null })),
      );
      for (let p = 0; p < 2 * PLACEMENTS; p++) {
        const active = p < PLACEMENTS;
        const trainer = trainers[p % trainers.length];
        const framework = frameworks[p % frameworks.length];
        if (!trainer || !framework) throw new Error("bench: no trainer or framework");
        const weeksAgo = active ? int(0, WEEKS - 1) : int(WEEKS, WEEKS + 40);
        const start = addDays(thisMonday, -7 * weeksAgo + int(0, 2));
        const plannedWeeks = int(8, 30);
        const lastDay = active ? addDays(TODAY, -1) : addDays(start, 7 * plannedWeeks - 3);
        const apprentice = createApprentice(t, {
          siteId: site.id,
          dateOfBirth: chance(0.05) ? "2009-06-01" : `${int(1996, 2007)}-0${int(1, 9)}-1${int(0, 9)}`,
        });
        const placement = createPlacement(t, {
          apprenticeId: apprentice.id,
          employerId: trainer.employerId ?? 0,
          trainerUserId: trainer.id,
          frameworkVersionId: framework.version.id,
          startDate: start,
          plannedWeeks,
          status: active ? "active" : "completed",
          endedOn: active ? null : lastDay,
          outcome: active ? null : "retained_by_employer",
        });
        const pace = chance(0.1) ? 2.2 : 0.9;
        const skipsReviews = chance(0.08);
        const absentee = chance(0.05);
        const levels = new Map<number, number>();
        for (let monday = mondayOf(start), week = 1; monday <= lastDay; monday = addDays(monday, 7), week++) {
          const days = workingDaysOfWeek(monday, [1, 2, 3, 4, 5, 6], holidays).filter((d) => d >= start && d <= lastDay);
          for (const d of days) {
            const absent = (absentee && chance(0.2)) || chance(0.02);
            const late = !absent && chance(0.04);
            recordAttendance(t, {
              placementId: placement.id,
              date: d,
              status: absent ? "absent" : late ? "late" : "present",
              lateMinutes: late ? 15 : null,
              absenceReason: absent ? (chance(0.3) ? "other" : "transport") : null,
              recordedBy: trainer.id,
              createdAt: at(d),
            });
          }
          for (const d of days.filter((x) => isoWeekday(x) === 2 || isoWeekday(x) === 4)) {
            const released = !chance(0.08);
            createEducationAfternoon(t, { placementId: placement.id, date: d }, [
              released
                ? { kind: "released", recordedBy: trainer.id, createdAt: at(d, "11:45") }
                : { kind: "refused", reason: "Busy", recordedBy: trainer.id, createdAt: at(d, "09:00") },
              ...(released ? [{ kind: chance(0.03) ? ("missed" as const) : ("attended" as const), recordedBy: staff.id, createdAt: at(d, "16:30") }] : []),
            ]);
          }
          const recent = monday >= addDays(thisMonday, -21);
          if (days.length === 0 || (skipsReviews && recent) || monday === thisMonday) continue;
          const last = days[days.length - 1] ?? monday;
          const review = recordWeeklyReview(t, { placementId: placement.id, weekOf: monday, trainerUserId: trainer.id, submittedAt: at(last, "17:30") });
          for (const c of framework.competencies) {
            const target = Math.min(3, Math.floor((week / (c.expectedByWeek * pace)) * 3));
            const held = levels.get(c.id) ?? 0;
            if (target > held) {
              levels.set(c.id, target);
              recordAssessment(t, {
                placementId: placement.id,
                competencyId: c.id,
                trainerUserId: trainer.id,
                level: LEVELS[target - 1] ?? "with_help",
                observedOn: last,
                weeklyReviewId: review.id,
                createdAt: at(last, "16:45"),
              });
            }
          }
          if (week % 4 === 0) {
            const low = chance(0.05);
            recordFeedback(t, {
              placementId: placement.id,
              explainsRating: low ? 2 : int(3, 5),
              learningRating: low ? 2 : int(3, 5),
              fairnessRating: low ? 2 : int(3, 5),
              safetyRating: low && chance(0.5) ? 2 : int(3, 5),
              comment: null,
              submittedAt: at(last, "19:30"),
            });
          }
        }
      }
    });
  }
}

// Seed into a pristine file; time the passes on a fresh copy of it, so a reused file starts
// without flags every time.
const dir = REUSE ? path.dirname(path.resolve(REUSE)) : fs.mkdtempSync(path.join(os.tmpdir(), "bench-flags-"));
const pristine = REUSE ? path.resolve(REUSE) : path.join(dir, "bench.db");
let t0 = performance.now();
if (!REUSE) {
  const seeding = openDatabase(pristine);
  seed(seeding);
  seeding.$client.pragma("wal_checkpoint(TRUNCATE)");
  seeding.$client.close();
}
const seedMs = performance.now() - t0;
const file = path.join(dir, "bench.run.db");
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
fs.copyFileSync(pristine, file);
const db = openDatabase(file);
const count = (table: string) => (db.$client.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
console.log(
  `${REUSE ? "Reused" : `Seeded in ${(seedMs / 1000).toFixed(1)} s`}: ${count("sites")} sites, ${count("placements")} placements ` +
    `(${count("placements where status = 'active'")} active), ` +
    `${count("assessments")} assessments, ${count("attendance")} attendance rows, ${count("weekly_reviews")} reviews, ` +
    `${count("education_afternoons")} afternoons, ${count("feedback")} feedback responses.`,
);

const time = (label: string, run: () => { raised: number; updated: number; cleared: number }) => {
  t0 = performance.now();
  const result = run();
  console.log(`${label.padEnd(38)} ${String(Math.round(performance.now() - t0)).padStart(6)} ms  ${JSON.stringify(result)}`);
};
time("full pass, every site (first)", () => runFlagPass(db, { today: TODAY }));
time("full pass, every site (again)", () => runFlagPass(db, { today: TODAY }));
time("full pass, next day", () => runFlagPass(db, { today: addDays(TODAY, 1) }));
time("one site", () => runFlagPass(db, { today: addDays(TODAY, 1), siteId: 1 }));
const one = (db.$client.prepare("select id from placements where status = 'active' limit 1").get() as { id: number }).id;
time("one placement (the write hook)", () => runFlagPass(db, { today: addDays(TODAY, 1), placementIds: [one] }));
const open = db.$client.prepare("select rule, count(*) as n from flags where status = 'open' group by rule order by rule").all() as {
  rule: string;
  n: number;
}[];
console.log(`Open flags: ${open.map((r) => `${r.rule} ${r.n}`).join(", ")}`);

db.$client.close();
for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
if (KEEP && !REUSE) console.log(`Kept ${pristine} (time it again with --db ${pristine})`);
else if (!REUSE) fs.rmSync(dir, { recursive: true, force: true });
