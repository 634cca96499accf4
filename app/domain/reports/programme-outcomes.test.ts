import { describe, expect, it } from "vitest";

import { addDays } from "../dates";
import { OUTCOME_CHECKIN_MONTHS } from "../enums";
import { addMonths, asOfDate, inPeriod, share } from "./common";
import {
  checkinDueWindows,
  figuresFromCounts,
  outcomeTotal,
  programmeOutcomes,
  workReadiness,
  type OutcomeApprentice,
  type OutcomeExit,
  type OutcomesInput,
} from "./programme-outcomes";

// ---------------------------------------------------------------------------------------------
// Programme outcomes: a hand-worked fixture.
//
// Period: 1 Jan – 30 Jun 2026; today 1 Dec 2026. Site 1; intakes 10 (Apr 2025), 11 (5 Jan 2026),
// 12 (6 Apr 2026).

const opPeriod = { from: "2026-01-01", to: "2026-06-30", today: "2026-12-01" };

const apprentice = (
  id: number,
  intakeId: number,
  intakeStartsOn: string,
  phase: OutcomeApprentice["phase"],
  changes: [OutcomeApprentice["phase"], string][],
): OutcomeApprentice => ({
  id,
  siteId: 1,
  intakeId,
  phase,
  intakeStartsOn,
  phaseChanges: changes.map(([p, changedOn]) => ({ phase: p, changedOn })),
});

const exit = (
  placementId: number,
  apprenticeId: number,
  endedOn: string,
  status: OutcomeExit["status"],
  outcome: OutcomeExit["outcome"],
  startingSalaryCents: number | null,
): OutcomeExit => ({
  placementId,
  apprenticeId,
  siteId: 1,
  intakeId: 10,
  endedOn,
  status,
  outcome,
  startingSalaryCents,
});

const input: OutcomesInput = {
  period: opPeriod,
  apprentices: [
    apprentice(1, 11, "2026-01-05", "guidance", [
      ["work_readiness", "2026-01-05"],
      ["guidance", "2026-02-16"],
    ]), // completed
    apprentice(2, 11, "2026-01-05", "exited", [
      ["work_readiness", "2026-01-05"],
      ["exited", "2026-01-28"],
    ]), // not completed
    apprentice(3, 11, "2026-01-05", "work_readiness", [["work_readiness", "2026-01-19"]]), // still in work readiness: pending
    apprentice(4, 12, "2026-04-06", "apprenticeship", [
      ["work_readiness", "2026-04-06"],
      ["guidance", "2026-05-18"],
      ["apprenticeship", "2026-05-25"],
    ]),
    apprentice(5, 12, "2026-04-06", "guidance", []), // no history: the intake's start, and the current phase
    apprentice(6, 11, "2025-12-29", "guidance", [
      ["work_readiness", "2025-12-29"],
      ["guidance", "2026-02-09"],
    ]), // began before the period
  ],
  exits: [
    exit(1, 7, "2026-02-10", "completed", "retained_by_employer", 8000),
    exit(2, 8, "2026-03-15", "completed", "employed_elsewhere", 9000),
    exit(3, 9, "2026-04-20", "completed", "own_business", 7000),
    exit(4, 10, "2026-05-05", "completed", "not_employed", null),
    exit(5, 11, "2026-06-01", "withdrawn", null, null),
    exit(6, 12, "2026-06-20", "completed", null, null), // outcome not recorded yet
    exit(7, 13, "2025-07-10", "completed", "retained_by_employer", 7500), // 6-month check-in due 10 Jan 2026
    exit(8, 14, "2025-03-20", "completed", "employed_elsewhere", 8000), // 12-month due 20 Mar 2026
    exit(9, 15, "2024-05-31", "completed", "retained_by_employer", 7000), // 24-month due 31 May 2026
  ],
  checkins: [
    { apprenticeId: 7, months: 3, employed: true }, // due 10 May 2026
    { apprenticeId: 7, months: 6, employed: true }, // due 10 Aug 2026: outside the period
    { apprenticeId: 13, months: 6, employed: false },
    { apprenticeId: 14, months: 12, employed: true },
  ],
};
const outcomes = programmeOutcomes(input);

describe("workReadiness (a proxy from the phase history)", () => {
  it("reads the next phase after work readiness began", () => {
    expect(
      workReadiness(
        apprentice(1, 11, "2026-01-05", "guidance", [
          ["work_readiness", "2026-01-05"],
          ["guidance", "2026-02-16"],
        ]),
      ),
    ).toEqual({
      startedOn: "2026-01-05",
      result: "completed",
    });
    expect(
      workReadiness(
        apprentice(2, 11, "2026-01-05", "exited", [
          ["work_readiness", "2026-01-05"],
          ["exited", "2026-01-28"],
        ]),
      ).result,
    ).toBe("not_completed");
    expect(workReadiness(apprentice(5, 12, "2026-04-06", "guidance", []))).toEqual({ startedOn: "2026-04-06", result: "completed" });
  });
});

describe("programme outcomes", () => {
  const { total } = outcomes;

  it("work readiness completion: of those who began in the period, moved on / result known", () => {
    // Began in the period: 1 (completed), 2 (exited), 3 (pending), 4 (completed), 5 (completed).
    // Apprentice 6 began 29 Dec 2025. → 3 / 4, 1 pending.
    expect(total.workReadinessCompletion).toEqual({ numerator: 3, denominator: 4, ratio: 0.75, pending: 1 });
    const byIntake = (id: number) => outcomes.groups.find((g) => g.intakeId === id)!.figures.workReadinessCompletion;
    expect(byIntake(11)).toEqual({ numerator: 1, denominator: 2, ratio: 0.5, pending: 1 });
    expect(byIntake(12)).toEqual({ numerator: 2, denominator: 2, ratio: 1, pending: 0 });
  });

  it("vocational completion: exits in the period, completed / completed or withdrawn", () => {
    // Exits 1–6 are in the period: 5 completed, 1 withdrawn.
    expect(total.vocationalCompletion).toEqual(share(5, 6));
  });

  it("employment at exit, retention by the employer and business start-ups, each with its counts", () => {
    // With an outcome: exits 1–4. In work: 1 (retained), 2 (elsewhere), 3 (own business) → 3/4;
    // exits 5 and 6 have no outcome yet → pending 2.
    expect(total.employmentAtExit).toEqual({ numerator: 3, denominator: 4, ratio: 0.75, pending: 2 });
    // Completions with an outcome: 1–4; retained: 1 → 1/4; exit 6 pending.
    expect(total.retainedByEmployer).toEqual({ numerator: 1, denominator: 4, ratio: 0.25, pending: 1 });
    expect(total.businessStartups).toEqual({ numerator: 1, denominator: 4, ratio: 0.25, pending: 2 });
  });

  it("mean starting salary of the wage jobs taken at exit", () => {
    // Exits 1 ($80) and 2 ($90); own business (3) is not a salary → $85 over 2.
    expect(total.startingSalary).toEqual({ meanCents: 8500, count: 2 });
  });

  it("retention after exit from the check-ins due in the period", () => {
    // 3 months: exit 1 due 10 May (employed), exit 2 due 15 Jun (not recorded) → 1/1, 1 pending.
    expect(total.retentionAfterExit[3]).toEqual({ numerator: 1, denominator: 1, ratio: 1, pending: 1 });
    // 6 months: exit 7 due 10 Jan (not employed) → 0/1. Exit 1's is due in August.
    expect(total.retentionAfterExit[6]).toEqual({ numerator: 0, denominator: 1, ratio: 0, pending: 0 });
    // 12 months: exit 8 due 20 Mar (employed) → 1/1.
    expect(total.retentionAfterExit[12]).toEqual({ numerator: 1, denominator: 1, ratio: 1, pending: 0 });
    // 24 months: exit 9 due 31 May, no check-in → 0/0, 1 pending.
    expect(total.retentionAfterExit[24]).toEqual({ numerator: 0, denominator: 0, ratio: null, pending: 1 });
  });

  it("groups by site and intake, and totals per site", () => {
    expect(outcomes.groups.map((g) => g.intakeId).sort()).toEqual([10, 11, 12]);
    expect(outcomes.sites).toHaveLength(1);
    expect(outcomes.sites[0]?.figures).toEqual(total);
  });

  it("gives the total alone (a site's row across sites), and nothing for a period with nothing in it", () => {
    expect(outcomeTotal(input)).toEqual(total);
    expect(outcomeTotal({ ...input, period: { from: "2020-01-01", to: "2020-01-31", today: "2026-12-01" } })).toBeNull();
  });
});

describe("a site's figures from counts (the admin's rows across sites)", () => {
  it("gives, for every exit date, the check-ins due in the period as addMonths does, month ends included", () => {
    for (const period of [
      { from: "2026-01-01", to: "2026-06-30", today: "2026-12-01" },
      { from: "2025-01-31", to: "2025-03-31", today: "2026-12-01" },
      { from: "2024-02-29", to: "2024-02-29", today: "2026-12-01" },
      { from: "2025-03-30", to: "2026-12-31", today: "2026-05-31" },
      { from: "2025-02-28", to: "2025-02-28", today: "2026-12-01" },
    ]) {
      const windows = checkinDueWindows(period);
      const asOf = asOfDate(period);
      for (const months of OUTCOME_CHECKIN_MONTHS) {
        const { from, to } = windows[months];
        for (let exit = addDays(period.from, -(31 * months + 40)); exit <= asOf; exit = addDays(exit, 1)) {
          const due = inPeriod(addMonths(exit, months), { from: period.from, to: asOf });
          expect(exit >= from && exit <= to, `${period.from}–${period.to}, ${months} months, exit ${exit}`).toBe(due);
        }
      }
    }
  });

  it("are the figures the rows give", () => {
    // The hand-worked fixture's counts (see "programme outcomes" above).
    const { total } = outcomes;
    const checkins = Object.fromEntries(
      OUTCOME_CHECKIN_MONTHS.map((m) => [
        m,
        {
          due: total.retentionAfterExit[m].denominator + total.retentionAfterExit[m].pending,
          recorded: total.retentionAfterExit[m].denominator,
          employed: total.retentionAfterExit[m].numerator,
        },
      ]),
    ) as Parameters<typeof figuresFromCounts>[0]["checkins"];
    const counts = {
      wrCompleted: 3,
      wrKnown: 4,
      wrPending: 1,
      ended: 6,
      completed: 5,
      withOutcome: 4,
      inWork: 3,
      completedWithOutcome: 4,
      retained: 1,
      ownBusiness: 1,
      salaryCount: 2,
      salarySumCents: 17_000,
      checkins,
    };
    expect(figuresFromCounts(counts)).toEqual(total);
    const none = { due: 0, recorded: 0, employed: 0 };
    const nothing = { ...counts, wrCompleted: 0, wrKnown: 0, wrPending: 0, ended: 0, completed: 0, withOutcome: 0, inWork: 0 };
    expect(
      figuresFromCounts({
        ...nothing,
        completedWithOutcome: 0,
        retained: 0,
        ownBusiness: 0,
        salaryCount: 0,
        salarySumCents: 0,
        checkins: { 3: none, 6: none, 12: none, 24: none },
      }),
    ).toBeNull();
  });
});
