/**
 * A record's own text in the reader's language: records keep both (`tradeEn` and `tradeKm`,
 * `nameEn` and `nameKm`), and a page shows one. `localized(locale, version, "trade")` is
 * `version.tradeKm` in Khmer and `version.tradeEn` in English.
 */
import type { Locale } from "~/domain/enums";

export function localized<K extends string, T>(locale: Locale, record: { [P in `${K}En` | `${K}Km`]: T }, field: K): T {
  return locale === "km" ? record[`${field}Km`] : record[`${field}En`];
}
