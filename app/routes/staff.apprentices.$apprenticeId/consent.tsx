/** Consents: grant or withdraw each, and their history (append-only). */
import { Form } from "@remix-run/react";

import { errorsOf, FormErrors, SubmitButton } from "~/components/forms";
import { CONSENT_ITEMS } from "~/domain/enums";
import { formatDateTime } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";

import type { RecordData, RecordReply } from "./record";

export function Consent({ d, reply }: { d: RecordData; reply: RecordReply }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section id="consent" aria-labelledby="consent-title" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="consent-title" className="text-lg font-semibold">
        {t("records.consent.title")}
      </h2>
      <p className="text-sm text-stone-600">{t("records.consent.help")}</p>
      <FormErrors errors={errorsOf(reply, "consent")} />
      <ul className="mt-2 space-y-2" data-testid="consent-controls">
        {CONSENT_ITEMS.map((item) => (
          <li key={item} className="flex flex-wrap items-center gap-3">
            <span className="min-w-48">
              {t(`consent.${item}`)}: <strong>{d.consents[item] ? t("staffRecord.granted") : t("staffRecord.notGranted")}</strong>
            </span>
            <Form method="post">
              <input type="hidden" name="item" value={item} />
              <input type="hidden" name="granted" value={d.consents[item] ? "no" : "yes"} />
              <SubmitButton intent="consent" variant={d.consents[item] ? "secondary" : "primary"}>
                {d.consents[item] ? t("records.consent.withdraw") : t("records.consent.grant")}
              </SubmitButton>
            </Form>
          </li>
        ))}
      </ul>
      {d.consentHistory.length > 0 ? (
        <details className="mt-3 text-sm">
          <summary className="min-h-11 cursor-pointer py-2">{t("records.consent.history")}</summary>
          <ul className="space-y-1" data-testid="consent-history">
            {d.consentHistory.map((c) => (
              <li key={c.id}>
                {formatDateTime(locale, new Date(c.recordedAt))} ·{" "}
                {c.granted ? t("records.consent.granted", { item: t(`consent.${c.item}`) }) : t("records.consent.withdrawn", { item: t(`consent.${c.item}`) })}
                {c.recordedBy ? ` · ${t("records.consent.by", { name: c.recordedBy })}` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
