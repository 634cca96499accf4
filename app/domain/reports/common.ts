/**
 * What the reports share: the period a report reads, shares (a percentage with its counts), and
 * the small helpers the reports count with (grouping, means, memoised day numbers, months).
 */
import { isIsoDate } from "../dates";

/**
 * Feedback is small-cohort data (docs/product.md §4): a figure drawn from it is shown only where at
 * least this many distinct apprentices answered, else nothing at all (not a count, not a part).
 */
export const MIN_FEEDBACK_RESPONDENTS = 3;

/** The longest period a report reads (3 years, leap day included). */
export const MAX_PERIOD_DAYS = 3 * 365 + 1;

export interface Period {
  from: string;
  to: string;
  /** Today at the site: weeks and afternoons not yet over are not owed. */
  today: string;
}

/** The last day a report reads: the period's end, or today when the period reaches past it. */
export function asOfDate(period: Period): string {
  return period.to < period.today ? period.to : period.today;
}

export const inPeriod = (date: string | null, period: { from: string; to: string }) => date !== null && date >= period.from && date <= period.to;

export interface Share {
  numerator: number;
  denominator: number;
  /** numerator / denominator; null when the denominator is 0. */
  ratio: number | null;
}

export function share(numerator: number, denominator: number): Share {
  return { numerator, denominator, ratio: denominator === 0 ? null : numerator / denominator };
}

/** A share with the cohort members whose result is not known yet (shown beside it, never in it). */
export interface PendingShare extends Share {
  pending: number;
}

export const pendingShare = (numerator: number, denominator: number, pending: number): PendingShare => ({
  ...share(numerator, denominator),
  pending,
});

export const mean = (values: readonly number[]): number | null => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

export function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

/**
 * Day numbers (days since 1970-01-01) of ISO dates, memoised for one report: a report compares
 * hundreds of thousands of dates drawn from a few thousand distinct days, and building a Date
 * for each comparison (as `daysBetween` does) dominates its time.
 */
export function dayNumbers(): { of: (date: string) => number; date: (n: number) => string } {
  const cache = new Map<string, number>();
  return {
    of(date) {
      let n = cache.get(date);
      if (n === undefined) {
        if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
        n = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
        cache.set(date, n);
      }
      return n;
    },
    date: (n) => new Date(n * 86_400_000).toISOString().slice(0, 10),
  };
}

/** The Monday on or before a day number (day 0, 1 January 1970, was a Thursday). */
export const mondayNumber = (n: number) => n - ((n + 3) % 7);

/** The same calendar day `months` later, or the month's last day when it has no such day. */
export function addMonths(date: string, months: number): string {
  if (!isIsoDate(date)) throw new RangeError(`Not an ISO date: ${date}`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}
