import { useLocale, useTranslation } from "~/i18n/react";

import { formatDate, formatDateTime } from "~/i18n/format";
import type { MessageView } from "~/db/reminders.server";

const STATUS_STYLE = {
  queued: "bg-stone-100 text-stone-800",
  sending: "bg-sky-100 text-sky-900",
  sent: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
  cancelled: "bg-stone-100 text-stone-700",
} as const;

const CANCEL_REASONS = ["week_submitted", "no_channel", "recipient_inactive", "channel_not_configured"] as const;

/** Outbox rows as staff read them: who, what, how it went, and the message itself (its sign-in token left out). */
export function MessageList({ messages, showRecipient = true }: { messages: MessageView[]; showRecipient?: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = (iso: string) => formatDateTime(locale, new Date(iso));
  if (messages.length === 0) return <p className="text-stone-600">{t("reminders.messages.empty")}</p>;
  return (
    <ul className="divide-y divide-stone-100">
      {messages.map((m) => {
        const cancelReason = m.status === "cancelled" ? CANCEL_REASONS.find((r) => r === m.lastError) : undefined;
        return (
          <li key={m.id} className="space-y-1 py-3 text-sm" data-testid="reminder-message">
            <p className="flex flex-wrap items-center gap-2">
              <span className={`rounded-full px-2 py-0.5 font-medium ${STATUS_STYLE[m.status]}`}>{t(`reminders.status.${m.status}`)}</span>
              <span className="font-medium">{t(`reminders.kind.${m.kind}`)}</span>
              <span>· {t(`reminders.channel.${m.channel}`)}</span>
            </p>
            <p>
              {showRecipient ? `${t("reminders.messages.to", { name: m.recipientName })} · ` : ""}
              {t("reminders.messages.week", { week: formatDate(locale, m.weekOf) })} · {t("reminders.messages.attempts", { count: m.attempts })}
            </p>
            {m.sentAt ? <p>{t("reminders.messages.sentAt", { when: when(m.sentAt) })}</p> : null}
            {m.lastFailedAt ? (
              <p className="text-red-800">{t("reminders.messages.failedAt", { when: when(m.lastFailedAt), error: m.lastError ?? "" })}</p>
            ) : null}
            {m.status === "failed" ? (
              <p>{m.nextAttemptAt ? t("reminders.messages.nextAttempt", { when: when(m.nextAttemptAt) }) : t("reminders.messages.gaveUp")}</p>
            ) : null}
            {cancelReason ? <p className="text-stone-700">{t(`reminders.cancel.${cancelReason}`)}</p> : null}
            <details>
              <summary className="inline-flex min-h-11 cursor-pointer items-center text-brand-700 underline">{t("reminders.messages.show")}</summary>
              <pre className="mt-1 whitespace-pre-wrap break-words rounded bg-stone-50 p-2 font-sans" data-testid="reminder-text">
                {m.text}
              </pre>
            </details>
          </li>
        );
      })}
    </ul>
  );
}
