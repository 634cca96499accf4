import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addDays, isoWeekday, mondayOf } from "./dates";
import type { AssessmentLevel } from "./enums";
import {
  addMonths,
  classifyAfternoon,
  expectedReviewWeeks,
  levelsAt,
  programmeOutcomes,
  share,
  sortAccountability,
  standingSignoffs,
  trainerAccountability,
  workReadiness,
  type AccountabilityInput,
  type OutcomeApprentice,
  type OutcomeExit,
  type ReportFeedback,
  type ReportPlacement,
} from "./reports";

// ---------------------------------------------------------------------------------------------
// Trainer accountability: a hand-worked fixture.
//
// Period: Mon 2 Mar – Sun 29 Mar 2026 (weeks of 2, 9, 16 and 23 Mar). Today: Wed 15 Apr 2026,
// so every week of the period has ended. Employer 1 (Salon) has trainers 1 and 2; employer 2
// (Cafe) has trainer 3, who did nothing in the period and still gets a row.
// Framework version 1: competencies 101–104, expected by weeks 2, 4, 6, 8.

const period = { from: "2026-03-02", to: "2026-03-29", today: "2026-04-15" };

const placement = (over: Partial<ReportPlacement> & Pick<ReportPlacement, "id" | "apprenticeId" | "trainerUserId" | "startDate">): ReportPlacement => ({
  employerId: 1,
  frameworkVersionId: 1,
  endedOn: null,
  status: "active",
  outcome: null,
  ...over,
});

const placements: ReportPlacement[] = [
  placement({ id: 1, apprenticeId: 11, trainerUserId: 1, startDate: "2026-02-02" }),
  placement({ id: 2, apprenticeId: 12, trainerUserId: 1, startDate: "2026-03-11" }),
  placement({ id: 3, apprenticeId: 13, trainerUserId: 1, startDate: "2025-12-01", endedOn: "2026-03-20", status: "completed", outcome: "retained_by_employer" }),
  placement({ id: 4, apprenticeId: 14, trainerUserId: 2, startDate: "2026-01-05", endedOn: "2026-03-04", status: "withdrawn" }),
  // Ended before the period: in no figure.
  placement({ id: 5, apprenticeId: 15, trainerUserId: 2, startDate: "2025-10-06", endedOn: "2026-02-27", status: "completed", outcome: "own_business" }),
  placement({ id: 6, apprenticeId: 16, trainerUserId: 2, startDate: "2026-03-02" }),
];

let nextId = 0;
const a = (placementId: number, competencyId: number, trainerUserId: number, level: AssessmentLevel, observedOn: string, supersedesId: number | null = null) => ({
  id: ++nextId,
  placementId,
  competencyId,
  trainerUserId,
  level,
  observedOn,
  supersedesId,
});

const history = [
  a(1, 101, 1, "independent", "2026-02-20"), // 1: before the period
  a(1, 102, 1, "independent", "2026-03-05"), // 2: counts for trainer 1
  a(1, 103, 1, "independent", "2026-03-12"), // 3: a mistaken tick …
  a(1, 103, 1, "supervised", "2026-03-12", 3), // 4: … corrected down: neither counts
  a(2, 101, 1, "independent", "2026-03-18"), // 5: counts
  a(2, 101, 1, "independent", "2026-03-25"), // 6: seen again: the same competency, not counted twice
  a(3, 104, 1, "independent", "2026-03-10"), // 7: superseded by …
  a(3, 104, 1, "independent", "2026-03-11", 7), // 8: … a correction of the date: counts once
  a(6, 101, 1, "independent", "2026-03-20"), // 9: trainer 1 covering for trainer 2: counts for trainer 1
  a(6, 102, 2, "independent", "2026-04-02"), // 10: after the period
  a(3, 101, 1, "independent", "2026-01-05"), // 11–13: before the period
  a(3, 102, 1, "independent", "2026-01-20"),
  a(3, 103, 1, "independent", "2026-02-10"),
  a(2, 102, 1, "with_help", "2026-03-20"), // 14
  a(6, 102, 2, "supervised", "2026-03-27"), // 15
  a(4, 101, 2, "independent", "2026-03-03"), // 16: counts for trainer 2
];

const feedback = (placementId: number, submittedOn: string, ratings: [number, number, number, number]): ReportFeedback => ({ placementId, submittedOn, ratings });

const input: AccountabilityInput = {
  period,
  trainers: [
    { id: 1, name: "Trainer One", employerId: 1, siteId: 1, active: true },
    { id: 2, name: "Trainer Two", employerId: 1, siteId: 1, active: true },
    { id: 3, name: "Trainer Three", employerId: 2, siteId: 1, active: true },
  ],
  employers: [
    { id: 1, name: "Salon", siteId: 1 },
    { id: 2, name: "Cafe", siteId: 1 },
  ],
  placements,
  reviews: [
    { placementId: 1, weekOf: "2026-02-23", submittedOn: "2026-02-28" }, // before the period
    { placementId: 1, weekOf: "2026-03-02", submittedOn: "2026-03-07" },
    { placementId: 1, weekOf: "2026-03-02", submittedOn: "2026-03-10" }, // a resubmission: the same review
    { placementId: 1, weekOf: "2026-03-09", submittedOn: "2026-03-14" },
    { placementId: 1, weekOf: "2026-03-23", submittedOn: "2026-03-28" },
    { placementId: 2, weekOf: "2026-03-09", submittedOn: "2026-03-16" },
    { placementId: 2, weekOf: "2026-03-16", submittedOn: "2026-03-16" },
    { placementId: 2, weekOf: "2026-03-23", submittedOn: "2026-03-30" }, // late, still counts
    { placementId: 3, weekOf: "2026-03-02", submittedOn: "2026-03-07" },
    { placementId: 3, weekOf: "2026-03-09", submittedOn: "2026-03-14" },
    { placementId: 3, weekOf: "2026-03-16", submittedOn: "2026-03-20" },
    { placementId: 6, weekOf: "2026-03-02", submittedOn: "2026-03-07" },
    { placementId: 6, weekOf: "2026-03-09", submittedOn: "2026-03-14" },
    { placementId: 6, weekOf: "2026-03-16", submittedOn: "2026-03-21" },
    { placementId: 6, weekOf: "2026-03-23", submittedOn: "2026-03-28" },
  ],
  signoffs: standingSignoffs(history),
  levelsAtEnd: levelsAt(history, period.to),
  competencies: [101, 102, 103, 104].map((id, i) => ({ id, versionId: 1, expectedByWeek: 2 * (i + 1) })),
  flags: [
    { rule: "no_weekly_review", trainerUserId: 1, employerId: 1, raisedOn: "2026-03-17", status: "resolved", resolvedOn: "2026-03-20" },
    { rule: "behind_plan", trainerUserId: 1, employerId: 1, raisedOn: "2026-03-10", status: "open", resolvedOn: null },
    { rule: "no_weekly_review", trainerUserId: 1, employerId: 1, raisedOn: "2026-02-25", status: "resolved", resolvedOn: "2026-03-05" },
    { rule: "education_not_granted", trainerUserId: 2, employerId: 1, raisedOn: "2026-03-24", status: "resolved", resolvedOn: "2026-04-02" },
    { rule: "feedback_concern", trainerUserId: 2, employerId: 1, raisedOn: "2026-03-15", status: "open", resolvedOn: null },
    { rule: "feedback_concern", trainerUserId: 1, employerId: 1, raisedOn: "2026-03-26", status: "dismissed", resolvedOn: null },
    { rule: "trainer_inactive", trainerUserId: 2, employerId: 1, raisedOn: "2026-03-05", status: "cleared", resolvedOn: null },
  ],
  afternoons: [
    { placementId: 1, date: "2026-03-03", events: ["released", "attended"], attendance: "education" },
    { placementId: 1, date: "2026-03-05", events: ["refused"], attendance: "present" },
    { placementId: 1, date: "2026-03-10", events: [], attendance: "absent" }, // nobody to release
    { placementId: 1, date: "2026-03-12", events: ["attended"], attendance: null }, // no word, but at class
    { placementId: 1, date: "2026-03-17", events: [], attendance: null }, // no word at all: not released
    { placementId: 1, date: "2026-03-31", events: ["released"], attendance: null }, // after the period
    { placementId: 2, date: "2026-03-19", events: ["refused", "released"], attendance: null }, // latest word: released
    { placementId: 2, date: "2026-03-24", events: ["released", "refused"], attendance: null }, // latest word: refused
    { placementId: 2, date: "2026-03-26", events: [], attendance: "education" }, // at class
    { placementId: 6, date: "2026-03-03", events: ["released"], attendance: null },
    { placementId: 6, date: "2026-03-05", events: ["released"], attendance: null },
  ],
  feedback: [
    feedback(1, "2026-03-06", [4, 4, 5, 5]), // mean 4.5
    feedback(1, "2026-03-20", [3, 4, 4, 5]), // mean 4
    feedback(2, "2026-03-13", [5, 5, 5, 5]), // mean 5
    feedback(3, "2026-03-18", [2, 3, 3, 4]), // mean 3
    feedback(3, "2026-02-20", [1, 1, 1, 1]), // before the period
    feedback(6, "2026-03-10", [5, 5, 5, 4]),
    feedback(4, "2026-03-03", [2, 2, 2, 2]),
  ],
};

const report = trainerAccountability(input);
const trainer = (id: number) => report.trainers.find((t) => t.trainerUserId === id)!;
const employer = (id: number) => report.employers.find((e) => e.employerId === id)!;

describe("expectedReviewWeeks", () => {
  it("owes the weeks of the period within the placement's dates, up to last week or the week it ended", () => {
    // Started Wed 11 Mar: the week of 9 Mar is its first.
    expect(expectedReviewWeeks({ startDate: "2026-03-11", endedOn: null }, period)).toEqual(["2026-03-09", "2026-03-16", "2026-03-23"]);
    // Ended Wed 4 Mar: the week of 2 Mar is its last.
    expect(expectedReviewWeeks({ startDate: "2026-01-05", endedOn: "2026-03-04" }, period)).toEqual(["2026-03-02"]);
    // A period from Wed 4 Mar: the week of 2 Mar began before it and belongs to the period before.
    expect(expectedReviewWeeks({ startDate: "2026-01-05", endedOn: null }, { ...period, from: "2026-03-04" })).toEqual([
      "2026-03-09",
      "2026-03-16",
      "2026-03-23",
    ]);
    // Today is Wed 25 Mar: the week of 23 Mar is not over, so not owed yet.
    expect(expectedReviewWeeks({ startDate: "2026-01-05", endedOn: null }, { ...period, today: "2026-03-25" })).toEqual([
      "2026-03-02",
      "2026-03-09",
      "2026-03-16",
    ]);
  });
});

describe("trainer accountability", () => {
  it("counts the apprentices of the placements active in the period", () => {
    // Trainer 1: placements 1, 2, 3. Trainer 2: 4 and 6 (5 ended before the period). Salon: all five.
    expect([trainer(1).apprentices, trainer(2).apprentices, trainer(3).apprentices, employer(1).apprentices]).toEqual([3, 2, 0, 5]);
  });

  it("counts weekly reviews submitted against the weeks owed", () => {
    // Trainer 1 owes: p1 4 weeks (2, 9, 16, 23 Mar), p2 3 (from the week of 9 Mar), p3 3 (ended
    // Fri 20 Mar) = 10. Submitted: p1 3 (16 Mar missing; the resubmission is the same review),
    // p2 3, p3 3 = 9.
    expect(trainer(1).reviews).toEqual(share(9, 10));
    // Trainer 2 owes: p4 1 (ended Wed 4 Mar), p6 4 = 5; submitted 0 + 4 = 4.
    expect(trainer(2).reviews).toEqual(share(4, 5));
    expect(employer(1).reviews).toEqual(share(13, 15));
    expect(trainer(3).reviews).toEqual({ numerator: 0, denominator: 0, ratio: null });
  });

  it("averages the days between consecutive reviews of each placement", () => {
    // p1: 7 Mar → 14 Mar → 28 Mar: 7, 14. p2: 16 → 16 → 30 Mar: 0, 14. p3: 7 → 14 → 20 Mar: 7, 6.
    // (7 + 14 + 0 + 14 + 7 + 6) / 6 = 48 / 6 = 8.
    expect(trainer(1).meanDaysBetweenReviews).toBe(8);
    // p6: 7 → 14 → 21 → 28 Mar: 7, 7, 7.
    expect(trainer(2).meanDaysBetweenReviews).toBe(7);
    // Salon: (48 + 21) / 9.
    expect(employer(1).meanDaysBetweenReviews).toBeCloseTo(69 / 9, 10);
    expect(trainer(3).meanDaysBetweenReviews).toBeNull();
  });

  it("counts competencies that reached independent in the period, once each, for who signed them", () => {
    // Trainer 1: p1/102 (#2), p2/101 (#5; #6 is the same competency again), p3/104 (#8, the
    // correction of #7), p6/101 (#9, covering) = 4. #3 was corrected down; #1, #11–13 before, #10 after.
    expect(trainer(1).competenciesSigned).toBe(4);
    // Trainer 2: p4/101 (#16) = 1.
    expect(trainer(2).competenciesSigned).toBe(1);
    expect(employer(1).competenciesSigned).toBe(5);
  });

  it("averages progress against plan at the period's end over the placements still running", () => {
    // p1: week 8 on 29 Mar (start week of 2 Feb; 49 days to the week of 23 Mar → week 8):
    //     expected 101–104; competent 101, 102 (103 corrected to supervised) → 2/4 = 0.5.
    // p2: week 3: expected 101; competent → 1/1 = 1.
    // p6: week 4: expected 101, 102; competent 101 (102 supervised) → 1/2 = 0.5.
    // p3 and p4 ended before 29 Mar: not measured.
    expect(trainer(1).progressAgainstPlan).toBe(0.75); // (0.5 + 1) / 2
    expect(trainer(1).progressPlacements).toBe(2);
    expect(trainer(2).progressAgainstPlan).toBe(0.5);
    expect(employer(1).progressAgainstPlan).toBeCloseTo(2 / 3, 10); // (0.5 + 1 + 0.5) / 3
    expect(trainer(3).progressAgainstPlan).toBeNull();
  });

  it("counts flags raised in the period, and those of them resolved by its end, by rule", () => {
    // Trainer 1: no_weekly_review (resolved 20 Mar), behind_plan, feedback_concern (dismissed:
    // not resolved; shown, as 3 apprentices answered) = 3 raised, 1 resolved. The 25 Feb one is outside.
    expect([trainer(1).flagsRaised, trainer(1).flagsResolved]).toEqual([3, 1]);
    expect(trainer(1).flagsByRule.no_weekly_review).toEqual({ raised: 1, resolved: 1 });
    expect(trainer(1).flagsByRule.feedback_concern).toEqual({ raised: 1, resolved: 0 });
    expect(trainer(1).flagsByRule.overdue).toEqual({ raised: 0, resolved: 0 });
    // Trainer 2: education_not_granted (resolved 2 Apr, after the period), trainer_inactive
    // (cleared itself) = 2 raised, 0 resolved; the feedback concern is withheld with the feedback.
    expect([trainer(2).flagsRaised, trainer(2).flagsResolved]).toEqual([2, 0]);
    expect(trainer(2).flagsByRule.feedback_concern).toBeNull();
    // Salon withholds feedback (below): 4 raised (both feedback concerns left out), 1 resolved.
    expect([employer(1).flagsRaised, employer(1).flagsResolved]).toEqual([4, 1]);
    expect(employer(1).flagsByRule.feedback_concern).toBeNull();
  });

  it("counts education afternoons released against those agreed", () => {
    // p1: 3 Mar released; 5 Mar refused; 10 Mar absent, no word: not counted; 12 Mar at class, no
    // word: released; 17 Mar no word: not released → 2/4. p2: 19 Mar released (latest word), 24 Mar
    // refused (latest word), 26 Mar at class → 2/3. Trainer 1: 4/7. p6: 2/2.
    expect(trainer(1).educationReleased).toEqual(share(4, 7));
    expect(trainer(2).educationReleased).toEqual(share(2, 2));
    expect(employer(1).educationReleased).toEqual(share(6, 9));
  });

  it("shows the feedback mean only where at least three apprentices answered", () => {
    // Trainer 1: apprentices 11, 12, 13 answered: (4.5 + 4 + 5 + 3) / 4 = 4.125.
    expect(trainer(1).feedbackMean).toBe(4.125);
    // Trainer 2: two apprentices answered: nothing, not even a count.
    expect(trainer(2).feedbackMean).toBeNull();
    // Salon: five answered, but trainer 2's two withheld answers would be Salon less trainer 1.
    expect(employer(1).feedbackMean).toBeNull();
    expect(JSON.stringify(trainer(2))).not.toMatch(/respond/i);
  });

  it("counts completion and retention of the placements ended in the period", () => {
    // Trainer 1: p3 completed and retained → 1/1, 1/1. Trainer 2: p4 withdrawn → 0/1; no completion.
    expect(trainer(1).completion).toEqual(share(1, 1));
    expect(trainer(1).retention).toEqual(share(1, 1));
    expect(trainer(2).completion).toEqual(share(0, 1));
    expect(trainer(2).retention).toEqual({ numerator: 0, denominator: 0, ratio: null });
    expect(employer(1).completion).toEqual(share(1, 2));
  });

  it("gives every trainer and employer a row, idle or not", () => {
    expect(report.trainers.map((t) => t.trainerUserId)).toEqual([1, 2, 3]);
    expect(trainer(3)).toMatchObject({ employerName: "Cafe", apprentices: 0, competenciesSigned: 0, flagsRaised: 0, feedbackMean: null });
    expect(employer(2)).toMatchObject({ apprentices: 0, feedbackMean: null });
  });
});

describe("feedback at employer level", () => {
  // Employer 1: trainer 1 with apprentices 11–13 (3 answered). Trainer 2's answers vary per case.
  const base = (trainer2Answers: number[]): AccountabilityInput => {
    const extra = trainer2Answers.map((apprenticeId, i) =>
      placement({ id: 100 + i, apprenticeId, trainerUserId: 2, startDate: "2026-03-02" }),
    );
    return {
      ...input,
      placements: [...placements.filter((p) => p.trainerUserId === 1), ...extra],
      flags: [],
      feedback: [
        feedback(1, "2026-03-06", [4, 4, 4, 4]),
        feedback(2, "2026-03-06", [4, 4, 4, 4]),
        feedback(3, "2026-03-06", [4, 4, 4, 4]),
        ...extra.map((p) => feedback(p.id, "2026-03-09", [2, 2, 2, 2])),
      ],
    };
  };
  const salon = (answers: number[]) => trainerAccountability(base(answers)).employers.find((e) => e.employerId === 1)!.feedbackMean;

  it("shows the employer's mean when every answer is inside a shown trainer figure", () => {
    expect(salon([])).toBe(4);
  });

  it("withholds it when one or two answers sit in withheld trainer figures", () => {
    expect(salon([21])).toBeNull();
    expect(salon([21, 22])).toBeNull();
  });

  it("shows it again when the withheld remainder is itself three apprentices", () => {
    // Trainer 2 now has 3 respondents and is shown too: (3 × 4 + 3 × 2) / 6 = 3.
    expect(salon([21, 22, 23])).toBe(3);
  });
});

describe("sortAccountability", () => {
  it("sorts by a column, empty figures last in both directions, ties by employer and name", () => {
    const rows = report.trainers;
    expect(sortAccountability(rows, "reviews").map((r) => r.trainerUserId)).toEqual([2, 1, 3]);
    expect(sortAccountability(rows, "-reviews").map((r) => r.trainerUserId)).toEqual([1, 2, 3]);
    expect(sortAccountability(rows, "employer").map((r) => r.trainerUserId)).toEqual([3, 1, 2]);
    expect(sortAccountability(rows, "-trainer").map((r) => r.trainerUserId)).toEqual([2, 3, 1]);
  });
});

// ---------------------------------------------------------------------------------------------
// Programme outcomes: a hand-worked fixture.
//
// Period: 1 Jan – 30 Jun 2026; today 1 Dec 2026. Site 1; intakes 10 (Apr 2025), 11 (5 Jan 2026),
// 12 (6 Apr 2026).

const opPeriod = { from: "2026-01-01", to: "2026-06-30", today: "2026-12-01" };

const apprentice = (id: number, intakeId: number, intakeStartsOn: string, phase: OutcomeApprentice["phase"], changes: [OutcomeApprentice["phase"], string][]): OutcomeApprentice => ({
  id,
  siteId: 1,
  intakeId,
  phase,
  intakeStartsOn,
  phaseChanges: changes.map(([p, changedOn]) => ({ phase: p, changedOn })),
});

const exit = (placementId: number, apprenticeId: number, endedOn: string, status: OutcomeExit["status"], outcome: OutcomeExit["outcome"], startingSalaryCents: number | null): OutcomeExit => ({
  placementId,
  apprenticeId,
  siteId: 1,
  intakeId: 10,
  endedOn,
  status,
  outcome,
  startingSalaryCents,
});

const outcomes = programmeOutcomes({
  period: opPeriod,
  apprentices: [
    apprentice(1, 11, "2026-01-05", "guidance", [["work_readiness", "2026-01-05"], ["guidance", "2026-02-16"]]), // completed
    apprentice(2, 11, "2026-01-05", "exited", [["work_readiness", "2026-01-05"], ["exited", "2026-01-28"]]), // not completed
    apprentice(3, 11, "2026-01-05", "work_readiness", [["work_readiness", "2026-01-19"]]), // still in work readiness: pending
    apprentice(4, 12, "2026-04-06", "apprenticeship", [["work_readiness", "2026-04-06"], ["guidance", "2026-05-18"], ["apprenticeship", "2026-05-25"]]),
    apprentice(5, 12, "2026-04-06", "guidance", []), // no history: the intake's start, and the current phase
    apprentice(6, 11, "2025-12-29", "guidance", [["work_readiness", "2025-12-29"], ["guidance", "2026-02-09"]]), // began before the period
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
});

describe("workReadiness (a proxy from the phase history)", () => {
  it("reads the next phase after work readiness began", () => {
    expect(workReadiness(apprentice(1, 11, "2026-01-05", "guidance", [["work_readiness", "2026-01-05"], ["guidance", "2026-02-16"]]))).toEqual({
      startedOn: "2026-01-05",
      result: "completed",
    });
    expect(workReadiness(apprentice(2, 11, "2026-01-05", "exited", [["work_readiness", "2026-01-05"], ["exited", "2026-01-28"]])).result).toBe("not_completed");
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
});

describe("addMonths", () => {
  it("keeps the day, or takes the month's last day", () => {
    expect(addMonths("2024-05-31", 24)).toBe("2026-05-31");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2025-11-15", 3)).toBe("2026-02-15");
  });
});

describe("education afternoons given a week at a time (the loader's way)", () => {
  it("count the same as afternoons given one by one, whatever the period's first and last day", () => {
    const kinds = ["released", "refused", "attended", "missed", "confirmed_by_apprentice"] as const;
    const statuses = [null, "present", "absent", "education", "leave", "holiday", "late"] as const;
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ day: fc.nat(55), events: fc.array(fc.constantFrom(...kinds), { maxLength: 3 }), attendance: fc.constantFrom(...statuses) }),
          { maxLength: 25 },
        ),
        fc.nat(55),
        fc.nat(30),
        fc.nat(70),
        (rows, start, length, todayOffset) => {
          const day = (n: number) => addDays("2026-03-02", n);
          const afternoons = [...new Map(rows.map((r) => [r.day, r])).values()].map((r) => ({ placementId: 1, date: day(r.day), events: r.events, attendance: r.attendance }));
          const weeks = new Map<string, { placementId: number; weekOf: string; agreedMask: number; releasedMask: number }>();
          for (const a of afternoons) {
            const weekOf = mondayOf(a.date);
            const w = weeks.get(weekOf) ?? { placementId: 1, weekOf, agreedMask: 0, releasedMask: 0 };
            const c = classifyAfternoon(a.events, a.attendance);
            const bit = 1 << (isoWeekday(a.date) - 1);
            if (c.counted) w.agreedMask |= bit;
            if (c.released) w.releasedMask |= bit;
            weeks.set(weekOf, w);
          }
          const p = { from: day(start), to: day(start + length), today: day(todayOffset) };
          const base = { ...input, period: p, placements: [placements[0]!], reviews: [], signoffs: [], levelsAtEnd: [], flags: [], feedback: [] };
          const one = trainerAccountability({ ...base, afternoons });
          const weekly = trainerAccountability({ ...base, afternoons: [], educationWeeks: [...weeks.values()] });
          expect(weekly.trainers[0]!.educationReleased).toEqual(one.trainers[0]!.educationReleased);
        },
      ),
      { numRuns: 300 },
    );
  });
});
