/**
 * The language a piece of typed text is written in, judged by its script: any Khmer letter
 * (the Khmer block, U+1780–U+17FF, but not its digits alone) makes it Khmer, since Khmer writing
 * often carries a Latin name or code; Latin letters alone make it English; digits and
 * punctuation alone have no language (undefined: the element keeps the page's).
 */
const KHMER_LETTER = /[\u1780-\u17DD\u17F0-\u17FF]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

export function scriptLang(text: string): "km" | "en" | undefined {
  if (KHMER_LETTER.test(text)) return "km";
  if (LATIN_LETTER.test(text)) return "en";
  return undefined;
}
