/**
 * Calendar arithmetic on `YYYY-MM-DD` dates in a site's zone (docs/product.md §9). Dates are plain
 * strings; arithmetic goes through UTC noon so no zone or DST can shift a day.
 */

export const SITE_TIME_ZONE = "Asia/Phnom_Penh";

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function toUtc(date: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
  return new Date(`${date}T12:00:00Z`);
}

/** The calendar date of a moment in a time zone. */
export function dateInZone(moment: Date, timeZone: string = SITE_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(moment);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const day = toUtc(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The Monday of the week that holds `date`. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

export function isMonday(date: string): boolean {
  return isIsoDate(date) && isoWeekday(date) === 1;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
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
  toUtc(date);
  const shifted = `${String(Number(date.slice(0, 4)) + years).padStart(4, "0")}${date.slice(4)}`;
  return isIsoDate(shifted) ? shifted : `${shifted.slice(0, 8)}28`;
}

/** Whole years of age on `on`. */
export function ageOn(dateOfBirth: string, on: string): number {
  const [by, bm, bd] = dateOfBirth.split("-").map(Number) as [number, number, number];
  const [y, m, d] = on.split("-").map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** Parse "1,2,3" into ISO weekdays, ignoring anything that is not 1–7. */
export function parseWeekdays(list: string): number[] {
  return [...new Set(list.split(",").map((s) => Number(s.trim())))]
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= 7)
    .sort((a, b) => a - b);
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
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
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
 * thousands). Intl costs microseconds a call, so each quarter hour is formatted once: zone
 * offsets are whole quarter hours, so the date never changes inside one.
 */
export function zonedDateOf(timeZone: string = SITE_TIME_ZONE): (ms: number) => string {
  const byQuarterHour = new Map<number, string>();
  return (ms) => {
    const bucket = Math.floor(ms / 900_000);
    let date = byQuarterHour.get(bucket);
    if (date === undefined) {
      date = dateInZone(new Date(bucket * 900_000), timeZone);
      byQuarterHour.set(bucket, date);
    }
    return date;
  };
}
