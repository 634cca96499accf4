import { Form, Link } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { Checkbox, Field, FormErrors, SelectField, SubmitButton } from "~/components/forms";
import type { remindersOverview } from "~/db/reminders.server";
import type { FieldErrorMap } from "~/domain/field-errors";
import { formatDate, formatDateTime, weekdayNames } from "~/i18n/format";

import { MessageList } from "./messages";

type Site = ReturnType<typeof remindersOverview>[number];

/** One site on /staff/reminders: its schedule (a form for admin), its trainers' channels and delivery, its messages. */
export function SiteReminders({ site, canEdit, saved, errors }: { site: Site; canEdit: boolean; saved: boolean; errors: FieldErrorMap }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const days = weekdayNames(locale, "long");
  const when = (iso: string) => formatDateTime(locale, new Date(iso));
  return (
    <section
      id={`site-${site.id}`}
      aria-labelledby={`site-${site.id}-title`}
      className="space-y-3 rounded-xl bg-white p-4 shadow-sm"
      data-testid="reminder-site"
    >
      <h2 id={`site-${site.id}-title`} className="text-lg font-semibold">
        {t("reminders.schedule.heading", { site: site.name })}
      </h2>
      {saved ? (
        <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-green-900">
          {t("reminders.schedule.saved")}
        </p>
      ) : null}
      {site.schedule.enabled ? (
        <p>
          {t("reminders.schedule.summary", {
            weekday: days[site.schedule.weekday - 1],
            time: site.schedule.time,
            mondayTime: site.schedule.mondayTime,
            zone: site.timezone,
          })}
        </p>
      ) : (
        <p className="font-medium text-amber-900">{t("reminders.schedule.off")}</p>
      )}
      {site.next ? (
        <p className="font-medium">{t("reminders.schedule.next", { when: `${formatDate(locale, site.next.date, "long")} ${site.next.time}` })}</p>
      ) : null}

      {canEdit ? (
        <Form method="post" className="grid gap-3 rounded-lg border border-stone-200 p-3 sm:grid-cols-2" noValidate>
          <input type="hidden" name="siteId" value={site.id} />
          <FormErrors id={`form-${site.id}-error`} errors={errors} />
          <SelectField
            name="weekday"
            prefix={`site-${site.id}`}
            label={t("reminders.schedule.weekday")}
            errors={errors}
            defaultValue={site.schedule.weekday}
            options={days.map((day, i) => ({ value: i + 1, label: day }))}
            className="text-sm"
          />
          <Field
            name="time"
            type="time"
            prefix={`site-${site.id}`}
            label={t("reminders.schedule.time")}
            errors={errors}
            required
            defaultValue={site.schedule.time}
            className="text-sm"
          />
          <Field
            name="mondayTime"
            type="time"
            prefix={`site-${site.id}`}
            label={t("reminders.schedule.mondayTime")}
            errors={errors}
            required
            defaultValue={site.schedule.mondayTime}
            className="text-sm"
          />
          <Checkbox name="enabled" label={t("reminders.schedule.enabled")} defaultChecked={site.schedule.enabled} className="text-sm" />
          <div className="sm:col-span-2">
            <SubmitButton intent="schedule">{t("reminders.schedule.save")}</SubmitButton>
          </div>
        </Form>
      ) : null}

      <h3 className="font-semibold">{t("reminders.trainers.heading", { site: site.name })}</h3>
      {site.trainers.length === 0 ? <p className="text-stone-600">{t("reminders.trainers.empty")}</p> : null}
      <ul className="divide-y divide-stone-100">
        {site.trainers.map((trainer) => (
          <li key={trainer.id} className="py-2 text-sm" data-testid="reminder-trainer">
            <Link to={`/staff/trainers/${trainer.id}`} className="inline-flex min-h-11 items-center font-medium text-brand-700 underline">
              {trainer.name}
            </Link>{" "}
            · {trainer.employer}
            <p>
              {t("reminders.trainers.channel")}: {t(`reminders.channel.${trainer.channel}`)}
            </p>
            <p>
              {t("reminders.trainers.lastSent")}: {trainer.lastSent ? when(trainer.lastSent.at) : "—"}
            </p>
            {trainer.lastFailed ? (
              <p className="text-red-800">
                {t("reminders.trainers.lastFailed")}: {when(trainer.lastFailed.at)} · {trainer.lastFailed.error}
              </p>
            ) : null}
          </li>
        ))}
      </ul>

      <h3 className="font-semibold">{t("reminders.messages.heading")}</h3>
      <MessageList messages={site.messages} />
    </section>
  );
}
