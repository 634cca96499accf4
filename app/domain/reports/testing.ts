/** The hand-worked trainer-accountability fixture the report's tests share. */
import type { AssessmentLevel } from "../enums";
import { levelsAt, standingSignoffs } from "./assessment-history";
import type { AccountabilityInput, ReportFeedback, ReportPlacement } from "./types";

// ---------------------------------------------------------------------------------------------
// Trainer accountability: a hand-worked fixture.
//
// Period: Mon 2 Mar – Sun 29 Mar 2026 (weeks of 2, 9, 16 and 23 Mar). Today: Wed 15 Apr 2026,
// so every week of the period has ended. Employer 1 (Salon) has trainers 1 and 2; employer 2
// (Cafe) has trainer 3, who did nothing in the period and still gets a row.
// Framework version 1: competencies 101–104, expected by weeks 2, 4, 6, 8.

export const period = { from: "2026-03-02", to: "2026-03-29", today: "2026-04-15" };

export const placement = (over: Partial<ReportPlacement> & Pick<ReportPlacement, "id" | "apprenticeId" | "trainerUserId" | "startDate">): ReportPlacement => ({
  employerId: 1,
  frameworkVersionId: 1,
  endedOn: null,
  status: "active",
  outcome: null,
  ...over,
});

export const placements: ReportPlacement[] = [
  placement({ id: 1, apprenticeId: 11, trainerUserId: 1, startDate: "2026-02-02" }),
  placement({ id: 2, apprenticeId: 12, trainerUserId: 1, startDate: "2026-03-11" }),
  placement({
    id: 3,
    apprenticeId: 13,
    trainerUserId: 1,
    startDate: "2025-12-01",
    endedOn: "2026-03-20",
    status: "completed",
    outcome: "retained_by_employer",
  }),
  placement({ id: 4, apprenticeId: 14, trainerUserId: 2, startDate: "2026-01-05", endedOn: "2026-03-04", status: "withdrawn" }),
  // Ended before the period: in no figure.
  placement({ id: 5, apprenticeId: 15, trainerUserId: 2, startDate: "2025-10-06", endedOn: "2026-02-27", status: "completed", outcome: "own_business" }),
  placement({ id: 6, apprenticeId: 16, trainerUserId: 2, startDate: "2026-03-02" }),
];

let nextId = 0;
const a = (
  placementId: number,
  competencyId: number,
  trainerUserId: number,
  level: AssessmentLevel,
  observedOn: string,
  supersedesId: number | null = null,
) => ({
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

export const feedback = (placementId: number, submittedOn: string, ratings: [number, number, number, number]): ReportFeedback => ({
  placementId,
  submittedOn,
  ratings,
});

export const input: AccountabilityInput = {
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
