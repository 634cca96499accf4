import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";

import { actorOf, notFound, requireRole, requireStaff } from "~/auth/guards.server";
import { FieldErrors, SubmitButton } from "~/components/forms";
import { MessageList } from "~/components/reminders/messages";
import { TelegramLink } from "~/components/reminders/telegram-link";
import { ownChannel, remindersOverview, saveSchedule } from "~/db/reminders.server";
import { sitesFor } from "~/db/staff.server";
import { parseSchedule, telegramIntentOf } from "~/forms/reminders.server";
import { formatDate, formatDateTime, weekdayNames } from "~/i18n/format";
import { requestLocale } from "~/i18n/request.server";
import { messagingConfig } from "~/messaging/config.server";
import { telegramAction, telegramState, type TelegramResult } from "~/messaging/link-actions.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const { locale, t } = await requestLocale(request);
  const config = messagingConfig();
  return {
    title: t("reminders.title"),
    canEdit: user.role === "admin",
    transports: { telegram: config.telegram?.mode ?? null, sms: !!config.sms },
    sites: remindersOverview(actorOf(user), locale),
    // The Monday digest goes to staff of a site; admin has none.
    digest: user.role === "staff" ? { ...ownChannel(user), telegram: telegramState(user.id, { showChatId: true }) } : null,
  };
}

type Errors = Record<string, string[] | undefined>;

export async function action({ request, context }: ActionFunctionArgs) {
  await requireStaff(request);
  const form = await request.formData();
  const telegramIntent = telegramIntentOf(form);
  if (telegramIntent) {
    // Staff link their own chat for the digest.
    const user = await requireRole(request, "staff");
    const done = await telegramAction(telegramIntent, { subject: user, actorUserId: user.id, reason: "self", requestId: context.requestId });
    return data({ telegram: done.telegram as TelegramResult | null, siteId: null as number | null, errors: null as Errors | null }, { status: done.status });
  }
  if (form.get("intent") !== "schedule") return data({ telegram: null, siteId: null, errors: { form: ["errors.invalid"] } as Errors }, { status: 400 });
  // The schedule is a programme setting, like the flag thresholds: admin only.
  const admin = await requireRole(request, "admin");
  const parsed = parseSchedule(form);
  if (!parsed.ok) return data({ telegram: null, siteId: Number(form.get("siteId")) || null, errors: parsed.errors }, { status: 400 });
  const { siteId, ...schedule } = parsed.data;
  if (!sitesFor(actorOf(admin)).some((s) => s.id === siteId && s.active)) throw notFound();
  saveSchedule({ siteId, schedule, actorUserId: admin.id, requestId: context.requestId });
  return redirect(`/staff/reminders?saved=${siteId}#site-${siteId}`);
}

export default function Reminders() {
  const { canEdit, transports, sites, digest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t, i18n } = useTranslation();
  const locale = i18n.language === "km" ? "km" : "en";
  const days = weekdayNames(locale, "long");
  const when = (iso: string) => formatDateTime(locale, new Date(iso));
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("reminders.title")}</h1>
        <p className="mt-1 text-stone-700">{t("reminders.intro")}</p>
      </div>

      <section aria-labelledby="transports" className="rounded-xl bg-white p-4 shadow-sm">
        <h2 id="transports" className="text-lg font-semibold">
          {t("reminders.transports.heading")}
        </h2>
        <ul className="mt-2 list-disc pl-5" data-testid="transports">
          {transports.telegram ? <li>{t("reminders.transports.telegram", { mode: t(`reminders.transports.mode.${transports.telegram}`) })}</li> : null}
          {transports.sms ? <li>{t("reminders.transports.sms")}</li> : null}
          {!transports.telegram && !transports.sms ? <li>{t("reminders.transports.log")}</li> : null}
        </ul>
      </section>

      {digest ? (
        <section aria-labelledby="digest" className="space-y-2 rounded-xl bg-white p-4 shadow-sm">
          <h2 id="digest" className="text-lg font-semibold">
            {t("reminders.digest.heading")}
          </h2>
          <p className="text-stone-700">{t("reminders.digest.help")}</p>
          <p className="font-medium">
            {digest.channel === "telegram"
              ? t("reminders.digest.viaTelegram")
              : digest.channel === "sms"
                ? t("reminders.digest.viaSms")
                : digest.channel === "log"
                  ? t("reminders.digest.viaLog")
                  : t("reminders.digest.none")}
          </p>
          {digest.telegram.availability !== "notSetUp" ? (
            <TelegramLink state={digest.telegram} result={actionData?.telegram ?? null} createLabel={t("reminders.telegram.create")} testId="digest-telegram" />
          ) : null}
        </section>
      ) : null}

      {sites.map((site) => {
        const errors: Errors = actionData?.siteId === site.id && actionData.errors ? actionData.errors : {};
        const saved = params.get("saved") === String(site.id);
        return (
          <section key={site.id} id={`site-${site.id}`} aria-labelledby={`site-${site.id}-title`} className="space-y-3 rounded-xl bg-white p-4 shadow-sm" data-testid="reminder-site">
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
            {site.next ? <p className="font-medium">{t("reminders.schedule.next", { when: `${formatDate(locale, site.next.date, "long")} ${site.next.time}` })}</p> : null}

            {canEdit ? (
              <Form method="post" className="grid gap-3 rounded-lg border border-stone-200 p-3 sm:grid-cols-2" noValidate>
                <input type="hidden" name="siteId" value={site.id} />
                <FieldErrors id={`form-${site.id}-error`} errors={errors.form} />
                <label className="block text-sm">
                  {t("reminders.schedule.weekday")}
                  <select
                    name="weekday"
                    defaultValue={site.schedule.weekday}
                    aria-invalid={errors.weekday ? true : undefined}
                    aria-describedby={`weekday-${site.id}-error`}
                    className="mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-2"
                  >
                    {days.map((day, i) => (
                      <option key={day} value={i + 1}>
                        {day}
                      </option>
                    ))}
                  </select>
                  <FieldErrors id={`weekday-${site.id}-error`} errors={errors.weekday} />
                </label>
                <label className="block text-sm">
                  {t("reminders.schedule.time")}
                  <input
                    type="time"
                    name="time"
                    required
                    defaultValue={site.schedule.time}
                    aria-invalid={errors.time ? true : undefined}
                    aria-describedby={`time-${site.id}-error`}
                    className="mt-1 block min-h-11 w-full rounded-lg border border-stone-400 px-2"
                  />
                  <FieldErrors id={`time-${site.id}-error`} errors={errors.time} />
                </label>
                <label className="block text-sm">
                  {t("reminders.schedule.mondayTime")}
                  <input
                    type="time"
                    name="mondayTime"
                    required
                    defaultValue={site.schedule.mondayTime}
                    aria-invalid={errors.mondayTime ? true : undefined}
                    aria-describedby={`monday-${site.id}-error`}
                    className="mt-1 block min-h-11 w-full rounded-lg border border-stone-400 px-2"
                  />
                  <FieldErrors id={`monday-${site.id}-error`} errors={errors.mondayTime} />
                </label>
                <label className="flex min-h-11 items-center gap-2 text-sm">
                  <input type="checkbox" name="enabled" defaultChecked={site.schedule.enabled} className="size-5" />
                  {t("reminders.schedule.enabled")}
                </label>
                <div className="sm:col-span-2">
                  <SubmitButton intent="schedule" pendingText={t("reminders.schedule.saving")}>
                    {t("reminders.schedule.save")}
                  </SubmitButton>
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
      })}
    </div>
  );
}
