import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { keysNamedBy, literalsIn } from "../../scripts/catalogue-keys.mjs";

import en from "./locales/en.json";
import km from "./locales/km.json";

function keys(obj: object, prefix = ""): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v !== null && typeof v === "object" ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function value(obj: object, key: string): unknown {
  return key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);
}

const KHMER = /[\u1780-\u17FF]/;

describe("catalogues", () => {
  const enKeys = keys(en).sort();
  const kmKeys = keys(km).sort();

  it("has every English key in Khmer", () => {
    expect(enKeys.filter((k) => !kmKeys.includes(k))).toEqual([]);
  });

  it("has no Khmer key that English lacks", () => {
    expect(kmKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
  });

  it("has no empty string, and Khmer text in Khmer script", () => {
    for (const k of kmKeys) {
      const text = value(km, k);
      expect(typeof text === "string" && text.trim().length > 0, `km ${k} is empty`).toBe(true);
      expect(KHMER.test(String(text)), `km ${k} has no Khmer: ${String(text)}`).toBe(true);
    }
  });

  it("keeps the same {{placeholders}} in both languages", () => {
    const placeholders = (s: unknown) => [...String(s).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const k of enKeys) expect(placeholders(value(km, k)), k).toEqual(placeholders(value(en, k)));
  });

  const root = path.resolve(__dirname, "..");
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.includes(".test.")) files.push(full);
    }
  };
  walk(root);

  it('has a key for every literal t("…") in the app', () => {
    const missing: string[] = [];
    for (const file of files) {
      const source = fs.readFileSync(file, "utf8");
      for (const m of source.matchAll(/\bt\(\s*"([a-zA-Z][\w]*(?:\.[\w]+)+)"/g)) {
        const key = m[1]!;
        if (value(en, key) === undefined && value(en, `${key}_other`) === undefined) missing.push(`${path.relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has no key that no code names (the build's catalogue split reads names the same way)", () => {
    const named = new Set<string>();
    for (const file of files) for (const key of keysNamedBy(literalsIn(fs.readFileSync(file, "utf8"), file), enKeys)) named.add(key);
    expect(enKeys.filter((k) => !named.has(k))).toEqual([]);
  });
});
