import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";
import { Alert, Choices, Field, FormErrors, SubmitButton } from "~/components/forms";
import { ABSENCE_REASONS, ADVANCE_NOTICE_KINDS } from "~/domain/enums";
import { formatDate } from "~/i18n/format";
import { pageMeta } from "~/utils/meta";

import type { action, loader } from "~/routes/me.notices/route.server";

// The loader and action live in route.server.ts, so that the browser build follows none of
// their server-only imports into chunks of their own (docs/decisions/0039, 0046).
export { action, loader } from "~/routes/me.notices/route.server";

export const meta = pageMeta;

/** A large choice on the apprentice's pages. */
const bigChoice =
  "flex cursor-pointer items-center justify-center rounded-xl border-2 border-stone-300 peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-checked:font-semibold peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600";

const KIND_ICON = {
  late: "M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18z M12 7v5l3 2",
  absent: "M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18z M8 8l8 8 M16 8l-8 8",
} as const;

export default function Notices() {
  const d = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const locale = useLocale();
  const errors = actionData?.errors ?? {};
  const values = actionData?.intent === "give" ? actionData.values : {};
  const card = "rounded-xl bg-white p-5 shadow-sm";
  const line = (n: { date: string; kind: "late" | "absent"; reason: (typeof ABSENCE_REASONS)[number] }) =>
    t("notice2.line", { date: formatDate(locale, n.date), kind: t(`notice.${n.kind}`), reason: t(`absence.${n.reason}`) });

  return (
    <div className="space-y-5">
      <div>
        <Link to="/me" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("me.title")}
        </Link>
        <h1 className="text-2xl font-bold">{t("notice2.nav")}</h1>
        <p className="text-stone-700">{t("notice2.intro")}</p>
      </div>

      {!actionData && searchParams.has("sent") ? (
        <p role="status" className="rounded-lg bg-green-50 px-4 py-3 text-green-900">
          {t("notice2.sent")}
        </p>
      ) : null}
      {!actionData && searchParams.has("withdrawn") ? (
        <p role="status" className="rounded-lg bg-green-50 px-4 py-3 text-green-900">
          {t("notice2.withdrawDone")}
        </p>
      ) : null}
      {actionData?.intent === "withdraw" && errors.form ? <Alert>{t("notice2.errors.tooLate")}</Alert> : null}
      <FormErrors errors={{ intent: errors.intent }} />

      {!d.hasPlacement ? (
        <p className={card}>{t("notice2.noPlacement")}</p>
      ) : (
        <>
          <Form method="post" noValidate className={`${card} space-y-4`}>
            {actionData?.intent === "give" && Object.keys(errors).some((k) => k !== "intent") ? <Alert>{t("notice2.errors.summary")}</Alert> : null}
            <Choices
              name="kind"
              size="large"
              label={t("notice2.kindLabel")}
              errors={errors}
              defaultValue={values.kind}
              listClassName="mt-2 grid grid-cols-2 gap-2"
              choiceClassName={`${bigChoice} min-h-16 gap-2 px-3 text-lg`}
              options={ADVANCE_NOTICE_KINDS.map((k) => ({
                value: k,
                label: (
                  <>
                    <svg width="28" height="28" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" aria-hidden="true">
                      <path d={KIND_ICON[k]} />
                    </svg>
                    {t(`notice.${k}`)}
                  </>
                ),
              }))}
            />
            <Field
              name="date"
              prefix="notice"
              type="date"
              size="large"
              label={t("notice2.dateLabel")}
              errors={errors}
              min={d.today}
              max={d.maxDate}
              defaultValue={values.date ?? ""}
            />
            <Choices
              name="reason"
              size="large"
              label={t("notice2.reasonLabel")}
              errors={errors}
              defaultValue={values.reason}
              listClassName="mt-2 grid grid-cols-2 gap-2"
              choiceClassName={`${bigChoice} min-h-12 px-2 text-center`}
              options={ABSENCE_REASONS.map((r) => ({ value: r, label: t(`absence.${r}`) }))}
            />
            <SubmitButton intent="give" pendingText={t("notice2.sending")} className="w-full text-lg">
              {t("notice2.submit")}
            </SubmitButton>
          </Form>

          <section className={card} aria-labelledby="upcoming-title">
            <h2 id="upcoming-title" className="text-lg font-semibold">
              {t("notice2.upcoming")}
            </h2>
            {d.notices.upcoming.length === 0 ? <p className="mt-2 text-stone-600">{t("notice2.none")}</p> : null}
            <ul className="mt-2 divide-y divide-stone-100" data-testid="my-notices">
              {d.notices.upcoming.map((n) => (
                <li key={n.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span>{line(n)}</span>
                  <Form method="post">
                    <input type="hidden" name="noticeId" value={n.id} />
                    <SubmitButton intent="withdraw" variant="secondary">
                      {t("notice2.withdraw")}
                    </SubmitButton>
                  </Form>
                </li>
              ))}
            </ul>
            {d.notices.earlier.length > 0 ? (
              <>
                <h3 className="mt-4 font-semibold text-stone-700">{t("notice2.earlier")}</h3>
                <ul className="mt-1 text-sm text-stone-600">
                  {d.notices.earlier.map((n) => (
                    <li key={n.id} className="py-1">
                      {line(n)}
                      {n.withdrawnAt ? ` · ${t("notice2.withdrawn")}` : ""}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
