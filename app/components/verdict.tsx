/**
 * The public verdict on a record of achievement: "valid — issued by … on …",
 * "revoked on …", or "not valid" with the reason. What follows a valid verdict is read from the
 * signed credential alone (`readCredential`): the page can show nothing the credential does not hold.
 */
import { useTranslation } from "~/i18n/react";

import type { CredentialView, PageVerdict } from "~/domain/credential";
import type { Locale } from "~/domain/enums";
import { formatDate, formatNumber } from "~/i18n/format";
import { localized } from "~/i18n/localized";

const ICON = {
  valid: "M5 12l5 5L20 7",
  revoked: "M12 3a9 9 0 1 0 0 18a9 9 0 0 0 0-18z M5.6 5.6l12.8 12.8",
  not_valid: "M6 6l12 12 M18 6L6 18",
} as const;

const TONE = {
  valid: "border-green-700 bg-green-50 text-green-900",
  revoked: "border-red-700 bg-red-50 text-red-900",
  not_valid: "border-red-700 bg-red-50 text-red-900",
} as const;

export function Verdict({ verdict, locale }: { verdict: PageVerdict; locale: Locale }) {
  const { t } = useTranslation();
  const pick = (b: { en: string; km: string }) => localized(locale, b);
  const date = (iso: string) => formatDate(locale, iso);

  let headline: string;
  let detail: string | null = null;
  if (verdict.state === "valid") {
    const issuer = verdict.credential.issuer;
    const site = pick(issuer.site);
    headline = t("verify.valid", { issuer: site ? `${pick(issuer.name)}, ${site}` : pick(issuer.name), date: date(verdict.issuedOn) });
  } else if (verdict.state === "revoked") {
    headline = t("verify.revoked", { date: date(verdict.revokedOn) });
    detail = t("verify.revokedBody", { reason: t(`revocationReason.${verdict.reason}`) });
  } else {
    headline = t("verify.notValid");
    detail = t("verify.notValidBody", { reason: t(`verify.reasons.${verdict.reason}`) });
  }

  return (
    <div className="space-y-4">
      <div role="status" className={`flex items-start gap-3 rounded-xl border-2 p-4 ${TONE[verdict.state]}`} data-testid="verdict" data-state={verdict.state}>
        <svg
          width="32"
          height="32"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="3"
          strokeLinecap="round"
          strokeLinejoin="round"
          aria-hidden="true"
          className="shrink-0"
        >
          <path d={ICON[verdict.state]} />
        </svg>
        <div>
          <p className="text-xl font-bold">{headline}</p>
          {detail ? <p className="mt-1">{detail}</p> : null}
        </div>
      </div>
      {verdict.state === "valid" ? <CredentialContent credential={verdict.credential} locale={locale} /> : null}
    </div>
  );
}

function CredentialContent({ credential: c, locale }: { credential: CredentialView; locale: Locale }) {
  const { t } = useTranslation();
  const pick = (b: { en: string; km: string }) => localized(locale, b);
  const date = (iso: string) => formatDate(locale, iso);
  const row = (label: string, value: string, testId?: string) => (
    <>
      <dt className="text-sm text-stone-600 sm:text-base">{label}</dt>
      <dd className="mb-2 font-medium sm:mb-0" data-testid={testId}>
        {value}
      </dd>
    </>
  );
  return (
    <article className="rounded-xl bg-white p-5 shadow-sm" data-testid="credential">
      <h2 className="text-2xl font-bold">{pick(c.title)}</h2>
      <dl className="mt-3 grid grid-cols-1 gap-x-4 sm:grid-cols-[auto_1fr] sm:gap-y-1">
        {row(t("achievement.name"), c.preferredName, "credential-name")}
        {c.legalName ? row(t("verify.legalName"), c.legalName, "credential-legal-name") : null}
        {row(t("achievement.trade"), pick(c.trade))}
        {c.framework ? row(t("verify.framework"), c.framework) : null}
        {c.employer ? row(t("achievement.employer"), c.employer) : null}
        {c.issuer.site.en ? row(t("achievement.site"), pick(c.issuer.site)) : null}
        {row(t("achievement.dates"), t("achievement.period", { from: date(c.startDate), to: date(c.endDate) }))}
        {c.weeksCompleted !== null ? row(t("verify.weeks"), formatNumber(locale, c.weeksCompleted)) : null}
        {c.educationAfternoonsAttended !== null ? row(t("verify.education"), formatNumber(locale, c.educationAfternoonsAttended)) : null}
      </dl>

      <h3 className="mt-5 text-lg font-semibold">{t("achievement.reached")}</h3>
      <p className="text-stone-700" data-testid="credential-skill-count">
        {t("verify.skillsCount", { count: c.competencyCount })}
      </p>
      {c.competencyCount === 0 ? <p className="mt-2">{t("achievement.none")}</p> : null}
      {c.units.map((u) => (
        <section key={u.code} className="mt-3">
          <h4 className="font-semibold">{pick(u.title)}</h4>
          <table className="mt-1 w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="py-1 pr-2 font-medium">
                  {t("achievement.skill")}
                </th>
                <th scope="col" className="w-32 py-1 font-medium">
                  {t("achievement.reachedOn")}
                </th>
              </tr>
            </thead>
            <tbody>
              {u.competencies.map((k) => (
                <tr key={k.code} id={k.code} className="border-b border-stone-100" data-testid="credential-skill">
                  <td className="py-1 pr-2">
                    {pick(k.title)} <span className="font-mono text-xs text-stone-500">{k.code}</span>
                  </td>
                  <td className="py-1">{date(k.reachedOn)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
      <p className="mt-5 text-sm text-stone-600">{t("verify.onlyWhatItHolds")}</p>
    </article>
  );
}
