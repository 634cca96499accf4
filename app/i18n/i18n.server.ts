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

const memoised = new Map<string, TFunction>();

/**
 * A translate function for server-only text (titles, headers, CSV column names). With a reader's
 * `numerals`, its numbers are in their digits; without, in Latin digits (CSV stays machine-readable).
 * With `numerals`, a text asked for by its key alone is the same on every call (the catalogue and
 * the digits are fixed), so it is looked up once: i18next's lookup cost every page's title about
 * 60 µs (docs/decisions/0036). Calls with options (counts, values) are translated each time.
 */
export function serverT(locale: Locale, numerals?: Numerals): TFunction {
  if (!numerals) return serverI18n(locale).t;
  const key = `${locale}:${numerals}`;
  let t = memoised.get(key);
  if (!t) {
    const translate = serverI18n(locale, numerals).t as unknown as (...args: unknown[]) => unknown;
    const texts = new Map<string, string>();
    t = ((...args: unknown[]) => {
      const [name] = args;
      if (args.length !== 1 || typeof name !== "string") return translate(...args);
      let text = texts.get(name);
      if (text === undefined) {
        text = translate(name) as string;
        texts.set(name, text);
      }
      return text;
    }) as unknown as TFunction;
    memoised.set(key, t);
  }
  return t;
}
