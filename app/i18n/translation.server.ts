import type { Locale } from "~/domain/enums";

import en from "./locales/en.json";
import km from "./locales/km.json";
import { translation, type Translation } from "./react";

const byLocale: Partial<Record<Locale, Translation>> = {};

/** What pages render with on the server: the whole catalogue of the language, built once. */
export function serverTranslation(locale: Locale): Translation {
  return (byLocale[locale] ??= translation(locale, locale === "km" ? km : en));
}
