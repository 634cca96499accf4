/**
 * Dates, numbers and money in the page's language (docs/product.md §9).
 *
 * The server (Node's ICU) and a phone's browser (its own ICU, sometimes without Khmer data)
 * must render the same text, or React's hydration fails and the page flickers. So dates are
 * built from Intl's *numeric* parts (the time zone arithmetic stays Intl's) and from the
 * month and weekday names below (CLDR's, fixed here). Numbers use Intl's decimal and percent
 * styles, which agree everywhere; money is "$" and a decimal, as the programme writes it.
 */
import type { Locale } from "~/domain/enums";

const tag = (locale: Locale) => (locale === "km" ? "km-KH" : "en-GB");

const MONTHS: Record<Locale, { long: string[]; short: string[] }> = {
  en: {
    long: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    short: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
  km: {
    long: ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"],
    // Khmer has no month abbreviations in everyday use: the full name is short enough.
    short: ["មករា", "កុម្ភៈ", "មីនា", "មេសា", "ឧសភា", "មិថុនា", "កក្កដា", "សីហា", "កញ្ញា", "តុលា", "វិច្ឆិកា", "ធ្នូ"],
  },
};

/** ISO weekday order: Monday first. */
const WEEKDAYS: Record<Locale, { long: string[]; short: string[] }> = {
  en: {
    long: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    short: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  },
  km: {
    long: ["ថ្ងៃច័ន្ទ", "ថ្ងៃអង្គារ", "ថ្ងៃពុធ", "ថ្ងៃព្រហស្បតិ៍", "ថ្ងៃសុក្រ", "ថ្ងៃសៅរ៍", "ថ្ងៃអាទិត្យ"],
    short: ["ច័ន្ទ", "អង្គារ", "ពុធ", "ព្រហស្បតិ៍", "សុក្រ", "សៅរ៍", "អាទិត្យ"],
  },
};

function parts(isoDate: string) {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return { y, m, d, weekday };
}

/** A `YYYY-MM-DD` calendar date: "16 Nov 2026" / "16 វិច្ឆិកា 2026"; long adds the weekday. */
export function formatDate(locale: Locale, isoDate: string, style: "short" | "long" = "short"): string {
  const { y, m, d, weekday } = parts(isoDate);
  const date = `${d} ${MONTHS[locale][style][m - 1]} ${y}`;
  return style === "long" ? `${WEEKDAYS[locale].long[weekday]} ${date}` : date;
}

/** A day within a week card: "Mon 16 Nov" / "ច័ន្ទ 16 វិច្ឆិកា". */
export function formatDay(locale: Locale, isoDate: string): string {
  const { m, d, weekday } = parts(isoDate);
  return `${WEEKDAYS[locale].short[weekday]} ${d} ${MONTHS[locale].short[m - 1]}`;
}

/** The calendar date and 24-hour time of a moment in the sites' zone, from Intl's numeric parts. */
function zoned(moment: Date, timeZone: string) {
  const out = new Intl.DateTimeFormat("en-GB", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(moment);
  const get = (type: Intl.DateTimeFormatPartTypes) => out.find((p) => p.type === type)?.value ?? "00";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** A moment, shown in the site's zone: "26 Nov 2026, 06:11". */
export function formatDateTime(locale: Locale, moment: Date, timeZone = "Asia/Phnom_Penh"): string {
  const { date, time } = zoned(moment, timeZone);
  return `${formatDate(locale, date)}, ${time}`;
}

export function formatTime(_locale: Locale, moment: Date, timeZone = "Asia/Phnom_Penh"): string {
  return zoned(moment, timeZone).time;
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(tag(locale), options).format(value);
}

export function formatPercent(locale: Locale, ratio: number): string {
  return new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}

/** US dollars from cents, with the currency shown: "$75.00". */
export function formatUsd(locale: Locale, cents: number): string {
  return `$${new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(cents / 100)}`;
}

/** Weekday names (short unless asked), Monday first. */
export function weekdayNames(locale: Locale, style: "short" | "long" = "short"): string[] {
  return [...WEEKDAYS[locale][style]];
}

/** A month: "November 2026" / "វិច្ឆិកា 2026". */
export function formatMonth(locale: Locale, yearMonth: string): string {
  const [y, m] = yearMonth.split("-").map(Number) as [number, number];
  return `${MONTHS[locale].long[m - 1]} ${y}`;
}
