/**
 * The outcomes report reads two phase changes per apprentice (the first `work_readiness`, and
 * the first other phase from the day it began), not the whole history: for any history, the
 * figures must be those `programmeOutcomes` gives from the whole history.
 */
import { describe, expect, it } from "vitest";

import { addDays } from "~/domain/dates";
import { PHASES, type Phase } from "~/domain/enums";
import { programmeOutcomes, type OutcomeApprentice } from "~/domain/reports";
import { useTestDatabase } from "~/test/db";

import { createApprentice, createIntake, createSite, createUser } from "./factories.server";
import { loadOutcomesBySite, loadProgrammeOutcomes } from "./reports.server";
import { phaseChanges } from "./schema";

const db = useTestDatabase();
const site = createSite(db, { code: "RH" });
const staff = createUser(db, { role: "staff", siteId: site.id });
const actor = { id: staff.id, role: "staff" as const, siteId: site.id, employerId: null, apprenticeId: null };

// A small deterministic generator: histories in any order, with ties on the same day.
let seed = 12345;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return Math.floor(seed / 65_536) % n;
};
const intakes = ["2025-01-06", "2025-07-07", "2026-01-05"].map((startsOn) => createIntake(db, { siteId: site.id, startsOn }));
for (let i = 0; i < 120; i++) {
  const intake = random(4) === 0 ? null : intakes[random(intakes.length)]!;
  const phase: Phase = PHASES[random(PHASES.length)]!;
  const a = createApprentice(db, { siteId: site.id, intakeId: intake?.id ?? null, phase });
  const start = intake?.startsOn ?? "2025-03-03";
  const changes = Array.from({ length: random(5) }, () => ({
    apprenticeId: a.id,
    // Work readiness more often than the others, and often two changes on one day.
    phase: random(3) === 0 ? ("work_readiness" as const) : PHASES[random(PHASES.length)]!,
    changedOn: addDays(start, random(4) * 30 + random(2) - 20),
    recordedBy: staff.id,
  }));
  if (changes.length > 0) db.insert(phaseChanges).values(changes).run();
}

/** The candidates (intakes from half a year before the period, or none) with their whole phase history, as the report read them before. */
function fromWholeHistory(from: string, to: string, today: string) {
  const rows = db.$client
    .prepare(
      `select a.id, a.site_id as siteId, a.intake_id as intakeId, a.phase, i.starts_on as intakeStartsOn, c.phase as changePhase, c.changed_on as changedOn
       from apprentices a left join intakes i on i.id = a.intake_id left join phase_changes c on c.apprentice_id = a.id
       where a.site_id = @site and (a.intake_id is null or i.starts_on between @slackFrom and @asOf)
       order by a.id, c.changed_on, c.id`,
    )
    .all({ site: site.id, slackFrom: addDays(from, -182), asOf: to < today ? to : today }) as {
    id: number;
    siteId: number;
    intakeId: number | null;
    phase: Phase;
    intakeStartsOn: string | null;
    changePhase: Phase | null;
    changedOn: string | null;
  }[];
  const byId = new Map<number, OutcomeApprentice & { phaseChanges: { phase: Phase; changedOn: string }[] }>();
  for (const r of rows) {
    let a = byId.get(r.id);
    if (!a) byId.set(r.id, (a = { id: r.id, siteId: r.siteId, intakeId: r.intakeId, phase: r.phase, intakeStartsOn: r.intakeStartsOn, phaseChanges: [] }));
    if (r.changePhase !== null && r.changedOn !== null) a.phaseChanges.push({ phase: r.changePhase, changedOn: r.changedOn });
  }
  return programmeOutcomes({ period: { from, to, today }, apprentices: [...byId.values()], exits: [], checkins: [] });
}

describe("outcomes: work readiness from two phase changes", () => {
  it("gives the figures of the whole history, in every period", async () => {
    const today = "2026-11-25";
    let seen = 0;
    for (const [from, to] of [
      ["2025-01-01", "2026-11-25"],
      ["2025-01-01", "2025-06-30"],
      ["2025-06-01", "2026-03-31"],
      ["2026-01-01", "2026-11-25"],
    ] as const) {
      const expected = fromWholeHistory(from, to, today);
      const loaded = loadProgrammeOutcomes(actor, { from, to, today }).report;
      expect(loaded.total.workReadinessCompletion, `${from}–${to}`).toEqual(expected.total.workReadinessCompletion);
      const byIntake = (groups: typeof loaded.groups) =>
        groups.map((g) => [g.intakeId ?? 0, g.figures.workReadinessCompletion] as const).sort((a, b) => a[0] - b[0]);
      expect(byIntake(loaded.groups)).toEqual(byIntake(expected.groups));
      expect((await loadOutcomesBySite(actor, { from, to, today }))[0]?.figures ?? null).toEqual(loaded.sites[0]?.figures ?? null);
      seen += expected.total.workReadinessCompletion.denominator + expected.total.workReadinessCompletion.pending;
    }
    expect(seen).toBeGreaterThan(50);
  });
});
