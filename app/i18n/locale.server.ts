/**
 * Which language a request is served in: the signed-in user's preference, else the `locale`
 * cookie (kept before sign-in), else the browser's Accept-Language, else Khmer.
 */
import { createCookie } from "@remix-run/node";
import Negotiator from "negotiator";

import type { Locale } from "~/domain/enums";

import { DEFAULT_LOCALE, isLocale, SUPPORTED_LOCALES } from "./config";

export const localeCookie = createCookie("locale", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

function negotiateLocale(acceptLanguage: string | null): Locale | null {
  if (!acceptLanguage) return null;
  const found = new Negotiator({ headers: { "accept-language": acceptLanguage } }).language([...SUPPORTED_LOCALES]);
  return isLocale(found) ? found : null;
}

export async function resolveLocale(request: Request, userLocale: string | null | undefined): Promise<Locale> {
  if (isLocale(userLocale)) return userLocale;
  const fromCookie: unknown = await localeCookie.parse(request.headers.get("cookie"));
  if (isLocale(fromCookie)) return fromCookie;
  return negotiateLocale(request.headers.get("accept-language")) ?? DEFAULT_LOCALE;
}
