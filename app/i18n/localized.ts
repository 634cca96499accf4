/**
 * A record's own text in the reader's language: records keep both (`tradeEn` and `tradeKm`,
 * `nameEn` and `nameKm`, or `{ en, km }`), and a page shows one.
 * `localized(locale, version, "trade")` is `version.tradeKm` in Khmer and `version.tradeEn` in
 * English; `localized(locale, { en, km })` is `km` or `en`.
 */
import type { Locale } from "~/domain/enums";

export function localized<T>(locale: Locale, both: { en: T; km: T }): T;
export function localized<K extends string, T>(locale: Locale, record: { [P in `${K}En` | `${K}Km`]: T }, field: K): T;
export function localized(locale: Locale, record: Record<string, unknown>, field?: string): unknown {
  if (field === undefined) return locale === "km" ? record.km : record.en;
  return locale === "km" ? record[`${field}Km`] : record[`${field}En`];
}
