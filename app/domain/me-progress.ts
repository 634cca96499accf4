/**
 * The apprentice's own view: progress per unit, what comes next, weeks done, this
 * month's attendance as a calendar, education afternoons, and the two timing rules the apprentice
 * meets (advance notices, the feedback window). Plain data in, plain data out.
 */
import { addDays, isIsoDate, isoWeekday, mondayOf, placementWeek } from "./dates";
import type { AdvanceNoticeKind, AssessmentLevel, AttendanceStatus, EducationEventKind } from "./enums";
import { isCompetent, progressSummary, type AssessmentRecord, type CompetencyPlan, type CurrentLevel, type ProgressSummary } from "./progress";

// ---------------------------------------------------------------------------------------------
// Progress per unit

export interface UnitCompetency extends CompetencyPlan {
  unitId: number;
}

export type LevelOrNone = AssessmentLevel | "unassessed";

export interface UnitProgress extends ProgressSummary {
  unitId: number;
  /** One level per competency of the unit, in framework order: the pictures in a row. */
  levels: LevelOrNone[];
}

/** Each unit's progress; a unit with nothing assessed shows all its competencies unassessed. */
export function unitProgress(
  units: readonly { id: number }[],
  competencies: readonly UnitCompetency[],
  levels: ReadonlyMap<number, CurrentLevel>,
  week: number,
): UnitProgress[] {
  return units.map((unit) => {
    const own = competencies.filter((c) => c.unitId === unit.id);
    return {
      unitId: unit.id,
      ...progressSummary(own, levels, week),
      levels: own.map((c) => levels.get(c.id)?.level ?? "unassessed"),
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Weeks done out of planned

export interface PlacementWeeks {
  /** The placement week holding today (or the last day of an ended placement); 0 before the start. */
  current: number;
  /** `current`, capped at the planned length: what the bar shows. */
  shown: number;
  planned: number;
  /** Weeks past the planned end (0 while on plan). */
  overBy: number;
  started: boolean;
}

export function placementWeeks(input: { startDate: string; plannedWeeks: number; today: string; endedOn?: string | null }): PlacementWeeks {
  const lastDay = input.endedOn && input.endedOn < input.today ? input.endedOn : input.today;
  const started = lastDay >= input.startDate;
  const current = started ? placementWeek(input.startDate, lastDay) : 0;
  return {
    current,
    shown: Math.min(current, input.plannedWeeks),
    planned: input.plannedWeeks,
    overBy: Math.max(0, current - input.plannedWeeks),
    started,
  };
}

// ---------------------------------------------------------------------------------------------
// What comes next

export interface NextCompetency<C> {
  competency: C;
  level: AssessmentLevel | null;
  /** `due`: a typical apprentice has it by now; `soon`: within the next weeks. */
  status: "due" | "soon";
}

/**
 * Competencies not yet reached that are due or due soon, the most overdue first. Past the
 * planned end everything not yet reached is due, whatever week it was planned for.
 */
export function comingNext<C extends CompetencyPlan>(
  competencies: readonly C[],
  levels: ReadonlyMap<number, CurrentLevel>,
  weeks: Pick<PlacementWeeks, "current" | "planned">,
  options: { soonWeeks?: number; limit?: number } = {},
): NextCompetency<C>[] {
  const { soonWeeks = 2, limit = 5 } = options;
  const pastEnd = weeks.current > weeks.planned;
  const out: NextCompetency<C>[] = [];
  competencies.forEach((c) => {
    const level = levels.get(c.id)?.level ?? null;
    if (isCompetent(level ?? undefined)) return;
    if (pastEnd || c.expectedByWeek <= weeks.current) out.push({ competency: c, level, status: "due" });
    else if (c.expectedByWeek <= weeks.current + soonWeeks) out.push({ competency: c, level, status: "soon" });
  });
  // A stable sort keeps the framework's order among competencies planned for the same week.
  return out.sort((a, b) => a.competency.expectedByWeek - b.competency.expectedByWeek).slice(0, limit);
}

// ---------------------------------------------------------------------------------------------
// This month's attendance as a calendar

export type DayMark = AttendanceStatus | "day_off" | "not_recorded" | "future" | "outside";

export interface CalendarDay {
  date: string;
  /** Days of the neighbouring months fill the first and last week; they are drawn blank. */
  inMonth: boolean;
  mark: DayMark;
  today: boolean;
  /** The apprentice's own advance notice for that day, if any (not withdrawn). */
  notice: AdvanceNoticeKind | null;
  /** Went to class that afternoon, by the education ledger (whatever the day's attendance mark). */
  atClass: boolean;
}

export type AttendanceCounts = Record<"present" | "late" | "absent" | "education" | "leave", number>;

export interface MonthCalendar {
  month: string;
  weeks: CalendarDay[][];
  counts: AttendanceCounts;
}

/** The `YYYY-MM-01` of a date's month and the last day of that month. */
export function monthBounds(date: string): { first: string; last: string } {
  const first = `${date.slice(0, 7)}-01`;
  const nextMonth = addDays(first, 32).slice(0, 7);
  return { first, last: addDays(`${nextMonth}-01`, -1) };
}

/**
 * A month as Monday-first weeks. A recorded day shows what the trainer recorded; a public holiday
 * or a day the placement does not work shows as a day off; a past working day with nothing
 * recorded says so; days before the placement (or after its end) are outside it.
 *
 * Class afternoons come from the education ledger (`classDays`), not from attendance: the
 * trainer records the working day (usually "present") and the ledger records the class. A day
 * with a class is marked `atClass`, and "At class" counts those days — the same source as the
 * education card's "attended" (it once counted attendance rows marked `education`, which the
 * week card never writes, and so said "At class 0" beside "22 of 22 attended").
 */
export function monthCalendar(input: {
  today: string;
  startDate: string;
  endDate?: string | null;
  workingWeekdays: readonly number[];
  holidays: ReadonlySet<string>;
  attendance: ReadonlyMap<string, AttendanceStatus>;
  notices?: ReadonlyMap<string, AdvanceNoticeKind>;
  classDays?: ReadonlySet<string>;
}): MonthCalendar {
  const { first, last } = monthBounds(input.today);
  const counts: AttendanceCounts = { present: 0, late: 0, absent: 0, education: 0, leave: 0 };
  const weeks: CalendarDay[][] = [];
  for (let monday = mondayOf(first); monday <= last; monday = addDays(monday, 7)) {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      const date = addDays(monday, i);
      const inMonth = date >= first && date <= last;
      const recorded = input.attendance.get(date);
      const outside = date < input.startDate || (input.endDate !== undefined && input.endDate !== null && date > input.endDate);
      const atClass = !outside && date <= input.today && (input.classDays?.has(date) ?? false);
      let mark: DayMark;
      if (outside) mark = "outside";
      else if (recorded) mark = recorded;
      else if (atClass) mark = "education";
      else if (input.holidays.has(date)) mark = "holiday";
      else if (!input.workingWeekdays.includes(isoWeekday(date))) mark = "day_off";
      else if (date > input.today) mark = "future";
      else mark = "not_recorded";
      if (inMonth && !outside) {
        if (recorded && recorded !== "education" && recorded in counts) counts[recorded as keyof AttendanceCounts] += 1;
        if (atClass || recorded === "education") counts.education += 1;
      }
      week.push({ date, inMonth, mark, today: date === input.today, notice: input.notices?.get(date) ?? null, atClass: atClass || recorded === "education" });
    }
    weeks.push(week);
  }
  return { month: first.slice(0, 7), weeks, counts };
}

// ---------------------------------------------------------------------------------------------
// Education afternoons

export interface AfternoonLedger {
  date: string;
  /** The ledger's events in the order they were written. */
  events: readonly EducationEventKind[];
}

const wentToClass = (a: AfternoonLedger) => {
  const word = a.events.filter((e) => e === "attended" || e === "missed" || e === "confirmed_by_apprentice").at(-1);
  return word === "attended" || word === "confirmed_by_apprentice";
};

/** Afternoons agreed so far (up to today), and those the apprentice attended (the latest word counts). */
export function educationAttended(afternoons: readonly AfternoonLedger[], today: string): { attended: number; agreed: number } {
  let attended = 0;
  let agreed = 0;
  for (const a of afternoons) {
    if (a.date > today) continue;
    agreed += 1;
    if (wentToClass(a)) attended += 1;
  }
  return { attended, agreed };
}

/** The dates (up to today) of the afternoons the apprentice attended, for the calendar. */
export function classDates(afternoons: readonly AfternoonLedger[], today: string): Set<string> {
  return new Set(afternoons.filter((a) => a.date <= today && wentToClass(a)).map((a) => a.date));
}

// ---------------------------------------------------------------------------------------------
// Record of achievement

/**
 * When each competency reached `independent` and has held it since: the first observation of
 * the latest unbroken run at that level, among records no correction has superseded.
 */
export function reachedIndependentOn(history: readonly AssessmentRecord[]): Map<number, string> {
  const superseded = new Set(history.flatMap((a) => (a.supersedesId === null ? [] : [a.supersedesId])));
  const ordered = history
    .filter((a) => !superseded.has(a.id))
    .sort((a, b) => (a.observedOn === b.observedOn ? a.id - b.id : a.observedOn < b.observedOn ? -1 : 1));
  const since = new Map<number, string | null>();
  for (const a of ordered) {
    if (a.level !== "independent") since.set(a.competencyId, null);
    else if (!since.get(a.competencyId)) since.set(a.competencyId, a.observedOn);
  }
  const out = new Map<number, string>();
  for (const [id, date] of since) if (date) out.set(id, date);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Timing rules for what the apprentice sends

/** Confidential feedback: at most once every 14 days per placement. */
const FEEDBACK_EVERY_DAYS = 14;

/** The first day feedback can be given again after feedback on `lastOn`; null when there is none. */
export function nextFeedbackOn(lastOn: string | null): string | null {
  return lastOn ? addDays(lastOn, FEEDBACK_EVERY_DAYS) : null;
}

export function canGiveFeedback(lastOn: string | null, today: string): boolean {
  const next = nextFeedbackOn(lastOn);
  return next === null || today >= next;
}

/** An advance notice is for today or one of the next 30 days. */
export const NOTICE_DAYS_AHEAD = 30;

export type NoticeDateProblem = "invalid" | "past" | "too_far" | "day_off";

/** Why a date cannot carry an advance notice, or null when it can. */
export function noticeDateProblem(
  date: string,
  input: { today: string; workingWeekdays: readonly number[]; holidays: ReadonlySet<string> },
): NoticeDateProblem | null {
  if (!isIsoDate(date)) return "invalid";
  if (date < input.today) return "past";
  if (date > addDays(input.today, NOTICE_DAYS_AHEAD)) return "too_far";
  if (!input.workingWeekdays.includes(isoWeekday(date)) || input.holidays.has(date)) return "day_off";
  return null;
}

/** A notice can be withdrawn until the end of its day. */
export const canWithdrawNotice = (noticeDate: string, today: string) => noticeDate >= today;

// ---------------------------------------------------------------------------------------------
// "How am I doing?" in one sentence (issue 11)

export type HowAmIDoing = "not_started" | "all_done" | "early" | "on_track" | "behind";

/**
 * The one sentence at the top of the apprentice's page. `onTrackShare` is the site's behind-plan
 * threshold (70% unless the site changed it), so the page and the staff's flag agree.
 */
export function howAmIDoing(input: { started: boolean; competent: number; total: number; ratioAgainstPlan: number | null }, onTrackShare: number): HowAmIDoing {
  if (!input.started) return "not_started";
  if (input.total > 0 && input.competent === input.total) return "all_done";
  if (input.ratioAgainstPlan === null) return "early";
  return input.ratioAgainstPlan >= onTrackShare ? "on_track" : "behind";
}
