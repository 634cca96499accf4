import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { useTestDatabase } from "~/test/db";

import {
  createApprentice,
  createEmployer,
  createFramework,
  createPlacement,
  createSite,
  createUser,
  recordAssessment,
  recordAttendance,
} from "./factories.server";
import { assessments, attendance, auditEvents, competencies, frameworkVersions, placements, weekSubmissions } from "./schema";

const db = useTestDatabase();

function world() {
  const site = createSite(db);
  const employer = createEmployer(db, { siteId: site.id });
  const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: employer.id, password: null });
  const apprentice = createApprentice(db, { siteId: site.id });
  const fw = createFramework(db);
  const placement = createPlacement(db, {
    apprenticeId: apprentice.id,
    employerId: employer.id,
    trainerUserId: trainer.id,
    frameworkVersionId: fw.version.id,
  });
  return { site, employer, trainer, apprentice, fw, placement };
}

describe("the database as opened", () => {
  it("runs in WAL mode with foreign keys on and synchronous NORMAL", () => {
    expect(db.$client.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(db.$client.pragma("synchronous", { simple: true })).toBe(1);
  });

  it("refuses to update or delete an assessment, attendance or audit record", () => {
    const w = world();
    const a = recordAssessment(db, {
      placementId: w.placement.id,
      competencyId: w.fw.competencies[0]!.id,
      trainerUserId: w.trainer.id,
      level: "with_help",
      observedOn: "2026-02-02",
    });
    const day = recordAttendance(db, { placementId: w.placement.id, date: "2026-02-02", status: "present", recordedBy: w.trainer.id });
    db.insert(auditEvents).values({ actorUserId: null, action: "test", entity: "test" }).run();

    expect(() => db.update(assessments).set({ level: "independent" }).where(eq(assessments.id, a.id)).run()).toThrow(/append-only/);
    expect(() => db.delete(assessments).where(eq(assessments.id, a.id)).run()).toThrow(/append-only/);
    expect(() => db.update(attendance).set({ status: "absent" }).where(eq(attendance.id, day.id)).run()).toThrow(/append-only/);
    expect(() => db.delete(auditEvents).run()).toThrow(/append-only/);
    expect(db.select().from(assessments).where(eq(assessments.id, a.id)).get()?.level).toBe("with_help");
  });

  it("keeps week card submissions append-only: a submission key, once written, stays", () => {
    const w = world();
    const row = db
      .insert(weekSubmissions)
      .values({ submissionKey: "append-only-key-0001", placementId: w.placement.id, weekOf: "2026-02-02", trainerUserId: w.trainer.id, intent: "save" })
      .returning()
      .get();
    expect(() => db.update(weekSubmissions).set({ intent: "submit" }).where(eq(weekSubmissions.id, row.id)).run()).toThrow(/append-only/);
    expect(() => db.delete(weekSubmissions).where(eq(weekSubmissions.id, row.id)).run()).toThrow(/append-only/);
    expect(() =>
      db
        .insert(weekSubmissions)
        .values({ ...row, id: undefined })
        .run(),
    ).toThrow(/UNIQUE/);
  });

  it("checks every enumeration and detail", () => {
    const w = world();
    const bad = (values: Record<string, unknown>) => () =>
      db
        .insert(attendance)
        .values({ placementId: w.placement.id, date: "2026-02-03", recordedBy: w.trainer.id, status: "present", ...values } as never)
        .run();
    expect(bad({ status: "asleep" })).toThrow(/CHECK/);
    expect(bad({ status: "late" })).toThrow(/CHECK/); // late needs minutes
    expect(bad({ status: "late", lateMinutes: -5 })).toThrow(/CHECK/);
    expect(bad({ status: "absent" })).toThrow(/CHECK/); // absent needs a reason
    expect(bad({ date: "03/02/2026" })).toThrow(/CHECK/);
    expect(bad({ status: "absent", absenceReason: "transport" })).not.toThrow();
  });

  it("allows one active placement per apprentice", () => {
    const w = world();
    expect(() =>
      createPlacement(db, {
        apprenticeId: w.apprentice.id,
        employerId: w.employer.id,
        trainerUserId: w.trainer.id,
        frameworkVersionId: w.fw.version.id,
      }),
    ).toThrow(/UNIQUE/);
  });

  it("keeps planned length between 2 and 52 weeks", () => {
    const w = world();
    const other = createApprentice(db, { siteId: w.site.id });
    const make = (plannedWeeks: number) => () =>
      createPlacement(db, {
        apprenticeId: other.id,
        employerId: w.employer.id,
        trainerUserId: w.trainer.id,
        frameworkVersionId: w.fw.version.id,
        plannedWeeks,
      });
    expect(make(1)).toThrow(/CHECK/);
    expect(make(53)).toThrow(/CHECK/);
    expect(make(6)).not.toThrow();
    expect(db.select().from(placements).where(eq(placements.apprenticeId, other.id)).get()?.plannedWeeks).toBe(6);
  });

  it("refuses a foreign key to nothing", () => {
    const w = world();
    expect(() => recordAttendance(db, { placementId: 999_999, date: "2026-02-02", status: "present", recordedBy: w.trainer.id })).toThrow(/FOREIGN KEY/);
  });

  it("makes a published framework version immutable", () => {
    const w = world();
    const c = w.fw.competencies[0]!;
    expect(() => db.update(competencies).set({ titleEn: "Changed" }).where(eq(competencies.id, c.id)).run()).toThrow(/not a draft/);
    expect(() => db.update(frameworkVersions).set({ status: "draft" }).where(eq(frameworkVersions.id, w.fw.version.id)).run()).toThrow(/cannot go back/);
    const draft = createFramework(db, undefined, "draft");
    db.update(competencies).set({ titleEn: "Edited in draft" }).where(eq(competencies.id, draft.competencies[0]!.id)).run();
    expect(db.get<{ t: string }>(sql`select title_en as t from competencies where id = ${draft.competencies[0]!.id}`)?.t).toBe("Edited in draft");
  });
});
