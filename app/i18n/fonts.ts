/**
 * Which Khmer font files a page preloads. A preload that the page does not use costs a metered
 * phone its data for nothing; a weight the page uses but does not preload is found late, in the
 * CSS.
 *
 * - A Khmer page preloads the regular weight of its text. Bold (headings, buttons, labels) is
 *   found in the CSS: preloading it too would compete with the page's script on a slow line
 *   (docs/decisions/0024), and a heading that arrives a moment later in bold does not move.
 * - An English page preloads neither. Its Khmer (the language button, a Khmer name) is small and
 *   downloads the face it needs on its own (the `unicode-range` of the faces in tailwind.css).
 *
 * The URLs are the build's fingerprinted copies, cached for a year.
 */
import khmerRegular from "@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2";

import type { Locale } from "~/domain/enums";

/** The font files a page in this language preloads. */
export function fontPreloads(locale: Locale): string[] {
  return locale === "km" ? [khmerRegular] : [];
}
