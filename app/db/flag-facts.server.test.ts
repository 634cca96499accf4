/**
 * The flag pass reads no history (docs/decisions/0015): current levels from `competency_levels`,
 * the latest reviewed week by an index seek, attendance a week per row from `placement_weeks`.
 * Here its findings are compared with the rules run on the whole history of every placement,
 * read the plain way, on the demo data plus awkward records (corrections, a record observed
 * after the day of the pass, a corrected absence), as of several days.
 */
import { describe, expect, it } from "vitest";

import { addDays, parseWeekdays, startOfDayMs, zonedDateOf } from "~/domain/dates";
import type { AbsenceReason, AssessmentLevel, AttendanceStatus, EducationEventKind } from "~/domain/enums";
import {
  evaluateFlags,
  lookbackDays,
  DEFAULT_THRESHOLDS,
  type AssessmentFact,
  type AttendanceDay,
  type EducationAfternoonFact,
  type Finding,
  type PlacementFacts,
  type SignoffFact,
  type TrainerFacts,
} from "~/domain/flags";
import { useTestDatabase } from "~/test/db";

import { createEducationAfternoon, recordAssessment, recordAttendance } from "./factories.server";
import { findFlags } from "./flags.server";
import { seedDemo } from "./seed.server";

const db = useTestDatabase();
const SEEDED = "2026-11-25";
seedDemo(db, { today: SEEDED });
const sql = db.$client;

function group<T>(rows: T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

/** Every rule's facts from the whole history, as the flag loader read them before the facts tables. */
function wholeHistoryFindings(today: string): Finding[] {
  const from = addDays(today, -lookbackDays([DEFAULT_THRESHOLDS]));
  const endOfToday = startOfDayMs(addDays(today, 1));
  const startOfFrom = startOfDayMs(addDays(from, -1));
  const dateOf = zonedDateOf();
  const placements = sql
    .prepare(
      `select p.*, e.site_id, a.date_of_birth from placements p join employers e on e.id = p.employer_id
       join apprentices a on a.id = p.apprentice_id where p.status = 'active' order by p.id`,
    )
    .all() as {
    id: number;
    apprentice_id: number;
    employer_id: number;
    trainer_user_id: number;
    framework_version_id: number;
    start_date: string;
    planned_weeks: number;
    working_weekdays: string;
    education_weekdays: string;
    site_id: number;
    date_of_birth: string;
  }[];
  const competencies = group(
    sql.prepare("select id, version_id, expected_by_week from competencies order by id").all() as {
      id: number;
      version_id: number;
      expected_by_week: number;
    }[],
    (c) => c.version_id,
  );
  const assessments = group(
    sql.prepare("select id, placement_id, competency_id, level, observed_on, supersedes_id from assessments where observed_on <= ?").all(today) as {
      id: number;
      placement_id: number;
      competency_id: number;
      level: AssessmentLevel;
      observed_on: string;
      supersedes_id: number | null;
    }[],
    (a) => a.placement_id,
  );
  const reviews = group(
    sql.prepare("select distinct placement_id, week_of from weekly_reviews where week_of <= ?").all(today) as { placement_id: number; week_of: string }[],
    (r) => r.placement_id,
  );
  const days = group(
    sql
      .prepare(
        "select placement_id, date, status, absence_reason, (note is not null and trim(note) <> '') as has_note from attendance where date between ? and ? order by id",
      )
      .all(from, today) as { placement_id: number; date: string; status: AttendanceStatus; absence_reason: AbsenceReason | null; has_note: number }[],
    (d) => d.placement_id,
  );
  const ledger = sql
    .prepare(
      `select f.id, f.placement_id, f.date, e.kind from education_afternoons f left join education_events e on e.afternoon_id = f.id and e.created_at < ?
       where f.date between ? and ? order by f.id, e.id`,
    )
    .all(endOfToday, from, today) as { id: number; placement_id: number; date: string; kind: EducationEventKind | null }[];
  const afternoons = new Map<number, EducationAfternoonFact & { placementId: number; events: EducationEventKind[] }>();
  for (const row of ledger) {
    const a = afternoons.get(row.id) ?? { afternoonId: row.id, placementId: row.placement_id, date: row.date, events: [] };
    if (row.kind) a.events.push(row.kind);
    afternoons.set(row.id, a);
  }
  const afternoonsBy = group([...afternoons.values()], (a) => a.placementId);
  const feedback = sql.prepare("select * from feedback where submitted_at < ? order by submitted_at, id").all(endOfToday) as {
    id: number;
    placement_id: number;
    submitted_at: number;
    explains_rating: number;
    learning_rating: number;
    fairness_rating: number;
    safety_rating: number;
  }[];
  const latestFeedback = new Map(feedback.map((f) => [f.placement_id, f]));
  const holidays = new Map<number, Set<string>>();
  for (const h of sql.prepare("select site_id, date from public_holidays").all() as { site_id: number; date: string }[])
    holidays.set(h.site_id, new Set([...(holidays.get(h.site_id) ?? []), h.date]));

  const placementFacts: PlacementFacts[] = placements.map((p) => {
    const attendance = new Map<string, AttendanceDay>();
    for (const d of days.get(p.id) ?? [])
      attendance.set(d.date, { date: d.date, status: d.status, absenceReason: d.absence_reason, hasNote: d.has_note === 1 });
    const f = latestFeedback.get(p.id);
    return {
      placementId: p.id,
      siteId: p.site_id,
      apprenticeId: p.apprentice_id,
      employerId: p.employer_id,
      trainerUserId: p.trainer_user_id,
      startDate: p.start_date,
      plannedWeeks: p.planned_weeks,
      workingWeekdays: parseWeekdays(p.working_weekdays),
      educationWeekdays: parseWeekdays(p.education_weekdays),
      apprenticeDateOfBirth: p.date_of_birth,
      competencies: (competencies.get(p.framework_version_id) ?? []).map((c) => ({ id: c.id, expectedByWeek: c.expected_by_week })),
      assessments: (assessments.get(p.id) ?? []).map((a): AssessmentFact => ({
        id: a.id,
        competencyId: a.competency_id,
        level: a.level,
        observedOn: a.observed_on,
        supersedesId: a.supersedes_id,
      })),
      reviewedWeeks: new Set((reviews.get(p.id) ?? []).map((r) => r.week_of)),
      attendance: [...attendance.values()],
      educationAfternoons: afternoonsBy.get(p.id) ?? [],
      latestFeedback: f
        ? {
            feedbackId: f.id,
            submittedOn: dateOf(f.submitted_at),
            explains: f.explains_rating,
            learning: f.learning_rating,
            fairness: f.fairness_rating,
            safety: f.safety_rating,
          }
        : null,
    };
  });

  const trainers = sql.prepare("select id, site_id, employer_id from users where role = 'trainer' order by id").all() as {
    id: number;
    site_id: number;
    employer_id: number;
  }[];
  const all = sql
    .prepare("select a.*, p.apprentice_id, p.framework_version_id from assessments a join placements p on p.id = a.placement_id order by a.id")
    .all() as {
    id: number;
    placement_id: number;
    apprentice_id: number;
    competency_id: number;
    trainer_user_id: number;
    level: string;
    observed_on: string;
    created_at: number;
    supersedes_id: number | null;
    framework_version_id: number;
  }[];
  const superseded = new Set(all.flatMap((a) => (a.supersedes_id === null ? [] : [a.supersedes_id])));
  const reviewMoments = sql.prepare("select trainer_user_id, submitted_at from weekly_reviews").all() as { trainer_user_id: number; submitted_at: number }[];
  const trainerFacts: TrainerFacts[] = trainers.map((t) => {
    const signed = [
      ...all.filter((a) => a.trainer_user_id === t.id && a.created_at < endOfToday).map((a) => a.created_at),
      ...reviewMoments.filter((r) => r.trainer_user_id === t.id && r.submitted_at < endOfToday).map((r) => r.submitted_at),
    ];
    return {
      trainerUserId: t.id,
      siteId: t.site_id,
      employerId: t.employer_id,
      activePlacements: placements
        .filter((p) => p.trainer_user_id === t.id)
        .map((p) => ({ placementId: p.id, apprenticeId: p.apprentice_id, startDate: p.start_date })),
      lastSignedOn: signed.length ? dateOf(Math.max(...signed)) : null,
      signoffs: all
        .filter(
          (a) =>
            a.trainer_user_id === t.id &&
            a.created_at >= startOfFrom &&
            a.level === "independent" &&
            a.observed_on >= from &&
            a.observed_on <= today &&
            !superseded.has(a.id),
        )
        .map((a): SignoffFact => ({
          assessmentId: a.id,
          placementId: a.placement_id,
          apprenticeId: a.apprentice_id,
          competencyId: a.competency_id,
          observedOn: a.observed_on,
          frameworkSize: competencies.get(a.framework_version_id)?.length ?? 0,
        })),
    };
  });
  return evaluateFlags({ today, placements: placementFacts, trainers: trainerFacts, holidaysBySite: holidays });
}

const sorted = (findings: Finding[]) => findings.map((f) => JSON.stringify(f)).sort();

describe("the flag pass without histories", () => {
  it("finds what the rules find on whole histories, as of several days, with corrections and late records", () => {
    // Awkward records: a sign-off corrected to a lower level; a sign-off observed after some of
    // the days below; an absence corrected to present; an independent tick, then a correction.
    const placement = sql
      .prepare("select p.id, p.trainer_user_id, p.framework_version_id from placements p where status = 'active' order by id limit 1")
      .get() as { id: number; trainer_user_id: number; framework_version_id: number };
    const [c1, c2] = sql.prepare("select id from competencies where version_id = ? order by id limit 2").all(placement.framework_version_id) as {
      id: number;
    }[];
    const base = { placementId: placement.id, trainerUserId: placement.trainer_user_id };
    const tick = recordAssessment(db, {
      ...base,
      competencyId: c1!.id,
      level: "independent",
      observedOn: "2026-11-12",
      createdAt: new Date("2026-11-12T10:00:00Z"),
    });
    recordAssessment(db, {
      ...base,
      competencyId: c1!.id,
      level: "supervised",
      observedOn: "2026-11-12",
      supersedesId: tick.id,
      correctionReason: "Wrong level",
      createdAt: new Date("2026-11-13T10:00:00Z"),
    });
    recordAssessment(db, { ...base, competencyId: c2!.id, level: "independent", observedOn: "2026-11-24", createdAt: new Date("2026-11-24T10:00:00Z") });
    const absent = recordAttendance(db, {
      placementId: placement.id,
      date: "2026-11-18",
      status: "absent",
      absenceReason: "other",
      recordedBy: placement.trainer_user_id,
    });
    recordAttendance(db, {
      placementId: placement.id,
      date: "2026-11-18",
      status: "present",
      supersedesId: absent.id,
      correctionReason: "Came in late morning",
      recordedBy: placement.trainer_user_id,
    });

    let compared = 0;
    for (const today of ["2026-11-25", "2026-11-20", "2026-11-13", "2026-10-28", "2026-12-02"]) {
      const expected = sorted(wholeHistoryFindings(today));
      expect(sorted(findFlags(db, { today, batchSize: 7 })), today).toEqual(expected);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(50);
  });

  it("reads the education ledger only where the facts' masks cannot answer, and finds the same", () => {
    // Afternoons of one placement with education weekdays, on days its ledger is empty: refused
    // after a release, released then missed, confirmed by the apprentice on a day that is not an
    // education weekday, released only after some of the days below (a late record), refused
    // then released late, no word at all next to an absence, and more refusals.
    const placement = sql
      .prepare("select id, trainer_user_id from placements where status = 'active' and education_weekdays <> '' order by id limit 1")
      .get() as { id: number; trainer_user_id: number };
    const taken = new Set(
      (sql.prepare("select date from education_afternoons where placement_id = ?").all(placement.id) as { date: string }[]).map((r) => r.date),
    );
    const free = (date: string) => {
      let d = date;
      while (taken.has(d)) d = addDays(d, 1);
      taken.add(d);
      return d;
    };
    const by = placement.trainer_user_id;
    const at = (date: string) => new Date(`${date}T09:00:00Z`);
    const cases: [string, { kind: EducationEventKind; createdAt: Date }[]][] = [
      [
        free("2026-10-27"),
        [
          { kind: "released", createdAt: at("2026-10-27") },
          { kind: "refused", createdAt: at("2026-11-16") },
        ],
      ],
      [
        free("2026-11-03"),
        [
          { kind: "released", createdAt: at("2026-11-03") },
          { kind: "missed", createdAt: at("2026-11-04") },
        ],
      ],
      [free("2026-11-08"), [{ kind: "confirmed_by_apprentice", createdAt: at("2026-11-08") }]],
      [free("2026-11-10"), [{ kind: "released", createdAt: at("2026-11-21") }]],
      [
        free("2026-11-11"),
        [
          { kind: "refused", createdAt: at("2026-11-11") },
          { kind: "released", createdAt: at("2026-11-26") },
        ],
      ],
      [free("2026-11-12"), []],
      [free("2026-10-28"), [{ kind: "refused", createdAt: at("2026-10-28") }]],
      [free("2026-11-04"), [{ kind: "refused", createdAt: at("2026-11-04") }]],
      [free("2026-11-05"), [{ kind: "refused", createdAt: at("2026-11-14") }]],
      [free("2026-11-18"), [{ kind: "refused", createdAt: at("2026-11-18") }]],
      [
        free("2026-11-17"),
        [
          { kind: "refused", createdAt: at("2026-11-17") },
          { kind: "attended", createdAt: at("2026-11-18") },
        ],
      ],
    ];
    for (const [date, events] of cases)
      createEducationAfternoon(
        db,
        { placementId: placement.id, date },
        events.map((e) => ({ ...e, reason: e.kind === "refused" ? "Busy week" : null, recordedBy: by })),
      );
    recordAttendance(db, { placementId: placement.id, date: cases[5]![0], status: "absent", absenceReason: "illness", recordedBy: by });

    const rules = new Set<string>();
    for (const today of ["2026-11-25", "2026-11-20", "2026-11-13", "2026-12-02"]) {
      const expected = sorted(wholeHistoryFindings(today));
      expect(sorted(findFlags(db, { today, batchSize: 5 })), today).toEqual(expected);
      for (const f of expected)
        if (f.includes(`"subjectId":${placement.id},`) || f.includes(`"placementId":${placement.id},`)) rules.add(JSON.parse(f).rule as string);
    }
    expect([...rules]).toEqual(expect.arrayContaining(["education_not_granted", "education_mismatch"]));
  });
});
