import i18next, { type i18n, type TFunction } from "i18next";

import type { Locale, Numerals } from "~/domain/enums";

import { baseOptions, numeralsPostProcessor } from "./config";
import en from "./locales/en.json";
import km from "./locales/km.json";

export const catalogues = { en, km } as const;

/**
 * Server-only text (titles, headers, CSV column names, messages): i18next, one instance per
 * language and numeral system for the whole process, built on first use. Pages render with the
 * smaller translate function of `translation.server.ts` (also built once per language). Nothing
 * changes an instance's language, resources or numerals, so every request of that kind shares it:
 * building an instance per call cost milliseconds and garbage on every request that titles a page
 * or writes a CSV. Without `numerals`, its strings follow the page being rendered (see
 * `setNumeralsSource`).
 */
const instances = new Map<string, i18n>();

export function serverI18n(locale: Locale, numerals?: Numerals): i18n {
  const key = `${locale}:${numerals ?? ""}`;
  let instance = instances.get(key);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.use(numeralsPostProcessor).init({
      ...baseOptions,
      lng: locale,
      resources: { [locale]: { translation: catalogues[locale] } },
      ...(numerals ? { numerals } : {}),
    });
    instances.set(key, instance);
  }
  return instance;
}

/**
 * A translate function for server-only text (titles, headers, CSV column names). With a reader's
 * `numerals`, its numbers are in their digits; without, in Latin digits (CSV stays machine-readable).
 */
export function serverT(locale: Locale, numerals?: Numerals): TFunction {
  return serverI18n(locale, numerals).t;
}
