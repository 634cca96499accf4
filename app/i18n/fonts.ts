/**
 * Which Khmer font files a page preloads (issue 11). A preload that the page does not use costs a
 * metered phone its data for nothing; a weight the page uses but does not preload is found late,
 * and its text jumps when it arrives.
 *
 * - A Khmer page uses both faces: regular for text, bold for its heading, buttons and labels
 *   (`font-semibold` draws with the 700 face). Both are preloaded.
 * - An English page preloads neither. Its Khmer (the language button, a Khmer name) is small and
 *   downloads the face it needs on its own (the `unicode-range` of the faces in tailwind.css).
 *
 * The file names are those `scripts/copy-fonts.mjs` writes; change them in both places.
 */
import type { Locale } from "~/domain/enums";

export const KHMER_FONT_WEIGHTS = [400, 700] as const;
export type KhmerFontWeight = (typeof KHMER_FONT_WEIGHTS)[number];

export const khmerFontUrl = (weight: KhmerFontWeight) => `/fonts/noto-sans-khmer-khmer-${weight}-normal.woff2`;

/** The font files a page in this language preloads. */
export function fontPreloads(locale: Locale): string[] {
  return locale === "km" ? KHMER_FONT_WEIGHTS.map(khmerFontUrl) : [];
}
