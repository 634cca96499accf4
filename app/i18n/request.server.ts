import type { TFunction } from "i18next";

import { getOptionalUser } from "~/auth/guards.server";
import type { Locale } from "~/domain/enums";

import { serverT } from "./i18n.server";
import { resolveLocale } from "./locale.server";

/** A translate function in the language this request is served in (for titles, headers, CSV). */
export async function requestT(request: Request): Promise<TFunction> {
  return (await requestLocale(request)).t;
}

export async function requestLocale(request: Request): Promise<{ locale: Locale; t: TFunction }> {
  const user = await getOptionalUser(request);
  const locale = await resolveLocale(request, user?.locale);
  return { locale, t: serverT(locale) };
}
