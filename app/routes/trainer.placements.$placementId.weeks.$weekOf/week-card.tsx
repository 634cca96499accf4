/**
 * The trainer's week card (docs/decisions/0004-week-card.md): one plain form for the week.
 * Every button saves everything entered; only "Submit the week" records the weekly review.
 */
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { UpcomingNotices } from "~/components/advance-notices";
import { MarkIcon } from "~/components/calendar";
import { Field, SubmitButton, TextArea } from "~/components/forms";
import { FreeText } from "~/components/free-text";
import type { Locale } from "~/domain/enums";
import { formatDate, formatDateTime, formatWeekdayRange } from "~/i18n/format";
import type { loader } from "./route";

import { AttendanceSection } from "./attendance";
import { useCardForm, type Card, type CardForm } from "./card-form";
import { CompetenciesSection } from "./competencies";
import { EducationSection } from "./education";
import { WeekHistory } from "./history";
import { CardMessages } from "./messages";

export function WeekCard() {
  const loaderData = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  if ("refusal" in loaderData) {
    return (
      <section className="mx-auto max-w-lg rounded-xl bg-white p-6 shadow-sm" role="alert">
        <h1 className="text-xl font-bold">{t("week.refused.title")}</h1>
        <p className="mt-2">{t(`week.refused.${loaderData.refusal}`)}</p>
        <Link to="/trainer" className="mt-4 inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white">
          {t("week.backToList")}
        </Link>
      </section>
    );
  }
  return <OpenCard card={loaderData} />;
}

function OpenCard({ card: d }: { card: Card }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const form = useCardForm(d);
  const date = (iso: string) => formatDate(locale, iso);

  return (
    <div className="space-y-5">
      <div>
        <Link to="/trainer" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("week.backToList")}
        </Link>
        <h1 className="text-2xl font-bold">
          <FreeText text={d.placement.preferredName} /> <span className="font-mono text-lg text-stone-600">{d.placement.apprenticeCode}</span>
        </h1>
        <p className="text-stone-700">
          {d.placement.trade} · {t("common.weekOf", { date: date(d.weekOf) })} ·{" "}
          {t("trainer.weekOfPlacement", { week: d.week, planned: d.placement.plannedWeeks })}
          {d.placement.under18 ? (
            <span className="ml-2 rounded bg-purple-100 px-2 py-0.5 text-sm font-medium text-purple-900">{t("common.under18")}</span>
          ) : null}
        </p>
        {d.upcomingNotices.length > 0 ? (
          <div className="mt-2" data-testid="upcoming-notices">
            <h2 className="text-sm font-semibold text-stone-700">{t("trainer.upcomingNotices")}</h2>
            <UpcomingNotices notices={d.upcomingNotices} locale={locale} testId="upcoming-notice" />
          </div>
        ) : null}
        <nav className="mt-2 flex flex-wrap gap-2 text-sm" aria-label={t("week.weeks")}>
          {d.previousWeek ? (
            <Link
              className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3"
              to={`/trainer/placements/${d.placement.id}/weeks/${d.previousWeek}`}
            >
              ← {t("week.previous")}
            </Link>
          ) : null}
          {d.nextWeek ? (
            <Link
              className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3"
              to={`/trainer/placements/${d.placement.id}/weeks/${d.nextWeek}`}
            >
              {t("week.next")} →
            </Link>
          ) : null}
        </nav>
      </div>

      {d.missing.length > 0 ? (
        <section aria-labelledby="catch-up" className="rounded-xl border border-amber-300 bg-amber-50 p-4">
          <h2 id="catch-up" className="font-semibold">
            {t("trainer.missingReviews", { count: d.missing.length })}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {d.missing.map((m) => (
              <li key={m}>
                <Link
                  to={`/trainer/placements/${d.placement.id}/weeks/${m}`}
                  className={`inline-flex min-h-11 items-center rounded-lg border px-3 ${m === d.weekOf ? "border-amber-700 bg-white font-semibold" : "border-amber-300 bg-white"}`}
                >
                  {date(m)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <CardMessages card={d} form={form} locale={locale} />
      <WeekHolidays card={d} locale={locale} />
      {d.reviewed ? (
        <p className="rounded-lg bg-green-50 px-4 py-3 text-green-900" data-testid="week-reviewed">
          {t("week.reviewedOn", { when: formatDateTime(locale, new Date(d.reviews.at(-1)!.submittedAt)) })}
        </p>
      ) : null}

      {/* noValidate: the server's messages, in the trainer's language, beat the browser's bubbles. */}
      <Form method="post" replace preventScrollReset noValidate className="space-y-5">
        {/* Enter in a text field saves (it never submits the week by surprise). */}
        <button type="submit" name="intent" value="save" className="sr-only" tabIndex={-1} aria-hidden="true" />
        <input type="hidden" name="submissionKey" value={form.submissionKey} />
        <input type="hidden" name="baseline" value={form.baseline} />

        <AttendanceSection days={d.days} form={form} locale={locale} reviewed={d.reviewed} />
        <CompetenciesSection card={d} form={form} locale={locale} />
        <EducationSection education={d.education} form={form} locale={locale} />
        <SubmitSection card={d} form={form} />
      </Form>

      <WeekHistory card={d} locale={locale} />
    </div>
  );
}

function SubmitSection({ card: d, form }: { card: Card; form: CardForm }) {
  const { t } = useTranslation();
  const { errors, pick } = form;
  return (
    <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
      <TextArea
        name="weekNote"
        label={t("week.weekNote")}
        errors={errors}
        maxLength={500}
        rows={2}
        defaultValue={pick("weekNote", null)}
        describedBy="weekNote-help"
      />
      {form.noteNotSubmitted ? (
        <p id="weekNote-help" className="rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900" data-testid="not-submitted">
          {t("week.noteNotSubmitted")}
        </p>
      ) : (
        <p id="weekNote-help" className="text-sm text-stone-600">
          {t("week.noteHelp")}
        </p>
      )}
      {d.reviewed ? (
        <Field name="correctionReason" label={t("week.correctionReason")} errors={errors} maxLength={500} defaultValue={pick("correctionReason", null)} />
      ) : null}
      <SubmitButton intent="submit" className="w-full">
        {d.reviewed ? t("week.submitCorrection") : t("week.submit")}
      </SubmitButton>
      {!d.reviewed ? <p className="text-sm text-stone-600">{t("week.noChangeHelp")}</p> : null}
      {!d.reviewed ? (
        <>
          <SubmitButton intent="save" variant="secondary" className="w-full">
            {t("week.save")}
          </SubmitButton>
          <p className="text-sm text-stone-600">{t("week.saveHelp")}</p>
        </>
      ) : null}
    </section>
  );
}

/** Why days (and a class afternoon) are missing from this card: "Mon–Wed: Water Festival". */
function WeekHolidays({ card: d, locale }: { card: Card; locale: Locale }) {
  const { t } = useTranslation();
  if (d.holidays.length === 0) return null;
  return (
    <section aria-labelledby="holidays-title" className="rounded-xl border border-violet-200 bg-violet-50 p-4 text-violet-950" data-testid="week-holidays">
      <h2 id="holidays-title" className="flex items-center gap-2 font-semibold">
        <MarkIcon mark="holiday" size={20} />
        {t("week.holidays")}
      </h2>
      <ul className="mt-1">
        {d.holidays.map((h) => (
          <li key={h.from} data-testid="week-holiday">
            {t("week.holidayRun", { days: formatWeekdayRange(locale, h.from, h.to), name: h.name })}
          </li>
        ))}
      </ul>
      <p className="mt-1 text-sm">{d.holidays.some((h) => h.educationLost) ? t("week.holidayNoClass") : t("week.holidayHelp")}</p>
    </section>
  );
}
