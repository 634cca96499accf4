import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { addDays, isoWeekday, mondayOf } from "../dates";
import { classifyAfternoon } from "./afternoons";
import { share } from "./common";
import { feedback, input, placement, placements } from "./testing";
import { trainerAccountability } from "./trainer-accountability";
import type { AccountabilityInput } from "./types";

const report = trainerAccountability(input);
const trainer = (id: number) => report.trainers.find((t) => t.trainerUserId === id)!;
const employer = (id: number) => report.employers.find((e) => e.employerId === id)!;

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
    const extra = trainer2Answers.map((apprenticeId, i) => placement({ id: 100 + i, apprenticeId, trainerUserId: 2, startDate: "2026-03-02" }));
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

describe("education afternoons given a week at a time (the loader's way)", () => {
  it("count the same as afternoons given one by one, whatever the period's first and last day", () => {
    const kinds = ["released", "refused", "attended", "missed", "confirmed_by_apprentice"] as const;
    const statuses = [null, "present", "absent", "education", "leave", "holiday", "late"] as const;
    fc.assert(
      fc.property(
        fc.array(fc.record({ day: fc.nat(55), events: fc.array(fc.constantFrom(...kinds), { maxLength: 3 }), attendance: fc.constantFrom(...statuses) }), {
          maxLength: 25,
        }),
        fc.nat(55),
        fc.nat(30),
        fc.nat(70),
        (rows, start, length, todayOffset) => {
          const day = (n: number) => addDays("2026-03-02", n);
          const afternoons = [...new Map(rows.map((r) => [r.day, r])).values()].map((r) => ({
            placementId: 1,
            date: day(r.day),
            events: r.events,
            attendance: r.attendance,
          }));
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
