// The loader and action of this page (route.tsx re-exports them), in a .server module so that
// the browser build leaves out their imports (docs/decisions/0039, 0046).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { notFound, requireRole } from "~/auth/guards.server";
import { loadCareerPlan, saveCareerPlan } from "~/db/career-plan.server";
import { readForm } from "~/forms/form-data.server";
import { parsePlan } from "~/forms/me.server";
import { requestT } from "~/i18n/request.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  // The plan is found from the session: there is no id in the address to change.
  if (user.apprenticeId === null) throw notFound();
  const t = await requestT(request);
  const { plan, comments } = loadCareerPlan(user.apprenticeId);
  // The apprentice reads each comment as it now stands; a correction's history is staff's record.
  return { title: t("plan.nav"), plan, comments: comments.map(({ id, body, author, createdAt }) => ({ id, body, author, createdAt })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "apprentice");
  if (user.apprenticeId === null) throw notFound();
  const parsed = parsePlan(await readForm(request));
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: { goals: parsed.values.goals ?? "", nextSteps: parsed.values.nextSteps ?? "" } }, { status: 400 });
  saveCareerPlan({ apprenticeId: user.apprenticeId, ...parsed.value, userId: user.id, requestId: context.requestId });
  return redirect("/me/plan?saved=1");
}
