import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { getOptionalUser } from "~/auth/guards.server";
import { saveUserLocale } from "~/db/user-locale.server";
import { readForm } from "~/forms/form-data.server";
import { parseLocaleChoice } from "~/forms/login.server";
import { isLocale } from "~/i18n/config";
import { localeCookie } from "~/i18n/locale.server";
import { safeRedirect } from "~/utils/redirect";

// public route: nothing to show; the switch is a POST.
export async function loader(_args: LoaderFunctionArgs) {
  return redirect("/");
}

// public route: anyone may choose a language. Kept per user when signed in, and in a cookie.
// A language the portal does not have answers 400.
export async function action({ request }: ActionFunctionArgs) {
  const parsed = parseLocaleChoice(await readForm(request));
  const { locale, redirectTo } = parsed.ok ? parsed.value : {};
  const back = safeRedirect(redirectTo, "/");
  if (!isLocale(locale)) throw new Response("Bad request", { status: 400 });
  const user = await getOptionalUser(request);
  if (user && user.locale !== locale) saveUserLocale(user.id, locale);
  return redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}
