/**
 * Staff views of one placement and one apprentice. Staff reach their own site's records and
 * admin every site's; anything else is "not found". Reads are a fixed number of queries.
 */
import { and, asc, desc, eq, gte, inArray } from "drizzle-orm";

import { addDays, ageOn, mondayOf, mondaysBetween } from "~/domain/dates";
import type { FollowUpKind, ManualStatus } from "~/domain/enums";
import type { Actor } from "~/domain/permissions";
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
  placements,
  users,
  weeklyReviews,
} from "./schema";

const reaches = (actor: Actor, siteId: number) => actor.role === "admin" || (actor.role === "staff" && actor.siteId === siteId);

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
    })
    .from(placements)
    .innerJoin(apprentices, eq(apprentices.id, placements.apprenticeId))
    .innerJoin(employers, eq(employers.id, placements.employerId))
    .innerJoin(users, eq(users.id, placements.trainerUserId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(placements.id, placementId))
    .get();
  return row && reaches(actor, row.siteId) ? row : null;
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
    .select({ id: educationAfternoons.id, date: educationAfternoons.date, kind: educationEvents.kind, reason: educationEvents.reason, at: educationEvents.createdAt })
    .from(educationAfternoons)
    .leftJoin(educationEvents, eq(educationEvents.afternoonId, educationAfternoons.id))
    .where(eq(educationAfternoons.placementId, p.id))
    .orderBy(asc(educationAfternoons.date), asc(educationEvents.id))
    .all();
  const placementFlags = db().select().from(flags).where(eq(flags.placementId, p.id)).orderBy(desc(flags.raisedAt)).all();
  const statuses = db()
    .select({ id: manualStatuses.id, status: manualStatuses.status, reason: manualStatuses.reason, statusDate: manualStatuses.statusDate, followUpDueOn: manualStatuses.followUpDueOn, setBy: users.displayName, createdAt: manualStatuses.createdAt })
    .from(manualStatuses)
    .innerJoin(users, eq(users.id, manualStatuses.setBy))
    .where(eq(manualStatuses.placementId, p.id))
    .orderBy(desc(manualStatuses.id))
    .all();
  const total = db().select({ id: competencies.id }).from(competencies).where(eq(competencies.versionId, p.versionId)).all().length;

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
  const followUpOverdue = current?.status === "red" && current.followUpDueOn !== null && current.followUpDueOn < today && !hasFollowUpSince(p.apprenticeId, current.statusDate);

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

/** Record a manual status; the same status, reason and date again writes nothing (double submit). */
export function setManualStatus(input: {
  placementId: number;
  status: ManualStatus;
  reason: string;
  statusDate: string;
  setBy: number;
  requestId?: string;
}): "saved" | "unchanged" {
  return db().transaction((tx) => {
    const latest = tx.select().from(manualStatuses).where(eq(manualStatuses.placementId, input.placementId)).orderBy(desc(manualStatuses.id)).get();
    if (latest && latest.status === input.status && latest.reason === input.reason && latest.statusDate === input.statusDate) return "unchanged";
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
    audit({ actorUserId: input.setBy, action: "manual_status_set", entity: "placement", entityId: input.placementId, detail: { status: input.status } }, input.requestId ? { requestId: input.requestId } : null, tx);
    return "saved";
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
  return row && reaches(actor, row.apprentice.siteId) ? { ...row.apprentice, intakeName: row.intakeName } : null;
}

export type StaffApprentice = NonNullable<ReturnType<typeof getApprenticeForStaff>>;

/** The staff-only record. Every read is written to the audit log (DESIGN.md §4). */
export function loadApprenticeRecord(a: StaffApprentice, viewer: { id: number }, requestId?: string) {
  audit({ actorUserId: viewer.id, action: "view_staff_record", entity: "apprentice", entityId: a.id }, requestId ? { requestId } : null);
  const apprenticePlacements = db()
    .select({ id: placements.id, status: placements.status, startDate: placements.startDate, endedOn: placements.endedOn, plannedWeeks: placements.plannedWeeks, outcome: placements.outcome, startingSalaryCents: placements.startingSalaryCents, employerName: employers.name, tradeEn: frameworks.tradeEn, tradeKm: frameworks.tradeKm })
    .from(placements)
    .innerJoin(employers, eq(employers.id, placements.employerId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(placements.apprenticeId, a.id))
    .orderBy(desc(placements.startDate))
    .all();
  const consentRows = db().select().from(consents).where(eq(consents.apprenticeId, a.id)).orderBy(asc(consents.id)).all();
  const currentConsent = new Map<string, boolean>();
  for (const c of consentRows) currentConsent.set(c.item, c.granted);
  const notes = db()
    .select({ id: followUpNotes.id, kind: followUpNotes.kind, occurredOn: followUpNotes.occurredOn, body: followUpNotes.body, author: users.displayName, createdAt: followUpNotes.createdAt })
    .from(followUpNotes)
    .innerJoin(users, eq(users.id, followUpNotes.authorUserId))
    .where(eq(followUpNotes.apprenticeId, a.id))
    .orderBy(desc(followUpNotes.occurredOn), desc(followUpNotes.id))
    .all();
  const checkins = db().select().from(outcomeCheckins).where(eq(outcomeCheckins.apprenticeId, a.id)).orderBy(asc(outcomeCheckins.months)).all();
  const openFlags = apprenticePlacements.length
    ? db().select().from(flags).where(and(inArray(flags.placementId, apprenticePlacements.map((p) => p.id)), inArray(flags.status, ["open", "acknowledged"]))).all()
    : [];
  // Confidential feedback: staff read it per apprentice (DESIGN.md §4), never the employer.
  const apprenticeFeedback = apprenticePlacements.length
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
        .where(inArray(feedback.placementId, apprenticePlacements.map((p) => p.id)))
        .orderBy(desc(feedback.submittedAt))
        .all()
    : [];
  return { placements: apprenticePlacements, consents: Object.fromEntries(currentConsent), notes, checkins, openFlags, feedback: apprenticeFeedback };
}

/**
 * A follow-up note, optionally about one of the apprentice's own placements. Any other placement
 * id (another apprentice's, another site's, one that does not exist) is refused, never stored.
 */
export function addFollowUpNote(input: { apprenticeId: number; placementId: number | null; kind: FollowUpKind; occurredOn: string; body: string; authorUserId: number; requestId?: string }): "saved" | "unknown_placement" {
  return db().transaction((tx) => {
    if (input.placementId !== null) {
      const own = tx.select({ id: placements.id }).from(placements).where(and(eq(placements.id, input.placementId), eq(placements.apprenticeId, input.apprenticeId))).get();
      if (!own) return "unknown_placement";
    }
    // A double submit of the same note on the same day by the same person writes once.
    const same = tx
      .select({ id: followUpNotes.id })
      .from(followUpNotes)
      .where(and(eq(followUpNotes.apprenticeId, input.apprenticeId), eq(followUpNotes.authorUserId, input.authorUserId), eq(followUpNotes.occurredOn, input.occurredOn), eq(followUpNotes.kind, input.kind), eq(followUpNotes.body, input.body)))
      .get();
    if (same) return "saved";
    const { requestId, ...values } = input;
    const row = tx.insert(followUpNotes).values(values).returning({ id: followUpNotes.id }).get();
    audit({ actorUserId: input.authorUserId, action: "follow_up_note_added", entity: "apprentice", entityId: input.apprenticeId, detail: { noteId: row.id, kind: input.kind } }, requestId ? { requestId } : null, tx);
    return "saved";
  });
}

export function addOutcomeCheckin(input: { apprenticeId: number; months: number; checkedOn: string; employed: boolean; employerName: string | null; monthlySalaryCents: number | null; note: string | null; recordedBy: number; requestId?: string }): "saved" | "exists" {
  return db().transaction((tx) => {
    const existing = tx.select({ id: outcomeCheckins.id }).from(outcomeCheckins).where(and(eq(outcomeCheckins.apprenticeId, input.apprenticeId), eq(outcomeCheckins.months, input.months))).get();
    if (existing) return "exists";
    const { requestId, ...values } = input;
    tx.insert(outcomeCheckins).values(values).run();
    audit({ actorUserId: input.recordedBy, action: "outcome_checkin_added", entity: "apprentice", entityId: input.apprenticeId, detail: { months: input.months } }, requestId ? { requestId } : null, tx);
    return "saved";
  });
}
