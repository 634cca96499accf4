import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";

import type { Locale } from "~/domain/enums";

import { baseOptions } from "./config";
import en from "./locales/en.json";
import km from "./locales/km.json";

export const catalogues = { en, km } as const;

/** A fresh i18next instance for one server render (instances are never shared between requests). */
function createServerI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    ...baseOptions,
    lng: locale,
    resources: { en: { translation: en }, km: { translation: km } },
  });
  return instance;
}

/** A translate function for server-only text (e.g. headers, CSV column names). */
export function serverT(locale: Locale) {
  return createServerI18n(locale).t;
}
