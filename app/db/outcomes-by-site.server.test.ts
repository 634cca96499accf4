/**
 * The admin's outcomes report across sites counts each site's figures in SQL
 * (`loadOutcomesBySite`, docs/decisions/0051). Its rows must be the figures the report showed
 * before: each site's report worked out from its rows by the domain (`programmeOutcomes`), for
 * every site, in any period, for admin (every site) and staff (their own site only); a site with
 * nothing in the period has no row. And its two statements read indexes, each subquery once.
 */
import { describe, expect, it } from "vitest";

import { addDays } from "~/domain/dates";
import { OUTCOME_CHECKIN_MONTHS, PHASES, PLACEMENT_OUTCOMES } from "~/domain/enums";
import type { Actor } from "~/domain/permissions";
import { addOutcomeFigures } from "~/domain/reports";
import { recordQueries, useTestDatabase } from "~/test/db";

import { createApprentice, createEmployer, createFramework, createIntake, createPlacement, createSite, createUser } from "./factories.server";
import { loadOutcomesBySite, loadProgrammeOutcomes } from "./reports.server";
import { phaseChanges } from "./schema";

const db = useTestDatabase();

// A small deterministic generator.
let seed = 4242;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor(seed / 65_536) % n;
};
const pick = <T>(list: readonly T[]) => list[random(list.length)]!;

const admin = createUser(db, { role: "admin" });
const adminActor: Actor = { id: admin.id, role: "admin", siteId: null, employerId: null, apprenticeId: null };
const { version } = createFramework(db);
const checkin = db.$client.prepare(
  `insert into outcome_checkins (apprentice_id, months, checked_on, employed, recorded_by, supersedes_id, correction_reason)
   values (?, ?, ?, ?, ?, ?, ?)`,
);

/** Three sites with histories of every kind; a fourth with nobody. */
const sites = ["2024-01-08", "2024-07-01", "2025-01-06"].map((firstIntake, s) => {
  const site = createSite(db, { code: `OS${s}` });
  const staff = createUser(db, { role: "staff", siteId: site.id });
  const employer = createEmployer(db, { siteId: site.id });
  const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: employer.id });
  const intakes = [0, 182, 364, 546, 728].map((days) => createIntake(db, { siteId: site.id, startsOn: addDays(firstIntake, days) }));
  for (let i = 0; i < 90; i++) {
    const intake = random(5) === 0 ? null : pick(intakes);
    const a = createApprentice(db, { siteId: site.id, intakeId: intake?.id ?? null, phase: pick(PHASES) });
    const start = intake?.startsOn ?? "2025-03-03";
    const changes = Array.from({ length: random(5) }, () => ({
      apprenticeId: a.id,
      phase: random(3) === 0 ? ("work_readiness" as const) : pick(PHASES),
      changedOn: addDays(start, random(4) * 30 + random(2) - 20),
      recordedBy: staff.id,
    }));
    if (changes.length > 0) db.insert(phaseChanges).values(changes).run();

    // Most have a placement: active, or ended completed or withdrawn (on any day, month ends
    // included), some followed by another placement (then not an exit), with outcomes, salaries
    // and check-ins (some corrected).
    if (random(6) === 0) continue;
    const placed = { apprenticeId: a.id, employerId: employer.id, trainerUserId: trainer.id, frameworkVersionId: version.id };
    const startDate = addDays(start, 30 + random(60));
    if (random(4) === 0) {
      createPlacement(db, { ...placed, startDate });
      continue;
    }
    const endedOn = addDays(startDate, 60 + random(500));
    const status = random(4) === 0 ? ("withdrawn" as const) : ("completed" as const);
    const outcome = random(4) === 0 ? null : pick(PLACEMENT_OUTCOMES);
    const wage = outcome === "retained_by_employer" || outcome === "employed_elsewhere";
    createPlacement(db, {
      ...placed,
      startDate,
      status,
      endedOn,
      outcome,
      startingSalaryCents: wage && random(3) > 0 ? 15_000 + random(20) * 500 : outcome === "own_business" && random(2) === 0 ? 9_000 : null,
    });
    if (random(8) === 0) createPlacement(db, { ...placed, startDate: addDays(endedOn, 14 + random(20)) });
    for (const months of OUTCOME_CHECKIN_MONTHS) {
      if (random(3) === 0) continue;
      const first = checkin.run(a.id, months, endedOn, random(2), staff.id, null, null).lastInsertRowid;
      if (random(5) === 0) {
        const second = checkin.run(a.id, months, endedOn, random(2), staff.id, first, "typed the wrong answer").lastInsertRowid;
        if (random(2) === 0) checkin.run(a.id, months, endedOn, random(2), staff.id, second, "asked again");
      }
    }
  }
  return { site, actor: { id: staff.id, role: "staff" as const, siteId: site.id, employerId: null, apprenticeId: null } };
});
const empty = createSite(db, { code: "OSX" });

const today = "2026-11-25";
const PERIODS = [
  ["2024-12-02", "2026-11-25"], // the default: 104 weeks to today
  ["2025-01-31", "2025-03-31"], // month ends: check-ins due on clamped days
  ["2024-01-01", "2026-12-31"], // reaching past today
  ["2025-06-01", "2026-02-28"],
  ["2020-01-01", "2020-12-31"], // nothing in it
] as const;

/** What the report showed before: each site's report from its rows, a row per site with anything in the period. */
function fromRows(actor: Actor, siteIds: readonly number[], from: string, to: string) {
  return siteIds.flatMap((siteId) => {
    const figures = loadProgrammeOutcomes(actor, { from, to, today, siteId }).report.sites[0]?.figures;
    return figures ? [{ siteId, figures }] : [];
  });
}

describe("outcomes across sites, counted in SQL", () => {
  it("gives each site's figures and the total as worked out from the rows, in every period, for admin", async () => {
    let rowsSeen = 0;
    for (const [from, to] of PERIODS) {
      const expected = fromRows(adminActor, [...sites.map((s) => s.site.id), empty.id], from, to);
      const loaded = await loadOutcomesBySite(adminActor, { from, to, today });
      expect(loaded, `${from}–${to}`).toEqual(expected);
      expect(addOutcomeFigures(loaded.map((r) => r.figures))).toEqual(addOutcomeFigures(expected.map((r) => r.figures)));
      rowsSeen += loaded.length;
    }
    // The data reaches every figure: not a comparison of empty reports.
    const [first] = await loadOutcomesBySite(adminActor, { from: PERIODS[0][0], to: PERIODS[0][1], today });
    const f = first!.figures;
    expect(f.workReadinessCompletion.denominator * f.workReadinessCompletion.pending).toBeGreaterThan(0);
    expect(f.vocationalCompletion.denominator - f.vocationalCompletion.numerator).toBeGreaterThan(0);
    expect(f.startingSalary.count).toBeGreaterThan(0);
    for (const m of OUTCOME_CHECKIN_MONTHS) expect(f.retentionAfterExit[m].denominator + f.retentionAfterExit[m].pending, `${m} months`).toBeGreaterThan(0);
    expect(rowsSeen).toBeGreaterThanOrEqual(3 * 4);
  });

  it("gives staff their own site's row only, the same figures", async () => {
    for (const { site, actor } of sites) {
      for (const [from, to] of PERIODS) {
        const loaded = await loadOutcomesBySite(actor, { from, to, today });
        expect(loaded, `${site.code} ${from}–${to}`).toEqual(fromRows(actor, [site.id], from, to));
      }
    }
  });

  it("reads indexes alone for the apprentices and phase changes, and works each subquery out once", async () => {
    const statements = await recordQueries(() => loadOutcomesBySite(sites[0]!.actor, { from: PERIODS[0][0], to: PERIODS[0][1], today }));
    const counts = statements.filter((s) => /coalesce\(sum\(/.test(s));
    expect(counts).toHaveLength(2);
    for (const statement of counts) {
      const plan = (db.$client.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[]).map((r) => r.detail);
      // No table read whole, no sort: the subqueries are read as they come (co-routines).
      expect(
        plan.filter((d) => /^SCAN /.test(d) && !/^SCAN (a|b|s|x)$/.test(d)),
        plan.join("\n"),
      ).toEqual([]);
      expect(
        plan.filter((d) => /TEMP B-TREE/.test(d)),
        plan.join("\n"),
      ).toEqual([]);
      for (const d of plan.filter((d) => /^SEARCH (a|c) /.test(d) && !/outcome_checkins/.test(d))) expect(d).toMatch(/USING COVERING INDEX/);
      // Each correlated subquery once in the plan: flattened, SQLite repeats one for each use.
      const subqueries = plan.filter((d) => /^SEARCH (c|q|n) /.test(d));
      expect(new Set(subqueries).size, plan.join("\n")).toBe(subqueries.length);
    }
  });
});
