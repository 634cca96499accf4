import { useTranslation } from "~/i18n/react";

import type { Locale } from "~/domain/enums";
import { formatDateTime, formatDay } from "~/i18n/format";

import type { Card } from "./card-form";
import { FreeText } from "~/components/free-text";

/** The week's reviews and corrections, oldest first. */
export function WeekHistory({ card, locale }: { card: Card; locale: Locale }) {
  const { t } = useTranslation();
  if (card.reviews.length === 0 && card.corrections.length === 0 && card.attendanceCorrections.length === 0) return null;
  return (
    <section aria-labelledby="history-title" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="history-title" className="text-lg font-semibold">
        {t("week.history")}
      </h2>
      <ul className="mt-2 space-y-2 text-sm" data-testid="week-history">
        {card.reviews.map((r) => (
          <li key={`r${r.id}`}>
            {formatDateTime(locale, new Date(r.submittedAt))} · <FreeText text={r.trainerName} /> ·{" "}
            {r.supersedesId
              ? t("week.historyCorrected", { reason: r.correctionReason ?? "" })
              : r.noChange
                ? t("week.historyNoChange")
                : t("week.historySubmitted")}
          </li>
        ))}
        {card.corrections.map((c) => (
          <li key={`a${c.id}`}>
            {formatDateTime(locale, new Date(c.at))} · <FreeText text={c.by} /> ·{" "}
            {t("week.historyLevel", { from: c.from ? t(`levels.${c.from}`) : "—", to: t(`levels.${c.to}`), reason: c.reason ?? "" })}
          </li>
        ))}
        {card.attendanceCorrections.map((c) => (
          <li key={`d${c.id}`}>
            {formatDateTime(locale, new Date(c.at))} · {formatDay(locale, c.date)} · {t(`attendance.${c.status}`)} · <FreeText text={c.reason} />
          </li>
        ))}
      </ul>
    </section>
  );
}
