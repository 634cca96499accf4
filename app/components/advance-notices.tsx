import { useTranslation } from "~/i18n/react";

import type { AbsenceReason, AdvanceNoticeKind, Locale } from "~/domain/enums";
import { formatDay } from "~/i18n/format";

export interface NoticeLine {
  date: string;
  kind: AdvanceNoticeKind;
  reason: AbsenceReason;
}

/**
 * An apprentice's advance notices for the coming week, as the trainer reads them: day, late or
 * absent, and the reason code (never the apprentice's own note).
 */
export function UpcomingNotices({ notices, locale, testId = "advance-notice" }: { notices: readonly NoticeLine[]; locale: Locale; testId?: string }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1" aria-label={t("trainer.upcomingNotices")}>
      {notices.map((n) => (
        <li key={`${n.date}-${n.kind}-${n.reason}`} className="rounded bg-sky-50 px-2 py-1 text-sm text-sky-900" data-testid={testId}>
          {formatDay(locale, n.date)}: {t(`notice.${n.kind}`)} — {t(`absence.${n.reason}`)}
        </li>
      ))}
    </ul>
  );
}
