/** The apprentice's confidential feedback: staff only, never the employer. */
import { formatDateTime } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";
import { FreeText } from "~/components/free-text";

import type { RecordData } from "./record";

export function Feedback({ d }: { d: RecordData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section id="feedback" aria-labelledby="feedback-title" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="feedback-title" className="text-lg font-semibold">
        {t("staffRecord.feedback")}
      </h2>
      <p className="text-sm text-amber-900">{t("staffRecord.feedbackConfidential")}</p>
      {d.feedback.length === 0 ? <p className="mt-1 text-stone-600">{t("common.none")}</p> : null}
      <ul className="mt-2 divide-y divide-stone-100 text-sm" data-testid="staff-feedback">
        {d.feedback.map((f) => (
          <li key={f.id} className="py-2">
            <p className="text-stone-600">{formatDateTime(locale, new Date(f.submittedAt))}</p>
            <p className={f.safety <= 2 ? "font-semibold text-red-800" : ""}>
              {t("staffRecord.ratings", { explains: f.explains, learning: f.learning, fairness: f.fairness, safety: f.safety })}
            </p>
            {f.comment ? (
              <p className="whitespace-pre-line">
                “<FreeText text={f.comment} />”
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
