import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";

import { createLink } from "~/db/sign-in-links.server";
import { createApprentice, createEmployer, createFramework, createIntake, createPlacement, createSite, createUser } from "~/db/factories.server";
import { apprentices, auditEvents, consents, employers, phaseChanges, placements, sessions, signInLinks, users } from "~/db/schema";
import { addDays } from "~/domain/dates";
import { intakeYear } from "~/domain/records";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { action as apprenticeAction } from "./staff.apprentices.$apprenticeId/route";
import { action as apprenticesAction, loader as apprenticesLoader } from "./staff.apprentices._index/route";
import { action as employerAction, loader as employerLoader } from "./staff.employers.$employerId";
import { action as employersAction, loader as employersLoader } from "./staff.employers._index";
import { action as placementAction, loader as placementLoader } from "./staff.placements.$placementId/route";
import { action as newPlacementAction, loader as newPlacementLoader } from "./staff.placements.new";

const db = useTestDatabase();
const today = siteToday();
const yy = intakeYear(today);
const pp = createSite(db, { code: "PX" });
const sr = createSite(db, { code: "SX" });
const intake = createIntake(db, { siteId: pp.id, startsOn: "2025-01-06" });
const employer = createEmployer(db, { siteId: pp.id, name: "Salon One" });
const otherEmployer = createEmployer(db, { siteId: pp.id, name: "Hotel Two", sector: "hospitality" });
const srEmployer = createEmployer(db, { siteId: sr.id, name: "Siem Reap Salon" });
const trainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: employer.id });
const trainer2 = createUser(db, { role: "trainer", siteId: pp.id, employerId: employer.id });
const otherTrainer = createUser(db, { role: "trainer", siteId: pp.id, employerId: otherEmployer.id });
const staff = createUser(db, { role: "staff", siteId: pp.id });
const staffSr = createUser(db, { role: "staff", siteId: sr.id });
const admin = createUser(db, { role: "admin" });
const fw = createFramework(db);
const draft = createFramework(db, {}, "draft");
const apprenticeUserOwner = createApprentice(db, { siteId: pp.id, code: `PX-${yy}-900` });
const apprenticeUser = createUser(db, { role: "apprentice", siteId: pp.id, apprenticeId: apprenticeUserOwner.id });

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
type Errors = { errors: Record<string, string[]> };
const call = async <T = Errors>(
  fn: (args: { request: Request; params: Record<string, string>; context: ReturnType<typeof context> }) => Promise<unknown>,
  who: Who,
  path: string,
  fields?: Record<string, string | string[]>,
  params: Record<string, string> = {},
) => {
  const cookie = await cookieFor(who);
  const request = fields ? post(path, fields, { cookie }) : get(path, { cookie });
  return run<T>(() => fn({ request, params, context: context() }));
};
const countOf = (rows: unknown[]) => rows.length;

describe("/staff/apprentices", () => {
  const good = {
    code: `PX-${yy}-001`,
    preferredName: "Srey",
    legalName: "Chan Srey Legal",
    dateOfBirth: "2007-03-01",
    gender: "female",
    intakeId: "",
    referralSource: "",
    background: "",
    consent: ["share_legal_name", "photo"],
  };

  it("enrols an apprentice with a phase and the consents given, once on a double submit", async () => {
    const first = await call(apprenticesAction, staff, "/staff/apprentices", good);
    expect(first.status).toBe(302);
    const again = await call(apprenticesAction, staff, "/staff/apprentices", good);
    expect(again.location).toBe(first.location);
    const rows = db.select().from(apprentices).where(eq(apprentices.code, good.code)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ siteId: pp.id, phase: "work_readiness", legalName: "Chan Srey Legal" });
    expect(db.select().from(phaseChanges).where(eq(phaseChanges.apprenticeId, rows[0]!.id)).all()).toMatchObject([
      { phase: "work_readiness", recordedBy: staff.id },
    ]);
    expect(
      db
        .select({ item: consents.item, granted: consents.granted, by: consents.recordedBy })
        .from(consents)
        .where(eq(consents.apprenticeId, rows[0]!.id))
        .orderBy(consents.id)
        .all(),
    ).toEqual([
      { item: "share_legal_name", granted: true, by: staff.id },
      { item: "photo", granted: true, by: staff.id },
    ]);
  });

  it("proposes the next free code and lists only the caller's site, filtered by phase", async () => {
    const seen = await call<{ proposals: { code: string }[]; apprentices: { code: string }[] }>(
      apprenticesLoader,
      staff,
      "/staff/apprentices?phase=work_readiness",
    );
    expect(seen.status).toBe(200);
    expect(seen.data.proposals[0]!.code).toBe(`PX-${yy}-901`);
    expect(seen.data.apprentices.map((a) => a.code)).toEqual([`PX-${yy}-001`]);
    const other = await call<{ apprentices: unknown[] }>(apprenticesLoader, staffSr, "/staff/apprentices");
    expect(other.data.apprentices).toEqual([]);
    expect((await call(apprenticesLoader, trainer, "/staff/apprentices")).status).toBe(403);
    expect((await call(apprenticesLoader, apprenticeUser, "/staff/apprentices")).status).toBe(403);
  });

  it("refuses a taken code, a code off the site's pattern, missing fields and another site's intake, writing nothing", async () => {
    const before = countOf(db.select().from(apprentices).all());
    const taken = await call(apprenticesAction, staff, "/staff/apprentices", { ...good, legalName: "Someone Else" });
    expect(taken.status).toBe(400);
    expect(taken.data.errors.code).toEqual(["records.errors.codeTaken"]);
    expect((await call(apprenticesAction, staff, "/staff/apprentices", { ...good, code: `SX-${yy}-002` })).data.errors.code).toEqual([
      "records.errors.codePattern",
    ]);
    expect((await call(apprenticesAction, staff, "/staff/apprentices", { ...good, code: "PX-1-2" })).data.errors.code).toEqual(["records.errors.codePattern"]);
    // With an intake the code carries the intake's year.
    expect(
      (await call(apprenticesAction, staff, "/staff/apprentices", { ...good, code: `PX-${yy === "25" ? "24" : yy}-003`, intakeId: String(intake.id) })).data
        .errors.code,
    ).toEqual(["records.errors.codePattern"]);
    const missing = await call(apprenticesAction, staff, "/staff/apprentices", { ...good, code: `PX-${yy}-004`, legalName: " ", gender: "x" });
    expect(missing.data.errors.legalName).toEqual(["errors.required"]);
    expect(missing.data.errors.gender).toBeDefined();
    const srIntake = createIntake(db, { siteId: sr.id });
    expect(
      (await call(apprenticesAction, staff, "/staff/apprentices", { ...good, code: `PX-${intakeYear(srIntake.startsOn)}-005`, intakeId: String(srIntake.id) }))
        .data.errors.intakeId,
    ).toEqual(["records.errors.unknownIntake"]);
    expect((await call(apprenticesAction, admin, "/staff/apprentices", { ...good, code: `PX-${yy}-006` })).data.errors.siteId).toEqual([
      "records.errors.unknownSite",
    ]);
    expect(countOf(db.select().from(apprentices).all())).toBe(before);
    expect((await call(apprenticesAction, trainer, "/staff/apprentices", { ...good, code: `PX-${yy}-007` })).status).toBe(403);
  });

  it("lets admin enrol at a chosen site with that site's code", async () => {
    const made = await call(apprenticesAction, admin, "/staff/apprentices", { ...good, code: `SX-${yy}-001`, siteId: String(sr.id) });
    expect(made.status).toBe(302);
    expect(
      db
        .select()
        .from(apprentices)
        .where(eq(apprentices.code, `SX-${yy}-001`))
        .get()?.siteId,
    ).toBe(sr.id);
  });
});

describe("/staff/apprentices/:apprenticeId administration", () => {
  const a = createApprentice(db, { siteId: pp.id, code: `PX-${yy}-050`, phase: "guidance" });
  const path = `/staff/apprentices/${a.id}`;
  const act = (who: Who, fields: Record<string, string>) => call(apprenticeAction, who, path, fields, { apprenticeId: String(a.id) });

  it("edits the profile, and refuses a bad one", async () => {
    const fields = {
      intent: "profile",
      preferredName: "Dara",
      legalName: "Sok Dara",
      dateOfBirth: "2006-05-05",
      gender: "male",
      intakeId: String(intake.id),
      referralSource: "NGO",
      background: "",
    };
    expect((await act(staff, fields)).status).toBe(302);
    expect(db.select().from(apprentices).where(eq(apprentices.id, a.id)).get()).toMatchObject({ preferredName: "Dara", intakeId: intake.id, background: null });
    expect((await act(staff, { ...fields, dateOfBirth: addDays(today, 1) })).data.errors.dateOfBirth).toEqual(["records.errors.future"]);
    expect((await act(staffSr, fields)).status).toBe(404);
    expect((await act(trainer, fields)).status).toBe(403);
  });

  it("records a phase change with its date once, and refuses a future date", async () => {
    const fields = { intent: "phase", phase: "apprenticeship", changedOn: today, note: "Ready" };
    expect((await act(staff, fields)).status).toBe(302);
    expect((await act(staff, fields)).status).toBe(302);
    expect(
      db
        .select()
        .from(phaseChanges)
        .where(and(eq(phaseChanges.apprenticeId, a.id), eq(phaseChanges.phase, "apprenticeship")))
        .all(),
    ).toHaveLength(1);
    expect(db.select().from(apprentices).where(eq(apprentices.id, a.id)).get()?.phase).toBe("apprenticeship");
    expect((await act(staff, { ...fields, phase: "employed", changedOn: addDays(today, 2) })).data.errors.changedOn).toEqual(["records.errors.future"]);
    expect((await act(staff, { ...fields, phase: "exited" })).status).toBe(400);
  });

  it("grants and withdraws consent as a history with who, once per change", async () => {
    expect((await act(staff, { intent: "consent", item: "story", granted: "yes" })).status).toBe(302);
    expect((await act(staff, { intent: "consent", item: "story", granted: "yes" })).status).toBe(302);
    expect((await act(admin, { intent: "consent", item: "story", granted: "no" })).status).toBe(302);
    expect(
      db
        .select({ granted: consents.granted, by: consents.recordedBy })
        .from(consents)
        .where(and(eq(consents.apprenticeId, a.id), eq(consents.item, "story")))
        .all(),
    ).toEqual([
      { granted: true, by: staff.id },
      { granted: false, by: admin.id },
    ]);
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "consent_withdrawn"), eq(auditEvents.entityId, String(a.id))))
        .all(),
    ).toHaveLength(1);
    expect((await act(staff, { intent: "consent", item: "tattoo", granted: "yes" })).status).toBe(400);
    expect((await act(staffSr, { intent: "consent", item: "story", granted: "yes" })).status).toBe(404);
  });

  it("exits with an outcome only once no placement is active", async () => {
    const pl = createPlacement(db, {
      apprenticeId: a.id,
      employerId: employer.id,
      trainerUserId: trainer.id,
      frameworkVersionId: fw.version.id,
      startDate: addDays(today, -20),
    });
    const fields = { intent: "exit", exitedOn: today, outcome: "own_business", reason: "Opened a stall" };
    const refused = await act(staff, fields);
    expect(refused.status).toBe(400);
    expect(refused.data.errors.exitedOn).toEqual(["records.errors.exitActivePlacement"]);
    db.update(placements).set({ status: "completed", endedOn: today }).where(eq(placements.id, pl.id)).run();
    expect((await act(staff, { ...fields, outcome: "rich" })).status).toBe(400);
    expect((await act(staff, { ...fields, exitedOn: addDays(today, -3000) })).data.errors.exitedOn).toEqual(["records.errors.beforeLastPhase"]);
    expect((await act(staff, fields)).status).toBe(302);
    expect((await act(staff, fields)).status).toBe(302);
    expect(
      db
        .select()
        .from(phaseChanges)
        .where(and(eq(phaseChanges.apprenticeId, a.id), eq(phaseChanges.phase, "exited")))
        .all(),
    ).toMatchObject([{ exitOutcome: "own_business", note: "Opened a stall" }]);
    expect(db.select().from(apprentices).where(eq(apprentices.id, a.id)).get()?.phase).toBe("exited");
  });
});

describe("/staff/employers", () => {
  const good = { name: "Golden Scissors", sector: "beauty", district: "Chamkarmon", contactName: "Ms Lina", contactPhone: "012 345 678" };

  it("creates an employer once, lists the caller's site only", async () => {
    const first = await call(employersAction, staff, "/staff/employers", good);
    expect(first.status).toBe(302);
    expect((await call(employersAction, staff, "/staff/employers", good)).location).toBe(first.location);
    expect(db.select().from(employers).where(eq(employers.name, good.name)).all()).toMatchObject([{ siteId: pp.id, contactPhone: "012 345 678" }]);
    const list = await call<{ employers: { name: string }[] }>(employersLoader, staffSr, "/staff/employers");
    expect(list.data.employers.map((e) => e.name)).toEqual(["Siem Reap Salon"]);
  });

  it("refuses a duplicate name, a bad sector or phone, and non-staff", async () => {
    const dup = await call(employersAction, staff, "/staff/employers", { ...good, district: "Elsewhere" });
    expect(dup.data.errors.name).toEqual(["records.errors.employerTaken"]);
    const bad = await call(employersAction, staff, "/staff/employers", { ...good, name: "New", sector: "mining", contactPhone: "abc" });
    expect(bad.status).toBe(400);
    expect(bad.data.errors.sector).toBeDefined();
    expect(bad.data.errors.contactPhone).toEqual(["records.errors.phone"]);
    expect(db.select().from(employers).where(eq(employers.name, "New")).all()).toHaveLength(0);
    expect((await call(employersAction, trainer, "/staff/employers", good)).status).toBe(403);
    expect((await call(employersAction, apprenticeUser, "/staff/employers", good)).status).toBe(403);
  });
});

describe("/staff/employers/:employerId", () => {
  const e = createEmployer(db, { siteId: pp.id, name: "Lotus Spa" });
  const path = `/staff/employers/${e.id}`;
  const act = (who: Who, fields: Record<string, string>) => call(employerAction, who, path, fields, { employerId: String(e.id) });
  const view = (who: Who) =>
    call<{ trainers: { id: number }[]; placements: { id: number; flags: unknown[] }[] }>(employerLoader, who, path, undefined, { employerId: String(e.id) });

  it("is seen by staff of its site and admin only", async () => {
    expect((await view(staff)).status).toBe(200);
    expect((await view(admin)).status).toBe(200);
    expect((await view(staffSr)).status).toBe(404);
    expect((await view(trainer)).status).toBe(403);
    expect((await call(employerLoader, staff, `/staff/employers/${srEmployer.id}`, undefined, { employerId: String(srEmployer.id) })).status).toBe(404);
  });

  it("edits, refusing a name another employer has", async () => {
    expect((await act(staff, { intent: "edit", name: "Lotus Spa", sector: "beauty", district: "Toul Kork", contactName: "", contactPhone: "" })).status).toBe(
      302,
    );
    expect(db.select().from(employers).where(eq(employers.id, e.id)).get()?.district).toBe("Toul Kork");
    expect((await act(staff, { intent: "edit", name: "Salon One", sector: "beauty", district: "x" })).data.errors.name).toEqual([
      "records.errors.employerTaken",
    ]);
    expect((await act(staffSr, { intent: "edit", name: "Hijack", sector: "beauty", district: "x" })).status).toBe(404);
  });

  it("adds a trainer once, and refuses a taken username", async () => {
    const fields = { intent: "addTrainer", displayName: "Ms Sophea", username: "sophea.lotus", phone: "" };
    expect((await act(staff, fields)).status).toBe(302);
    expect((await act(staff, fields)).status).toBe(302);
    expect(db.select().from(users).where(eq(users.username, "sophea.lotus")).all()).toMatchObject([
      { role: "trainer", employerId: e.id, siteId: pp.id, passwordHash: null },
    ]);
    expect((await act(staff, { ...fields, displayName: "Other" })).data.errors.username).toEqual(["records.errors.usernameTaken"]);
    expect((await act(staff, { ...fields, username: "X" })).data.errors.username).toEqual(["records.errors.username"]);
    expect((await view(staff)).data.trainers).toHaveLength(1);
  });

  it("deactivating a trainer ends their sessions and revokes their links; one with active placements must be replaced first", async () => {
    const t = db.select().from(users).where(eq(users.username, "sophea.lotus")).get()!;
    await cookieFor(t);
    createLink({ trainerUserId: t.id, createdBy: staff.id, days: 7 });
    const a = createApprentice(db, { siteId: pp.id });
    const pl = createPlacement(db, {
      apprenticeId: a.id,
      employerId: e.id,
      trainerUserId: t.id,
      frameworkVersionId: fw.version.id,
      startDate: addDays(today, -7),
    });
    const refused = await act(staff, { intent: "deactivateTrainer", trainerUserId: String(t.id) });
    expect(refused.data.errors.form).toEqual(["records.errors.trainerHasPlacements"]);
    expect((await view(staff)).data.placements.map((p) => p.id)).toEqual([pl.id]);
    // The employer cannot be deactivated while it has active placements either.
    expect((await act(staff, { intent: "deactivate" })).data.errors.form).toEqual(["records.errors.employerHasPlacements"]);
    db.update(placements).set({ status: "withdrawn", endedOn: today }).where(eq(placements.id, pl.id)).run();
    expect((await act(staff, { intent: "deactivateTrainer", trainerUserId: String(t.id) })).status).toBe(302);
    expect((await act(staff, { intent: "deactivateTrainer", trainerUserId: String(t.id) })).status).toBe(302);
    expect(db.select().from(users).where(eq(users.id, t.id)).get()?.active).toBe(false);
    expect(db.select().from(sessions).where(eq(sessions.userId, t.id)).all()).toHaveLength(0);
    expect(
      db
        .select()
        .from(signInLinks)
        .where(eq(signInLinks.userId, t.id))
        .all()
        .every((l) => l.revokedAt !== null),
    ).toBe(true);
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "trainer_deactivated"), eq(auditEvents.entityId, String(t.id))))
        .all(),
    ).toHaveLength(1);
    // Another employer's trainer is not found here.
    expect((await act(staff, { intent: "deactivateTrainer", trainerUserId: String(otherTrainer.id) })).status).toBe(404);
    expect((await act(staff, { intent: "deactivate" })).status).toBe(302);
    expect(db.select().from(employers).where(eq(employers.id, e.id)).get()?.active).toBe(false);
    expect((await act(staff, { intent: "reactivate" })).status).toBe(302);
    expect((await act(trainer, { intent: "deactivate" })).status).toBe(403);
  });
});

describe("/staff/placements/new", () => {
  const a = createApprentice(db, { siteId: pp.id, code: `PX-${yy}-070` });
  const good = () => ({
    apprenticeId: String(a.id),
    employerId: String(employer.id),
    trainerUserId: String(trainer.id),
    frameworkVersionId: String(fw.version.id),
    startDate: today,
    plannedWeeks: "12",
    educationWeekdays: ["2", "4"],
    stipendHagar: "40",
    stipendEmployer: "10.50",
  });

  it("offers only the caller's site's apprentices and employers", async () => {
    const seen = await call<{ apprentices: { id: number }[]; employers: { id: number }[] }>(newPlacementLoader, staffSr, "/staff/placements/new");
    expect(seen.data.apprentices.map((x) => x.id)).not.toContain(a.id);
    expect(seen.data.employers.map((x) => x.id)).toEqual([srEmployer.id]);
    expect((await call(newPlacementLoader, trainer, "/staff/placements/new")).status).toBe(403);
  });

  it("refuses a trainer of another employer, an unpublished framework, a length out of range, and another site's staff", async () => {
    const before = countOf(db.select().from(placements).all());
    expect(
      (await call(newPlacementAction, staff, "/staff/placements/new", { ...good(), trainerUserId: String(otherTrainer.id) })).data.errors.trainerUserId,
    ).toEqual(["records.errors.trainerOtherEmployer"]);
    expect(
      (await call(newPlacementAction, staff, "/staff/placements/new", { ...good(), frameworkVersionId: String(draft.version.id) })).data.errors
        .frameworkVersionId,
    ).toEqual(["records.errors.frameworkNotPublished"]);
    expect((await call(newPlacementAction, staff, "/staff/placements/new", { ...good(), plannedWeeks: "60" })).data.errors.plannedWeeks).toEqual([
      "records.errors.plannedWeeks",
    ]);
    expect((await call(newPlacementAction, staff, "/staff/placements/new", { ...good(), plannedWeeks: "1" })).status).toBe(400);
    expect((await call(newPlacementAction, staff, "/staff/placements/new", { ...good(), stipendHagar: "-5" })).data.errors.stipendHagar).toEqual([
      "records.errors.money",
    ]);
    const other = await call(newPlacementAction, staffSr, "/staff/placements/new", good());
    expect(other.data.errors.apprenticeId).toEqual(["records.errors.unknownApprentice"]);
    expect(other.data.errors.employerId).toEqual(["records.errors.unknownEmployer"]);
    expect((await call(newPlacementAction, trainer, "/staff/placements/new", good())).status).toBe(403);
    expect(countOf(db.select().from(placements).all())).toBe(before);
  });

  it("opens a placement once, then refuses a second active one for the apprentice", async () => {
    const first = await call(newPlacementAction, staff, "/staff/placements/new", good());
    expect(first.status).toBe(302);
    expect((await call(newPlacementAction, staff, "/staff/placements/new", good())).location).toBe(first.location);
    expect(db.select().from(placements).where(eq(placements.apprenticeId, a.id)).all()).toMatchObject([
      { status: "active", plannedWeeks: 12, educationWeekdays: "2,4", stipendHagarCents: 4000, stipendEmployerCents: 1050, createdBy: staff.id },
    ]);
    const second = await call(newPlacementAction, staff, "/staff/placements/new", {
      ...good(),
      employerId: String(otherEmployer.id),
      trainerUserId: String(otherTrainer.id),
    });
    expect(second.status).toBe(400);
    expect(second.data.errors.apprenticeId).toEqual(["records.errors.activePlacement"]);
  });
});

describe("/staff/placements/:placementId administration", () => {
  const a = createApprentice(db, { siteId: pp.id });
  const pl = createPlacement(db, {
    apprenticeId: a.id,
    employerId: employer.id,
    trainerUserId: trainer.id,
    frameworkVersionId: fw.version.id,
    startDate: addDays(today, -30),
  });
  const act = (who: Who, id: number, fields: Record<string, string>) =>
    call(placementAction, who, `/staff/placements/${id}`, fields, { placementId: String(id) });

  it("changes the primary trainer to another trainer of the same employer only", async () => {
    expect((await act(staff, pl.id, { intent: "changeTrainer", trainerUserId: String(otherTrainer.id) })).data.errors.trainerUserId).toEqual([
      "records.errors.trainerOtherEmployer",
    ]);
    expect((await act(staff, pl.id, { intent: "changeTrainer", trainerUserId: String(trainer2.id) })).status).toBe(302);
    expect((await act(staff, pl.id, { intent: "changeTrainer", trainerUserId: String(trainer2.id) })).status).toBe(302);
    expect(db.select().from(placements).where(eq(placements.id, pl.id)).get()?.trainerUserId).toBe(trainer2.id);
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "placement_trainer_changed"), eq(auditEvents.entityId, String(pl.id))))
        .all(),
    ).toHaveLength(1);
    expect((await act(staffSr, pl.id, { intent: "changeTrainer", trainerUserId: String(trainer.id) })).status).toBe(404);
    expect((await act(trainer, pl.id, { intent: "changeTrainer", trainerUserId: String(trainer.id) })).status).toBe(403);
  });

  it("keeps the manual status form working beside the new intents", async () => {
    expect((await act(staff, pl.id, { status: "amber", reason: "Check in", statusDate: today })).status).toBe(302);
    expect((await act(staff, pl.id, { status: "purple", reason: "x", statusDate: today })).status).toBe(400);
  });

  it("transfers in one step: the old placement closes as transferred, the new one points back; once on a double submit", async () => {
    const fields = {
      intent: "transfer",
      employerId: String(otherEmployer.id),
      trainerUserId: String(otherTrainer.id),
      frameworkVersionId: String(fw.version.id),
      transferOn: today,
      plannedWeeks: "20",
    };
    expect((await act(staff, pl.id, { ...fields, trainerUserId: String(trainer.id) })).data.errors.trainerUserId).toEqual([
      "records.errors.trainerOtherEmployer",
    ]);
    expect((await act(staff, pl.id, { ...fields, frameworkVersionId: String(draft.version.id) })).data.errors.frameworkVersionId).toEqual([
      "records.errors.frameworkNotPublished",
    ]);
    expect((await act(staff, pl.id, { ...fields, plannedWeeks: "53" })).status).toBe(400);
    expect(db.select().from(placements).where(eq(placements.id, pl.id)).get()?.status).toBe("active");
    const first = await act(staff, pl.id, fields);
    expect(first.status).toBe(302);
    expect((await act(staff, pl.id, fields)).location).toBe(first.location);
    const rows = db.select().from(placements).where(eq(placements.apprenticeId, a.id)).all();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ id: pl.id, status: "transferred", endedOn: today });
    expect(rows[1]).toMatchObject({
      status: "active",
      employerId: otherEmployer.id,
      trainerUserId: otherTrainer.id,
      transferredFromId: pl.id,
      startDate: today,
      plannedWeeks: 20,
    });
    expect(first.location).toBe(`/staff/placements/${rows[1]!.id}?saved=transferred`);
    const seen = await call<{ transfer: { fromId: number | null }; admin: unknown }>(placementLoader, staff, first.location!, undefined, {
      placementId: String(rows[1]!.id),
    });
    expect(seen.data.transfer.fromId).toBe(pl.id);
    const old = await call<{ transfer: { toId: number | null }; admin: unknown }>(placementLoader, staff, `/staff/placements/${pl.id}`, undefined, {
      placementId: String(pl.id),
    });
    expect(old.data).toMatchObject({ transfer: { toId: rows[1]!.id }, admin: null });
  });

  it("completes with outcome, reason and starting salary; once; then refuses a withdrawal", async () => {
    const next = db.select().from(placements).where(eq(placements.transferredFromId, pl.id)).get()!;
    const fields = { intent: "complete", endedOn: today, outcome: "retained_by_employer", endReason: "Finished the framework", startingSalary: "120" };
    expect((await act(staff, next.id, { ...fields, endReason: "" })).data.errors.endReason).toEqual(["errors.required"]);
    expect((await act(staff, next.id, { ...fields, endedOn: addDays(today, -400) })).data.errors.endedOn).toEqual(["records.errors.beforeStart"]);
    expect((await act(staff, next.id, fields)).status).toBe(302);
    expect((await act(staff, next.id, fields)).status).toBe(302);
    expect(db.select().from(placements).where(eq(placements.id, next.id)).get()).toMatchObject({
      status: "completed",
      outcome: "retained_by_employer",
      endReason: "Finished the framework",
      startingSalaryCents: 12000,
      endedOn: today,
    });
    expect(
      db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, "placement_completed"), eq(auditEvents.entityId, String(next.id))))
        .all(),
    ).toHaveLength(1);
    expect((await act(staff, next.id, { ...fields, intent: "withdraw" })).data.errors.form).toEqual(["records.errors.placementNotActive"]);
  });

  it("withdraws an active placement", async () => {
    const b = createApprentice(db, { siteId: pp.id });
    const p2 = createPlacement(db, {
      apprenticeId: b.id,
      employerId: employer.id,
      trainerUserId: trainer.id,
      frameworkVersionId: fw.version.id,
      startDate: addDays(today, -10),
    });
    expect((await act(admin, p2.id, { intent: "withdraw", endedOn: today, outcome: "not_employed", endReason: "Moved home", startingSalary: "" })).status).toBe(
      302,
    );
    expect(db.select().from(placements).where(eq(placements.id, p2.id)).get()).toMatchObject({ status: "withdrawn", startingSalaryCents: null });
  });
});

describe("list pages", () => {
  it("show the caller's apprentices and employers a page at a time, and refuse an oversized page with a message", async () => {
    for (let i = 0; i < 4; i++) createApprentice(db, { siteId: pp.id, code: `PX-${yy}-8${i}0` });
    createApprentice(db, { siteId: sr.id, code: `SX-${yy}-800` });
    type Paged = {
      apprentices: { code: string }[];
      employers: { name: string }[];
      page: { total: number; pages: number; first: number; last: number } | null;
      pageErrors: string[];
    };
    const all = await call<Paged>(apprenticesLoader, staff, "/staff/apprentices?size=100");
    const codes = all.data.apprentices.map((a) => a.code);
    expect(codes.some((c) => c.startsWith("SX-"))).toBe(false);
    const second = await call<Paged>(apprenticesLoader, staff, "/staff/apprentices?size=2&page=2");
    expect(second.data.page).toMatchObject({ total: codes.length, pages: Math.ceil(codes.length / 2), first: 3, last: 4 });
    expect(second.data.apprentices.map((a) => a.code)).toEqual(codes.slice(2, 4));
    const oversized = await call<Paged>(apprenticesLoader, staff, "/staff/apprentices?size=101");
    expect(oversized.status).toBe(400);
    expect(oversized.data.pageErrors).toEqual(["pagination.errors.size"]);
    const employersPage = await call<Paged>(employersLoader, staff, "/staff/employers?size=1");
    expect(employersPage.data.employers).toHaveLength(1);
    const ppEmployers = db.select().from(employers).where(eq(employers.siteId, pp.id)).all().length;
    expect(employersPage.data.page).toMatchObject({ total: ppEmployers, pages: ppEmployers });
    expect((await call<Paged>(employersLoader, staff, "/staff/employers?page=0")).status).toBe(400);
  });
});
