/**
 * The translate function that pages render with, on the server and in the browser alike
 * (docs/decisions/0025-what-a-phone-downloads.md).
 *
 * It does what the catalogues use of i18next, the same way (translate.test.ts compares the two
 * on every key of both catalogues): a dotted key; plurals by `count` (`_zero` for 0 when there
 * is one, then the language's plural category, `_one` / `_other`, then the bare key);
 * `{{name}}` placeholders (not escaped: React escapes); `defaultValue`; the numerals
 * post-processor (./config.ts), skipped by `postProcess: []`. Everything else i18next
 * can do (back ends, detection, formatting, nesting, context) is not needed by a page, and is
 * about 18 KB gzipped of script a phone would otherwise download and run on every page.
 */
import type { TFunction } from "i18next";

import type { Locale, Numerals } from "~/domain/enums";

import { inNumerals, numeralsOf } from "./format";

export interface Resources {
  [key: string]: string | Resources;
}

type Options = Record<string, unknown> & { count?: unknown; defaultValue?: unknown; postProcess?: unknown };

const pluralRules = new Map<Locale, Intl.PluralRules>();
function pluralCategory(locale: Locale, count: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(count);
}

function lookup(resources: Resources, key: string): string | undefined {
  let node: string | Resources | undefined = resources;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string" || !own(node, part)) return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Whether the catalogue has this key (as a text, not a section). */
export function hasKey(resources: Resources, key: string): boolean {
  return lookup(resources, key) !== undefined;
}

const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

const PLACEHOLDER = /\{\{(-?)\s*([^{}]+?)\s*\}\}/g;

function interpolate(text: string, options: Options): string {
  return text.replace(PLACEHOLDER, (match, _raw: string, name: string) => {
    const value = name.split(".").reduce<unknown>((o, k) => (o != null && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), options);
    if (value === undefined) return own(options, name) ? "" : match;
    return value === null ? "" : String(value);
  });
}

/**
 * A translate function over `resources` (which may grow later: it is read on each call).
 * `onMissing` hears of each key not found; the answer is then the defaultValue, or the key.
 * Every answer is in one numeral system (docs/decisions/0028): `numerals` when given (a text for
 * one reader), else the page's, asked at each call.
 */
export function createTranslate(locale: Locale, resources: Resources, onMissing?: (key: string) => void, numerals?: Numerals): TFunction {
  const inDigits = (text: string) => inNumerals(text, locale === "km" && numerals ? numerals : numeralsOf(locale));
  // A text asked for by its key alone is the same on every call in the same digits: found once
  // per numeral system (a week card asks for about 400; each was a lookup and a digits pass).
  // Only texts found are kept, so a catalogue that grows later is still read for the others.
  const plain = new Map<Numerals, Map<string, string>>();
  const translate = (key: string, second?: unknown): string => {
    if (second === undefined) {
      const system = locale === "km" && numerals ? numerals : numeralsOf(locale);
      let texts = plain.get(system);
      if (!texts) plain.set(system, (texts = new Map()));
      let text = texts.get(key);
      if (text === undefined) {
        const found = lookup(resources, key);
        if (found === undefined) {
          onMissing?.(key);
          return key;
        }
        text = inNumerals(interpolate(found, {}), system);
        texts.set(key, text);
      }
      return text;
    }
    const options: Options = second !== null && typeof second === "object" ? (second as Options) : {};
    const defaultValue = typeof second === "string" ? second : options.defaultValue;
    let text: string | undefined;
    if (typeof options.count === "number") {
      if (options.count === 0) text = lookup(resources, `${key}_zero`);
      text ??= lookup(resources, `${key}_${pluralCategory(locale, options.count)}`);
    }
    text ??= lookup(resources, key);
    if (text === undefined) {
      onMissing?.(key);
      return typeof defaultValue === "string" ? inDigits(interpolate(defaultValue, options)) : key;
    }
    // `postProcess: []` (as in i18next): the text as written, e.g. a sample of other digits.
    return Array.isArray(options.postProcess) && !options.postProcess.includes("numerals") ? interpolate(text, options) : inDigits(interpolate(text, options));
  };
  return translate as unknown as TFunction;
}
