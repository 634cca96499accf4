/**
 * Calendar arithmetic on `YYYY-MM-DD` dates in a site's zone (docs/product.md §9). Dates are plain
 * strings; arithmetic is on whole day numbers (UTC days), so no zone or DST can shift a day.
 */

export const SITE_TIME_ZONE = "Asia/Phnom_Penh";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  return dayNumberOrNull(value) !== null;
}

/**
 * Day numbers (days since 1970-01-01) of dates, remembered: a flag pass or a report does date
 * arithmetic on the same few thousand dates hundreds of thousands of times, and parsing and
 * checking a date each time dominated it. Bounded: the memory is dropped when it fills.
 */
const DAY_MS = 86_400_000;
const MEMO_LIMIT = 50_000;
const dayNumbers = new Map<string, number>();
const datesByNumber = new Map<number, string>();

function dayNumberOrNull(date: string): number | null {
  const known = dayNumbers.get(date);
  if (known !== undefined) return known;
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) return null;
  if (dayNumbers.size >= MEMO_LIMIT) dayNumbers.clear();
  const n = ms / DAY_MS;
  dayNumbers.set(date, n);
  return n;
}

function dayNumber(date: string): number {
  const n = dayNumberOrNull(date);
  if (n === null) throw new RangeError(`Not an ISO date: ${date}`);
  return n;
}

function dateOfDayNumber(n: number): string {
  let date = datesByNumber.get(n);
  if (date === undefined) {
    date = new Date(n * DAY_MS).toISOString().slice(0, 10);
    if (datesByNumber.size >= MEMO_LIMIT) datesByNumber.clear();
    datesByNumber.set(n, date);
  }
  return date;
}

/** Intl formatters cost tens of microseconds to build: one per zone (and kind) for the process. */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(timeZone: string): Intl.DateTimeFormat {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormats.set(timeZone, format);
  }
  return format;
}

function clockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    clockFormats.set(timeZone, format);
  }
  return format;
}

/** The calendar date of a moment in a time zone. */
export function dateInZone(moment: Date, timeZone: string = SITE_TIME_ZONE): string {
  const parts = dateFormat(timeZone).formatToParts(moment);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function addDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday (day 0, 1 January 1970, was a Thursday). */
export function isoWeekday(date: string): number {
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the week that holds `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function isMonday(date: string): boolean {
  return isIsoDate(date) && isoWeekday(date) === 1;
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Placement week number of a date: the week holding the start date is week 1. */
export function placementWeek(startDate: string, date: string): number {
  return Math.floor(daysBetween(mondayOf(startDate), mondayOf(date)) / 7) + 1;
}

/** Every Monday from the week of `from` up to the week of `to`, inclusive. */
export function mondaysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = mondayOf(from); m <= mondayOf(to); m = addDays(m, 7)) out.push(m);
  return out;
}

/** The same calendar day `years` later (earlier when negative); 29 February becomes 28 February. */
export function addYears(date: string, years: number): string {
  dayNumber(date);
  const shifted = `${String(Number(date.slice(0, 4)) + years).padStart(4, "0")}${date.slice(4)}`;
  return isIsoDate(shifted) ? shifted : `${shifted.slice(0, 8)}28`;
}

/**
 * `YYYY-MM-DD` as one number (year × 10,000 + month × 100 + day) read digit by digit, or null for
 * anything else: a flag pass asks `ageOn` of every placement, and splitting both dates into
 * arrays of numbers was most of its cost.
 */
function packedDate(date: string): number | null {
  if (date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null;
  let n = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = date.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    n = n * 10 + digit;
  }
  return n;
}

/** Whole years of age on `on`. */
export function ageOn(dateOfBirth: string, on: string): number {
  const born = packedDate(dateOfBirth);
  const day = packedDate(on);
  if (born !== null && day !== null) {
    // The same sum as below: whole years, less one when the birthday (month and day) is still to come.
    const years = Math.floor(day / 10_000) - Math.floor(born / 10_000);
    return years - (day % 10_000 < born % 10_000 ? 1 : 0);
  }
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Parse "1,2,3" into ISO weekdays, ignoring anything that is not 1–7. */
export function parseWeekdays(list: string): number[] {
  return [...new Set(list.split(",").map((s) => Number(s.trim())))].filter((n) => Number.isInteger(n) && n >= 1 && n <= 7).sort((a, b) => a - b);
}

/** The working days of the week starting `monday`, without public holidays. */
export function workingDaysOfWeek(monday: string, workingWeekdays: readonly number[], holidays: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < 7; i++) {
    const day = addDays(monday, i);
    if (workingWeekdays.includes(isoWeekday(day)) && !holidays.has(day)) out.push(day);
  }
  return out;
}

/** The first moment (UTC milliseconds) of a calendar date in a zone. */
export function startOfDayMs(date: string, timeZone: string = SITE_TIME_ZONE): number {
  const format = clockFormat(timeZone);
  const offsetAt = (ms: number) => {
    const p = Object.fromEntries(format.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
    return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - ms;
  };
  const midnightUtc = Date.parse(`${date}T00:00:00Z`);
  const guess = midnightUtc - offsetAt(midnightUtc);
  return midnightUtc - offsetAt(guess);
}

/**
 * Calendar dates of many moments in a zone (a flag pass or a report converts hundreds of
 * thousands). Intl costs microseconds a call, so each local day is worked out once.
 */
export function zonedDateOf(timeZone: string = SITE_TIME_ZONE): (ms: number) => string {
  // The local days met so far, each as its moments [start, end), filed under every UTC day it
  // overlaps: a report's or a pass's moments fall on a few hundred days, and a day costs its
  // Intl calls once (a quarter hour at a time, it cost one per distinct quarter hour).
  const byUtcDay = new Map<number, { start: number; end: number; date: string }[]>();
  return (ms) => {
    const key = Math.floor(ms / 86_400_000);
    const known = byUtcDay.get(key)?.find((d) => d.start <= ms && ms < d.end);
    if (known) return known.date;
    const date = dateInZone(new Date(ms), timeZone);
    const day = { start: startOfDayMs(date, timeZone), end: startOfDayMs(addDays(date, 1), timeZone), date };
    if (!(day.start <= ms && ms < day.end)) return date;
    for (let k = Math.floor(day.start / 86_400_000); k <= Math.floor((day.end - 1) / 86_400_000); k++) {
      const list = byUtcDay.get(k);
      if (list) list.push(day);
      else byUtcDay.set(k, [day]);
    }
    return date;
  };
}
