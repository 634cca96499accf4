import { describe, expect, it } from "vitest";

import { addDays, mondayOf } from "~/domain/dates";
import { recordQueriesSync, useTestDatabase } from "~/test/db";
import { siteToday } from "~/utils/today.server";

import { createApprentice, createEmployer, createFramework, createPlacement, createSite, createUser, recordAssessment } from "./factories.server";
import { getTrainerPlacement, loadWeekCard, weekShape } from "./week-card.server";

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

function openCard(placementId: number) {
  const placement = getTrainerPlacement(trainer, placementId, today)!;
  loadWeekCard(placement, weekShape(placement, mondayOf(today), today));
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
