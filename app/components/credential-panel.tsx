/**
 * Staff's panel for a placement's signed record of achievement: issue, re-issue after
 * a correction, revoke with a reason, and the records issued so far. It sits under the printable
 * record and never prints.
 */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { FormErrors, SelectField, SubmitButton } from "~/components/forms";
import type { FieldErrorMap } from "~/domain/field-errors";
import { STAFF_REVOCATION_REASONS, type Locale, type RevocationReason } from "~/domain/enums";
import { formatDate } from "~/i18n/format";

export interface PanelCredential {
  id: number;
  url: string;
  issuedOn: string;
  issuedByName: string;
  includesLegalName: boolean;
  revokedOn: string | null;
  reason: RevocationReason | null;
}

export type PanelResult = { done: "issued" | "reissued" | "revoked"; errors?: undefined } | { done?: undefined; errors: FieldErrorMap };

export function CredentialPanel({
  credentials,
  consentChanged,
  result,
  locale,
}: {
  credentials: PanelCredential[];
  consentChanged: boolean;
  result: PanelResult | undefined;
  locale: Locale;
}) {
  const { t } = useTranslation();
  const current = credentials.find((c) => c.revokedOn === null) ?? null;
  const errors = result?.errors ?? {};
  return (
    <section
      className="mx-auto max-w-3xl space-y-4 rounded-xl bg-white p-6 shadow-sm print:hidden"
      aria-labelledby="credential-title"
      data-testid="credential-panel"
    >
      <h2 id="credential-title" className="text-xl font-semibold">
        {t("credentialPanel.title")}
      </h2>
      <p className="text-stone-700">{t("credentialPanel.intro")}</p>

      {result?.done ? (
        <p role="status" className="rounded-lg border border-green-300 bg-green-50 px-4 py-3 text-green-900">
          {t(`credentialPanel.${result.done}`)}
        </p>
      ) : null}
      <FormErrors id="credential-form-error" errors={errors} />

      {current ? (
        <div className="space-y-1" data-testid="current-credential">
          <p className="font-semibold text-green-800">{t("credentialPanel.valid")}</p>
          <p>{t("credentialPanel.issuedOn", { date: formatDate(locale, current.issuedOn), name: current.issuedByName })}</p>
          <p className="text-stone-700">{current.includesLegalName ? t("credentialPanel.legalNameIn") : t("credentialPanel.legalNameOut")}</p>
          {consentChanged ? (
            <p role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900">
              {t("credentialPanel.consentChanged")}
            </p>
          ) : null}
          <Link to={new URL(current.url).pathname} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("credentialPanel.open")}
          </Link>
        </div>
      ) : (
        <p>{t("credentialPanel.none")}</p>
      )}

      <Form method="post" className="space-y-2">
        <input type="hidden" name="current" value={current?.id ?? ""} />
        {current ? <p className="text-sm text-stone-600">{t("credentialPanel.reissueHelp")}</p> : null}
        <SubmitButton intent="issue" pendingText={t("credentialPanel.signing")}>
          {current ? t("credentialPanel.reissue") : t("credentialPanel.issue")}
        </SubmitButton>
      </Form>

      {current ? (
        <Form method="post" className="space-y-2 border-t border-stone-200 pt-4">
          <h3 className="font-semibold">{t("credentialPanel.revokeTitle")}</h3>
          <input type="hidden" name="credentialId" value={current.id} />
          <SelectField
            name="reason"
            prefix="revoke"
            label={t("credentialPanel.reason")}
            errors={errors}
            blank=""
            options={STAFF_REVOCATION_REASONS.map((r) => ({ value: r, label: t(`revocationReason.${r}`) }))}
          />
          <SubmitButton intent="revoke" pendingText={t("credentialPanel.revoking")} className="bg-red-700 hover:bg-red-800">
            {t("credentialPanel.revoke")}
          </SubmitButton>
        </Form>
      ) : null}

      {credentials.length > 0 ? (
        <div className="border-t border-stone-200 pt-4">
          <h3 className="font-semibold">{t("credentialPanel.history")}</h3>
          <ul className="mt-2 divide-y divide-stone-100" data-testid="credential-history">
            {credentials.map((c) => (
              <li key={c.id} className="py-2">
                <p>{t("credentialPanel.issuedOn", { date: formatDate(locale, c.issuedOn), name: c.issuedByName })}</p>
                <p className={c.revokedOn ? "text-red-800" : "text-green-800"}>
                  {c.revokedOn && c.reason
                    ? t("credentialPanel.revokedOn", { date: formatDate(locale, c.revokedOn), reason: t(`revocationReason.${c.reason}`) })
                    : t("credentialPanel.valid")}
                </p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
