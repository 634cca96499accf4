/** The apprentice's own career plan as staff read it, and staff comments on it (corrected, never edited). */
import { Form } from "@remix-run/react";

import { CorrectTextForm, EarlierVersions } from "~/components/corrections";
import { errorsOf, SubmitButton, TextArea } from "~/components/forms";
import { PLAN_COMMENT_MAX } from "~/domain/writing-limits";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { FreeText } from "~/components/free-text";

import { rowErrors, type RecordData, type RecordReply } from "./record";

export function CareerPlan({ d, reply }: { d: RecordData; reply: RecordReply }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section id="career-plan" aria-labelledby="career-plan-title" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="career-plan-title" className="text-lg font-semibold">
        {t("plan.staff.title")}
      </h2>
      <p className="text-sm text-stone-600">{t("plan.staff.note")}</p>
      {d.careerPlan.plan && (d.careerPlan.plan.goals || d.careerPlan.plan.nextSteps) ? (
        <dl className="mt-2 space-y-2 text-sm" data-testid="career-plan">
          <dt className="font-semibold">{t("plan.goals")}</dt>
          <dd className="whitespace-pre-line">{d.careerPlan.plan.goals ? <FreeText text={d.careerPlan.plan.goals} /> : "—"}</dd>
          <dt className="font-semibold">{t("plan.nextSteps")}</dt>
          <dd className="whitespace-pre-line">{d.careerPlan.plan.nextSteps ? <FreeText text={d.careerPlan.plan.nextSteps} /> : "—"}</dd>
          <dd className="text-stone-600">{t("plan.updated", { date: formatDateTime(locale, new Date(d.careerPlan.plan.updatedAt)) })}</dd>
        </dl>
      ) : (
        <p className="mt-2 text-sm text-stone-600">{t("plan.staff.empty")}</p>
      )}
      <h3 className="mt-3 font-semibold">{t("plan.comments")}</h3>
      <ul className="divide-y divide-stone-100 text-sm" data-testid="plan-comments">
        {d.careerPlan.comments.map((c) => (
          <li key={c.id} className="py-2">
            <p className="text-stone-600">
              {formatDateTime(locale, new Date(c.createdAt))} · <FreeText text={c.author} />
              {c.correctionReason ? <span className="ml-2 rounded bg-amber-100 px-1.5 text-amber-900">{t("corrections.corrected")}</span> : null}
            </p>
            <FreeText as="p" className="whitespace-pre-line" text={c.body} />
            <EarlierVersions
              versions={c.earlier.map((e) => ({ id: e.id, body: e.body, when: formatDateTime(locale, new Date(e.createdAt)), by: e.author }))}
              reasonOf={(i) => (i === 0 ? c.correctionReason : (c.earlier[i - 1]?.correctionReason ?? null))}
            />
            <CorrectTextForm
              intent="correctComment"
              targetId={c.id}
              body={c.body}
              maxLength={PLAN_COMMENT_MAX}
              errors={rowErrors(reply, "correctComment", c.id)}
            />
          </li>
        ))}
      </ul>
      <Form method="post" className="mt-2 space-y-2" noValidate>
        <TextArea name="body" prefix="comment" label={t("plan.staff.comment")} errors={errorsOf(reply, "comment")} rows={2} maxLength={PLAN_COMMENT_MAX} />
        <SubmitButton intent="comment">{t("plan.staff.add")}</SubmitButton>
      </Form>
    </section>
  );
}
