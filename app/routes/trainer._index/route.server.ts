// The trainer's home: loader and action (route.tsx re-exports them), in a .server module so
// that the browser build leaves out their imports (docs/decisions/0039).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";

import { requireRole } from "~/auth/guards.server";
import { listTrainerPlacements } from "~/db/trainer.server";
import { readForm } from "~/forms/form-data.server";
import { badRequest } from "~/forms/parse.server";
import { parseTelegramIntent } from "~/forms/reminders.server";
import { requestT } from "~/i18n/request.server";
import { telegramAction, telegramState } from "~/messaging/link-actions.server";
import { siteToday } from "~/utils/today.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "trainer");
  const t = await requestT(request);
  return { title: t("trainer.title"), placements: listTrainerPlacements(user, siteToday()), telegram: telegramState(user.id, { showChatId: false }) };
}

/** The trainer links (or unlinks) their own Telegram for reminders. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "trainer");
  const parsed = parseTelegramIntent(await readForm(request));
  if (!parsed.ok) return badRequest(parsed, { telegram: null });
  const done = await telegramAction(parsed.value.intent, { subject: user, actorUserId: user.id, reason: "self", requestId: context.requestId });
  return data({ telegram: done.telegram, errors: null }, { status: done.status });
}
