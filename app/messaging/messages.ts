/**
 * The words of a reminder, in the recipient's language, from the catalogues. Plain text (no
 * Telegram markup to escape): an apprentice appears by preferred name and code only.
 */
import type { TFunction } from "i18next";

import type { Locale } from "~/domain/enums";
import type { MessageChannel } from "~/domain/reminders";
import { formatDate, formatNumber } from "~/i18n/format";

export interface TrainerMessage {
  kind: "weekly" | "monday";
  recipientName: string;
  weekOf: string;
  linkHours: number;
  channel: MessageChannel;
  items: { code: string; preferredName: string; url: string }[];
}

export function renderTrainerMessage(t: TFunction, locale: Locale, m: TrainerMessage): string {
  const week = formatDate(locale, m.weekOf);
  const hours = formatNumber(locale, m.linkHours);
  const lines = [
    t("reminders.message.greeting", { name: m.recipientName }),
    m.kind === "weekly" ? t("reminders.message.weeklyIntro", { week }) : t("reminders.message.mondayIntro", { week }),
    "",
  ];
  for (const item of m.items) {
    lines.push(t("reminders.message.item", { name: item.preferredName, code: item.code }));
    lines.push(item.url);
  }
  lines.push("");
  lines.push(m.kind === "weekly" ? t("reminders.message.weeklyTap", { hours }) : t("reminders.message.mondayAsk", { hours }));
  if (m.channel === "telegram") lines.push(t("reminders.message.stopTelegram"));
  lines.push(t("reminders.message.signature"));
  return lines.join("\n");
}

export interface DigestMessage {
  siteName: string;
  weekOf: string;
  trainers: { name: string; employer: string; missing: number }[];
  url: string;
}

export function renderDigest(t: TFunction, locale: Locale, m: DigestMessage): string {
  const lines = [t("reminders.message.digestIntro", { site: m.siteName, week: formatDate(locale, m.weekOf) }), ""];
  for (const trainer of m.trainers) {
    lines.push(
      t("reminders.message.digestLine", {
        name: trainer.name,
        employer: trainer.employer,
        count: trainer.missing,
        number: formatNumber(locale, trainer.missing),
      }),
    );
  }
  lines.push("");
  lines.push(t("reminders.message.digestMore", { url: m.url }));
  lines.push(t("reminders.message.signature"));
  return lines.join("\n");
}

/** The bot's answers. A token that binds nothing is answered in both languages: the chat's owner is not known. */
export function botReply(t: TFunction, key: "linked" | "stopped", name = ""): string {
  return key === "linked" ? t("reminders.bot.linked", { name }) : t("reminders.bot.stopped");
}

export function bilingualBadToken(km: TFunction, en: TFunction): string {
  return `${km("reminders.bot.badToken")}\n\n${en("reminders.bot.badToken")}`;
}
