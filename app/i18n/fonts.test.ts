import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

import { describe, expect, it } from "vitest";

import { LANGUAGES } from "~/components/app-header";

import { fontPreloads } from "./fonts";

const app = path.resolve(__dirname, "..");
const css = fs.readFileSync(path.join(app, "tailwind.css"), "utf8");

/** The code points a WOFF2 font maps to a glyph (its cmap, formats 4 and 12). */
function mappedCodePoints(file: string): Set<number> {
  const b = fs.readFileSync(file);
  if (b.toString("latin1", 0, 4) !== "wOF2") throw new Error(`${file} is not WOFF2`);
  const numTables = b.readUInt16BE(12);
  const compressedSize = b.readUInt32BE(20);
  let at = 48;
  const base128 = () => {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const byte = b[at++]!;
      value = value * 128 + (byte & 0x7f);
      if (!(byte & 0x80)) return value;
    }
    throw new Error("bad UIntBase128");
  };
  // Tables follow each other in one brotli stream, unpadded, in the directory's order.
  const tables: { known: number; tag: string; offset: number; length: number }[] = [];
  let offset = 0;
  for (let i = 0; i < numTables; i++) {
    const flags = b[at++]!;
    const known = flags & 0x3f;
    let tag = "";
    if (known === 0x3f) {
      tag = b.toString("latin1", at, at + 4);
      at += 4;
    }
    const version = flags >> 6;
    const origLength = base128();
    const glyfOrLoca = known === 10 || known === 11;
    const length = (glyfOrLoca ? version === 0 : version !== 0) ? base128() : origLength;
    tables.push({ known, tag, offset, length });
    offset += length;
  }
  const data = zlib.brotliDecompressSync(b.subarray(at, at + compressedSize));
  const cmapTable = tables.find((t) => t.known === 0 || t.tag === "cmap");
  if (!cmapTable) throw new Error("no cmap");
  const cmap = data.subarray(cmapTable.offset, cmapTable.offset + cmapTable.length);

  const points = new Set<number>();
  for (let i = 0; i < cmap.readUInt16BE(2); i++) {
    const sub = cmap.readUInt32BE(4 + i * 8 + 4);
    const format = cmap.readUInt16BE(sub);
    if (format === 4) {
      const segments = cmap.readUInt16BE(sub + 6) / 2;
      const ends = sub + 14;
      const starts = ends + segments * 2 + 2;
      const deltas = starts + segments * 2;
      const rangeOffsets = deltas + segments * 2;
      for (let s = 0; s < segments; s++) {
        const start = cmap.readUInt16BE(starts + s * 2);
        const end = cmap.readUInt16BE(ends + s * 2);
        const delta = cmap.readInt16BE(deltas + s * 2);
        const rangeOffset = cmap.readUInt16BE(rangeOffsets + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) {
          const raw = rangeOffset === 0 ? c : cmap.readUInt16BE(rangeOffsets + s * 2 + rangeOffset + (c - start) * 2);
          if (raw !== 0 && ((raw + delta) & 0xffff) !== 0) points.add(c);
        }
      }
    } else if (format === 12) {
      for (let g = 0; g < cmap.readUInt32BE(sub + 12); g++) {
        const group = sub + 16 + g * 12;
        for (let c = cmap.readUInt32BE(group); c <= cmap.readUInt32BE(group + 4); c++) points.add(c);
      }
    }
  }
  return points;
}

const codePoints = (text: string) => [...new Set([...text].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b);

describe("the language button's Khmer face", () => {
  const label = LANGUAGES.find((l) => l.locale === "km")!.label;
  const face = css.match(/@font-face\s*{[^}]*"Noto Sans Khmer Language Button"[^}]*}/)?.[0] ?? "";

  it("holds a glyph for every letter of the Khmer label (else: scripts/subset-language-font.sh)", () => {
    const file = face.match(/url\("\.\/(fonts\/[^"]+\.woff2)"\)/)?.[1];
    expect(file).toBeDefined();
    const mapped = mappedCodePoints(path.join(app, file!));
    expect(codePoints(label).filter((c) => !mapped.has(c))).toEqual([]);
  });

  it("is used for exactly the label's letters, and only on pages in another language", () => {
    const range = face.match(/unicode-range:\s*([^;]+);/)?.[1] ?? "";
    const listed = range.split(",").map((r) => parseInt(r.trim().replace(/^U\+/, ""), 16));
    expect(listed.sort((a, b) => a - b)).toEqual(codePoints(label));
    expect(css).toMatch(/html:not\(:lang\(km\)\) \.language-button:lang\(km\)\s*{\s*font-family: "Noto Sans Khmer Language Button", var\(--font-sans\);/);
  });

  it("is a cut of the regular face the pages use, not the whole of it", () => {
    const cut = fs.statSync(path.join(app, "fonts/noto-sans-khmer-language-button-400.woff2")).size;
    const whole = fs.statSync(path.join(app, "../node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2")).size;
    expect(cut).toBeLessThan(whole / 5);
    // The whole face still maps every Khmer letter the cut does: the same font, not another.
    const wholeMapped = mappedCodePoints(path.join(app, "../node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2"));
    expect(codePoints(label).every((c) => wholeMapped.has(c))).toBe(true);
    // ...and the cut holds nothing else: "ក", in every other Khmer word, comes from the whole face.
    expect(wholeMapped.has(0x1780)).toBe(true);
    expect(mappedCodePoints(path.join(app, "fonts/noto-sans-khmer-language-button-400.woff2")).has(0x1780)).toBe(false);
  });
});

describe("font preloads", () => {
  it("a Khmer page preloads the regular face; an English page nothing", () => {
    expect(fontPreloads("km")).toHaveLength(1);
    expect(fontPreloads("en")).toEqual([]);
  });
});
