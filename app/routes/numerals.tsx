import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";

import { requireUser } from "~/auth/guards.server";
import { audit } from "~/db/audit.server";
import { db } from "~/db/client.server";
import { users } from "~/db/schema";
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
  const form = await request.formData();
  const numerals = form.get("numerals");
  if (!isNumerals(numerals)) throw new Response("Bad request", { status: 400 });
  const back = safeRedirect(form.get("redirectTo"), "/");
  if (user.numerals !== numerals) {
    db().transaction((tx) => {
      tx.update(users).set({ numerals }).where(eq(users.id, user.id)).run();
      audit({ actorUserId: user.id, action: "numerals_changed", entity: "user", entityId: user.id, detail: { numerals } }, context, tx);
    });
  }
  return redirect(back);
}
