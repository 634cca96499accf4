/**
 * The records staff keep: apprentices (enrol, profile, phase, consent, exit), employers and
 * their trainers, and placements (open, correct, change trainer, transfer, end). The staff pages
 * /staff/apprentices, /staff/employers and /staff/placements write through here.
 *
 * Every function is scoped by the caller: staff reach their own site, admin every site; a
 * record out of reach is `null` (the route answers 404). Every write is one transaction with its
 * audit event; a repeated submit finds the first write and writes nothing. Nothing that history
 * depends on is ever deleted: employers, trainers and apprentices are deactivated or exited.
 */
import { and, asc, count, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";

import { endAllSessions } from "~/auth/session.server";
import { offsetOf, type PageRequest } from "~/domain/pagination";
import type { ConsentItem, EmployerSector, Gender, Phase, PlacementOutcome } from "~/domain/enums";
import { emitRecordsChanged } from "~/domain/events";
import { can, staffSites, type Actor } from "~/domain/permissions";
import { codeFitsSite, intakeYear, nextApprenticeCode, placementProblems } from "~/domain/records";
import type { FieldErrorMap } from "~/domain/field-errors";

import { audit } from "./audit.server";
import { db } from "./client.server";
import { ensureApprenticeAccount } from "./sign-in-card.server";
import {
  apprentices,
  consents,
  employers,
  flags,
  frameworks,
  frameworkVersions,
  intakes,
  phaseChanges,
  placementCorrections,
  placements,
  signInLinks,
  sites,
  users,
} from "./schema";
import { unlinkUserInTx } from "./telegram-links.server";
import { siteListScope, siteScope } from "./scope.server";

const ctx = (requestId?: string) => (requestId ? { requestId } : null);

/**
 * The site a new record goes to: staff's own; admin chooses. Null when out of reach or unknown,
 * and when staff name a site other than their own (their form sends none: a site id in the body
 * is refused, not quietly replaced).
 */
export function siteForNewRecord(actor: Actor, chosen: number | undefined) {
  const reach = staffSites(actor);
  if (reach !== "all" && chosen !== undefined && !reach.includes(chosen)) return null;
  const siteId = reach === "all" ? chosen : reach[0];
  if (siteId === undefined || !can(actor, "site.add_records", { kind: "site", siteId })) return null;
  return db().select().from(sites).where(eq(sites.id, siteId)).get() ?? null;
}

export function sitesForForm(actor: Actor) {
  return db()
    .select({ id: sites.id, code: sites.code, nameEn: sites.nameEn, nameKm: sites.nameKm })
    .from(sites)
    .where(siteScope(actor, sites.id))
    .orderBy(asc(sites.id))
    .all();
}

/** The intakes of the caller's sites, newest first (staff: read by their site, not filtered after). */
export function intakesForForm(actor: Actor) {
  return db()
    .select({ id: intakes.id, siteId: intakes.siteId, name: intakes.name, startsOn: intakes.startsOn })
    .from(intakes)
    .where(siteListScope(actor, intakes.siteId))
    .orderBy(desc(intakes.startsOn))
    .all();
}

// ---------------------------------------------------------------------------------------------
// Apprentices

/** One page of the apprentices the caller may see, by code, and how many there are in all. */
export function listApprentices(
  actor: Actor,
  filter: { siteId?: number | undefined; intakeId?: number | undefined; phase?: Phase | undefined },
  page: PageRequest,
) {
  const where = and(
    siteScope(actor, apprentices.siteId),
    filter.siteId ? eq(apprentices.siteId, filter.siteId) : undefined,
    filter.intakeId ? eq(apprentices.intakeId, filter.intakeId) : undefined,
    filter.phase ? eq(apprentices.phase, filter.phase) : undefined,
  );
  const rows = db()
    .select({
      id: apprentices.id,
      code: apprentices.code,
      preferredName: apprentices.preferredName,
      phase: apprentices.phase,
      intakeName: intakes.name,
      siteId: apprentices.siteId,
    })
    .from(apprentices)
    .leftJoin(intakes, eq(intakes.id, apprentices.intakeId))
    .where(where)
    .orderBy(asc(apprentices.code))
    .limit(page.size)
    .offset(offsetOf(page))
    .all();
  return { rows, total: db().select({ n: count() }).from(apprentices).where(where).get()?.n ?? 0 };
}

/** The next free code for each site the caller may see, by intake year (this year without an intake). */
export function proposeCode(siteId: number, year: string): string | null {
  return proposeCodes([{ siteId, year }])[0] ?? null;
}

/**
 * The next free code for each site and year, in one statement whatever their number: the
 * highest well-formed code of each `SITE-YY-` range, by the index on codes (a `like` could not
 * use it, and scanned every apprentice once per proposal).
 */
export function proposeCodes(pairs: readonly { siteId: number; year: string }[]): (string | null)[] {
  if (pairs.length === 0) return [];
  const siteCodes = new Map(
    db()
      .select({ id: sites.id, code: sites.code })
      .from(sites)
      .all()
      .map((s) => [s.id, s.code]),
  );
  const ranges = pairs.map(({ siteId, year }) => {
    const site = siteCodes.get(siteId) ?? "";
    return [`${site}-${year}-`, `${site}-${year}.`, `${site}-${year}-[0-9][0-9][0-9]`];
  });
  const highest = db()
    .$client.prepare(
      `select (select max(a.code) from apprentices a where a.code >= j.value ->> 0 and a.code < j.value ->> 1 and a.code glob j.value ->> 2)
       from json_each(@ranges) j order by j.key`,
    )
    .raw()
    .all({ ranges: JSON.stringify(ranges) }) as [string | null][];
  return pairs.map(({ siteId, year }, i) => {
    const site = siteCodes.get(siteId);
    if (!site) return null;
    const code = highest[i]?.[0];
    return nextApprenticeCode(site, year, code ? [code] : []);
  });
}

export interface ApprenticeInput {
  preferredName: string;
  legalName: string;
  dateOfBirth: string;
  gender: Gender;
  intakeId?: number | undefined;
  referralSource: string | null;
  background: string | null;
}

type Result<T> = { ok: true; value: T } | { ok: false; errors: FieldErrorMap };

function intakeOf(siteId: number, intakeId: number | undefined): { ok: true; intake: typeof intakes.$inferSelect | null } | { ok: false } {
  if (intakeId === undefined) return { ok: true, intake: null };
  const intake = db().select().from(intakes).where(eq(intakes.id, intakeId)).get();
  return intake && intake.siteId === siteId ? { ok: true, intake } : { ok: false };
}

export function createApprenticeRecord(
  input: ApprenticeInput & { code: string; siteId: number; siteCode: string; consents: ConsentItem[]; createdBy: number; today: string; requestId?: string },
): Result<{ id: number }> {
  const intake = intakeOf(input.siteId, input.intakeId);
  if (!intake.ok) return { ok: false, errors: { intakeId: ["records.errors.unknownIntake"] } };
  const year = intake.intake ? intakeYear(intake.intake.startsOn) : intakeYear(input.today);
  if (!codeFitsSite(input.code, input.siteCode, year)) return { ok: false, errors: { code: ["records.errors.codePattern"] } };
  return db().transaction((tx) => {
    const existing = tx.select().from(apprentices).where(eq(apprentices.code, input.code)).get();
    if (existing) {
      // The same person sent twice: the first write stands.
      if (existing.siteId === input.siteId && existing.legalName === input.legalName && existing.dateOfBirth === input.dateOfBirth)
        return { ok: true as const, value: { id: existing.id } };
      return { ok: false as const, errors: { code: ["records.errors.codeTaken"] } };
    }
    const row = tx
      .insert(apprentices)
      .values({
        code: input.code,
        siteId: input.siteId,
        intakeId: input.intakeId ?? null,
        preferredName: input.preferredName,
        legalName: input.legalName,
        dateOfBirth: input.dateOfBirth,
        gender: input.gender,
        referralSource: input.referralSource,
        background: input.background,
        phase: "work_readiness",
      })
      .returning({ id: apprentices.id })
      .get();
    tx.insert(phaseChanges).values({ apprenticeId: row.id, phase: "work_readiness", changedOn: input.today, recordedBy: input.createdBy }).run();
    for (const item of input.consents) tx.insert(consents).values({ apprenticeId: row.id, item, granted: true, recordedBy: input.createdBy }).run();
    audit(
      { actorUserId: input.createdBy, action: "apprentice_created", entity: "apprentice", entityId: row.id, detail: { consents: input.consents } },
      ctx(input.requestId),
      tx,
    );
    // Their sign-in account comes with them (issue 11); the PIN comes with their sign-in card.
    ensureApprenticeAccount(tx, { id: row.id, code: input.code, preferredName: input.preferredName, siteId: input.siteId }, input.createdBy, input.requestId);
    return { ok: true as const, value: row };
  });
}

export function updateApprenticeProfile(
  apprentice: { id: number; siteId: number },
  input: ApprenticeInput & { updatedBy: number; requestId?: string },
): Result<null> {
  const intake = intakeOf(apprentice.siteId, input.intakeId);
  if (!intake.ok) return { ok: false, errors: { intakeId: ["records.errors.unknownIntake"] } };
  db().transaction((tx) => {
    const { updatedBy, requestId, intakeId, ...values } = input;
    tx.update(apprentices)
      .set({ ...values, intakeId: intakeId ?? null })
      .where(eq(apprentices.id, apprentice.id))
      .run();
    audit({ actorUserId: updatedBy, action: "apprentice_profile_updated", entity: "apprentice", entityId: apprentice.id }, ctx(requestId), tx);
  });
  return { ok: true, value: null };
}

/** Record a phase change; the same phase again on the same date writes nothing. */
export function changePhase(
  apprentice: { id: number; phase: Phase },
  input: { phase: Phase; changedOn: string; note: string | null; recordedBy: number; requestId?: string },
): Result<"saved" | "unchanged"> {
  if (apprentice.phase === "exited") return { ok: false, errors: { phase: ["records.errors.exited"] } };
  return db().transaction((tx) => {
    const latest = tx.select().from(phaseChanges).where(eq(phaseChanges.apprenticeId, apprentice.id)).orderBy(desc(phaseChanges.id)).get();
    if (apprentice.phase === input.phase && latest?.phase === input.phase && latest.changedOn === input.changedOn)
      return { ok: true as const, value: "unchanged" as const };
    if (latest && input.changedOn < latest.changedOn) return { ok: false as const, errors: { changedOn: ["records.errors.beforeLastPhase"] } };
    tx.insert(phaseChanges)
      .values({ apprenticeId: apprentice.id, phase: input.phase, changedOn: input.changedOn, note: input.note, recordedBy: input.recordedBy })
      .run();
    tx.update(apprentices).set({ phase: input.phase }).where(eq(apprentices.id, apprentice.id)).run();
    audit(
      { actorUserId: input.recordedBy, action: "apprentice_phase_changed", entity: "apprentice", entityId: apprentice.id, detail: { phase: input.phase } },
      ctx(input.requestId),
      tx,
    );
    return { ok: true as const, value: "saved" as const };
  });
}

/** Grant or withdraw one consent item. Consent is a history (append-only); the same answer again writes nothing. */
export function recordConsent(
  apprenticeId: number,
  input: { item: ConsentItem; granted: boolean; note: string | null; recordedBy: number; requestId?: string },
): "saved" | "unchanged" {
  return db().transaction((tx) => {
    const latest = tx
      .select()
      .from(consents)
      .where(and(eq(consents.apprenticeId, apprenticeId), eq(consents.item, input.item)))
      .orderBy(desc(consents.id))
      .get();
    const current = latest?.granted ?? false;
    if (current === input.granted) return "unchanged";
    tx.insert(consents).values({ apprenticeId, item: input.item, granted: input.granted, note: input.note, recordedBy: input.recordedBy }).run();
    audit(
      {
        actorUserId: input.recordedBy,
        action: input.granted ? "consent_granted" : "consent_withdrawn",
        entity: "apprentice",
        entityId: apprenticeId,
        detail: { item: input.item },
      },
      ctx(input.requestId),
      tx,
    );
    return "saved";
  });
}

export function consentHistory(apprenticeId: number) {
  return db()
    .select({
      id: consents.id,
      item: consents.item,
      granted: consents.granted,
      recordedAt: consents.recordedAt,
      note: consents.note,
      recordedBy: users.displayName,
    })
    .from(consents)
    .leftJoin(users, eq(users.id, consents.recordedBy))
    .where(eq(consents.apprenticeId, apprenticeId))
    .orderBy(desc(consents.id))
    .all();
}

export function phaseHistory(apprenticeId: number) {
  return db()
    .select({
      id: phaseChanges.id,
      phase: phaseChanges.phase,
      changedOn: phaseChanges.changedOn,
      exitOutcome: phaseChanges.exitOutcome,
      note: phaseChanges.note,
      recordedBy: users.displayName,
    })
    .from(phaseChanges)
    .leftJoin(users, eq(users.id, phaseChanges.recordedBy))
    .where(eq(phaseChanges.apprenticeId, apprenticeId))
    .orderBy(desc(phaseChanges.changedOn), desc(phaseChanges.id))
    .all();
}

/** Exit the programme with an outcome (kept on the exit's phase change, the reason as its note). An active placement must be ended first. */
export function exitApprentice(
  apprentice: { id: number; phase: Phase },
  input: { exitedOn: string; outcome: PlacementOutcome; reason: string; recordedBy: number; requestId?: string },
): Result<"saved" | "unchanged"> {
  if (apprentice.phase === "exited") return { ok: true, value: "unchanged" };
  return db().transaction((tx) => {
    const active = tx
      .select({ id: placements.id })
      .from(placements)
      .where(and(eq(placements.apprenticeId, apprentice.id), eq(placements.status, "active")))
      .get();
    if (active) return { ok: false as const, errors: { exitedOn: ["records.errors.exitActivePlacement"] } };
    const latest = tx
      .select({ changedOn: phaseChanges.changedOn })
      .from(phaseChanges)
      .where(eq(phaseChanges.apprenticeId, apprentice.id))
      .orderBy(desc(phaseChanges.changedOn))
      .get();
    if (latest && input.exitedOn < latest.changedOn) return { ok: false as const, errors: { exitedOn: ["records.errors.beforeLastPhase"] } };
    tx.insert(phaseChanges)
      .values({
        apprenticeId: apprentice.id,
        phase: "exited",
        changedOn: input.exitedOn,
        exitOutcome: input.outcome,
        note: input.reason,
        recordedBy: input.recordedBy,
      })
      .run();
    tx.update(apprentices).set({ phase: "exited" }).where(eq(apprentices.id, apprentice.id)).run();
    audit(
      { actorUserId: input.recordedBy, action: "apprentice_exited", entity: "apprentice", entityId: apprentice.id, detail: { outcome: input.outcome } },
      ctx(input.requestId),
      tx,
    );
    return { ok: true as const, value: "saved" as const };
  });
}

// ---------------------------------------------------------------------------------------------
// Employers and trainers

/**
 * Counts by a key, from a grouped query. (The lists below once counted with correlated
 * subqueries written as `sql` templates; drizzle leaves a column unqualified there when the outer
 * query reads one table, so `"employer_id" = "id"` compared two columns of the inner table and
 * every employer showed "1 trainer · 0 active placements".)
 */
function countsBy(rows: readonly { key: number | null; n: number }[]): Map<number, number> {
  return new Map(rows.flatMap((r) => (r.key === null ? [] : [[r.key, r.n] as const])));
}

/** One page of the employers the caller may see (active first, by name), and how many in all. */
export function listEmployers(actor: Actor, page: PageRequest) {
  const where = siteScope(actor, employers.siteId);
  const rows = db()
    .select({
      id: employers.id,
      name: employers.name,
      sector: employers.sector,
      district: employers.district,
      active: employers.active,
      siteId: employers.siteId,
    })
    .from(employers)
    .where(where)
    .orderBy(desc(employers.active), asc(employers.name))
    .limit(page.size)
    .offset(offsetOf(page))
    .all();
  const total = db().select({ n: count() }).from(employers).where(where).get()?.n ?? 0;
  if (rows.length === 0) return { rows: [], total };
  const ids = rows.map((r) => r.id);
  const activePlacements = countsBy(
    db()
      .select({ key: placements.employerId, n: count() })
      .from(placements)
      .where(and(inArray(placements.employerId, ids), eq(placements.status, "active")))
      .groupBy(placements.employerId)
      .all(),
  );
  const trainers = countsBy(
    db()
      .select({ key: users.employerId, n: count() })
      .from(users)
      .where(and(inArray(users.employerId, ids), eq(users.role, "trainer"), eq(users.active, true)))
      .groupBy(users.employerId)
      .all(),
  );
  return { rows: rows.map((r) => ({ ...r, activePlacements: activePlacements.get(r.id) ?? 0, trainers: trainers.get(r.id) ?? 0 })), total };
}

export function getEmployerForStaff(actor: Actor, employerId: number) {
  if (!Number.isSafeInteger(employerId)) return null;
  const row = db().select().from(employers).where(eq(employers.id, employerId)).get();
  return row && can(actor, "employer.manage", { kind: "employer", siteId: row.siteId, employerId: row.id }) ? row : null;
}

export type StaffEmployer = NonNullable<ReturnType<typeof getEmployerForStaff>>;

export interface EmployerInput {
  name: string;
  sector: EmployerSector;
  district: string;
  contactName: string | null;
  contactPhone: string | null;
}

const sameEmployer = (row: typeof employers.$inferSelect, input: EmployerInput) =>
  row.sector === input.sector && row.district === input.district && row.contactName === input.contactName && row.contactPhone === input.contactPhone;

export function createEmployerRecord(input: EmployerInput & { siteId: number; createdBy: number; requestId?: string }): Result<{ id: number }> {
  return db().transaction((tx) => {
    const existing = tx
      .select()
      .from(employers)
      .where(and(eq(employers.siteId, input.siteId), eq(employers.name, input.name)))
      .get();
    if (existing)
      return sameEmployer(existing, input)
        ? { ok: true as const, value: { id: existing.id } }
        : { ok: false as const, errors: { name: ["records.errors.employerTaken"] } };
    const { createdBy, requestId, ...values } = input;
    const row = tx.insert(employers).values(values).returning({ id: employers.id }).get();
    audit({ actorUserId: createdBy, action: "employer_created", entity: "employer", entityId: row.id }, ctx(requestId), tx);
    return { ok: true as const, value: row };
  });
}

export function updateEmployerRecord(employer: StaffEmployer, input: EmployerInput & { updatedBy: number; requestId?: string }): Result<null> {
  return db().transaction((tx) => {
    const clash = tx
      .select({ id: employers.id })
      .from(employers)
      .where(and(eq(employers.siteId, employer.siteId), eq(employers.name, input.name), ne(employers.id, employer.id)))
      .get();
    if (clash) return { ok: false as const, errors: { name: ["records.errors.employerTaken"] } };
    const { updatedBy, requestId, ...values } = input;
    tx.update(employers).set(values).where(eq(employers.id, employer.id)).run();
    audit({ actorUserId: updatedBy, action: "employer_updated", entity: "employer", entityId: employer.id }, ctx(requestId), tx);
    return { ok: true as const, value: null };
  });
}

/** Deactivate (never delete): its placements and assessments depend on it. Active placements must be ended or transferred first. */
export function setEmployerActive(employer: StaffEmployer, input: { active: boolean; actorUserId: number; requestId?: string }): Result<"saved" | "unchanged"> {
  if (employer.active === input.active) return { ok: true, value: "unchanged" };
  return db().transaction((tx) => {
    if (!input.active) {
      const open =
        tx
          .select({ n: sql<number>`count(*)` })
          .from(placements)
          .where(and(eq(placements.employerId, employer.id), eq(placements.status, "active")))
          .get()?.n ?? 0;
      if (open > 0) return { ok: false as const, errors: { form: ["records.errors.employerHasPlacements"] } };
    }
    tx.update(employers).set({ active: input.active }).where(eq(employers.id, employer.id)).run();
    audit(
      { actorUserId: input.actorUserId, action: input.active ? "employer_reactivated" : "employer_deactivated", entity: "employer", entityId: employer.id },
      ctx(input.requestId),
      tx,
    );
    return { ok: true as const, value: "saved" as const };
  });
}

export function employerTrainers(employerId: number) {
  const rows = db()
    .select({
      id: users.id,
      displayName: users.displayName,
      username: users.username,
      phone: users.phone,
      active: users.active,
    })
    .from(users)
    .where(and(eq(users.employerId, employerId), eq(users.role, "trainer")))
    .orderBy(desc(users.active), asc(users.displayName))
    .all();
  if (rows.length === 0) return [];
  const activePlacements = countsBy(
    db()
      .select({ key: placements.trainerUserId, n: count() })
      .from(placements)
      .where(
        and(
          inArray(
            placements.trainerUserId,
            rows.map((r) => r.id),
          ),
          eq(placements.status, "active"),
        ),
      )
      .groupBy(placements.trainerUserId)
      .all(),
  );
  return rows.map((r) => ({ ...r, activePlacements: activePlacements.get(r.id) ?? 0 }));
}

/** The employer's placements, newest first, each with its open flags. */
export function employerPlacements(employerId: number) {
  const rows = db()
    .select({
      id: placements.id,
      status: placements.status,
      startDate: placements.startDate,
      endedOn: placements.endedOn,
      apprenticeCode: apprentices.code,
      preferredName: apprentices.preferredName,
      trainerName: users.displayName,
      tradeEn: frameworks.tradeEn,
      tradeKm: frameworks.tradeKm,
    })
    .from(placements)
    .innerJoin(apprentices, eq(apprentices.id, placements.apprenticeId))
    .innerJoin(users, eq(users.id, placements.trainerUserId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(placements.employerId, employerId))
    .orderBy(desc(placements.startDate), desc(placements.id))
    .all();
  const open = rows.length
    ? db()
        .select({ id: flags.id, placementId: flags.placementId, rule: flags.rule, severity: flags.severity })
        .from(flags)
        .where(
          and(
            inArray(
              flags.placementId,
              rows.map((r) => r.id),
            ),
            inArray(flags.status, ["open", "acknowledged"]),
          ),
        )
        .all()
    : [];
  return rows.map((r) => ({ ...r, flags: open.filter((f) => f.placementId === r.id).map(({ placementId: _p, ...f }) => f) }));
}

export function createTrainerRecord(
  employer: StaffEmployer,
  input: { displayName: string; username: string; phone: string | null; createdBy: number; requestId?: string },
): Result<{ id: number }> {
  if (!employer.active) return { ok: false, errors: { displayName: ["records.errors.employerInactive"] } };
  return db().transaction((tx) => {
    const existing = tx.select().from(users).where(eq(users.username, input.username)).get();
    if (existing) {
      if (existing.role === "trainer" && existing.employerId === employer.id && existing.displayName === input.displayName)
        return { ok: true as const, value: { id: existing.id } };
      return { ok: false as const, errors: { username: ["records.errors.usernameTaken"] } };
    }
    // No password: a trainer signs in with a personal link that staff issue.
    const row = tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        phone: input.phone,
        role: "trainer",
        siteId: employer.siteId,
        employerId: employer.id,
        passwordHash: null,
      })
      .returning({ id: users.id })
      .get();
    audit(
      { actorUserId: input.createdBy, action: "trainer_created", entity: "user", entityId: row.id, detail: { employerId: employer.id } },
      ctx(input.requestId),
      tx,
    );
    return { ok: true as const, value: row };
  });
}

export function getEmployerTrainer(employer: StaffEmployer, trainerUserId: number) {
  const row = db()
    .select()
    .from(users)
    .where(and(eq(users.id, trainerUserId), eq(users.role, "trainer"), eq(users.employerId, employer.id)))
    .get();
  return row ?? null;
}

/**
 * Deactivate a trainer: their sessions end and their sign-in links are revoked. A trainer who is
 * the primary trainer of an active placement must be replaced on it first.
 */
export function deactivateTrainer(trainer: { id: number; active: boolean }, input: { actorUserId: number; requestId?: string }): Result<"saved" | "unchanged"> {
  if (!trainer.active) return { ok: true, value: "unchanged" };
  const result = db().transaction((tx) => {
    const open =
      tx
        .select({ n: sql<number>`count(*)` })
        .from(placements)
        .where(and(eq(placements.trainerUserId, trainer.id), eq(placements.status, "active")))
        .get()?.n ?? 0;
    if (open > 0) return { ok: false as const, errors: { form: ["records.errors.trainerHasPlacements"] } };
    const now = new Date();
    tx.update(users).set({ active: false, deactivatedAt: now }).where(eq(users.id, trainer.id)).run();
    const revoked = tx
      .update(signInLinks)
      .set({ revokedAt: now, revokedBy: input.actorUserId })
      .where(and(eq(signInLinks.userId, trainer.id), isNull(signInLinks.revokedAt)))
      .run().changes;
    audit(
      { actorUserId: input.actorUserId, action: "trainer_deactivated", entity: "user", entityId: trainer.id, detail: { linksRevoked: revoked } },
      ctx(input.requestId),
      tx,
    );
    // No more reminders to a deactivated trainer's Telegram (issue 13).
    unlinkUserInTx(tx, {
      userId: trainer.id,
      actorUserId: input.actorUserId,
      reason: "deactivated",
      now,
      ...(input.requestId ? { requestId: input.requestId } : {}),
    });
    return { ok: true as const, value: "saved" as const };
  });
  if (result.ok) endAllSessions(trainer.id);
  return result;
}

export function reactivateTrainer(trainer: { id: number; active: boolean }, input: { actorUserId: number; requestId?: string }): "saved" | "unchanged" {
  if (trainer.active) return "unchanged";
  db().transaction((tx) => {
    tx.update(users).set({ active: true, deactivatedAt: null }).where(eq(users.id, trainer.id)).run();
    audit({ actorUserId: input.actorUserId, action: "trainer_reactivated", entity: "user", entityId: trainer.id }, ctx(input.requestId), tx);
  });
  return "saved";
}

/**
 * Set or remove a trainer's phone (SMS reminders go to it, docs/decisions/0018). The same phone
 * again writes nothing. The audit row says what happened, not the number (no personal detail).
 */
export function setTrainerPhone(trainer: { id: number }, input: { phone: string | null; actorUserId: number; requestId?: string }): "saved" | "unchanged" {
  return db().transaction((tx) => {
    const current = tx
      .select({ phone: users.phone })
      .from(users)
      .where(and(eq(users.id, trainer.id), eq(users.role, "trainer")))
      .get();
    if (!current || current.phone === input.phone) return "unchanged" as const;
    tx.update(users).set({ phone: input.phone }).where(eq(users.id, trainer.id)).run();
    audit(
      {
        actorUserId: input.actorUserId,
        action: "trainer_phone_changed",
        entity: "user",
        entityId: trainer.id,
        detail: { removed: input.phone === null, hadPhone: current.phone !== null },
      },
      ctx(input.requestId),
      tx,
    );
    return "saved" as const;
  });
}

// ---------------------------------------------------------------------------------------------
// Placements

/** Choices for a new placement within the caller's reach. */
export function placementChoices(actor: Actor) {
  const activeIds = new Set(
    db()
      .select({ id: placements.apprenticeId })
      .from(placements)
      .where(eq(placements.status, "active"))
      .all()
      .map((r) => r.id),
  );
  const apprenticeRows = db()
    .select({ id: apprentices.id, code: apprentices.code, preferredName: apprentices.preferredName, siteId: apprentices.siteId, phase: apprentices.phase })
    .from(apprentices)
    .where(siteScope(actor, apprentices.siteId))
    .orderBy(asc(apprentices.code))
    .all();
  const employerRows = db()
    .select({ id: employers.id, name: employers.name, siteId: employers.siteId })
    .from(employers)
    .where(and(eq(employers.active, true), siteScope(actor, employers.siteId)))
    .orderBy(asc(employers.name))
    .all();
  const employerIds = new Set(employerRows.map((e) => e.id));
  const trainerRows = db()
    .select({ id: users.id, displayName: users.displayName, employerId: users.employerId })
    .from(users)
    .where(and(eq(users.role, "trainer"), eq(users.active, true)))
    .orderBy(asc(users.displayName))
    .all()
    .filter((t) => t.employerId !== null && employerIds.has(t.employerId));
  return {
    apprentices: apprenticeRows.filter((a) => !activeIds.has(a.id) && a.phase !== "exited").map(({ phase: _p, ...a }) => a),
    employers: employerRows,
    trainers: trainerRows.map((t) => ({ id: t.id, displayName: t.displayName, employerId: t.employerId! })),
    versions: publishedVersions(),
  };
}

export function publishedVersions() {
  return db()
    .select({
      id: frameworkVersions.id,
      version: frameworkVersions.version,
      typicalWeeks: frameworkVersions.typicalWeeks,
      tradeEn: frameworks.tradeEn,
      tradeKm: frameworks.tradeKm,
      code: frameworks.code,
    })
    .from(frameworkVersions)
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(frameworkVersions.status, "published"))
    .orderBy(asc(frameworks.tradeEn), desc(frameworkVersions.version))
    .all();
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];

function placementFacts(
  tx: Tx,
  input: { apprenticeId: number; employerId: number; trainerUserId: number; frameworkVersionId: number; plannedWeeks: number },
  ignorePlacementId?: number,
) {
  const apprentice = tx.select({ siteId: apprentices.siteId, phase: apprentices.phase }).from(apprentices).where(eq(apprentices.id, input.apprenticeId)).get();
  const active = tx
    .select({ id: placements.id })
    .from(placements)
    .where(
      and(
        eq(placements.apprenticeId, input.apprenticeId),
        eq(placements.status, "active"),
        ignorePlacementId ? ne(placements.id, ignorePlacementId) : undefined,
      ),
    )
    .get();
  const employer = tx
    .select({ id: employers.id, siteId: employers.siteId, active: employers.active })
    .from(employers)
    .where(eq(employers.id, input.employerId))
    .get();
  const trainer = tx
    .select({ employerId: users.employerId, active: users.active, role: users.role })
    .from(users)
    .where(eq(users.id, input.trainerUserId))
    .get();
  const version = tx.select({ status: frameworkVersions.status }).from(frameworkVersions).where(eq(frameworkVersions.id, input.frameworkVersionId)).get();
  return {
    apprentice: apprentice ? { ...apprentice, hasActivePlacement: active !== undefined } : null,
    employer: employer ?? null,
    trainer: trainer ?? null,
    version: version ?? null,
    plannedWeeks: input.plannedWeeks,
  };
}

export interface PlacementInput {
  apprenticeId: number;
  employerId: number;
  trainerUserId: number;
  frameworkVersionId: number;
  startDate: string;
  plannedWeeks: number;
  educationWeekdays: string;
  stipendHagarCents: number;
  stipendEmployerCents: number;
}

/** Open a placement. Checked first (one active placement per apprentice, the trainer's employer, a published version). */
export function createPlacementRecord(actor: Actor, input: PlacementInput & { createdBy: number; requestId?: string }): Result<{ id: number }> {
  const result = db().transaction((tx) => {
    const facts = placementFacts(tx, input);
    // Records out of the caller's reach are "unknown", as if they did not exist.
    if (facts.apprentice && !can(actor, "apprentice.manage", { kind: "apprentice", siteId: facts.apprentice.siteId, apprenticeId: input.apprenticeId }))
      facts.apprentice = null;
    if (facts.employer && !can(actor, "employer.manage", { kind: "employer", siteId: facts.employer.siteId, employerId: facts.employer.id }))
      facts.employer = null;
    if (facts.apprentice?.hasActivePlacement) {
      const same = tx
        .select({ id: placements.id })
        .from(placements)
        .where(
          and(
            eq(placements.apprenticeId, input.apprenticeId),
            eq(placements.status, "active"),
            eq(placements.employerId, input.employerId),
            eq(placements.trainerUserId, input.trainerUserId),
            eq(placements.frameworkVersionId, input.frameworkVersionId),
            eq(placements.startDate, input.startDate),
          ),
        )
        .get();
      if (same) return { ok: true as const, value: same, fresh: false };
    }
    const problems = placementProblems(facts);
    if (Object.keys(problems).length > 0) return { ok: false as const, errors: problems };
    const { createdBy, requestId, ...values } = input;
    const row = tx
      .insert(placements)
      .values({ ...values, createdBy })
      .returning({ id: placements.id })
      .get();
    audit(
      {
        actorUserId: createdBy,
        action: "placement_created",
        entity: "placement",
        entityId: row.id,
        detail: { apprenticeId: input.apprenticeId, employerId: input.employerId },
      },
      ctx(requestId),
      tx,
    );
    return { ok: true as const, value: row, fresh: true };
  });
  if (!result.ok) return result;
  if (result.fresh) emitRecordsChanged({ placementId: result.value.id, kinds: ["placement"] });
  return { ok: true, value: result.value };
}

/** Trainers of the placement's employer who may become its primary trainer. */
export function trainersOfEmployer(employerId: number) {
  return db()
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.employerId, employerId), eq(users.role, "trainer"), eq(users.active, true)))
    .orderBy(asc(users.displayName))
    .all();
}

/** Trainers and employers of the placement's site, for a transfer. */
export function transferChoices(siteId: number) {
  const employerRows = db()
    .select({ id: employers.id, name: employers.name })
    .from(employers)
    .where(and(eq(employers.siteId, siteId), eq(employers.active, true)))
    .orderBy(asc(employers.name))
    .all();
  const ids = employerRows.map((e) => e.id);
  const trainerRows = ids.length
    ? db()
        .select({ id: users.id, displayName: users.displayName, employerId: users.employerId })
        .from(users)
        .where(and(inArray(users.employerId, ids), eq(users.role, "trainer"), eq(users.active, true)))
        .orderBy(asc(users.displayName))
        .all()
    : [];
  return { employers: employerRows, trainers: trainerRows.map((t) => ({ id: t.id, displayName: t.displayName, employerId: t.employerId! })) };
}

interface PlacementRef {
  id: number;
  status: string;
  employerId: number;
  trainerUserId: number;
  startDate: string;
}

const notActive = { ok: false as const, errors: { form: ["records.errors.placementNotActive"] } };

export function changePrimaryTrainer(
  p: PlacementRef,
  input: { trainerUserId: number; actorUserId: number; requestId?: string },
): Result<"saved" | "unchanged"> {
  if (p.trainerUserId === input.trainerUserId) return { ok: true, value: "unchanged" };
  if (p.status !== "active") return notActive;
  const trainer = db().select().from(users).where(eq(users.id, input.trainerUserId)).get();
  if (!trainer || trainer.role !== "trainer") return { ok: false, errors: { trainerUserId: ["records.errors.unknownTrainer"] } };
  if (trainer.employerId !== p.employerId) return { ok: false, errors: { trainerUserId: ["records.errors.trainerOtherEmployer"] } };
  if (!trainer.active) return { ok: false, errors: { trainerUserId: ["records.errors.trainerInactive"] } };
  db().transaction((tx) => {
    tx.update(placements).set({ trainerUserId: trainer.id }).where(eq(placements.id, p.id)).run();
    audit(
      {
        actorUserId: input.actorUserId,
        action: "placement_trainer_changed",
        entity: "placement",
        entityId: p.id,
        detail: { from: p.trainerUserId, to: trainer.id },
      },
      ctx(input.requestId),
      tx,
    );
  });
  emitRecordsChanged({ placementId: p.id, kinds: ["placement"] });
  return { ok: true, value: "saved" };
}

/** Close a placement as transferred and open its successor, in one transaction; history is kept on both. */
export function transferPlacement(
  actor: Actor,
  p: PlacementRef & { apprenticeId: number; stipendHagarCents: number; stipendEmployerCents: number; educationWeekdays?: string },
  input: {
    employerId: number;
    trainerUserId: number;
    frameworkVersionId: number;
    transferOn: string;
    plannedWeeks: number;
    actorUserId: number;
    requestId?: string;
  },
): Result<{ id: number }> {
  const result = db().transaction((tx) => {
    const already = tx.select({ id: placements.id }).from(placements).where(eq(placements.transferredFromId, p.id)).get();
    if (p.status === "transferred" && already) return { ok: true as const, value: already, fresh: false };
    if (p.status !== "active") return notActive;
    if (input.transferOn < p.startDate) return { ok: false as const, errors: { transferOn: ["records.errors.beforeStart"] } };
    if (input.employerId === p.employerId) return { ok: false as const, errors: { employerId: ["records.errors.sameEmployer"] } };
    const facts = placementFacts(tx, { apprenticeId: p.apprenticeId, ...input }, p.id);
    if (facts.employer && !can(actor, "employer.manage", { kind: "employer", siteId: facts.employer.siteId, employerId: facts.employer.id }))
      facts.employer = null;
    const problems = placementProblems(facts);
    if (Object.keys(problems).length > 0) return { ok: false as const, errors: problems };
    const current = tx.select().from(placements).where(eq(placements.id, p.id)).get()!;
    tx.update(placements).set({ status: "transferred", endedOn: input.transferOn, endReason: "transferred" }).where(eq(placements.id, p.id)).run();
    const row = tx
      .insert(placements)
      .values({
        apprenticeId: p.apprenticeId,
        employerId: input.employerId,
        trainerUserId: input.trainerUserId,
        frameworkVersionId: input.frameworkVersionId,
        startDate: input.transferOn,
        plannedWeeks: input.plannedWeeks,
        workingWeekdays: current.workingWeekdays,
        educationWeekdays: current.educationWeekdays,
        stipendHagarCents: current.stipendHagarCents,
        stipendEmployerCents: current.stipendEmployerCents,
        transferredFromId: p.id,
        createdBy: input.actorUserId,
      })
      .returning({ id: placements.id })
      .get();
    audit(
      {
        actorUserId: input.actorUserId,
        action: "placement_transferred",
        entity: "placement",
        entityId: p.id,
        detail: { to: row.id, employerId: input.employerId },
      },
      ctx(input.requestId),
      tx,
    );
    return { ok: true as const, value: row, fresh: true };
  });
  if (!result.ok) return result;
  if (result.fresh) {
    emitRecordsChanged({ placementId: p.id, kinds: ["placement"] });
    emitRecordsChanged({ placementId: result.value.id, kinds: ["placement"] });
  }
  return { ok: true, value: result.value };
}

/** Whether anything was recorded week by week on a placement: reviews, sign-offs or attendance. */
export function hasWeeklyRecords(placementId: number, database: Pick<ReturnType<typeof db>, "get"> = db()): boolean {
  const row = database.get<{ n: number }>(sql`
    select exists(select 1 from weekly_reviews where placement_id = ${placementId})
        or exists(select 1 from assessments where placement_id = ${placementId})
        or exists(select 1 from attendance where placement_id = ${placementId}) as n`);
  return (row?.n ?? 0) === 1;
}

/**
 * Complete or withdraw a placement, with outcome, end reason and starting salary. The same end
 * again writes nothing. Any active placement can be withdrawn, one that never started too: its
 * end may then be before its start, as long as nothing was recorded week by week.
 */
export function endPlacement(
  p: PlacementRef,
  input: {
    status: "completed" | "withdrawn";
    endedOn: string;
    outcome: PlacementOutcome;
    endReason: string;
    startingSalaryCents: number | null;
    actorUserId: number;
    requestId?: string;
  },
): Result<"saved" | "unchanged"> {
  if (p.status === input.status) return { ok: true, value: "unchanged" };
  if (p.status !== "active") return notActive;
  if (input.endedOn < p.startDate && (input.status === "completed" || hasWeeklyRecords(p.id)))
    return { ok: false, errors: { endedOn: ["records.errors.beforeStart"] } };
  db().transaction((tx) => {
    tx.update(placements)
      .set({ status: input.status, endedOn: input.endedOn, outcome: input.outcome, endReason: input.endReason, startingSalaryCents: input.startingSalaryCents })
      .where(and(eq(placements.id, p.id), eq(placements.status, "active")))
      .run();
    audit(
      {
        actorUserId: input.actorUserId,
        action: input.status === "completed" ? "placement_completed" : "placement_withdrawn",
        entity: "placement",
        entityId: p.id,
        detail: { outcome: input.outcome },
      },
      ctx(input.requestId),
      tx,
    );
  });
  emitRecordsChanged({ placementId: p.id, kinds: ["placement"] });
  return { ok: true, value: "saved" };
}

/** The placements a transfer links this one to: the one it came from and the one it went to. */
export function transferLinks(placementId: number) {
  const self = db().select({ from: placements.transferredFromId }).from(placements).where(eq(placements.id, placementId)).get();
  const to = db().select({ id: placements.id }).from(placements).where(eq(placements.transferredFromId, placementId)).get();
  return { fromId: self?.from ?? null, toId: to?.id ?? null };
}

/**
 * Correct a placement's start date and planned length, with a reason, while nothing was
 * recorded week by week: then no week of the record hangs on the start yet. The placement keeps
 * the corrected values; `placement_corrections` keeps what they were and why. The same values
 * again write nothing.
 */
export function correctPlacement(
  p: PlacementRef & { plannedWeeks: number; transferredFromId: number | null },
  input: { startDate: string; plannedWeeks: number; reason: string; actorUserId: number; requestId?: string },
): Result<"saved" | "unchanged"> {
  if (p.status !== "active") return notActive;
  if (p.startDate === input.startDate && p.plannedWeeks === input.plannedWeeks) return { ok: true, value: "unchanged" };
  const result = db().transaction((tx): Result<"saved"> => {
    if (hasWeeklyRecords(p.id, tx)) return { ok: false, errors: { form: ["records.correct.errors.hasRecords"] } };
    if (p.transferredFromId !== null) {
      const from = tx.select({ endedOn: placements.endedOn }).from(placements).where(eq(placements.id, p.transferredFromId)).get();
      if (from?.endedOn && input.startDate < from.endedOn) return { ok: false, errors: { startDate: ["records.correct.errors.beforeTransfer"] } };
    }
    tx.update(placements)
      .set({ startDate: input.startDate, plannedWeeks: input.plannedWeeks })
      .where(and(eq(placements.id, p.id), eq(placements.status, "active")))
      .run();
    tx.insert(placementCorrections)
      .values({
        placementId: p.id,
        fromStartDate: p.startDate,
        toStartDate: input.startDate,
        fromPlannedWeeks: p.plannedWeeks,
        toPlannedWeeks: input.plannedWeeks,
        reason: input.reason,
        correctedBy: input.actorUserId,
      })
      .run();
    // The reason is free text: it stays in placement_corrections, the audit event holds dates and numbers.
    audit(
      {
        actorUserId: input.actorUserId,
        action: "placement_corrected",
        entity: "placement",
        entityId: p.id,
        detail: { fromStartDate: p.startDate, toStartDate: input.startDate, fromPlannedWeeks: p.plannedWeeks, toPlannedWeeks: input.plannedWeeks },
      },
      ctx(input.requestId),
      tx,
    );
    return { ok: true, value: "saved" };
  });
  if (result.ok) emitRecordsChanged({ placementId: p.id, kinds: ["placement"] });
  return result;
}
