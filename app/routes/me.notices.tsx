import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { notFound, requireRole } from "~/auth/guards.server";
import { Alert, Choices, Field, FormErrors, SubmitButton } from "~/components/forms";
import { activePlacementOf, giveNotice, holidaysFrom, listNotices, withdrawNotice } from "~/db/me.server";
import { addDays, parseWeekdays } from "~/domain/dates";
import { ABSENCE_REASONS, ADVANCE_NOTICE_KINDS } from "~/domain/enums";
import { NOTICE_DAYS_AHEAD } from "~/domain/me-progress";
import { readForm } from "~/forms/form-data.server";
import { parseNoticeIntent } from "~/forms/me.server";
import { replyOf } from "~/forms/parse.server";
import { formatDate } from "~/i18n/format";
import { requestT } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { siteToday } from "~/utils/today.server";

export const meta = pageMeta;

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
