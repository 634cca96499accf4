import i18next, { type i18n, type TFunction } from "i18next";

import type { Locale } from "~/domain/enums";

import { baseOptions } from "./config";
import en from "./locales/en.json";
import km from "./locales/km.json";

export const catalogues = { en, km } as const;

/**
 * Server-only text (headers, CSV column names, messages): i18next, one instance per language for
 * the whole process, built on first use. Pages render with the smaller translate function of
 * `translation.server.ts` (also built once per language). Nothing changes an instance's language or
 * resources, so every request of that language shares it: building an instance per call cost
 * milliseconds and garbage on every request that titles a page or writes a CSV.
 */
const instances = new Map<Locale, i18n>();

function serverI18n(locale: Locale): i18n {
  let instance = instances.get(locale);
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      ...baseOptions,
      lng: locale,
      resources: { [locale]: { translation: catalogues[locale] } },
    });
    instances.set(locale, instance);
  }
  return instance;
}

/** A translate function for server-only text (e.g. headers, CSV column names). */
export function serverT(locale: Locale): TFunction {
  return serverI18n(locale).t;
}
