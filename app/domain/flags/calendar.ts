/**
 * The days a flag pass looks at, worked out once per pass with the date helpers and shared by
 * every placement: the rules walk thousands of placements over the same few weeks, and date
 * arithmetic per placement per day would dominate the pass.
 */
import { addDays, isoWeekday, mondayOf } from "../dates";

export interface CalendarDay {
  date: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export class Calendar {
  readonly thisMonday: string;
  private readonly days: CalendarDay[] = [];
  private readonly index = new Map<string, number>();
  private readonly ranges = new Map<string, readonly CalendarDay[]>();

  /** Covers `today` and the `backDays` days before it. */
  constructor(
    readonly today: string,
    backDays: number,
  ) {
    this.thisMonday = mondayOf(today);
    let date = addDays(today, -backDays);
    let weekday = isoWeekday(date);
    for (let i = 0; i <= backDays; i++) {
      this.index.set(date, i);
      this.days.push({ date, weekday });
      date = addDays(date, 1);
      weekday = weekday === 7 ? 1 : weekday + 1;
    }
  }

  /** `addDays`, answered from the days worked out already when it can be. */
  shift(date: string, days: number): string {
    const i = this.index.get(date);
    const day = i === undefined ? undefined : this.days[i + days];
    return day ? day.date : addDays(date, days);
  }

  /** The first day of a window of `days` days that ends on (and includes) today. */
  windowStart(days: number): string {
    return this.shift(this.today, -(days - 1));
  }

  /**
   * Every day from `from` to `to`, both included (slower outside the range it was built for).
   * Within the range, the same array for the same days: the rules ask for the same few windows
   * for every placement, and only read them.
   */
  range(from: string, to: string): readonly CalendarDay[] {
    const i = this.index.get(from);
    const j = this.index.get(to);
    if (i !== undefined && j !== undefined) {
      const key = `${from}|${to}`;
      let days = this.ranges.get(key);
      if (!days) this.ranges.set(key, (days = Object.freeze(this.days.slice(i, j + 1))));
      return days;
    }
    const out: CalendarDay[] = [];
    for (let d = from; d <= to; d = addDays(d, 1)) out.push({ date: d, weekday: isoWeekday(d) });
    return out;
  }
}
