import { useTranslation } from "~/i18n/react";

import type { TelegramResult, TelegramState } from "~/messaging/link-actions.server";

import { TelegramLink } from "./telegram-link";

/** On /trainer: get the weekly reminder on Telegram. Hidden when the server has no bot. */
export function TrainerTelegramCard({ state, result }: { state: TelegramState; result: TelegramResult | null }) {
  const { t } = useTranslation();
  if (state.availability === "notSetUp") return null;
  const linked = !!state.linkedAt && !result?.unlinked;
  return (
    <section aria-labelledby="telegram-card" className="mt-6 space-y-2 rounded-xl bg-white p-4 shadow-sm">
      <h2 id="telegram-card" className="text-lg font-semibold">
        {t("reminders.trainerCard.heading")}
      </h2>
      <p className="text-stone-700">{linked ? t("reminders.trainerCard.linked") : t("reminders.trainerCard.help")}</p>
      <TelegramLink state={state} result={result} createLabel={t("reminders.telegram.createSelf")} testId="trainer-telegram" />
    </section>
  );
}
