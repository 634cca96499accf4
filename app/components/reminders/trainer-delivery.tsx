import { useLocale, useTranslation } from "~/i18n/react";

import { formatDateTime } from "~/i18n/format";
import type { ChannelState, DeliveryFacts, MessageView } from "~/db/reminders.server";
import type { TelegramResult, TelegramState } from "~/messaging/link-actions.server";

import { MessageList } from "./messages";
import { TelegramLink } from "./telegram-link";

export interface TrainerDeliveryData extends DeliveryFacts {
  phone: string | null;
  channel: ChannelState;
  telegram: TelegramState;
  messages: MessageView[];
}

/** The reminders part of /staff/trainers/:trainerId: how the trainer is reached and how delivery went. */
export function TrainerDelivery({ data, result }: { data: TrainerDeliveryData; result: TelegramResult | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = (iso: string) => formatDateTime(locale, new Date(iso));
  return (
    <section aria-labelledby="reminders" className="space-y-3 rounded-xl bg-white p-4 shadow-sm" data-testid="trainer-delivery">
      <h2 id="reminders" className="text-lg font-semibold">
        {t("reminders.delivery.heading")}
      </h2>
      <div className="space-y-1 text-sm">
        <p className="font-medium">{t("reminders.delivery.channelNow", { channel: t(`reminders.channel.${data.channel}`) })}</p>
        <p>{data.phone ? t("reminders.delivery.phone", { phone: data.phone }) : t("reminders.delivery.noPhone")}</p>
        <p data-testid="last-sent">
          {data.lastSent
            ? t("reminders.delivery.lastSent", {
                when: when(data.lastSent.at),
                kind: t(`reminders.kind.${data.lastSent.kind}`),
                channel: t(`reminders.channel.${data.lastSent.channel}`),
              })
            : t("reminders.delivery.neverSent")}
        </p>
        {data.lastFailed ? (
          <p className="text-red-800" data-testid="last-failed">
            {t("reminders.delivery.lastFailed", { when: when(data.lastFailed.at), error: data.lastFailed.error })}
          </p>
        ) : null}
      </div>
      <h3 className="font-semibold">{t("reminders.telegram.heading")}</h3>
      <TelegramLink state={data.telegram} result={result} createLabel={t("reminders.telegram.create")} testId="staff-telegram" />
      <h3 className="font-semibold">{t("reminders.delivery.recent")}</h3>
      <MessageList messages={data.messages} showRecipient={false} />
    </section>
  );
}
