import { useTranslation } from "~/i18n/react";

/**
 * Beside a field recorded again since the card was opened. When the trainer's own entry is
 * shown there, it also says what the record now holds.
 */
export function ChangedMarker({ show, entered, now }: { show: boolean; entered: boolean; now: string }) {
  const { t } = useTranslation();
  if (!show) return null;
  return (
    <p className="mt-1 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900" data-testid="changed-meanwhile">
      {entered ? t("week.changedMeanwhileEntered", { now }) : t("week.changedMeanwhile")}
    </p>
  );
}
