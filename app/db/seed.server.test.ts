/**
 * The seeded demo (docs/product.md §8): the accounts a visitor signs in with, the programme's partner
 * employers and frameworks, and a live example in the data for every flag rule of §5. Each rule
 * check is a small query that mirrors the rule's default threshold, so the demo keeps showing
 * every flag once the engine reads it.
 */
import { verify } from "@node-rs/argon2";
import { beforeAll, describe, expect, it } from "vitest";

import { addDays, ageOn, mondayOf, placementWeek } from "~/domain/dates";
import { currentLevels, progressSummary, type AssessmentRecord } from "~/domain/progress";
import { useTestDatabase } from "~/test/db";

import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo, type SeedSummary } from "./seed.server";

const TODAY = "2026-11-25";
const THIS_MONDAY = mondayOf(TODAY);
const FOUR_WEEKS_AGO = addDays(TODAY, -28);

const db = useTestDatabase();
const second = useTestDatabase();
let summary: SeedSummary;
let elapsedMs = 0;
let wasEmpty = false;

beforeAll(() => {
  wasEmpty = isDatabaseEmpty(db);
  const started = performance.now();
  summary = seedDemo(db, { today: TODAY });
  elapsedMs = performance.now() - started;
});

/** Raw SQL keeps each rule check close to the wording of docs/product.md §5. */
function all<T>(query: string, ...params: unknown[]): T[] {
  return db.$client.prepare(query).all(...params) as T[];
}
function one<T>(query: string, ...params: unknown[]): T {
  const row = db.$client.prepare(query).get(...params) as T | undefined;
  if (row === undefined) throw new Error(`no row for: ${query}`);
  return row;
}

interface PlacementRow {
  id: number;
  code: string;
  dob: string;
  start_date: string;
  planned_weeks: number;
  framework_version_id: number;
  trainer_user_id: number;
  trainer: string;
  employer: string;
}

const PLACEMENTS_SQL = `
  select p.id, a.code, a.date_of_birth as dob, p.start_date, p.planned_weeks, p.framework_version_id,
         p.trainer_user_id, u.username as trainer, e.name as employer
  from placements p
  join apprentices a on a.id = p.apprentice_id
  join employers e on e.id = p.employer_id
  join users u on u.id = p.trainer_user_id
  where p.status = 'active'`;

function activeAt(employer: string): PlacementRow[] {
  return all<PlacementRow>(`${PLACEMENTS_SQL} and e.name = ? order by a.code`, employer);
}

function progressOf(p: PlacementRow) {
  const competencies = all<{ id: number; expectedByWeek: number }>(
    "select id, expected_by_week as expectedByWeek from competencies where version_id = ?",
    p.framework_version_id,
  );
  const history = all<AssessmentRecord>(
    `select id, competency_id as competencyId, level, observed_on as observedOn, supersedes_id as supersedesId
     from assessments where placement_id = ?`,
    p.id,
  );
  return progressSummary(competencies, currentLevels(history), placementWeek(p.start_date, TODAY));
}

/** Most `independent` sign-offs by one trainer within any 7 days (optionally only recent windows). */
function maxIndependentIn7Days(trainerUserId: number, since = "0000-01-01"): number {
  return (
    one<{ n: number | null }>(
      `select max(n) as n from (
       select (select count(*) from assessments b
               where b.trainer_user_id = a.trainer_user_id and b.level = 'independent'
                 and b.observed_on between a.observed_on and date(a.observed_on, '+6 days')) as n
       from assessments a
       where a.trainer_user_id = ? and a.level = 'independent' and a.observed_on >= ?)`,
      trainerUserId,
      since,
    ).n ?? 0
  );
}

describe("demo seed: who can sign in", () => {
  it("starts from an empty database and leaves one that is not", () => {
    expect(wasEmpty).toBe(true);
    expect(isDatabaseEmpty(db)).toBe(false);
  });

  it("creates the five demo accounts with their roles and sites, all on the demo password", async () => {
    const rows = all<{
      username: string;
      role: string;
      site: string | null;
      employer: string | null;
      apprentice_id: number | null;
      password_hash: string | null;
    }>(
      `select u.username, u.role, s.code as site, e.name as employer, u.apprentice_id, u.password_hash
       from users u left join sites s on s.id = u.site_id left join employers e on e.id = u.employer_id
       where u.username in ('staff', 'staff-sr', 'admin', 'trainer', 'apprentice') order by u.username`,
    );
    const byName = Object.fromEntries(rows.map((r) => [r.username, r]));
    expect(byName.staff).toMatchObject({ role: "staff", site: "PP", employer: null });
    expect(byName["staff-sr"]).toMatchObject({ role: "staff", site: "SR", employer: null });
    expect(byName.admin).toMatchObject({ role: "admin", site: null, employer: null });
    expect(byName.trainer).toMatchObject({ role: "trainer", site: "PP", employer: "Parkway Beauty Salon" });
    expect(byName.apprentice).toMatchObject({ role: "apprentice", site: "PP" });
    expect(byName.apprentice?.apprentice_id).not.toBeNull();
    for (const r of rows) expect(r.password_hash).toMatch(/^\$argon2id\$/);
    // One real verification is enough: every demo account is created with the same password.
    expect(await verify(byName.admin?.password_hash ?? "", DEMO_PASSWORD)).toBe(true);

    expect(summary.accounts.map((a) => [a.username, a.role])).toEqual([
      ["staff", "staff"],
      ["staff-sr", "staff"],
      ["admin", "admin"],
      ["trainer", "trainer"],
      ["apprentice", "apprentice"],
    ]);
    for (const a of summary.accounts) expect(a.description.length).toBeGreaterThan(10);
  });

  it("gives `trainer` four active hairdressing placements, exactly one apprentice 17 at the start", () => {
    const mine = all<PlacementRow>(`${PLACEMENTS_SQL} and u.username = 'trainer'`);
    expect(mine).toHaveLength(4);
    const trades = all<{ code: string }>(
      `select distinct f.code from placements p join framework_versions v on v.id = p.framework_version_id
       join frameworks f on f.id = v.framework_id join users u on u.id = p.trainer_user_id
       where p.status = 'active' and u.username = 'trainer'`,
    );
    expect(trades).toEqual([{ code: "HAIR" }]);
    expect(mine.filter((p) => ageOn(p.dob, p.start_date) < 18)).toHaveLength(1);

    const demo = one<{ code: string; dob: string }>(
      `select a.code, a.date_of_birth as dob from users u join apprentices a on a.id = u.apprentice_id where u.username = 'apprentice'`,
    );
    expect(mine.map((p) => p.code)).toContain(demo.code);
    expect(ageOn(demo.dob, TODAY)).toBeGreaterThanOrEqual(18);
  });

  it("gives every other active apprentice an account named after their code", () => {
    const missing = all<{ code: string }>(
      `select a.code from placements p join apprentices a on a.id = p.apprentice_id
       left join users u on u.apprentice_id = a.id
       where p.status = 'active' and (u.id is null or (u.username <> lower(a.code) and u.username <> 'apprentice'))`,
    );
    expect(missing).toEqual([]);
  });
});

describe("demo seed: the programme", () => {
  it("has both sites, their intakes and public holidays", () => {
    expect(all<{ code: string; name_km: string }>("select code, name_km from sites order by code")).toEqual([
      { code: "PP", name_km: "ភ្នំពេញ" },
      { code: "SR", name_km: "សៀមរាប" },
    ]);
    const intakes = all<{ site: string; name: string }>(
      "select s.code as site, i.name from intakes i join sites s on s.id = i.site_id order by s.code, i.starts_on",
    ).map((r) => `${r.site} ${r.name}`);
    expect(intakes).toEqual([
      "PP 2025 Intake 3",
      "PP 2025 Intake 4",
      "PP 2026 Intake 1",
      "PP 2026 Intake 2",
      "PP 2026 Intake 3",
      "PP 2026 Intake 4",
      "SR 2026 Intake 1",
    ]);
    for (const year of ["2026", "2027"]) {
      const perSite = all<{ site: string; n: number }>(
        `select s.code as site, count(*) as n from public_holidays h join sites s on s.id = h.site_id
         where h.date like ? || '-%' and h.name_en in ('Khmer New Year', 'Pchum Ben Festival', 'Water Festival', 'Independence Day')
         group by s.code order by s.code`,
        year,
      );
      expect(perSite).toEqual([
        { site: "PP", n: 10 },
        { site: "SR", n: 10 },
      ]);
    }
  });

  it("has the nine Phnom Penh partner employers by name, and one in Siem Reap", () => {
    const names = all<{ name: string }>("select e.name from employers e join sites s on s.id = e.site_id where s.code = 'PP' order by e.name").map(
      (r) => r.name,
    );
    expect(names).toEqual(
      [
        "Apsara Angkor Beauty Salon",
        "Gech Dressmaking",
        "Hagar Catering and Facilities Management",
        "La Residence",
        "Parkway Beauty Salon",
        "So! Nutritious",
        "Svakum Tailoring",
        "The Blue Pumpkin",
        "The Boddhi Tree",
      ].sort(),
    );
    expect(one<{ n: number }>("select count(*) as n from employers e join sites s on s.id = e.site_id where s.code = 'SR'").n).toBe(1);
  });

  it("publishes the six frameworks with English and Khmer titles on every competency", () => {
    const versions = all<{ code: string; status: string; n: number }>(
      `select f.code, v.status, count(c.id) as n from frameworks f
       join framework_versions v on v.framework_id = f.id join competencies c on c.version_id = v.id
       group by f.code, v.status order by f.code`,
    );
    expect(versions.map((v) => v.code)).toEqual(["COOK", "DRESS", "FBS", "HAIR", "HSK", "OFFICE"]);
    for (const v of versions) {
      expect(v.status).toBe("published");
      expect(v.n).toBeGreaterThan(5);
    }
    const titles = all<{ code: string; title_en: string; title_km: string }>("select code, title_en, title_km from competencies");
    const khmer = /[\u1780-\u17FF]/;
    expect(titles.filter((c) => c.title_en.trim() === "" || !khmer.test(c.title_km)).map((c) => c.code)).toEqual([]);
  });

  it("has about thirty Phnom Penh apprentices: ~20 in active placements, ~8 completed, a few without", () => {
    const byPhase = Object.fromEntries(
      all<{ phase: string; n: number }>(
        "select phase, count(*) as n from apprentices a join sites s on s.id = a.site_id where s.code = 'PP' group by phase",
      ).map((r) => [r.phase, r.n]),
    );
    expect(byPhase.apprenticeship).toBeGreaterThanOrEqual(18);
    expect((byPhase.employed ?? 0) + (byPhase.business ?? 0) + (byPhase.follow_up ?? 0)).toBeGreaterThanOrEqual(8);
    expect((byPhase.work_readiness ?? 0) + (byPhase.guidance ?? 0)).toBeGreaterThanOrEqual(2);
    const completed = all<{ outcome: string }>("select outcome from placements where status = 'completed'");
    const retained = completed.filter((c) => c.outcome === "retained_by_employer").length / completed.length;
    expect(retained).toBeGreaterThan(0.3);
    expect(retained).toBeLessThan(0.55);
    expect(one<{ n: number }>("select count(*) as n from placements where status = 'transferred'").n).toBe(1);
    expect(
      one<{ n: number }>(
        "select count(*) as n from placements p join placements q on q.id = p.transferred_from_id where p.status = 'active' and q.status = 'transferred'",
      ).n,
    ).toBe(1);
    const sr = all<{ code: string }>(
      "select a.code from placements p join apprentices a on a.id = p.apprentice_id where p.status = 'active' and a.code like 'SR-%'",
    );
    expect(sr).toHaveLength(2);
  });

  it("writes no flags: the engine raises them from the data", () => {
    expect(summary.counts.flags).toBe(0);
    expect(summary.counts.assessments).toBeGreaterThan(500);
  });

  it("keeps the demo trainer's placements healthy, each at a different point this week", () => {
    const mine = all<PlacementRow>(`${PLACEMENTS_SQL} and u.username = 'trainer'`);
    const states = mine.map((p) => {
      const reviewed = one<{ n: number }>("select count(*) as n from weekly_reviews where placement_id = ? and week_of = ?", p.id, THIS_MONDAY).n;
      const saved = one<{ n: number }>("select count(*) as n from attendance where placement_id = ? and date >= ?", p.id, THIS_MONDAY).n;
      return reviewed > 0 ? "reviewed" : saved > 0 ? "saved" : "not_started";
    });
    expect(states.sort()).toEqual(["not_started", "not_started", "reviewed", "saved"]);
    for (const p of mine) {
      expect(progressOf(p).ratioAgainstPlan ?? 1).toBeGreaterThanOrEqual(0.7);
      const lastWeeks = one<{ n: number }>(
        "select count(distinct week_of) as n from weekly_reviews where placement_id = ? and week_of in (?, ?)",
        p.id,
        addDays(THIS_MONDAY, -14),
        addDays(THIS_MONDAY, -7),
      ).n;
      expect(lastWeeks).toBe(2);
    }
    expect(maxIndependentIn7Days(mine[0]?.trainer_user_id ?? 0)).toBeLessThan(8);
  });
});

describe("demo seed: a live example of every flag rule (docs/product.md §5)", () => {
  const fullWeeks = (n: number) => Array.from({ length: n }, (_, i) => addDays(THIS_MONDAY, -7 * (i + 1)));
  const reviewsIn = (placementId: number, weeks: string[]) =>
    one<{ n: number }>(
      `select count(*) as n from weekly_reviews where placement_id = ? and week_of in (${weeks.map(() => "?").join(",")})`,
      placementId,
      ...weeks,
    ).n;

  it("no_weekly_review: Svakum Tailoring has none for 3 full weeks (urgent), Gech Dressmaking for 2 (warn)", () => {
    const threeWeeksAgo = addDays(THIS_MONDAY, -21);
    const urgent = activeAt("Svakum Tailoring").filter((p) => p.start_date <= threeWeeksAgo && reviewsIn(p.id, [THIS_MONDAY, ...fullWeeks(3)]) === 0);
    expect(urgent).toHaveLength(1);
    const warn = activeAt("Gech Dressmaking").filter((p) => reviewsIn(p.id, [THIS_MONDAY, ...fullWeeks(2)]) === 0 && reviewsIn(p.id, [threeWeeksAgo]) === 1);
    expect(warn).toHaveLength(1);
  });

  it("behind_plan: a Gech Dressmaking apprentice is competent in < 40% of what is expected by now", () => {
    const behind = activeAt("Gech Dressmaking").filter((p) => (progressOf(p).ratioAgainstPlan ?? 1) < 0.4);
    expect(behind).toHaveLength(1);
    expect(behind.map((p) => progressOf(p).expectedByNow)[0]).toBeGreaterThanOrEqual(5);
  });

  it("bulk_signoff: The Blue Pumpkin's trainer marked ≥ 8 competencies independent within 7 days, recently", () => {
    const trainerId = activeAt("The Blue Pumpkin")[0]?.trainer_user_id ?? 0;
    expect(maxIndependentIn7Days(trainerId, FOUR_WEEKS_AGO)).toBeGreaterThanOrEqual(8);
    // Nobody else trips it by accident.
    const others = all<{ id: number; username: string }>("select id, username from users where role = 'trainer' and username <> 'trainer-blue-pumpkin'");
    expect(others.filter((t) => maxIndependentIn7Days(t.id) >= 8).map((t) => t.username)).toEqual([]);
  });

  it("signoff_while_absent: an assessment is dated on a day its placement recorded the apprentice absent", () => {
    const rows = all<{ employer: string; trainer: string }>(
      `select e.name as employer, u.username as trainer from assessments s
       join attendance t on t.placement_id = s.placement_id and t.date = s.observed_on and t.status = 'absent'
       join placements p on p.id = s.placement_id join employers e on e.id = p.employer_id join users u on u.id = s.trainer_user_id
       where s.observed_on >= ?`,
      FOUR_WEEKS_AGO,
    );
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.every((r) => r.trainer !== "trainer")).toBe(true);
  });

  it("education_not_granted: The Boddhi Tree released < 75% of agreed afternoons in the last 4 weeks", () => {
    const shares = activeAt("The Boddhi Tree").map((p) => {
      const { agreed, released } = one<{ agreed: number; released: number }>(
        `select count(*) as agreed,
                sum(exists (select 1 from education_events e where e.afternoon_id = a.id and e.kind = 'released')) as released
         from education_afternoons a where a.placement_id = ? and a.date >= ? and a.date < ?`,
        p.id,
        FOUR_WEEKS_AGO,
        TODAY,
      );
      return { agreed, share: released / agreed };
    });
    expect(shares.some((s) => s.agreed >= 4 && s.share < 0.75)).toBe(true);
    const refusals = all<{ reason: string }>(
      `select e.reason from education_events e join education_afternoons a on a.id = e.afternoon_id
       join placements p on p.id = a.placement_id join employers m on m.id = p.employer_id
       where m.name = 'The Boddhi Tree' and e.kind = 'refused' and a.date >= ?`,
      FOUR_WEEKS_AGO,
    );
    expect(refusals.some((r) => r.reason.includes("wedding"))).toBe(true);
  });

  it("education_mismatch: one afternoon released but missed, one refused yet attended", () => {
    const kinds = all<{ kinds: string }>("select group_concat(kind) as kinds from education_events group by afternoon_id").map(
      (r) => new Set(r.kinds.split(",")),
    );
    expect(kinds.some((k) => k.has("released") && k.has("missed") && !k.has("attended"))).toBe(true);
    expect(kinds.some((k) => k.has("refused") && k.has("attended"))).toBe(true);
  });

  it("attendance_risk: ≥ 3 transport absences in 4 weeks at So! Nutritious; 2 consecutive unexplained elsewhere", () => {
    const transport = activeAt("So! Nutritious").map(
      (p) =>
        one<{ n: number }>(
          "select count(*) as n from attendance where placement_id = ? and status = 'absent' and absence_reason = 'transport' and date >= ?",
          p.id,
          FOUR_WEEKS_AGO,
        ).n,
    );
    expect(Math.max(...transport)).toBeGreaterThanOrEqual(3);
    const consecutive = all<{ placement_id: number }>(
      `select placement_id from (
         select placement_id, date, status, absence_reason, note,
                lag(status) over w as prev_status, lag(absence_reason) over w as prev_reason, lag(note) over w as prev_note
         from attendance where date >= ? window w as (partition by placement_id order by date, id))
       where status = 'absent' and absence_reason = 'other' and note is null
         and prev_status = 'absent' and prev_reason = 'other' and prev_note is null`,
      FOUR_WEEKS_AGO,
    );
    expect(consecutive.length).toBeGreaterThanOrEqual(1);
  });

  it("feedback_concern: a recent 'I feel safe' of 2 (not the demo trainer's), and a response with mean ≤ 2", () => {
    const recent = all<{ safety: number; total: number; trainer: string }>(
      `select f.safety_rating as safety,
              f.explains_rating + f.learning_rating + f.fairness_rating + f.safety_rating as total, u.username as trainer
       from feedback f join placements p on p.id = f.placement_id join users u on u.id = p.trainer_user_id
       where f.submitted_at >= ?`,
      new Date(`${addDays(TODAY, -14)}T00:00:00+07:00`).getTime(),
    );
    expect(recent.some((f) => f.safety <= 2 && f.trainer !== "trainer")).toBe(true);
    expect(recent.some((f) => f.total / 4 <= 2)).toBe(true);
    expect(recent.filter((f) => f.trainer === "trainer").every((f) => f.safety > 2 && f.total / 4 > 2)).toBe(true);
  });

  it("under_18: exactly one active apprentice was under 18 at the start", () => {
    const minors = all<PlacementRow>(PLACEMENTS_SQL).filter((p) => ageOn(p.dob, p.start_date) < 18);
    expect(minors.map((p) => p.trainer)).toEqual(["trainer"]);
  });

  it("overdue: a La Residence placement is past its planned end with competencies outstanding", () => {
    const overdue = activeAt("La Residence").filter((p) => {
      const progress = progressOf(p);
      return addDays(p.start_date, 7 * p.planned_weeks) <= TODAY && progress.competent < progress.total;
    });
    expect(overdue).toHaveLength(1);
    expect(overdue[0]?.planned_weeks).toBe(6);
  });

  it("trainer_inactive: Apsara Angkor's trainer has active apprentices and has signed nothing for 21+ days", () => {
    const placements = activeAt("Apsara Angkor Beauty Salon");
    expect(placements.length).toBeGreaterThan(0);
    const trainerId = placements[0]?.trainer_user_id ?? 0;
    const since = addDays(TODAY, -21);
    const sinceMs = new Date(`${since}T00:00:00+07:00`).getTime();
    const signed = one<{ n: number }>(
      `select (select count(*) from assessments where trainer_user_id = @trainerId and (observed_on >= @since or created_at >= @sinceMs))
            + (select count(*) from weekly_reviews where trainer_user_id = @trainerId and (week_of >= @since or submitted_at >= @sinceMs)) as n`,
      { trainerId, since, sinceMs },
    ).n;
    expect(signed).toBe(0);
    const lastSigned = one<{ d: string }>("select max(observed_on) as d from assessments where trainer_user_id = ?", trainerId).d;
    expect(lastSigned <= addDays(TODAY, -25)).toBe(true);
  });
});

describe("demo seed: repeatable and quick", () => {
  it("produces the same data for the same today and seed", () => {
    const again = seedDemo(second, { today: TODAY });
    expect(again).toEqual(summary);
    const fingerprint = (d: typeof db) =>
      d.$client
        .prepare(
          `select group_concat(placement_id || competency_id || level || observed_on, ';') as a from
           (select * from assessments order by id)`,
        )
        .get();
    expect(fingerprint(second)).toEqual(fingerprint(db));
  });

  it("seeds in well under 10 seconds", () => {
    expect(elapsedMs).toBeLessThan(10_000);
  });
});
