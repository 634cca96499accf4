import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";

import type { Locale, Numerals } from "~/domain/enums";

import { baseOptions, numeralsPostProcessor } from "./config";
import en from "./locales/en.json";
import km from "./locales/km.json";

export const catalogues = { en, km } as const;

/**
 * A fresh i18next instance for one server render (instances are never shared between requests).
 * Without `numerals`, its strings follow the page being rendered (see `setNumeralsSource`).
 */
export function createServerI18n(locale: Locale, numerals?: Numerals): i18n {
  const instance = i18next.createInstance();
  void instance
    .use(initReactI18next)
    .use(numeralsPostProcessor)
    .init({
      ...baseOptions,
      lng: locale,
      resources: { en: { translation: en }, km: { translation: km } },
      ...(numerals ? { numerals } : {}),
    });
  return instance;
}

/**
 * A translate function for server-only text (titles, headers, CSV column names). With a reader's
 * `numerals`, its numbers are in their digits; without, in Latin digits (CSV stays machine-readable).
 */
export function serverT(locale: Locale, numerals?: Numerals) {
  return createServerI18n(locale, numerals).t;
}
