import i18next from "i18next";
import { describe, expect, it, vi } from "vitest";

import type { Locale, Numerals } from "~/domain/enums";

import { baseOptions, numeralsPostProcessor } from "./config";
import { DEFAULT_NUMERALS, setNumeralsSource } from "./format";
import en from "./locales/en.json";
import km from "./locales/km.json";
import { serverT } from "./i18n.server";
import { createTranslate, type Resources } from "./translate";

const catalogues: Record<Locale, Resources> = { en, km };

function leafKeys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v !== null && typeof v === "object" ? leafKeys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/**
 * i18next as the server's own texts used it before decision 0045: an instance per language (and
 * reader's digits) with the numerals post-processor; without `numerals`, the page's digits.
 */
function reference(locale: Locale, numerals?: Numerals) {
  const instance = i18next.createInstance();
  void instance.use(numeralsPostProcessor).init({
    ...baseOptions,
    lng: locale,
    resources: { [locale]: { translation: catalogues[locale] } },
    ...(numerals ? { numerals } : {}),
  });
  return instance.t as unknown as (key: string, options?: object) => string;
}

/** Every key of a catalogue (plural forms as their bare key) and a value for every placeholder. */
function everyKey(locale: Locale) {
  const keys = new Set(leafKeys(catalogues[locale]).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, "")));
  const names = [...new Set([...JSON.stringify(catalogues[locale]).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!))];
  const values = Object.fromEntries(names.map((n, i) => [n, i % 2 ? `v-${n}` : i * 7]));
  const optionSets = [
    undefined,
    { postProcess: [] },
    values,
    { ...values, count: 0 },
    { ...values, count: 1 },
    { ...values, count: 2 },
    { ...values, count: 21 },
    { count: 1 },
  ];
  return { keys, optionSets };
}

describe("createTranslate renders every key as i18next does", () => {
  for (const locale of ["en", "km"] as const) {
    it(`in ${locale}, with and without counts and values`, () => {
      const expected = reference(locale);
      const actual = createTranslate(locale, catalogues[locale]) as unknown as (key: string, options?: object) => string;
      const { keys, optionSets } = everyKey(locale);
      let compared = 0;
      for (const key of keys) {
        for (const options of optionSets) {
          expect(actual(key, options), `${locale} ${key} ${JSON.stringify(options)}`).toBe(expected(key, options));
          compared++;
        }
      }
      expect(compared).toBeGreaterThan(5000);
    });
  }

  it("answers a missing key with its default value, or the key, and says so", () => {
    const onMissing = vi.fn();
    const t = createTranslate("en", { a: { b: "B {{x}}" } }, onMissing) as unknown as (key: string, options?: object) => string;
    expect(t("a.b", { x: 1 })).toBe("B 1");
    expect(t("a.c", { defaultValue: "Fallback {{x}}", x: 2 })).toBe("Fallback 2");
    expect(t("a.d")).toBe("a.d");
    expect(t("a")).toBe("a");
    expect(t("a.b.c")).toBe("a.b.c");
    expect(t("__proto__.x")).toBe("__proto__.x");
    expect(onMissing.mock.calls.map((c) => c[0])).toEqual(["a.c", "a.d", "a", "a.b.c", "__proto__.x"]);
  });

  it("leaves a placeholder with no value as i18next does, and empties one given as undefined", () => {
    const t = createTranslate("en", { a: "x {{y}} {{z}}" }) as unknown as (key: string, options?: object) => string;
    const ref = (() => {
      const i = i18next.createInstance();
      void i.init({ ...baseOptions, lng: "en", resources: { en: { translation: { a: "x {{y}} {{z}}" } } } });
      return i.t as unknown as (key: string, options?: object) => string;
    })();
    for (const options of [{}, { y: undefined }, { y: null, z: 0 }, { y: "<b>" }]) expect(t("a", options)).toBe(ref("a", options));
  });
});

describe("createTranslate writes numbers in one numeral system", () => {
  const resources = { pin: "PIN (៦ digits) for {{n}} weeks", sample: "Numbers as ១ ២ ៣" };
  it("in the reader's digits on a Khmer page, and in Latin digits on an English one", () => {
    const khmer = createTranslate("km", resources, undefined, "khmer") as unknown as (key: string, options?: object) => string;
    const latin = createTranslate("km", resources, undefined, "latin") as unknown as (key: string, options?: object) => string;
    const english = createTranslate("en", resources, undefined, "khmer") as unknown as (key: string, options?: object) => string;
    expect(khmer("pin", { n: 12 })).toBe("PIN (៦ digits) for ១២ weeks");
    expect(latin("pin", { n: 12 })).toBe("PIN (6 digits) for 12 weeks");
    expect(english("pin", { n: 12 })).toBe("PIN (6 digits) for 12 weeks");
  });
  it("leaves the text as written when asked (a sample of other digits)", () => {
    const latin = createTranslate("en", resources) as unknown as (key: string, options?: object) => string;
    expect(latin("sample")).toBe("Numbers as 1 2 3");
    expect(latin("sample", { postProcess: [] })).toBe("Numbers as ១ ២ ៣");
  });
});

describe("createTranslate: a text asked for by its key alone", () => {
  it("follows the page's digits from one call to the next (the same function serves every page)", () => {
    let page: "khmer" | "latin" = "khmer";
    setNumeralsSource(() => page);
    try {
      const t = createTranslate("km", { weeks: "១២ weeks", a: { b: "{{x}} and 3" } }) as unknown as (key: string, options?: object) => string;
      expect(t("weeks")).toBe("១២ weeks");
      expect(t("a.b")).toBe("{{x}} and ៣");
      page = "latin";
      expect(t("weeks")).toBe("12 weeks");
      expect(t("a.b")).toBe("{{x}} and 3");
      page = "khmer";
      expect(t("weeks")).toBe("១២ weeks");
      expect(t("a.b", { x: 4 })).toBe("៤ and ៣");
    } finally {
      setNumeralsSource(() => DEFAULT_NUMERALS);
    }
  });

  it("is looked for again while missing (a catalogue that grows later), and each miss is told", () => {
    const onMissing = vi.fn();
    const resources: Resources = { a: "A" };
    const t = createTranslate("en", resources, onMissing) as unknown as (key: string, options?: object) => string;
    expect(t("b")).toBe("b");
    expect(t("b")).toBe("b");
    resources.b = "B";
    expect(t("b")).toBe("B");
    expect(t("a")).toBe("A");
    expect(onMissing.mock.calls.map((c) => c[0])).toEqual(["b", "b"]);
  });
});

describe("serverT (server-only texts) gives i18next's text for every key, in both languages and every digits", () => {
  for (const locale of ["en", "km"] as const) {
    for (const numerals of [undefined, "latin", "khmer"] as const) {
      // Without a reader's digits, the text follows the page being rendered: both page digits.
      for (const page of numerals ? [DEFAULT_NUMERALS] : (["latin", "khmer"] as const)) {
        it(`in ${locale}, ${numerals ? `the reader's ${numerals} digits` : `the page's ${page} digits`}, asked twice (the second from the memo)`, () => {
          setNumeralsSource(() => page);
          try {
            const expected = reference(locale, numerals);
            const actual = serverT(locale, numerals) as unknown as (key: string, options?: object) => string;
            const { keys, optionSets } = everyKey(locale);
            let compared = 0;
            for (let pass = 0; pass < 2; pass++) {
              for (const key of keys) {
                for (const options of optionSets) {
                  expect(actual(key, options), `${locale} ${numerals ?? page} ${key} ${JSON.stringify(options)}`).toBe(expected(key, options));
                  compared++;
                }
              }
            }
            expect(compared).toBeGreaterThan(10000);
          } finally {
            setNumeralsSource(() => DEFAULT_NUMERALS);
          }
        });
      }
    }
  }

  it("is one function per language and digits; a key it lacks is answered with the key or the default value", () => {
    expect(serverT("km", "khmer")).toBe(serverT("km", "khmer"));
    expect(serverT("km", "khmer")).not.toBe(serverT("km", "latin"));
    expect(serverT("km")).not.toBe(serverT("km", "latin"));
    const t = serverT("en", "latin") as unknown as (key: string, options?: object) => string;
    const ref = reference("en", "latin");
    for (const [key, options] of [
      ["no.such.key", undefined],
      ["no.such.key", { defaultValue: "Fallback {{x}} 3", x: 2 }],
    ] as const) {
      expect(t(key, options)).toBe(ref(key, options));
      expect(t(key, options)).toBe(ref(key, options));
    }
    // A section is not a text: i18next answered with a sentence about it, serverT (as pages) with the key.
    expect(ref("app")).toMatch(/returned an object/);
    expect(t("app")).toBe("app");
  });
});
