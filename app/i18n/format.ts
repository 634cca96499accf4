/** Dates, numbers and money through Intl, in the page's language (DESIGN.md §9). */
import type { Locale } from "~/domain/enums";

const tag = (locale: Locale) => (locale === "km" ? "km-KH" : "en-GB");

/** A `YYYY-MM-DD` calendar date, e.g. "Mon 3 Nov 2026" / "ច័ន្ទ ៣ វិច្ឆិកា ២០២៦". */
export function formatDate(locale: Locale, isoDate: string, style: "short" | "long" = "short"): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone: "UTC",
    day: "numeric",
    // Khmer month abbreviations render as "M11" in some browsers' ICU: spell months out.
    month: style === "long" || locale === "km" ? "long" : "short",
    year: "numeric",
    weekday: style === "long" ? "long" : undefined,
  }).format(date);
}

/** A moment, shown in the site's zone. */
export function formatDateTime(locale: Locale, moment: Date, timeZone = "Asia/Phnom_Penh"): string {
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone,
    day: "numeric",
    month: locale === "km" ? "long" : "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(moment);
}

export function formatTime(locale: Locale, moment: Date, timeZone = "Asia/Phnom_Penh"): string {
  return new Intl.DateTimeFormat(tag(locale), { timeZone, timeStyle: "short" }).format(moment);
}

export function formatNumber(locale: Locale, value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(tag(locale), options).format(value);
}

export function formatPercent(locale: Locale, ratio: number): string {
  return new Intl.NumberFormat(tag(locale), { style: "percent", maximumFractionDigits: 0 }).format(ratio);
}

/** US dollars from cents, with the currency shown. */
export function formatUsd(locale: Locale, cents: number): string {
  return new Intl.NumberFormat(tag(locale), { style: "currency", currency: "USD" }).format(cents / 100);
}

/** A day within a week card: "Mon 16 Nov" / "ច័ន្ទ 16 វិច្ឆិកា". */
export function formatDay(locale: Locale, isoDate: string): string {
  return new Intl.DateTimeFormat(tag(locale), {
    timeZone: "UTC",
    weekday: "short",
    day: "numeric",
    month: locale === "km" ? "long" : "short",
  }).format(new Date(`${isoDate}T12:00:00Z`));
}
