import i18next, { type i18n } from "i18next";
import { initReactI18next } from "react-i18next";

import type { Locale } from "~/domain/enums";

import { baseOptions, DEFAULT_LOCALE, isLocale, isNumerals, numeralsPostProcessor } from "./config";
import { DEFAULT_NUMERALS, setNumeralsSource } from "./format";

/** Each catalogue is its own chunk: a phone downloads only the language it shows. */
const loaders: Record<Locale, () => Promise<{ default: object }>> = {
  en: () => import("./locales/en.json"),
  km: () => import("./locales/km.json"),
};

export async function createClientI18n(): Promise<i18n> {
  // The page's digits, as the server rendered them (the root sets `<html data-numerals>`).
  setNumeralsSource(() => {
    const chosen = document.documentElement.dataset.numerals;
    return isNumerals(chosen) ? chosen : DEFAULT_NUMERALS;
  });
  const lang = document.documentElement.lang;
  const locale: Locale = isLocale(lang) ? lang : DEFAULT_LOCALE;
  const catalogue = (await loaders[locale]()).default;
  const instance = i18next.createInstance();
  await instance.use(initReactI18next).use(numeralsPostProcessor).init({
    ...baseOptions,
    lng: locale,
    resources: { [locale]: { translation: catalogue } },
  });
  return instance;
}
