import type { TFunction } from "i18next";

import type { Locale, Numerals } from "~/domain/enums";

import en from "./locales/en.json";
import km from "./locales/km.json";
import { createTranslate } from "./translate";

export const catalogues = { en, km } as const;

const translators = new Map<string, TFunction>();

/**
 * A translate function for server-only text (titles, headers, CSV column names, messages): the
 * translate function pages render with (./translate.ts), over the whole catalogue of the
 * language, made once per language and numeral system for the whole process. With a reader's
 * `numerals`, its numbers are in their digits; without, they follow the page being rendered (see
 * `setNumeralsSource`; Latin outside a render, so a CSV stays machine-readable).
 *
 * It used to be i18next with a memo of its own for texts asked for by key alone (0036); that memo
 * is now `createTranslate`'s, the one the pages use (0041), and i18next is left as the reference
 * the tests compare every key against (docs/decisions/0045).
 */
export function serverT(locale: Locale, numerals?: Numerals): TFunction {
  const key = `${locale}:${numerals ?? ""}`;
  let t = translators.get(key);
  if (!t) {
    t = createTranslate(locale, catalogues[locale], undefined, numerals);
    translators.set(key, t);
  }
  return t;
}
