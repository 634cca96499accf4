/**
 * `useTranslation()` for components: the page's translate function and language. The same
 * function renders on the server and in the browser (./translate.ts), so both render the same text.
 */
import type { TFunction } from "i18next";
import { createContext, useContext } from "react";

import type { Locale, Numerals } from "~/domain/enums";

import { createTranslate, hasKey, type Resources } from "./translate";

export interface Translation {
  t: TFunction;
  /** Shaped as react-i18next's, which the components were written against. */
  i18n: { language: Locale; exists: (key: string) => boolean };
}

const TranslationContext = createContext<Translation | null>(null);
export const TranslationProvider = TranslationContext.Provider;

export function translation(locale: Locale, resources: Resources, onMissing?: (key: string) => void, numerals?: Numerals): Translation {
  return { t: createTranslate(locale, resources, onMissing, numerals), i18n: { language: locale, exists: (key) => hasKey(resources, key) } };
}

export function useTranslation(): Translation {
  const value = useContext(TranslationContext);
  if (!value) throw new Error("useTranslation() needs a <TranslationProvider> (entry.server.tsx, entry.client.tsx)");
  return value;
}

/** The page's language, "km" or "en": for formatting dates and numbers, and `localized`. */
export function useLocale(): Locale {
  return useTranslation().i18n.language;
}
