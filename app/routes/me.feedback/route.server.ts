// The loader and action of this page (route.tsx re-exports them), in a .server module so that
// the browser build leaves out their imports (docs/decisions/0039, 0046).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireRole } from "~/auth/guards.server";
import { activePlacementOf, feedbackState, giveFeedback } from "~/db/me.server";
import { readForm } from "~/forms/form-data.server";
import { parseFeedback } from "~/forms/me.server";
import { replyOf } from "~/forms/parse.server";
import { requestT } from "~/i18n/request.server";
import { siteToday } from "~/utils/today.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  const t = await requestT(request);
  const placement = activePlacementOf(user.apprenticeId);
  const state = placement ? feedbackState(placement.id, siteToday()) : null;
  const sent = new URL(request.url).searchParams.has("sent");
  return {
    title: t("feedback.nav"),
    hasPlacement: placement !== null,
    open: state?.open ?? false,
    lastOn: state?.lastOn ?? null,
    nextOn: state?.nextOn ?? null,
    // Thanks (and, after a low "I feel safe", the counsellor's number) right after sending.
    justSent: sent ? (state?.justSent ?? null) : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  // Feedback is about the apprentice's own active placement, found from the session: any
  // placement id in the form is ignored.
  const placement = activePlacementOf(user.apprenticeId);
  if (!placement) throw notFound();
  const form = await readForm(request);
  const parsed = parseFeedback(form);
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, nextOn: null as string | null }, { status: 400 });
  const result = giveFeedback({ placementId: placement.id, ...parsed.value, userId: user.id, today: siteToday(), requestId: context.requestId });
  if (result.status === "too_soon")
    return data({ ...replyOf(form, { form: ["feedback.errors.tooSoon"] }), nextOn: result.nextOn as string | null }, { status: 400 });
  return redirect("/me/feedback?sent=1");
}
