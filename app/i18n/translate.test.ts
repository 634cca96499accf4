import i18next from "i18next";
import { describe, expect, it, vi } from "vitest";

import type { Locale } from "~/domain/enums";

import { baseOptions } from "./config";
import { DEFAULT_NUMERALS, setNumeralsSource } from "./format";
import en from "./locales/en.json";
import km from "./locales/km.json";
import { serverT } from "./i18n.server";
import { createTranslate, type Resources } from "./translate";

const catalogues: Record<Locale, Resources> = { en, km };

function leafKeys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v !== null && typeof v === "object" ? leafKeys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/** i18next as the server's own texts use it: with the numerals post-processor (Latin digits by default). */
function reference(locale: Locale) {
  return serverT(locale) as unknown as (key: string, options?: object) => string;
}

describe("createTranslate renders every key as i18next does", () => {
  for (const locale of ["en", "km"] as const) {
    it(`in ${locale}, with and without counts and values`, () => {
      const expected = reference(locale);
      const actual = createTranslate(locale, catalogues[locale]) as unknown as (key: string, options?: object) => string;
      const keys = new Set(leafKeys(catalogues[locale]).map((k) => k.replace(/_(zero|one|two|few|many|other)$/, "")));
      const names = [...new Set([...JSON.stringify(catalogues[locale]).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!))];
      const values = Object.fromEntries(names.map((n, i) => [n, i % 2 ? `v-${n}` : i * 7]));
      let compared = 0;
      for (const key of keys) {
        for (const options of [
          undefined,
          { postProcess: [] },
          values,
          { ...values, count: 0 },
          { ...values, count: 1 },
          { ...values, count: 2 },
          { ...values, count: 21 },
          { count: 1 },
        ]) {
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
