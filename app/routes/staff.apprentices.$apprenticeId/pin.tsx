/** The apprentice's sign-in: their printable sign-in card, whether a PIN is set (never the PIN), and setting a new one. */
import { Form, Link } from "@remix-run/react";

import { errorsOf, Field, SubmitButton } from "~/components/forms";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";

import type { RecordData, RecordReply } from "./record";

export function Pin({ d, reply }: { d: RecordData; reply: RecordReply }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section id="pin" aria-labelledby="pin-title" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="pin-title" className="text-lg font-semibold">
        {t("pin.staff.title")}
      </h2>
      <p className="mt-1">
        <Link
          to={`/staff/apprentices/${d.apprentice.id}/card`}
          className="inline-flex min-h-11 items-center gap-2 font-semibold text-brand-700 underline"
          data-testid="card-link"
        >
          <svg
            width="22"
            height="22"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
            aria-hidden="true"
          >
            <path d="M4 4h6v6H4z M14 4h6v6h-6z M4 14h6v6H4z M14 14h2v2h-2z M18 18h2v2h-2z" />
          </svg>
          {t("card.title")}
        </Link>
      </p>
      {d.account === null ? (
        <p className="mt-2 text-sm">{t("pin.staff.noAccount")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm">{t("pin.staff.username", { username: d.account.username })}</p>
          <p className="text-sm" data-testid="pin-state">
            {d.account.hasPin ? t("pin.staff.hasPin") : t("pin.staff.noPin")}
            {d.account.lockedUntil ? ` ${t("pin.staff.locked", { time: formatDateTime(locale, new Date(d.account.lockedUntil)) })}` : ""}
          </p>
          {!reply && d.pinSaved ? (
            <p role="status" className="mt-2 rounded-lg bg-green-50 px-3 py-2 text-green-900">
              {t("pin.staff.saved")}
            </p>
          ) : null}
          <Form method="post" className="mt-2 flex flex-wrap items-end gap-3" noValidate autoComplete="off">
            <Field
              name="pin"
              prefix="staff"
              label={t("pin.staff.newPin")}
              errors={errorsOf(reply, "pin")}
              inputMode="numeric"
              maxLength={6}
              autoComplete="off"
              inputClassName="max-w-40 tracking-widest"
            />
            <SubmitButton intent="pin">{t("pin.staff.set")}</SubmitButton>
          </Form>
          <p className="mt-2 text-sm text-stone-600">{t("pin.staff.help")}</p>
        </>
      )}
    </section>
  );
}
