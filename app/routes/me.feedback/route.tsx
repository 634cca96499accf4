import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";
import { FaceScale } from "~/components/faces";
import { Alert, SubmitButton, TextArea } from "~/components/forms";
import { FEEDBACK_COMMENT_MAX } from "~/domain/writing-limits";
import type { FieldErrorMap } from "~/domain/field-errors";
import { formatDate, formatPhone, telHref } from "~/i18n/format";
import { pageMeta } from "~/utils/meta";

import type { action, loader } from "~/routes/me.feedback/route.server";

// The loader and action live in route.server.ts, so that the browser build follows none of
// their server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { action, loader } from "~/routes/me.feedback/route.server";

export const meta = pageMeta;

const QUESTIONS = [
  ["explainsRating", "explains"],
  ["learningRating", "learning"],
  ["fairnessRating", "fairness"],
  ["safetyRating", "safety"],
] as const;

function Counsellor({ strong }: { strong: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // In the page's digits, on one line; the call link dials it whatever digits it shows.
  const phone = formatPhone(locale, t("feedback.counsellorPhone"));
  if (!strong) {
    return (
      <p className="text-sm text-stone-700">
        {t("feedback.help")}{" "}
        <a href={telHref(phone)} className="font-semibold text-brand-700 underline">
          {phone}
        </a>
      </p>
    );
  }
  return (
    <section role="alert" aria-labelledby="counsellor-title" className="rounded-xl border-2 border-amber-400 bg-amber-50 p-5" data-testid="counsellor">
      <h2 id="counsellor-title" className="text-lg font-semibold text-amber-950">
        {t("feedback.counsellorTitle")}
      </h2>
      <p className="mt-2">{t("feedback.counsellorBody")}</p>
      <p className="mt-2 text-2xl font-bold tabular-nums">{phone}</p>
      <a href={telHref(phone)} className="mt-3 inline-flex min-h-12 items-center rounded-lg bg-brand-700 px-5 text-lg font-semibold text-white">
        {t("feedback.counsellorCall")}
      </a>
      <p className="mt-3 text-sm">{t("feedback.counsellorDanger")}</p>
    </section>
  );
}

function WhoReads() {
  const { t } = useTranslation();
  return (
    <p className="flex items-start gap-2 rounded-lg bg-sky-50 px-4 py-3 text-sky-950" data-testid="who-reads">
      <svg
        width="24"
        height="24"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        className="mt-1 shrink-0"
        aria-hidden="true"
      >
        <path d="M6 11h12v9H6z M9 11V8a3 3 0 0 1 6 0v3" />
      </svg>
      <span>{t("feedback.who")}</span>
    </p>
  );
}

export default function Feedback() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors: FieldErrorMap = actionData?.errors ?? {};
  const values: Record<string, string> = actionData?.values ?? {};
  const card = "rounded-xl bg-white p-5 shadow-sm";
  const tooSoon = actionData?.nextOn ?? null;

  return (
    <div className="space-y-5">
      <div>
        <Link to="/me" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("me.title")}
        </Link>
        <h1 className="text-2xl font-bold">{t("feedback.nav")}</h1>
      </div>

      {d.justSent ? (
        <>
          <p role="status" className="rounded-lg bg-green-50 px-4 py-3 text-lg text-green-900">
            {t("feedback.thanks")}
          </p>
          {d.justSent.safetyLow ? <Counsellor strong /> : null}
        </>
      ) : null}

      {!d.hasPlacement ? (
        <p className={card}>{t("feedback.noPlacement")}</p>
      ) : tooSoon ? (
        <Alert>{t("feedback.errors.tooSoon", { date: formatDate(locale, tooSoon) })}</Alert>
      ) : !d.open ? (
        // Given not long ago: a picture and the date it opens again, not a paragraph.
        <section className={`${card} flex items-center gap-4`} aria-labelledby="closed-title" data-testid="feedback-closed">
          <svg width="72" height="72" viewBox="0 0 48 48" fill="none" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className="shrink-0">
            <rect x="6" y="10" width="36" height="32" rx="4" fill="#eef7f6" stroke="#0f5d56" strokeWidth="3" />
            <path d="M6 18h36 M16 6v8 M32 6v8" stroke="#0f5d56" strokeWidth="3" />
            <path d="M17 30l5 5 10-10" stroke="#15803d" strokeWidth="3.5" />
          </svg>
          <div>
            <h2 id="closed-title" className="text-lg font-semibold">
              {t("feedback.closedTitle")}
            </h2>
            {d.nextOn ? (
              <p className="text-xl font-bold" data-testid="feedback-again">
                {t("feedback.nextOn", { date: formatDate(locale, d.nextOn) })}
              </p>
            ) : null}
            {d.lastOn ? <p className="text-stone-700">{t("feedback.lastOnShort", { date: formatDate(locale, d.lastOn) })}</p> : null}
          </div>
        </section>
      ) : (
        <Form method="post" noValidate className={`${card} space-y-6`}>
          <WhoReads />
          {Object.keys(errors).length > 0 ? <Alert>{t("feedback.errors.summary")}</Alert> : null}
          {QUESTIONS.map(([name, key]) => (
            <FaceScale key={name} name={name} legend={t(`feedback.q.${key}`)} defaultValue={values[name]} errors={errors} />
          ))}
          <TextArea
            name="comment"
            size="large"
            label={t("feedback.commentLabel")}
            help={t("feedback.commentHelp")}
            errors={errors}
            rows={4}
            maxLength={FEEDBACK_COMMENT_MAX}
            defaultValue={values.comment ?? ""}
          />
          <WhoReads />
          <SubmitButton pendingText={t("feedback.sending")} className="w-full text-lg">
            {t("feedback.submit")}
          </SubmitButton>
        </Form>
      )}

      {d.hasPlacement && !d.justSent?.safetyLow ? <Counsellor strong={false} /> : null}
    </div>
  );
}
