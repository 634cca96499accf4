/**
 * Dates, numbers and money in the page's language (docs/product.md §9).
 *
 * The server (Node's ICU) and a phone's browser (its own ICU, sometimes without Khmer data)
 * must render the same text, or React's hydration fails and the page flickers. So dates are
 * built from Intl's *numeric* parts (the time zone arithmetic stays Intl's) and from the
 * month and weekday names below (CLDR's, fixed here). Numbers use Intl's decimal and percent
 * styles, which agree everywhere; money is "$" and a decimal, as the programme writes it.
 */
import type { Locale, Numerals } from "~/domain/enums";

const tag = (locale: Locale) => (locale === "km" ? "km-KH" : "en-GB");

/**
 * One numeral system per page (docs/decisions/0028). Khmer pages write numbers in the reader's
 * choice of digits, Latin by default; English pages always in Latin digits. The choice belongs to
 * the page being rendered, like its `lang`: the server entry answers it for the request being
 * rendered (AsyncLocalStorage), the browser reads it from `<html data-numerals>`. Elsewhere
 * (loaders, CSV, tests) it is the default, so machine-read output keeps Latin digits.
 */
export const DEFAULT_NUMERALS: Numerals = "latin";
let pageNumerals: () => Numerals = () => DEFAULT_NUMERALS;

/** Set once by each entry (server and browser): where the page's numeral system comes from. */
export function setNumeralsSource(source: () => Numerals) {
  pageNumerals = source;
}

/** The digits a page in this language writes. */
export function numeralsOf(locale: Locale): Numerals {
  return locale === "km" ? pageNumerals() : "latin";
}

const KHMER_ZERO = 0x17e0;

/**
 * Text in one numeral system. To Khmer: every free-standing number becomes Khmer digits; a run
 * of digits that is part of a code or a typed format ("PP-26-014", "UTF-8", "2026-11-29") stays as
 * typed. To Latin: every Khmer digit becomes a Latin one.
 */
export function inNumerals(text: string, numerals: Numerals): string {
  if (numerals === "latin") return text.replace(/[\u17E0-\u17E9]/g, (d) => String(d.charCodeAt(0) - KHMER_ZERO));
  return text.replace(/[0-9A-Za-z_-]+/g, (word) => (/^[0-9]+$/.test(word) ? word.replace(/[0-9]/g, (d) => String.fromCharCode(KHMER_ZERO + Number(d))) : word));
}

/** Text in the numeral system of a page in this language. */
export function digits(locale: Locale, text: string): string {
  return inNumerals(text, numeralsOf(locale));
}

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
  return digits(locale, style === "long" ? `${WEEKDAYS[locale].long[weekday]} ${date}` : date);
}

/** A day within a week card: "Mon 16 Nov" / "ច័ន្ទ 16 វិច្ឆិកា". */
export function formatDay(locale: Locale, isoDate: string): string {
  const { m, d, weekday } = parts(isoDate);
  return digits(locale, `${WEEKDAYS[locale].short[weekday]} ${d} ${MONTHS[locale].short[m - 1]}`);
}

/**
 * Intl formatters are built once per zone or per language and options, not per call: building
 * one costs tens of microseconds, and a page formats hundreds of values.
 */
const memo = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, build: () => T): T {
  let format = memo.get(key) as T | undefined;
  if (!format) {
    format = build();
    memo.set(key, format);
  }
  return format;
}

/** The calendar date and 24-hour time of a moment in the sites' zone, from Intl's numeric parts. */
function zoned(moment: Date, timeZone: string) {
  const out = cached(
    `zoned:${timeZone}`,
    () =>
      new Intl.DateTimeFormat("en-GB", {
        timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }),
  ).formatToParts(moment);
  const get = (type: Intl.DateTimeFormatPartTypes) => out.find((p) => p.type === type)?.value ?? "00";
  return { date: `${get("year")}-${get("month")}-${get("day")}`, time: `${get("hour")}:${get("minute")}` };
}

/** A moment, shown in the site's zone: "26 Nov 2026, 06:11". */
export function formatDateTime(locale: Locale, moment: Date, timeZone = "Asia/Phnom_Penh"): string {
  const { date, time } = zoned(moment, timeZone);
  return `${formatDate(locale, date)}, ${digits(locale, time)}`;
}

export function formatTime(locale: Locale, moment: Date, timeZone = "Asia/Phnom_Penh"): string {
  return digits(locale, zoned(moment, timeZone).time);
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return digits(locale, cached(`number:${locale}:${options ? JSON.stringify(options) : ""}`, () => new Intl.NumberFormat(tag(locale), options)).format(value));
}

export function formatPercent(locale: Locale, ratio: number): string {
  return digits(locale, cached(`percent:${locale}`, () => new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 0 })).format(ratio));
}

/** US dollars from cents, with the currency shown: "$75.00". */
export function formatUsd(locale: Locale, cents: number): string {
  return digits(
    locale,
    `$${cached(`usd:${locale}`, () => new Intl.NumberFormat(tag(locale), { minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(cents / 100)}`,
  );
}

/**
 * Weekday initials as Khmer calendars print them, Monday first: a column a seventh of a phone wide
 * holds "ព្រ" where "ព្រហស្បតិ៍" overran it. English keeps its three letters.
 */
const NARROW_WEEKDAYS: Record<Locale, string[]> = {
  en: WEEKDAYS.en.short,
  km: ["ច", "អ", "ព", "ព្រ", "សុ", "ស", "អា"],
};

/** Weekday names, Monday first: short ("Mon", "ច័ន្ទ"), long, or narrow for a calendar's columns. */
export function weekdayNames(locale: Locale, style: "short" | "long" | "narrow" = "short"): string[] {
  return [...(style === "narrow" ? NARROW_WEEKDAYS[locale] : WEEKDAYS[locale][style])];
}

/** Days of one week as weekday names: "Mon", or "Mon–Wed" for a run (e.g. of holidays). */
export function formatWeekdayRange(locale: Locale, from: string, to: string): string {
  const a = WEEKDAYS[locale].short[parts(from).weekday]!;
  return from === to ? a : `${a}–${WEEKDAYS[locale].short[parts(to).weekday]!}`;
}

/** A month: "November 2026" / "វិច្ឆិកា 2026". */
export function formatMonth(locale: Locale, yearMonth: string): string {
  const [y, m] = yearMonth.split("-").map(Number) as [number, number];
  return digits(locale, `${MONTHS[locale].long[m - 1]} ${y}`);
}

/** "3/19": a count of a total, in the page's digits. */
export function formatFraction(locale: Locale, done: number, total: number): string {
  return digits(locale, `${done}/${total}`);
}

const NO_BREAK_SPACE = "\u00A0";

/**
 * A phone number in the page's digits, its groups joined by no-break spaces so it never breaks
 * across lines. Whatever digits it was typed in, `telHref` makes the call link.
 */
export function formatPhone(locale: Locale, phone: string): string {
  return digits(locale, phone.trim().replace(/\s+/g, NO_BREAK_SPACE));
}

/** A `tel:` link for a phone number written in any digits. */
export function telHref(phone: string): string {
  return `tel:${inNumerals(phone, "latin").replace(/[^\d+]/g, "")}`;
}
