/**
 * Weekly reminders (issue 13, docs/decisions/0018): when a site's reminders are due, and how a
 * failed message is retried. Pure: dates are `YYYY-MM-DD` strings in the site's calendar and
 * times are `HH:MM` on the site's clock.
 */
import { addDays, mondayOf } from "./dates";

/** `weekly`: the week's reminder (default Friday); `monday`: the firmer one for a week still missing; `digest`: staff. */
export const REMINDER_KINDS = ["weekly", "monday", "digest"] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const MESSAGE_CHANNELS = ["telegram", "sms", "log"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** queued → sending → sent, or → failed (retried with backoff until it gives up); cancelled when no longer needed. */
export const OUTBOX_STATUSES = ["queued", "sending", "sent", "failed", "cancelled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const SIGN_IN_LINK_PURPOSES = ["staff", "reminder"] as const;

export interface ReminderSchedule {
  /** ISO weekday of the week's reminder: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** `HH:MM` on the site's clock. */
  time: string;
  /** `HH:MM` of the firmer reminder on the Monday after a week still missing. */
  mondayTime: string;
  enabled: boolean;
}

export const DEFAULT_SCHEDULE: ReminderSchedule = { weekday: 5, time: "16:00", mondayTime: "09:00", enabled: true };

/** A reminder whose moment passed while the server was down is still sent within this many days. */
const GRACE_DAYS = 2;

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface DueReminder {
  kind: "weekly" | "monday";
  /** The Monday of the week the reminder is about. */
  weekOf: string;
  /** The day it is due, after moving past public holidays. */
  dueDate: string;
  dueTime: string;
}

/** The first day from `date` that is not a holiday, no later than `latest`; null when there is none. */
export function firstDayOff(date: string, holidays: ReadonlySet<string>, latest: string): string | null {
  for (let day = date; day <= latest; day = addDays(day, 1)) if (!holidays.has(day)) return day;
  return null;
}

/**
 * The reminders due at this moment of a site's calendar. A reminder falls due at its day and
 * time; a day that is a public holiday moves it to the next day that is not (the week's
 * reminder stays within its week). It stays due for GRACE_DAYS, so a pass after a restart still
 * sends it, but nothing is ever sent on a public holiday. The outbox's unique key makes
 * "due" safe to answer many times.
 */
export function dueReminders(input: { today: string; time: string; schedule: ReminderSchedule; holidays: ReadonlySet<string> }): DueReminder[] {
  const { today, time, schedule, holidays } = input;
  if (!schedule.enabled || holidays.has(today)) return [];
  const now = `${today}T${time}`;
  const out: DueReminder[] = [];
  const thisMonday = mondayOf(today);
  for (const back of [2, 1, 0]) {
    const weekOf = addDays(thisMonday, -7 * back);
    const candidates = [
      { kind: "weekly" as const, nominal: addDays(weekOf, schedule.weekday - 1), latest: addDays(weekOf, 6), at: schedule.time },
      { kind: "monday" as const, nominal: addDays(weekOf, 7), latest: addDays(weekOf, 13), at: schedule.mondayTime },
    ];
    for (const c of candidates) {
      const dueDate = firstDayOff(c.nominal, holidays, c.latest);
      if (!dueDate) continue;
      const from = `${dueDate}T${c.at}`;
      const until = `${addDays(dueDate, GRACE_DAYS)}T${c.at}`;
      if (from <= now && now < until) out.push({ kind: c.kind, weekOf, dueDate, dueTime: c.at });
    }
  }
  return out;
}

/** The next time the week's reminder falls due on or after `today` (for the staff page). */
export function nextWeeklyReminder(input: {
  today: string;
  time: string;
  schedule: ReminderSchedule;
  holidays: ReadonlySet<string>;
}): { date: string; time: string } | null {
  if (!input.schedule.enabled) return null;
  for (let week = mondayOf(input.today), i = 0; i < 8; week = addDays(week, 7), i++) {
    const due = firstDayOff(addDays(week, input.schedule.weekday - 1), input.holidays, addDays(week, 6));
    if (due && `${due}T${input.schedule.time}` >= `${input.today}T${input.time}`) return { date: due, time: input.schedule.time };
  }
  return null;
}

/** The `HH:MM` of a moment on a zone's clock. */
export function timeInZone(moment: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit" }).formatToParts(moment);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "00";
  return `${get("hour")}:${get("minute")}`;
}

/** Waits after the 1st, 2nd, … failed attempt. After the last one the message is given up. */
const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 6 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/**
 * When to try again after `attempts` failed attempts: the backoff, or the provider's
 * "retry after" when that is longer. Null: give up (permanent error, or no attempts left).
 */
export function nextAttemptAt(input: { attempts: number; now: Date; retryable: boolean; retryAfterMs?: number }): Date | null {
  if (!input.retryable || input.attempts >= MAX_ATTEMPTS) return null;
  const backoff = RETRY_DELAYS_MS[Math.max(0, input.attempts - 1)] ?? RETRY_DELAYS_MS.at(-1)!;
  return new Date(input.now.getTime() + Math.max(backoff, input.retryAfterMs ?? 0));
}

/**
 * The only addresses a reminder's sign-in link may open: the trainer's pages. Anything else
 * (another site, `//host`, a backslash, a staff page) falls back to the trainer's home.
 */
const TRAINER_TARGET = /^\/trainer(?:\/placements\/\d{1,12}\/weeks\/\d{4}-\d{2}-\d{2})?$/;

export function trainerTarget(value: unknown): string | null {
  return typeof value === "string" && TRAINER_TARGET.test(value) ? value : null;
}
