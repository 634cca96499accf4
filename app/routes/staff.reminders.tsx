import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { readForm } from "~/forms/form-data.server";
import { actorOf, notFound, requireRole, requireStaff } from "~/auth/guards.server";
import { FormErrors } from "~/components/forms";
import { SiteReminders } from "~/components/reminders/site-reminders";
import { TelegramLink } from "~/components/reminders/telegram-link";
import { ownChannel, remindersOverview, saveSchedule } from "~/db/reminders.server";
import { sitesFor } from "~/db/staff.server";
import { plainInteger } from "~/domain/numbers";
import { badRequest, sentIntent } from "~/forms/parse.server";
import { parseRemindersIntent } from "~/forms/reminders.server";
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

export async function action({ request, context }: ActionFunctionArgs) {
  await requireStaff(request);
  const parsed = parseRemindersIntent(await readForm(request));
  // The schedule is a programme setting, like the flag thresholds: admin only, whatever its fields say.
  if ((parsed.ok ? parsed.value.intent : sentIntent(parsed)) === "schedule") await requireRole(request, "admin");
  if (!parsed.ok) return badRequest(parsed, { telegram: null, siteId: plainInteger(parsed.values.siteId ?? "") });
  const input = parsed.value;
  switch (input.intent) {
    case "telegram_link":
    case "telegram_unlink": {
      // Staff link their own chat for the digest.
      const user = await requireRole(request, "staff");
      const done = await telegramAction(input.intent, { subject: user, actorUserId: user.id, reason: "self", requestId: context.requestId });
      return data({ telegram: done.telegram as TelegramResult | null, siteId: null, errors: null }, { status: done.status });
    }
    case "schedule": {
      const admin = await requireRole(request, "admin");
      const { intent: _i, siteId, ...schedule } = input;
      if (!sitesFor(actorOf(admin)).some((s) => s.id === siteId && s.active)) throw notFound();
      saveSchedule({ siteId, schedule, actorUserId: admin.id, requestId: context.requestId });
      return redirect(`/staff/reminders?saved=${siteId}#site-${siteId}`);
    }
  }
}

export default function Reminders() {
  const { canEdit, transports, sites, digest } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  return (
    <div className="space-y-5">
      <div>
        <h1 className="text-2xl font-bold">{t("reminders.title")}</h1>
        <p className="mt-1 text-stone-700">{t("reminders.intro")}</p>
      </div>
      <FormErrors errors={{ intent: actionData?.errors?.intent }} />

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

      {sites.map((site) => (
        <SiteReminders
          key={site.id}
          site={site}
          canEdit={canEdit}
          saved={params.get("saved") === String(site.id)}
          errors={actionData?.siteId === site.id && actionData.errors ? actionData.errors : {}}
        />
      ))}
    </div>
  );
}
