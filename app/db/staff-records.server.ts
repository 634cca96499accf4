/**
 * Staff views of one placement and one apprentice. Staff reach their own site's records and
 * admin every site's; anything else is "not found". Reads are a fixed number of queries.
 */
import { and, asc, desc, eq, gte, inArray, min } from "drizzle-orm";

import { addDays, ageOn, dateInZone, mondayOf, mondaysBetween } from "~/domain/dates";
import type { FollowUpKind, ManualStatus } from "~/domain/enums";
import { actorOf, can, type Actor } from "~/domain/permissions";
import { earliest } from "~/domain/plausible";
import { currentLevels } from "~/domain/progress";

import { audit } from "./audit.server";
import { db } from "./client.server";
import {
  apprentices,
  assessments,
  attendance,
  competencies,
  consents,
  educationAfternoons,
  educationEvents,
  employers,
  feedback,
  flags,
  followUpNotes,
  frameworks,
  frameworkVersions,
  intakes,
  manualStatuses,
  outcomeCheckins,
  phaseChanges,
  placementCorrections,
  placements,
  users,
  weeklyReviews,
} from "./schema";

export function getPlacementForStaff(actor: Actor, placementId: number) {
  if (!Number.isSafeInteger(placementId)) return null;
  const row = db()
    .select({
      id: placements.id,
      siteId: employers.siteId,
      apprenticeId: placements.apprenticeId,
      apprenticeCode: apprentices.code,
      preferredName: apprentices.preferredName,
      legalName: apprentices.legalName,
      dateOfBirth: apprentices.dateOfBirth,
      employerId: employers.id,
      employerName: employers.name,
      trainerUserId: placements.trainerUserId,
      trainerName: users.displayName,
      tradeEn: frameworks.tradeEn,
      tradeKm: frameworks.tradeKm,
      versionId: placements.frameworkVersionId,
      startDate: placements.startDate,
      plannedWeeks: placements.plannedWeeks,
      status: placements.status,
      endedOn: placements.endedOn,
      outcome: placements.outcome,
      stipendHagarCents: placements.stipendHagarCents,
      stipendEmployerCents: placements.stipendEmployerCents,
      transferredFromId: placements.transferredFromId,
      createdAt: placements.createdAt,
    })
    .from(placements)
    .innerJoin(apprentices, eq(apprentices.id, placements.apprenticeId))
    .innerJoin(employers, eq(employers.id, placements.employerId))
    .innerJoin(users, eq(users.id, placements.trainerUserId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(placements.id, placementId))
    .get();
  if (!row) return null;
  const subject = {
    kind: "placement",
    siteId: row.siteId,
    employerId: row.employerId,
    trainerUserId: row.trainerUserId,
    apprenticeId: row.apprenticeId,
    active: row.status === "active",
  } as const;
  return can(actor, "placement.manage", subject) ? row : null;
}

export type StaffPlacement = NonNullable<ReturnType<typeof getPlacementForStaff>>;

export interface WeekRow {
  weekOf: string;
  reviewed: boolean;
  corrections: number;
  present: number;
  late: number;
  absent: number;
  signed: number;
  educationAgreed: number;
  educationReleased: number;
  educationAttended: number;
}

/** The placement week by week, with its assessment history, education ledger, flags and manual status. */
export function loadPlacementRecord(p: StaffPlacement, today: string) {
  const lastDay = p.endedOn && p.endedOn < today ? p.endedOn : today;
  const reviews = db().select().from(weeklyReviews).where(eq(weeklyReviews.placementId, p.id)).orderBy(asc(weeklyReviews.id)).all();
  const history = db()
    .select({
      id: assessments.id,
      competencyId: assessments.competencyId,
      code: competencies.code,
      titleEn: competencies.titleEn,
      titleKm: competencies.titleKm,
      level: assessments.level,
      observedOn: assessments.observedOn,
      evidenceNote: assessments.evidenceNote,
      supersedesId: assessments.supersedesId,
      correctionReason: assessments.correctionReason,
      trainerName: users.displayName,
      createdAt: assessments.createdAt,
    })
    .from(assessments)
    .innerJoin(competencies, eq(competencies.id, assessments.competencyId))
    .innerJoin(users, eq(users.id, assessments.trainerUserId))
    .where(eq(assessments.placementId, p.id))
    .orderBy(desc(assessments.id))
    .all();
  const days = db().select().from(attendance).where(eq(attendance.placementId, p.id)).orderBy(asc(attendance.id)).all();
  const ledger = db()
    .select({
      id: educationAfternoons.id,
      date: educationAfternoons.date,
      kind: educationEvents.kind,
      reason: educationEvents.reason,
      at: educationEvents.createdAt,
    })
    .from(educationAfternoons)
    .leftJoin(educationEvents, eq(educationEvents.afternoonId, educationAfternoons.id))
    .where(eq(educationAfternoons.placementId, p.id))
    .orderBy(asc(educationAfternoons.date), asc(educationEvents.id))
    .all();
  const placementFlags = db().select().from(flags).where(eq(flags.placementId, p.id)).orderBy(desc(flags.raisedAt)).all();
  const statuses = db()
    .select({
      id: manualStatuses.id,
      status: manualStatuses.status,
      reason: manualStatuses.reason,
      statusDate: manualStatuses.statusDate,
      followUpDueOn: manualStatuses.followUpDueOn,
      setBy: users.displayName,
      createdAt: manualStatuses.createdAt,
    })
    .from(manualStatuses)
    .innerJoin(users, eq(users.id, manualStatuses.setBy))
    .where(eq(manualStatuses.placementId, p.id))
    .orderBy(desc(manualStatuses.id))
    .all();
  const total = db().select({ id: competencies.id }).from(competencies).where(eq(competencies.versionId, p.versionId)).all().length;
  const corrections = db()
    .select({
      id: placementCorrections.id,
      fromStartDate: placementCorrections.fromStartDate,
      toStartDate: placementCorrections.toStartDate,
      fromPlannedWeeks: placementCorrections.fromPlannedWeeks,
      toPlannedWeeks: placementCorrections.toPlannedWeeks,
      reason: placementCorrections.reason,
      correctedBy: users.displayName,
      createdAt: placementCorrections.createdAt,
    })
    .from(placementCorrections)
    .innerJoin(users, eq(users.id, placementCorrections.correctedBy))
    .where(eq(placementCorrections.placementId, p.id))
    .orderBy(desc(placementCorrections.id))
    .all();

  // Current attendance per day (a correction supersedes).
  const currentDay = new Map<string, (typeof days)[number]>();
  for (const d of days) currentDay.set(d.date, d);
  // Education: the latest word of each kind per afternoon.
  const afternoons = new Map<number, { date: string; released: boolean | null; refusedReason: string | null; attended: boolean | null }>();
  for (const e of ledger) {
    const a = afternoons.get(e.id) ?? { date: e.date, released: null, refusedReason: null, attended: null };
    if (e.kind === "released") Object.assign(a, { released: true, refusedReason: null });
    if (e.kind === "refused") Object.assign(a, { released: false, refusedReason: e.reason });
    if (e.kind === "attended" || e.kind === "confirmed_by_apprentice") a.attended = true;
    if (e.kind === "missed") a.attended = false;
    afternoons.set(e.id, a);
  }

  const weeks: WeekRow[] = mondaysBetween(p.startDate, lastDay)
    .reverse()
    .map((weekOf) => {
      const end = addDays(weekOf, 6);
      const inWeek = (date: string) => date >= weekOf && date <= end;
      const dayRows = [...currentDay.values()].filter((d) => inWeek(d.date));
      const edu = [...afternoons.values()].filter((a) => inWeek(a.date));
      const weekReviews = reviews.filter((r) => r.weekOf === weekOf);
      return {
        weekOf,
        reviewed: weekReviews.length > 0,
        corrections: weekReviews.filter((r) => r.supersedesId !== null).length,
        present: dayRows.filter((d) => d.status === "present").length,
        late: dayRows.filter((d) => d.status === "late").length,
        absent: dayRows.filter((d) => d.status === "absent").length,
        signed: history.filter((a) => inWeek(a.observedOn)).length,
        educationAgreed: edu.length,
        educationReleased: edu.filter((a) => a.released === true).length,
        educationAttended: edu.filter((a) => a.attended === true).length,
      };
    });

  const levels = currentLevels(history);
  const current = statuses[0] ?? null;
  const followUpOverdue =
    current?.status === "red" && current.followUpDueOn !== null && current.followUpDueOn < today && !hasFollowUpSince(p.apprenticeId, current.statusDate);

  return {
    weeks,
    history,
    competent: [...levels.values()].filter((l) => l.level === "independent").length,
    total,
    education: [...afternoons.entries()].map(([id, a]) => ({ id, ...a })).reverse(),
    flags: placementFlags,
    statuses,
    currentStatus: current,
    followUpOverdue,
    corrections,
    // Start date and length can be corrected until the first weekly record (docs/decisions/0022).
    hasWeeklyRecords: reviews.length > 0 || history.length > 0 || days.length > 0,
    under18AtStart: ageOn(p.dateOfBirth, p.startDate) < 18,
    thisMonday: mondayOf(today),
  };
}

function hasFollowUpSince(apprenticeId: number, date: string): boolean {
  return (
    db()
      .select({ id: followUpNotes.id })
      .from(followUpNotes)
      .where(and(eq(followUpNotes.apprenticeId, apprenticeId), gte(followUpNotes.occurredOn, date)))
      .get() !== undefined
  );
}

/** The day a placement came on record: its start, or the day it was entered if that was earlier. */
export function placementSince(p: { startDate: string; createdAt: Date }): string {
  return earliest(p.startDate, dateInZone(p.createdAt))!;
}

/** What a new manual status's date is checked against (docs/decisions/0022): see parseManualStatus. */
export function manualStatusBounds(p: { id: number; startDate: string; createdAt: Date }, today: string) {
  const current = db()
    .select({ statusDate: manualStatuses.statusDate })
    .from(manualStatuses)
    .where(eq(manualStatuses.placementId, p.id))
    .orderBy(desc(manualStatuses.id))
    .get();
  return { today, placementSince: placementSince(p), currentStatusDate: current?.statusDate ?? null };
}

/**
 * Record a manual status. The current status is the latest ENTERED (by id); its date says "as
 * of", and may not go back before the current one's. The same status, reason and date again
 * writes nothing (double submit).
 */
export function setManualStatus(input: {
  placementId: number;
  status: ManualStatus;
  reason: string;
  statusDate: string;
  setBy: number;
  requestId?: string;
}): { ok: true; value: "saved" | "unchanged" } | { ok: false; errors: Record<string, string[]> } {
  return db().transaction((tx) => {
    const latest = tx.select().from(manualStatuses).where(eq(manualStatuses.placementId, input.placementId)).orderBy(desc(manualStatuses.id)).get();
    if (latest && latest.status === input.status && latest.reason === input.reason && latest.statusDate === input.statusDate)
      return { ok: true as const, value: "unchanged" as const };
    // Checked again inside the write: another status may have been entered since the form was read.
    if (latest && input.statusDate < latest.statusDate) return { ok: false as const, errors: { statusDate: ["plausible.errors.beforeCurrentStatus"] } };
    tx.insert(manualStatuses)
      .values({
        placementId: input.placementId,
        status: input.status,
        reason: input.reason,
        statusDate: input.statusDate,
        followUpDueOn: input.status === "red" ? addDays(input.statusDate, 7) : null,
        setBy: input.setBy,
      })
      .run();
    audit(
      { actorUserId: input.setBy, action: "manual_status_set", entity: "placement", entityId: input.placementId, detail: { status: input.status } },
      input.requestId ? { requestId: input.requestId } : null,
      tx,
    );
    return { ok: true as const, value: "saved" as const };
  });
}

// ---------------------------------------------------------------------------------------------
// The apprentice's staff record

export function getApprenticeForStaff(actor: Actor, apprenticeId: number) {
  if (!Number.isSafeInteger(apprenticeId)) return null;
  const row = db()
    .select({ apprentice: apprentices, intakeName: intakes.name })
    .from(apprentices)
    .leftJoin(intakes, eq(intakes.id, apprentices.intakeId))
    .where(eq(apprentices.id, apprenticeId))
    .get();
  if (!row) return null;
  return can(actor, "apprentice.view_staff_only", { kind: "apprentice", siteId: row.apprentice.siteId, apprenticeId: row.apprentice.id })
    ? { ...row.apprentice, intakeName: row.intakeName }
    : null;
}

export type StaffApprentice = NonNullable<ReturnType<typeof getApprenticeForStaff>>;

/**
 * The staff-only record of an apprentice `getApprenticeForStaff` let the viewer reach. Every read
 * is written to the audit log (docs/product.md §4).
 */
export function loadApprenticeRecord(a: StaffApprentice, viewer: Actor, requestId?: string) {
  audit({ actorUserId: viewer.id, action: "view_staff_record", entity: "apprentice", entityId: a.id }, requestId ? { requestId } : null);
  const placementRows = db()
    .select({
      id: placements.id,
      status: placements.status,
      startDate: placements.startDate,
      endedOn: placements.endedOn,
      plannedWeeks: placements.plannedWeeks,
      outcome: placements.outcome,
      startingSalaryCents: placements.startingSalaryCents,
      employerName: employers.name,
      tradeEn: frameworks.tradeEn,
      tradeKm: frameworks.tradeKm,
      siteId: employers.siteId,
      employerId: placements.employerId,
      trainerUserId: placements.trainerUserId,
    })
    .from(placements)
    .innerJoin(employers, eq(employers.id, placements.employerId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(placements.apprenticeId, a.id))
    .orderBy(desc(placements.startDate))
    .all();
  const apprenticePlacements = placementRows.map(({ siteId: _s, employerId: _e, trainerUserId: _t, ...p }) => p);
  // Confidential feedback goes only to whom the policy lets read it: never anyone at the employer.
  const feedbackPlacementIds = placementRows
    .filter((p) =>
      can(actorOf(viewer), "placement.view_feedback", {
        kind: "placement",
        siteId: p.siteId,
        employerId: p.employerId,
        trainerUserId: p.trainerUserId,
        apprenticeId: a.id,
        active: p.status === "active",
      }),
    )
    .map((p) => p.id);
  const consentRows = db().select().from(consents).where(eq(consents.apprenticeId, a.id)).orderBy(asc(consents.id)).all();
  const currentConsent = new Map<string, boolean>();
  for (const c of consentRows) currentConsent.set(c.item, c.granted);
  const noteRows = db()
    .select({
      id: followUpNotes.id,
      kind: followUpNotes.kind,
      occurredOn: followUpNotes.occurredOn,
      body: followUpNotes.body,
      author: users.displayName,
      supersedesId: followUpNotes.supersedesId,
      correctionReason: followUpNotes.correctionReason,
      createdAt: followUpNotes.createdAt,
    })
    .from(followUpNotes)
    .innerJoin(users, eq(users.id, followUpNotes.authorUserId))
    .where(eq(followUpNotes.apprenticeId, a.id))
    .orderBy(desc(followUpNotes.occurredOn), desc(followUpNotes.id))
    .all();
  const checkinRows = db()
    .select()
    .from(outcomeCheckins)
    .where(eq(outcomeCheckins.apprenticeId, a.id))
    .orderBy(asc(outcomeCheckins.months), asc(outcomeCheckins.id))
    .all();
  // Corrections are new rows: show the latest version of each, with the earlier ones as its history.
  const notes = withEarlierVersions(noteRows);
  const checkins = withEarlierVersions(checkinRows);
  const openFlags = apprenticePlacements.length
    ? db()
        .select()
        .from(flags)
        .where(
          and(
            inArray(
              flags.placementId,
              apprenticePlacements.map((p) => p.id),
            ),
            inArray(flags.status, ["open", "acknowledged"]),
          ),
        )
        .all()
    : [];
  // Staff read feedback per apprentice (docs/product.md §4); figures across employers are the reports' job.
  const apprenticeFeedback = feedbackPlacementIds.length
    ? db()
        .select({
          id: feedback.id,
          placementId: feedback.placementId,
          explains: feedback.explainsRating,
          learning: feedback.learningRating,
          fairness: feedback.fairnessRating,
          safety: feedback.safetyRating,
          comment: feedback.comment,
          submittedAt: feedback.submittedAt,
        })
        .from(feedback)
        .where(inArray(feedback.placementId, feedbackPlacementIds))
        .orderBy(desc(feedback.submittedAt))
        .all()
    : [];
  return { placements: apprenticePlacements, consents: Object.fromEntries(currentConsent), notes, checkins, openFlags, feedback: apprenticeFeedback };
}

/**
 * Rows of an append-only record where a correction points at the row it replaces: the current
 * rows (replaced by none), each with its earlier versions, newest first.
 */
export function withEarlierVersions<T extends { id: number; supersedesId: number | null }>(rows: readonly T[]): (T & { earlier: T[] })[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const replaced = new Set(rows.flatMap((r) => (r.supersedesId === null ? [] : [r.supersedesId])));
  return rows
    .filter((r) => !replaced.has(r.id))
    .map((r) => {
      const earlier: T[] = [];
      for (
        let prev = r.supersedesId === null ? undefined : byId.get(r.supersedesId);
        prev;
        prev = prev.supersedesId === null ? undefined : byId.get(prev.supersedesId)
      )
        earlier.push(prev);
      return { ...r, earlier };
    });
}

/**
 * The day an apprentice came on record: the earliest of the day they were entered, their first
 * phase change, their intake's start and their first placement's start.
 */
export function apprenticeSince(a: { id: number; createdAt: Date; intakeId: number | null }): string {
  const firstPhase = db()
    .select({ on: min(phaseChanges.changedOn) })
    .from(phaseChanges)
    .where(eq(phaseChanges.apprenticeId, a.id))
    .get()?.on;
  const firstStart = db()
    .select({ on: min(placements.startDate) })
    .from(placements)
    .where(eq(placements.apprenticeId, a.id))
    .get()?.on;
  const intakeStart = a.intakeId === null ? null : db().select({ on: intakes.startsOn }).from(intakes).where(eq(intakes.id, a.intakeId)).get()?.on;
  return earliest(dateInZone(a.createdAt), firstPhase, firstStart, intakeStart)!;
}

/**
 * When the apprentice left training, for outcome check-ins: the latest end of a completed or
 * withdrawn placement, or their exit from the programme. Null while a placement is active or
 * before any such end (check-ins follow an exit, docs/product.md §3).
 */
export function apprenticeExitedOn(apprenticeId: number): string | null {
  const rows = db().select({ status: placements.status, endedOn: placements.endedOn }).from(placements).where(eq(placements.apprenticeId, apprenticeId)).all();
  if (rows.some((r) => r.status === "active")) return null;
  const exitPhase = db()
    .select({ on: phaseChanges.changedOn })
    .from(phaseChanges)
    .where(and(eq(phaseChanges.apprenticeId, apprenticeId), eq(phaseChanges.phase, "exited")))
    .orderBy(desc(phaseChanges.changedOn))
    .get()?.on;
  const ends = rows.flatMap((r) => ((r.status === "completed" || r.status === "withdrawn") && r.endedOn ? [r.endedOn] : []));
  const latest = [...ends, ...(exitPhase ? [exitPhase] : [])].sort().at(-1);
  return latest ?? null;
}

type Written = { ok: true; value: "saved" | "unchanged" } | { ok: false; errors: Record<string, string[]> };

export function addFollowUpNote(input: {
  apprenticeId: number;
  placementId: number | null;
  kind: FollowUpKind;
  occurredOn: string;
  body: string;
  authorUserId: number;
  requestId?: string;
}): Written {
  return db().transaction((tx): Written => {
    // A note may name one of this apprentice's own placements, no other.
    if (input.placementId !== null) {
      const own = tx
        .select({ id: placements.id })
        .from(placements)
        .where(and(eq(placements.id, input.placementId), eq(placements.apprenticeId, input.apprenticeId)))
        .get();
      if (!own) return { ok: false, errors: { placementId: ["staffRecord.errors.notTheirPlacement"] } };
    }
    // A double submit of the same note on the same day by the same person writes once.
    const same = tx
      .select({ id: followUpNotes.id })
      .from(followUpNotes)
      .where(
        and(
          eq(followUpNotes.apprenticeId, input.apprenticeId),
          eq(followUpNotes.authorUserId, input.authorUserId),
          eq(followUpNotes.occurredOn, input.occurredOn),
          eq(followUpNotes.kind, input.kind),
          eq(followUpNotes.body, input.body),
        ),
      )
      .get();
    if (same) return { ok: true, value: "unchanged" };
    const { requestId, ...values } = input;
    const row = tx.insert(followUpNotes).values(values).returning({ id: followUpNotes.id }).get();
    audit(
      {
        actorUserId: input.authorUserId,
        action: "follow_up_note_added",
        entity: "apprentice",
        entityId: input.apprenticeId,
        detail: { noteId: row.id, kind: input.kind },
      },
      requestId ? { requestId } : null,
      tx,
    );
    return { ok: true, value: "saved" };
  });
}

/**
 * Correct a follow-up note: a new note with the new text that points at the one it replaces,
 * keeping its kind, date and placement. Only the latest version can be corrected; the same
 * correction again (a double submit) writes nothing.
 */
export function correctFollowUpNote(input: {
  apprenticeId: number;
  supersedesId: number;
  body: string;
  correctionReason: string;
  authorUserId: number;
  requestId?: string;
}): Written | "not_found" {
  return db().transaction((tx): Written | "not_found" => {
    const original = tx
      .select()
      .from(followUpNotes)
      .where(and(eq(followUpNotes.id, input.supersedesId), eq(followUpNotes.apprenticeId, input.apprenticeId)))
      .get();
    if (!original) return "not_found";
    const next = tx.select().from(followUpNotes).where(eq(followUpNotes.supersedesId, original.id)).get();
    if (next) {
      if (next.body === input.body && next.correctionReason === input.correctionReason && next.authorUserId === input.authorUserId)
        return { ok: true, value: "unchanged" };
      return { ok: false, errors: { form: ["corrections.errors.alreadyCorrected"] } };
    }
    const row = tx
      .insert(followUpNotes)
      .values({
        apprenticeId: original.apprenticeId,
        placementId: original.placementId,
        kind: original.kind,
        occurredOn: original.occurredOn,
        body: input.body,
        authorUserId: input.authorUserId,
        supersedesId: original.id,
        correctionReason: input.correctionReason,
      })
      .returning({ id: followUpNotes.id })
      .get();
    audit(
      {
        actorUserId: input.authorUserId,
        action: "follow_up_note_corrected",
        entity: "apprentice",
        entityId: input.apprenticeId,
        detail: { noteId: row.id, supersedes: original.id },
      },
      input.requestId ? { requestId: input.requestId } : null,
      tx,
    );
    return { ok: true, value: "saved" };
  });
}

export interface CheckinInput {
  checkedOn: string;
  employed: boolean;
  employerName: string | null;
  monthlySalaryCents: number | null;
  note: string | null;
}

export function addOutcomeCheckin(input: CheckinInput & { apprenticeId: number; months: number; recordedBy: number; requestId?: string }): "saved" | "exists" {
  return db().transaction((tx) => {
    const existing = tx
      .select({ id: outcomeCheckins.id })
      .from(outcomeCheckins)
      .where(and(eq(outcomeCheckins.apprenticeId, input.apprenticeId), eq(outcomeCheckins.months, input.months)))
      .get();
    if (existing) return "exists";
    const { requestId, ...values } = input;
    tx.insert(outcomeCheckins).values(values).run();
    audit(
      { actorUserId: input.recordedBy, action: "outcome_checkin_added", entity: "apprentice", entityId: input.apprenticeId, detail: { months: input.months } },
      requestId ? { requestId } : null,
      tx,
    );
    return "saved";
  });
}

/** Correct a check-in: a new check-in for the same months that points at the one it replaces, with a reason. */
export function correctOutcomeCheckin(
  input: CheckinInput & { apprenticeId: number; checkinId: number; correctionReason: string; recordedBy: number; requestId?: string },
): Written | "not_found" {
  return db().transaction((tx): Written | "not_found" => {
    const original = tx
      .select()
      .from(outcomeCheckins)
      .where(and(eq(outcomeCheckins.id, input.checkinId), eq(outcomeCheckins.apprenticeId, input.apprenticeId)))
      .get();
    if (!original) return "not_found";
    const values = {
      checkedOn: input.checkedOn,
      employed: input.employed,
      employerName: input.employerName,
      monthlySalaryCents: input.monthlySalaryCents,
      note: input.note,
    };
    const next = tx.select().from(outcomeCheckins).where(eq(outcomeCheckins.supersedesId, original.id)).get();
    if (next) {
      const same = (Object.keys(values) as (keyof typeof values)[]).every((k) => next[k] === values[k]) && next.correctionReason === input.correctionReason;
      return same ? { ok: true, value: "unchanged" } : { ok: false, errors: { form: ["corrections.errors.alreadyCorrected"] } };
    }
    const row = tx
      .insert(outcomeCheckins)
      .values({
        apprenticeId: original.apprenticeId,
        months: original.months,
        ...values,
        recordedBy: input.recordedBy,
        supersedesId: original.id,
        correctionReason: input.correctionReason,
      })
      .returning({ id: outcomeCheckins.id })
      .get();
    audit(
      {
        actorUserId: input.recordedBy,
        action: "outcome_checkin_corrected",
        entity: "apprentice",
        entityId: input.apprenticeId,
        detail: { checkinId: row.id, supersedes: original.id, months: original.months },
      },
      input.requestId ? { requestId: input.requestId } : null,
      tx,
    );
    return { ok: true, value: "saved" };
  });
}
