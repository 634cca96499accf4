import type { LoaderFunctionArgs } from "@remix-run/node";

import "~/context";
import { getOptionalUser } from "~/auth/guards.server";
import { homeFor } from "~/domain/permissions";
import { serverT } from "~/i18n/i18n.server";
import { resolveLocale } from "~/i18n/locale.server";
import { numeralsFor } from "~/i18n/request.server";

// Root loader: public route (it guards nothing itself; every child route calls its own guard).
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const locale = await resolveLocale(request, user?.locale);
  const numerals = numeralsFor(user);
  return {
    locale,
    numerals,
    appName: serverT(locale, numerals)("app.name"),
    user: user ? { displayName: user.displayName, role: user.role, home: homeFor(user.role) } : null,
  };
}
