/**
 * Competency frameworks, programme-wide: draft → published (immutable) → retired. Every write is
 * one transaction with its audit event. Database triggers also refuse any change to the units and
 * competencies of a version that is not a draft (drizzle/0001_append_only_triggers.sql).
 */
import { and, asc, desc, eq, max } from "drizzle-orm";

import type { EmployerSector } from "~/domain/enums";
import { flattenUnits, groupRows, sameContent, type FrameworkRow } from "~/domain/frameworks";

import { audit } from "./audit.server";
import { db, type DB } from "./client.server";
import { competencies, frameworks, frameworkUnits, frameworkVersions } from "./schema";

type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0];
type Ctx = { userId: number; requestId: string };

export function listFrameworks() {
  const fws = db().select().from(frameworks).orderBy(asc(frameworks.code)).all();
  const versions = db()
    .select({
      id: frameworkVersions.id,
      frameworkId: frameworkVersions.frameworkId,
      version: frameworkVersions.version,
      status: frameworkVersions.status,
      typicalWeeks: frameworkVersions.typicalWeeks,
      publishedAt: frameworkVersions.publishedAt,
    })
    .from(frameworkVersions)
    .orderBy(desc(frameworkVersions.version))
    .all();
  return fws.map((f) => ({ ...f, versions: versions.filter((v) => v.frameworkId === f.id) }));
}

export function getVersion(versionId: number, tx: Pick<DB, "select"> = db()) {
  if (!Number.isSafeInteger(versionId)) return null;
  return (
    tx
      .select({
        id: frameworkVersions.id,
        frameworkId: frameworkVersions.frameworkId,
        version: frameworkVersions.version,
        status: frameworkVersions.status,
        typicalWeeks: frameworkVersions.typicalWeeks,
        publishedAt: frameworkVersions.publishedAt,
        retiredAt: frameworkVersions.retiredAt,
        code: frameworks.code,
        tradeEn: frameworks.tradeEn,
        tradeKm: frameworks.tradeKm,
        sector: frameworks.sector,
      })
      .from(frameworkVersions)
      .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
      .where(eq(frameworkVersions.id, versionId))
      .get() ?? null
  );
}

export type FrameworkVersion = NonNullable<ReturnType<typeof getVersion>>;

export function getFramework(frameworkId: number) {
  if (!Number.isSafeInteger(frameworkId)) return null;
  return db().select().from(frameworks).where(eq(frameworks.id, frameworkId)).get() ?? null;
}

/** The units of a version with their competencies, in order (with ids, for editing). */
export function loadUnits(versionId: number, tx: Pick<DB, "select"> = db()) {
  const units = tx
    .select()
    .from(frameworkUnits)
    .where(eq(frameworkUnits.versionId, versionId))
    .orderBy(asc(frameworkUnits.position), asc(frameworkUnits.id))
    .all();
  const comps = tx.select().from(competencies).where(eq(competencies.versionId, versionId)).orderBy(asc(competencies.position), asc(competencies.id)).all();
  return units.map((u) => ({ ...u, competencies: comps.filter((c) => c.unitId === u.id) }));
}

/** A version as CSV rows, one per competency. */
export function versionRows(versionId: number, tx: Pick<DB, "select"> = db()): FrameworkRow[] {
  return flattenUnits(
    loadUnits(versionId, tx).map((u) => ({
      code: u.code,
      titleEn: u.titleEn,
      titleKm: u.titleKm,
      competencies: u.competencies.map((c) => ({
        code: c.code,
        titleEn: c.titleEn,
        titleKm: c.titleKm,
        criteriaEn: c.criteriaEn,
        criteriaKm: c.criteriaKm,
        expectedByWeek: c.expectedByWeek,
      })),
    })),
  );
}

function insertRows(tx: Tx, versionId: number, rows: FrameworkRow[]) {
  groupRows(rows).forEach((unit, u) => {
    const row = tx.insert(frameworkUnits).values({ versionId, code: unit.code, titleEn: unit.titleEn, titleKm: unit.titleKm, position: u }).returning().get();
    unit.competencies.forEach((c, i) => {
      tx.insert(competencies)
        .values({ ...c, unitId: row.id, versionId, position: i })
        .run();
    });
  });
}

function latestVersion(tx: Pick<DB, "select">, frameworkId: number) {
  return (
    tx.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, frameworkId)).orderBy(desc(frameworkVersions.version)).limit(1).get() ?? null
  );
}

function addVersion(tx: Tx, frameworkId: number, typicalWeeks: number, rows: FrameworkRow[], ctx: Ctx) {
  const number = (latestVersion(tx, frameworkId)?.version ?? 0) + 1;
  const version = tx.insert(frameworkVersions).values({ frameworkId, version: number, status: "draft", typicalWeeks, createdBy: ctx.userId }).returning().get();
  insertRows(tx, version.id, rows);
  return version;
}

export interface NewFramework {
  code: string;
  tradeEn: string;
  tradeKm: string;
  sector: EmployerSector;
  typicalWeeks: number;
}

/** A new framework with an empty draft v1; null when the code is taken. */
export function createFramework(input: NewFramework, ctx: Ctx) {
  return db().transaction((tx) => {
    if (tx.select({ id: frameworks.id }).from(frameworks).where(eq(frameworks.code, input.code)).get()) return null;
    const fw = tx.insert(frameworks).values({ code: input.code, tradeEn: input.tradeEn, tradeKm: input.tradeKm, sector: input.sector }).returning().get();
    const version = addVersion(tx, fw.id, input.typicalWeeks, [], ctx);
    audit(
      { actorUserId: ctx.userId, action: "framework_create", entity: "framework", entityId: fw.id, detail: { code: fw.code, versionId: version.id } },
      ctx,
      tx,
    );
    return version.id;
  });
}

/**
 * A framework from CSV rows: a new framework with draft v1, or (when the code exists) a new
 * draft version of it. Importing the same rows again while the latest version is an identical
 * draft writes nothing and answers that draft.
 */
export function importFramework(input: NewFramework, rows: FrameworkRow[], ctx: Ctx): { versionId: number; created: boolean } {
  return db().transaction((tx) => {
    let fw = tx.select().from(frameworks).where(eq(frameworks.code, input.code)).get();
    if (fw) {
      const latest = latestVersion(tx, fw.id);
      if (latest && latest.status === "draft" && latest.typicalWeeks === input.typicalWeeks && sameContent(versionRows(latest.id, tx), rows)) {
        return { versionId: latest.id, created: false };
      }
    } else {
      fw = tx.insert(frameworks).values({ code: input.code, tradeEn: input.tradeEn, tradeKm: input.tradeKm, sector: input.sector }).returning().get();
    }
    const version = addVersion(tx, fw.id, input.typicalWeeks, rows, ctx);
    audit(
      {
        actorUserId: ctx.userId,
        action: "framework_import",
        entity: "framework_version",
        entityId: version.id,
        detail: { code: fw.code, version: version.version, competencies: rows.length },
      },
      ctx,
      tx,
    );
    return { versionId: version.id, created: true };
  });
}

export type EditResult = { ok: true; versionId: number } | { ok: false; status: 400 | 404; errors: Record<string, string[]> };

const notDraft: EditResult = { ok: false, status: 400, errors: { form: ["frameworks.errors.notDraft"] } };
const codeTaken: EditResult = { ok: false, status: 400, errors: { code: ["frameworks.errors.codeTaken"] } };
const missing: EditResult = { ok: false, status: 404, errors: {} };

/** Runs a change to a draft's content: refused unless the version is (still) a draft. */
function editDraft(versionId: number, ctx: Ctx, action: string, detail: Record<string, unknown>, change: (tx: Tx) => EditResult | null): EditResult {
  return db().transaction((tx) => {
    const version = tx.select().from(frameworkVersions).where(eq(frameworkVersions.id, versionId)).get();
    if (!version) return missing;
    if (version.status !== "draft") return notDraft;
    const refused = change(tx);
    if (refused) return refused;
    audit({ actorUserId: ctx.userId, action, entity: "framework_version", entityId: versionId, detail }, ctx, tx);
    return { ok: true, versionId };
  });
}

const unitOf = (tx: Tx, versionId: number, unitId: number) =>
  tx
    .select()
    .from(frameworkUnits)
    .where(and(eq(frameworkUnits.id, unitId), eq(frameworkUnits.versionId, versionId)))
    .get();
const competencyOf = (tx: Tx, versionId: number, competencyId: number) =>
  tx
    .select()
    .from(competencies)
    .where(and(eq(competencies.id, competencyId), eq(competencies.versionId, versionId)))
    .get();
const unitCodeTaken = (tx: Tx, versionId: number, code: string, exceptId = 0) =>
  tx
    .select({ id: frameworkUnits.id })
    .from(frameworkUnits)
    .where(and(eq(frameworkUnits.versionId, versionId), eq(frameworkUnits.code, code)))
    .all()
    .some((u) => u.id !== exceptId);
const competencyCodeTaken = (tx: Tx, versionId: number, code: string, exceptId = 0) =>
  tx
    .select({ id: competencies.id })
    .from(competencies)
    .where(and(eq(competencies.versionId, versionId), eq(competencies.code, code)))
    .all()
    .some((c) => c.id !== exceptId);

export interface UnitInput {
  code: string;
  titleEn: string;
  titleKm: string;
}

export interface CompetencyInput {
  code: string;
  titleEn: string;
  titleKm: string;
  criteriaEn: string;
  criteriaKm: string;
  expectedByWeek: number;
}

export function addUnit(versionId: number, input: UnitInput, ctx: Ctx) {
  return editDraft(versionId, ctx, "framework_unit_add", { code: input.code }, (tx) => {
    if (unitCodeTaken(tx, versionId, input.code)) return codeTaken;
    const position =
      (tx
        .select({ p: max(frameworkUnits.position) })
        .from(frameworkUnits)
        .where(eq(frameworkUnits.versionId, versionId))
        .get()?.p ?? -1) + 1;
    tx.insert(frameworkUnits)
      .values({ versionId, ...input, position })
      .run();
    return null;
  });
}

export function editUnit(versionId: number, unitId: number, input: UnitInput, ctx: Ctx) {
  return editDraft(versionId, ctx, "framework_unit_edit", { unitId, code: input.code }, (tx) => {
    if (!unitOf(tx, versionId, unitId)) return missing;
    if (unitCodeTaken(tx, versionId, input.code, unitId)) return codeTaken;
    tx.update(frameworkUnits).set(input).where(eq(frameworkUnits.id, unitId)).run();
    return null;
  });
}

/** Deleting a unit of a draft deletes its competencies too (nothing can depend on a draft). */
export function deleteUnit(versionId: number, unitId: number, ctx: Ctx) {
  return editDraft(versionId, ctx, "framework_unit_delete", { unitId }, (tx) => {
    if (!unitOf(tx, versionId, unitId)) return missing;
    tx.delete(competencies).where(eq(competencies.unitId, unitId)).run();
    tx.delete(frameworkUnits).where(eq(frameworkUnits.id, unitId)).run();
    return null;
  });
}

export function addCompetency(versionId: number, unitId: number, input: CompetencyInput, ctx: Ctx) {
  return editDraft(versionId, ctx, "framework_competency_add", { unitId, code: input.code }, (tx) => {
    if (!unitOf(tx, versionId, unitId)) return missing;
    if (competencyCodeTaken(tx, versionId, input.code)) return codeTaken;
    const position =
      (tx
        .select({ p: max(competencies.position) })
        .from(competencies)
        .where(eq(competencies.unitId, unitId))
        .get()?.p ?? -1) + 1;
    tx.insert(competencies)
      .values({ versionId, unitId, ...input, position })
      .run();
    return null;
  });
}

export function editCompetency(versionId: number, competencyId: number, input: CompetencyInput, ctx: Ctx) {
  return editDraft(versionId, ctx, "framework_competency_edit", { competencyId, code: input.code }, (tx) => {
    if (!competencyOf(tx, versionId, competencyId)) return missing;
    if (competencyCodeTaken(tx, versionId, input.code, competencyId)) return codeTaken;
    tx.update(competencies).set(input).where(eq(competencies.id, competencyId)).run();
    return null;
  });
}

export function deleteCompetency(versionId: number, competencyId: number, ctx: Ctx) {
  return editDraft(versionId, ctx, "framework_competency_delete", { competencyId }, (tx) => {
    if (!competencyOf(tx, versionId, competencyId)) return missing;
    tx.delete(competencies).where(eq(competencies.id, competencyId)).run();
    return null;
  });
}

/** Publishing makes a draft immutable; it needs at least one competency and every Khmer title. */
export function publishVersion(versionId: number, ctx: Ctx): EditResult {
  return db().transaction((tx) => {
    const version = tx.select().from(frameworkVersions).where(eq(frameworkVersions.id, versionId)).get();
    if (!version) return missing;
    if (version.status === "published") return { ok: true, versionId };
    if (version.status !== "draft") return notDraft;
    const units = loadUnits(versionId, tx);
    const comps = units.flatMap((u) => u.competencies);
    if (comps.length === 0) return { ok: false, status: 400, errors: { form: ["frameworks.errors.noCompetencies"] } };
    if (units.some((u) => !u.titleKm.trim()) || comps.some((c) => !c.titleKm.trim()))
      return { ok: false, status: 400, errors: { form: ["frameworks.errors.khmerMissing"] } };
    tx.update(frameworkVersions).set({ status: "published", publishedAt: new Date() }).where(eq(frameworkVersions.id, versionId)).run();
    audit(
      { actorUserId: ctx.userId, action: "framework_publish", entity: "framework_version", entityId: versionId, detail: { competencies: comps.length } },
      ctx,
      tx,
    );
    return { ok: true, versionId };
  });
}

/** A retired version stays readable (placements pinned to it keep it) but takes no new placements. */
export function retireVersion(versionId: number, ctx: Ctx): EditResult {
  return db().transaction((tx) => {
    const version = tx.select().from(frameworkVersions).where(eq(frameworkVersions.id, versionId)).get();
    if (!version) return missing;
    if (version.status === "retired") return { ok: true, versionId };
    if (version.status !== "published") return { ok: false, status: 400, errors: { form: ["frameworks.errors.notPublished"] } };
    tx.update(frameworkVersions).set({ status: "retired", retiredAt: new Date() }).where(eq(frameworkVersions.id, versionId)).run();
    audit({ actorUserId: ctx.userId, action: "framework_retire", entity: "framework_version", entityId: versionId }, ctx, tx);
    return { ok: true, versionId };
  });
}

/**
 * A new draft (version N+1) copied from a published or retired version. If the latest version is
 * already a draft with the same content, that draft is the answer (a double submit writes once).
 */
export function newDraftFrom(versionId: number, ctx: Ctx): EditResult {
  return db().transaction((tx) => {
    const source = tx.select().from(frameworkVersions).where(eq(frameworkVersions.id, versionId)).get();
    if (!source) return missing;
    if (source.status === "draft") return { ok: false, status: 400, errors: { form: ["frameworks.errors.alreadyDraft"] } };
    const rows = versionRows(source.id, tx);
    const latest = latestVersion(tx, source.frameworkId);
    if (latest && latest.status === "draft" && sameContent(versionRows(latest.id, tx), rows)) return { ok: true, versionId: latest.id };
    const version = addVersion(tx, source.frameworkId, source.typicalWeeks, rows, ctx);
    audit(
      {
        actorUserId: ctx.userId,
        action: "framework_new_draft",
        entity: "framework_version",
        entityId: version.id,
        detail: { from: source.id, version: version.version },
      },
      ctx,
      tx,
    );
    return { ok: true, versionId: version.id };
  });
}
