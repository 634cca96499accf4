// The loader and action of this page (route.tsx re-exports them), in a .server module so that
// the browser build leaves out their imports (docs/decisions/0039, 0046).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireRole } from "~/auth/guards.server";
import { activePlacementOf, giveNotice, holidaysFrom, listNotices, withdrawNotice } from "~/db/me.server";
import { addDays, parseWeekdays } from "~/domain/dates";
import { NOTICE_DAYS_AHEAD } from "~/domain/me-progress";
import { readForm } from "~/forms/form-data.server";
import { parseNoticeIntent } from "~/forms/me.server";
import { replyOf } from "~/forms/parse.server";
import { requestT } from "~/i18n/request.server";
import { siteToday } from "~/utils/today.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  const t = await requestT(request);
  const today = siteToday();
  const placement = activePlacementOf(user.apprenticeId);
  return {
    title: t("notice2.nav"),
    today,
    maxDate: addDays(today, NOTICE_DAYS_AHEAD),
    hasPlacement: placement !== null,
    notices: placement ? listNotices(placement.id, today) : { upcoming: [], earlier: [] },
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  // Notices are only ever for the apprentice's own active placement, found from the session.
  const placement = activePlacementOf(user.apprenticeId);
  if (!placement) throw notFound();
  const today = siteToday();
  const form = await readForm(request);
  const parsed = parseNoticeIntent(form, {
    today,
    workingWeekdays: parseWeekdays(placement.workingWeekdays),
    holidays: holidaysFrom(placement.siteId, today, NOTICE_DAYS_AHEAD),
  });
  if (!parsed.ok) {
    // A withdrawal names a notice by id: one that cannot be a notice is one that is not there.
    if (parsed.values.intent === "withdraw") throw notFound();
    return data({ intent: "give", ...parsed }, { status: 400 });
  }
  const input = parsed.value;
  switch (input.intent) {
    case "withdraw": {
      const result = withdrawNotice({ placementId: placement.id, noticeId: input.noticeId, today, userId: user.id, requestId: context.requestId });
      if (result === "not_found") throw notFound();
      if (result === "too_late") return data({ intent: input.intent, ...replyOf(form, { form: ["notice2.errors.tooLate"] }) }, { status: 400 });
      return redirect("/me/notices?withdrawn=1");
    }
    case "give": {
      const { intent: _intent, ...notice } = input;
      giveNotice({ placementId: placement.id, ...notice, userId: user.id, requestId: context.requestId });
      return redirect("/me/notices?sent=1");
    }
  }
}
