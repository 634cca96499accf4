import { describe, expect, it } from "vitest";

import { addDays, mondayOf } from "~/domain/dates";
import { recordQueriesSync, useTestDatabase } from "~/test/db";
import { siteToday } from "~/utils/today.server";

import { parseBaseline, weekState } from "~/domain/week-card";

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
import { baselineToken, getTrainerPlacement, loadPlanState, loadWeekCard, weekShape } from "./week-card.server";

const db = useTestDatabase();
const today = siteToday();
const site = createSite(db);
const employer = createEmployer(db, { siteId: site.id });
const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: employer.id });

function placementWith(competencyCount: number) {
  const fw = createFramework(db, {
    units: [
      {
        code: `U${competencyCount}`,
        titleEn: "Unit",
        titleKm: "ផ្នែក",
        competencies: Array.from({ length: competencyCount }, (_, i) => ({
          code: `C${competencyCount}-${i}`,
          titleEn: `Skill ${i}`,
          titleKm: `ជំនាញ ${i}`,
          criteriaEn: "Criteria",
          criteriaKm: "លក្ខណៈវិនិច្ឆ័យ",
          expectedByWeek: 1 + (i % 10),
        })),
      },
    ],
  });
  const apprentice = createApprentice(db, { siteId: site.id });
  const placement = createPlacement(db, {
    apprenticeId: apprentice.id,
    employerId: employer.id,
    trainerUserId: trainer.id,
    frameworkVersionId: fw.version.id,
    startDate: addDays(mondayOf(today), -42),
  });
  for (const c of fw.competencies) {
    recordAssessment(db, {
      placementId: placement.id,
      competencyId: c.id,
      trainerUserId: trainer.id,
      level: "with_help",
      observedOn: addDays(mondayOf(today), -7),
    });
  }
  return placement;
}

/** Every statement run while `fn` runs, with its parameters filled in. */
const statements = (fn: () => void) => recordQueriesSync(fn);

/** The card's reads, and what the action reads to plan a submission. */
function openCard(placementId: number) {
  const placement = getTrainerPlacement(trainer, placementId, today)!;
  loadWeekCard(placement, weekShape(placement, mondayOf(today), today));
  loadPlanState(placement, mondayOf(today));
}

describe("the week card's reads", () => {
  it("take the same number of queries for 4 competencies as for 60", () => {
    const small = placementWith(4);
    const large = placementWith(60);
    const a = statements(() => openCard(small.id));
    const b = statements(() => openCard(large.id));
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBe(a.length);
  });

  it("use an index for every lookup (no full scan of a growing table)", () => {
    const p = placementWith(8);
    const growing = [
      "assessments",
      "attendance",
      "weekly_reviews",
      "education_afternoons",
      "education_events",
      "advance_notices",
      "competencies",
      "framework_units",
      "placements",
      "public_holidays",
    ];
    for (const source of statements(() => openCard(p.id))) {
      const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${source}`).all() as { detail: string }[];
      for (const { detail } of plan) {
        const scanned = /^SCAN (\w+)(?! USING)/.exec(detail)?.[1];
        expect(growing.includes(scanned ?? ""), `${detail}\n  in ${source}`).toBe(false);
      }
    }
  });
});

describe("what a submission is planned against (the action's reads)", () => {
  it("is the state the card's reads make, now and as of an older baseline, with the framework's competency ids", () => {
    const p = placementWith(5);
    const placement = getTrainerPlacement(trainer, p.id, today)!;
    const [c1, c2] = loadWeekCard(placement, weekShape(placement, mondayOf(today), today)).competencies;
    const lastWeek = addDays(mondayOf(today), -7);
    const tuesday = addDays(lastWeek, 1);
    const before = baselineToken(p.id);
    // A reviewed week with a corrected sign-off, a corrected day, an afternoon released then refused, a corrected review.
    const first = recordWeeklyReview(db, { placementId: p.id, trainerUserId: trainer.id, weekOf: lastWeek });
    const signed = recordAssessment(db, { placementId: p.id, competencyId: c1!.id, trainerUserId: trainer.id, level: "supervised", observedOn: tuesday });
    recordAssessment(db, {
      placementId: p.id,
      competencyId: c1!.id,
      trainerUserId: trainer.id,
      level: "independent",
      observedOn: tuesday,
      supersedesId: signed.id,
      correctionReason: "Wrong level",
    });
    recordAssessment(db, { placementId: p.id, competencyId: c2!.id, trainerUserId: trainer.id, level: "supervised", observedOn: mondayOf(today) });
    const absent = recordAttendance(db, { placementId: p.id, date: tuesday, status: "absent", absenceReason: "illness", recordedBy: trainer.id });
    recordAttendance(db, {
      placementId: p.id,
      date: tuesday,
      status: "late",
      lateMinutes: 20,
      recordedBy: trainer.id,
      supersedesId: absent.id,
      correctionReason: "Came late",
    });
    recordAttendance(db, { placementId: p.id, date: addDays(lastWeek, 2), status: "present", recordedBy: trainer.id });
    createEducationAfternoon(db, { placementId: p.id, date: addDays(lastWeek, 3) }, [
      { kind: "released", recordedBy: trainer.id },
      { kind: "refused", reason: "Busy day", recordedBy: trainer.id },
    ]);
    createEducationAfternoon(db, { placementId: p.id, date: addDays(lastWeek, 4) });
    recordWeeklyReview(db, { placementId: p.id, trainerUserId: trainer.id, weekOf: lastWeek, supersedesId: first.id, correctionReason: "Late day" });

    for (const weekOf of [lastWeek, mondayOf(today), addDays(lastWeek, -7)]) {
      const card = loadWeekCard(placement, weekShape(placement, weekOf, today));
      const plan = loadPlanState(placement, weekOf);
      expect(plan.state).toEqual(card.state);
      expect(weekState(plan.rows, weekOf, parseBaseline(before)!)).toEqual(weekState(card.rows, weekOf, parseBaseline(before)!));
      expect([...plan.competencyIds]).toEqual(card.competencies.map((c) => c.id));
    }
    const { state } = loadPlanState(placement, lastWeek);
    expect(state.weekAssessments.get(c1!.id)?.level).toBe("independent");
    expect(state.attendance.get(tuesday)).toMatchObject({ status: "late", lateMinutes: 20 });
    expect(state.education.get(addDays(lastWeek, 3))).toMatchObject({ status: "refused", reason: "Busy day" });
    expect(state.education.get(addDays(lastWeek, 4))).toMatchObject({ status: "agreed" });
    expect(state.review).not.toBeNull();
  });
});
