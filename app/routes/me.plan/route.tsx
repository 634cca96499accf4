import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";
import { Alert, SubmitButton, TextArea } from "~/components/forms";
import { PLAN_TEXT_MAX } from "~/domain/writing-limits";
import { formatDateTime } from "~/i18n/format";
import { pageMeta } from "~/utils/meta";
import { FreeText } from "~/components/free-text";

import type { action, loader } from "~/routes/me.plan/route.server";

// The loader and action live in route.server.ts, so that the browser build follows none of
// their server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { action, loader } from "~/routes/me.plan/route.server";

export const meta = pageMeta;

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
