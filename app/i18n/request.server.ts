import type { TFunction } from "i18next";

import { getOptionalUser } from "~/auth/guards.server";
import type { Locale, Numerals } from "~/domain/enums";

import { isNumerals } from "./config";
import { DEFAULT_NUMERALS } from "./format";
import { serverT } from "./i18n.server";
import { resolveLocale } from "./locale.server";

/** A translate function in the language (and digits) this request is served in (for titles, headers). */
export async function requestT(request: Request): Promise<TFunction> {
  return (await requestLocale(request)).t;
}

export async function requestLocale(request: Request): Promise<{ locale: Locale; numerals: Numerals; t: TFunction }> {
  const user = await getOptionalUser(request);
  const locale = await resolveLocale(request, user?.locale);
  const numerals = numeralsFor(user);
  return { locale, numerals, t: serverT(locale, numerals) };
}

/** The reader's digits on Khmer pages: their own setting, else the default (docs/decisions/0028). */
export function numeralsFor(user: { numerals?: string | null } | null | undefined): Numerals {
  return isNumerals(user?.numerals) ? user.numerals : DEFAULT_NUMERALS;
}
