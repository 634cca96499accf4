/**
 * Reads for an apprentice: only their own records, found from their session, never from the URL.
 * The page is a fixed number of queries, whatever the size of the framework or the history.
 */
import { and, asc, between, desc, eq, isNull, lte } from "drizzle-orm";

import { parseWeekdays } from "~/domain/dates";
import type { AdvanceNoticeKind, AttendanceStatus, EducationEventKind } from "~/domain/enums";
import {
  comingNext,
  classDates,
  educationAttended,
  monthBounds,
  monthCalendar,
  placementWeeks,
  unitProgress,
  type MonthCalendar,
  type NextCompetency,
  type PlacementWeeks,
  type UnitProgress,
} from "~/domain/me-progress";
import { currentLevels, progressSummary, type ProgressSummary } from "~/domain/progress";

import { db } from "./client.server";
import { frameworkChecklist } from "./progress.server";
import {
  advanceNotices,
  advanceNoticeWithdrawals,
  apprentices,
  assessments,
  attendance,
  educationAfternoons,
  educationEvents,
  employers,
  frameworks,
  frameworkVersions,
  placements,
  publicHolidays,
} from "./schema";

export interface OwnUnit extends UnitProgress {
  code: string;
  titleEn: string;
  titleKm: string;
}

export interface OwnNext {
  id: number;
  code: string;
  titleEn: string;
  titleKm: string;
  expectedByWeek: number;
  level: NextCompetency<unknown>["level"];
  status: NextCompetency<unknown>["status"];
}

export interface OwnProgress {
  preferredName: string;
  code: string;
  placement: {
    id: number;
    employerName: string;
    tradeEn: string;
    tradeKm: string;
    startDate: string;
    /** The placement week holding today (as on the trainer's card). */
    week: number;
    plannedWeeks: number;
    weeks: PlacementWeeks;
    progress: ProgressSummary;
    units: OwnUnit[];
    next: OwnNext[];
    calendar: MonthCalendar;
    education: { attended: number; agreed: number };
  } | null;
  /** Placements that ended as completed: each has a printable record of achievement. */
  completed: { id: number; employerName: string; tradeEn: string; tradeKm: string; endedOn: string | null }[];
}

export function ownProgress(apprenticeId: number, today: string): OwnProgress | null {
  const me = db()
    .select({ preferredName: apprentices.preferredName, code: apprentices.code, siteId: apprentices.siteId })
    .from(apprentices)
    .where(eq(apprentices.id, apprenticeId))
    .get();
  if (!me) return null;
  const all = db()
    .select({
      id: placements.id,
      status: placements.status,
      employerName: employers.name,
      tradeEn: frameworks.tradeEn,
      tradeKm: frameworks.tradeKm,
      startDate: placements.startDate,
      endedOn: placements.endedOn,
      plannedWeeks: placements.plannedWeeks,
      workingWeekdays: placements.workingWeekdays,
      versionId: placements.frameworkVersionId,
    })
    .from(placements)
    .innerJoin(employers, eq(employers.id, placements.employerId))
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, placements.frameworkVersionId))
    .innerJoin(frameworks, eq(frameworks.id, frameworkVersions.frameworkId))
    .where(eq(placements.apprenticeId, apprenticeId))
    .orderBy(desc(placements.startDate))
    .all();
  const completed = all
    .filter((p) => p.status === "completed")
    .map(({ id, employerName, tradeEn, tradeKm, endedOn }) => ({ id, employerName, tradeEn, tradeKm, endedOn }));
  const placement = all.find((p) => p.status === "active");
  const { siteId: _s, ...who } = me;
  if (!placement) return { ...who, placement: null, completed };

  const { units, competencies: comps } = frameworkChecklist(placement.versionId);
  const history = db()
    .select({
      id: assessments.id,
      competencyId: assessments.competencyId,
      level: assessments.level,
      observedOn: assessments.observedOn,
      supersedesId: assessments.supersedesId,
    })
    .from(assessments)
    .where(eq(assessments.placementId, placement.id))
    .all();

  const { first, last } = monthBounds(today);
  const days = db()
    .select({ date: attendance.date, status: attendance.status })
    .from(attendance)
    .where(and(eq(attendance.placementId, placement.id), between(attendance.date, first, last)))
    .orderBy(asc(attendance.id))
    .all();
  const holidays = db()
    .select({ date: publicHolidays.date })
    .from(publicHolidays)
    .where(and(eq(publicHolidays.siteId, me.siteId), between(publicHolidays.date, first, last)))
    .all();
  const notices = db()
    .select({ date: advanceNotices.date, kind: advanceNotices.kind })
    .from(advanceNotices)
    .leftJoin(advanceNoticeWithdrawals, eq(advanceNoticeWithdrawals.noticeId, advanceNotices.id))
    .where(and(eq(advanceNotices.placementId, placement.id), between(advanceNotices.date, first, last), isNull(advanceNoticeWithdrawals.id)))
    .orderBy(asc(advanceNotices.id))
    .all();
  const ledger = db()
    .select({ id: educationAfternoons.id, date: educationAfternoons.date, kind: educationEvents.kind })
    .from(educationAfternoons)
    .leftJoin(educationEvents, eq(educationEvents.afternoonId, educationAfternoons.id))
    .where(and(eq(educationAfternoons.placementId, placement.id), lte(educationAfternoons.date, today)))
    .orderBy(asc(educationAfternoons.date), asc(educationEvents.id))
    .all();

  const levels = currentLevels(history);
  const weeks = placementWeeks({ startDate: placement.startDate, plannedWeeks: placement.plannedWeeks, today });
  const week = weeks.current;

  // The latest record of a day holds (a correction supersedes).
  const attendanceByDay = new Map<string, AttendanceStatus>();
  for (const d of days) attendanceByDay.set(d.date, d.status);
  const noticeByDay = new Map<string, AdvanceNoticeKind>();
  for (const n of notices) noticeByDay.set(n.date, n.kind);
  const afternoons = new Map<number, { date: string; events: EducationEventKind[] }>();
  for (const row of ledger) {
    const a = afternoons.get(row.id) ?? { date: row.date, events: [] };
    if (row.kind) a.events.push(row.kind);
    afternoons.set(row.id, a);
  }

  const unitById = new Map(units.map((u) => [u.id, u]));
  const { versionId: _v, status: _st, endedOn: _e, workingWeekdays, ...rest } = placement;
  return {
    ...who,
    completed,
    placement: {
      ...rest,
      week,
      weeks,
      progress: progressSummary(comps, levels, week),
      units: unitProgress(units, comps, levels, week).map((u) => {
        const unit = unitById.get(u.unitId)!;
        return { ...u, code: unit.code, titleEn: unit.titleEn, titleKm: unit.titleKm };
      }),
      next: comingNext(comps, levels, weeks).map(({ competency: c, level, status }) => ({
        id: c.id,
        code: c.code,
        titleEn: c.titleEn,
        titleKm: c.titleKm,
        expectedByWeek: c.expectedByWeek,
        level,
        status,
      })),
      calendar: monthCalendar({
        today,
        startDate: placement.startDate,
        workingWeekdays: parseWeekdays(workingWeekdays),
        holidays: new Set(holidays.map((h) => h.date)),
        attendance: attendanceByDay,
        notices: noticeByDay,
        classDays: classDates([...afternoons.values()], today),
      }),
      education: educationAttended([...afternoons.values()], today),
    },
  };
}
