import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";

import { requireUser } from "~/auth/guards.server";
import { saveUserNumerals } from "~/db/user-locale.server";
import { readForm } from "~/forms/form-data.server";
import { parseNumeralsChoice } from "~/forms/login.server";
import { isNumerals } from "~/i18n/config";
import { safeRedirect } from "~/utils/redirect";

// Nothing to show: the choice is a POST from the switch under every Khmer page.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return redirect("/");
}

// Any signed-in user: the digits of their own Khmer pages (docs/decisions/0028). Unknown: 400.
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseNumeralsChoice(await readForm(request));
  const { numerals, redirectTo } = parsed.ok ? parsed.value : {};
  if (!isNumerals(numerals)) throw new Response("Bad request", { status: 400 });
  const back = safeRedirect(redirectTo, "/");
  if (user.numerals !== numerals) saveUserNumerals(user.id, numerals, context);
  return redirect(back);
}
