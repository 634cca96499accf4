import type { InitOptions } from "i18next";

import type { Locale } from "~/domain/enums";

import en from "./locales/en.json";

export const SUPPORTED_LOCALES: readonly Locale[] = ["km", "en"];
/** Khmer is the first language of nearly every user. */
export const DEFAULT_LOCALE: Locale = "km";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export const baseOptions = {
  supportedLngs: [...SUPPORTED_LOCALES],
  fallbackLng: false,
  defaultNS: "translation",
  ns: ["translation"],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
} satisfies InitOptions;

export type Catalogue = typeof en;

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Catalogue };
  }
}
