import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { notFound, requireRole } from "~/auth/guards.server";
import { Alert, SubmitButton, TextArea } from "~/components/forms";
import { loadCareerPlan, saveCareerPlan } from "~/db/career-plan.server";
import { PLAN_TEXT_MAX } from "~/domain/me-progress";
import { readForm } from "~/forms/form-data.server";
import { parsePlan } from "~/forms/me.server";
import { formatDateTime } from "~/i18n/format";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { FreeText } from "~/components/free-text";

export const meta = pageMeta;

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

export default function CareerPlan() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors = actionData?.errors ?? {};
  const values = actionData?.values ?? { goals: d.plan?.goals ?? "", nextSteps: d.plan?.nextSteps ?? "" };
  const card = "rounded-xl bg-white p-5 shadow-sm";
  return (
    <div className="space-y-5">
      <div>
        <Link to="/me" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("me.title")}
        </Link>
        <h1 className="text-2xl font-bold">{t("plan.nav")}</h1>
        <p className="text-stone-700">{t("plan.intro")}</p>
      </div>
      {!actionData && searchParams.has("saved") ? (
        <p role="status" className="rounded-lg bg-green-50 px-4 py-3 text-green-900">
          {t("plan.saved")}
        </p>
      ) : null}
      <Form method="post" noValidate className={`${card} space-y-4`}>
        {Object.keys(errors).length > 0 ? <Alert>{t("plan.errors.summary")}</Alert> : null}
        <TextArea
          name="goals"
          size="large"
          label={t("plan.goals")}
          help={t("plan.goalsHelp")}
          errors={errors}
          rows={5}
          maxLength={PLAN_TEXT_MAX}
          defaultValue={values.goals}
        />
        <TextArea
          name="nextSteps"
          size="large"
          label={t("plan.nextSteps")}
          help={t("plan.nextStepsHelp")}
          errors={errors}
          rows={5}
          maxLength={PLAN_TEXT_MAX}
          defaultValue={values.nextSteps}
        />
        {d.plan ? <p className="text-sm text-stone-600">{t("plan.updated", { date: formatDateTime(locale, new Date(d.plan.updatedAt)) })}</p> : null}
        <SubmitButton className="w-full text-lg">{t("plan.save")}</SubmitButton>
      </Form>
      <section className={card} aria-labelledby="comments-title">
        <h2 id="comments-title" className="text-lg font-semibold">
          {t("plan.comments")}
        </h2>
        {d.comments.length === 0 ? <p className="mt-2 text-stone-600">{t("plan.noComments")}</p> : null}
        <ul className="mt-2 divide-y divide-stone-100" data-testid="plan-comments">
          {d.comments.map((c) => (
            <li key={c.id} className="py-2">
              <p className="text-sm text-stone-600">
                <FreeText text={c.author} /> · {formatDateTime(locale, new Date(c.createdAt))}
              </p>
              <FreeText as="p" className="whitespace-pre-line" text={c.body} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
