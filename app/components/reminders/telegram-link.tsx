import { Form } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import { SubmitButton } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import type { TelegramResult, TelegramState } from "~/messaging/link-actions.server";

/**
 * Link a Telegram chat: a one-time t.me link and its QR code, shown once after the button; or,
 * when linked, since when (and, for staff of the site, the chat id) with a button to unlink.
 */
export function TelegramLink({
  state,
  result,
  createLabel,
  linkedText,
  testId,
}: {
  state: TelegramState;
  result: TelegramResult | null;
  createLabel: string;
  /** What "linked" means to the reader; the date follows. */
  linkedText?: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const when = (iso: string) => formatDateTime(locale, new Date(iso));
  const linkedAt = result?.unlinked ? null : state.linkedAt;
  if (state.availability === "notSetUp") return <p className="text-stone-700">{t("reminders.telegram.notSetUp")}</p>;
  return (
    <div className="space-y-3" data-testid={testId}>
      {result?.unlinked ? (
        <p role="status" className="rounded-lg bg-green-50 px-3 py-2 text-green-900">
          {t("reminders.telegram.unlinked")}
        </p>
      ) : null}
      {result?.error ? (
        <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-red-900">
          {t(result.error)}
        </p>
      ) : null}
      {linkedAt ? (
        <p className="font-medium text-green-900" data-testid="telegram-linked">
          {linkedText ? `${linkedText} ` : ""}
          {state.chatId
            ? t("reminders.telegram.linkedChat", { chatId: state.chatId, when: when(linkedAt) })
            : t("reminders.telegram.linked", { when: when(linkedAt) })}
        </p>
      ) : (
        <p className="text-stone-700">{t("reminders.telegram.notLinked")}</p>
      )}
      {result?.created ? (
        <div className="rounded-lg border-2 border-brand-700 p-3" data-testid="telegram-new-link">
          <a
            href={result.created.url}
            className="inline-flex min-h-11 items-center rounded-lg bg-sky-700 px-4 font-semibold text-white"
            data-testid="telegram-open"
          >
            {t("reminders.telegram.open")}
          </a>
          <p className="mt-2 text-sm text-stone-700">{t("reminders.telegram.newLinkHelp", { when: when(result.created.expiresAt) })}</p>
          <p className="mt-2 break-all rounded bg-stone-100 p-2 font-mono text-sm">{result.created.url}</p>
          <div className="mt-3 w-44" role="img" aria-label={t("reminders.telegram.qrLabel")} dangerouslySetInnerHTML={{ __html: result.created.svg }} />
        </div>
      ) : null}
      <div className="flex flex-wrap gap-3">
        {!result?.created && !linkedAt ? (
          <Form method="post">
            <SubmitButton intent="telegram_link" pendingText={t("reminders.telegram.creating")}>
              {createLabel}
            </SubmitButton>
          </Form>
        ) : null}
        {linkedAt ? (
          <Form method="post">
            <SubmitButton
              intent="telegram_unlink"
              pendingText={t("reminders.telegram.unlinking")}
              className="border border-red-700 bg-white! text-red-800! hover:bg-red-50!"
            >
              {t("reminders.telegram.unlink")}
            </SubmitButton>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
