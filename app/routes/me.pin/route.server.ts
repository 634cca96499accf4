// The loader and action of this page (route.tsx re-exports them), in a .server module so that
// the browser build leaves out their imports (docs/decisions/0039, 0046).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guards.server";
import { changeOwnPin } from "~/db/pin.server";
import type { FieldErrorMap } from "~/domain/field-errors";
import { readForm } from "~/forms/form-data.server";
import { parseOwnPin } from "~/forms/me.server";
import { formatTime } from "~/i18n/format";
import { requestLocale, requestT } from "~/i18n/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "apprentice");
  const t = await requestT(request);
  return { title: t("pin.nav") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  const parsed = parseOwnPin(await readForm(request));
  if (!parsed.ok) return data({ errors: parsed.errors, lockedUntil: null as string | null }, { status: 400 });
  const result = await changeOwnPin({ userId: user.id, current: parsed.value.current, pin: parsed.value.pin, requestId: context.requestId });
  if (result.status === "wrong_current") return data({ errors: { current: ["pin.errors.wrongCurrent"] } as FieldErrorMap, lockedUntil: null }, { status: 400 });
  if (result.status === "locked") {
    const { locale } = await requestLocale(request);
    return data({ errors: { form: ["pin.locked"] } as FieldErrorMap, lockedUntil: formatTime(locale, result.lockedUntil) }, { status: 400 });
  }
  return redirect("/me/pin?changed=1");
}
