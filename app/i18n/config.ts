import type { InitOptions, PostProcessorModule } from "i18next";

import { NUMERALS, type Locale, type Numerals } from "~/domain/enums";

import { inNumerals, numeralsOf } from "./format";
import en from "./locales/en.json";

export const SUPPORTED_LOCALES: readonly Locale[] = ["km", "en"];
/** Khmer is the first language of nearly every user. */
export const DEFAULT_LOCALE: Locale = "km";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export function isNumerals(value: unknown): value is Numerals {
  return typeof value === "string" && (NUMERALS as readonly string[]).includes(value);
}

/**
 * Every translated string in the page's numeral system: numbers written in the catalogue ("6
 * numbers", "1 to 5") and numbers passed in, alike (docs/decisions/0028). An instance made for one
 * reader carries its own choice in the `numerals` option. i18next with these options is what the
 * tests compare the app's translate function with (translate.test.ts); the app itself translates
 * with ./translate.ts alone (docs/decisions/0045).
 */
export const numeralsPostProcessor: PostProcessorModule = {
  type: "postProcessor",
  name: "numerals",
  process(value, _key, _options, translator: { language?: string; options?: { numerals?: unknown } }) {
    const own = translator?.options?.numerals;
    const lang = translator?.language;
    if (!isLocale(lang)) return value;
    return inNumerals(value, lang === "km" && isNumerals(own) ? own : numeralsOf(lang));
  },
};

export const baseOptions = {
  supportedLngs: [...SUPPORTED_LOCALES],
  fallbackLng: false,
  defaultNS: "translation",
  ns: ["translation"],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
  postProcess: ["numerals"],
} satisfies InitOptions;

export type Catalogue = typeof en;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Catalogue };
  }
}
