import { Link } from "@remix-run/react";
import { useLocale, useTranslation } from "~/i18n/react";

import type { FlagRule, FlagSeverity } from "~/domain/enums";
import { formatDate } from "~/i18n/format";

const SEVERITY = { urgent: "bg-red-100 text-red-900", warn: "bg-amber-100 text-amber-900", info: "bg-sky-100 text-sky-900" } as const;

export function SeverityBadge({ severity }: { severity: FlagSeverity }) {
  const { t } = useTranslation();
  return <span className={`rounded px-2 py-0.5 text-sm font-medium ${SEVERITY[severity]}`}>{t(`flagSeverity.${severity}`)}</span>;
}

const num = (v: unknown) => (typeof v === "number" ? v : Array.isArray(v) ? v.length : 0);
const str = (v: unknown) => (typeof v === "string" ? v : "");

/** A flag's evidence in one plain sentence, in the reader's language. */
export function FlagSummary({ rule, evidence }: { rule: FlagRule; evidence: Record<string, unknown> }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const date = (v: unknown) => (str(v) ? formatDate(locale, str(v)) : "—");
  const e = evidence;
  let text: string;
  switch (rule) {
    case "no_weekly_review": {
      const count = num(e.weeksWithoutReview);
      text = str(e.lastReviewedWeek)
        ? t("flagEvidence.no_weekly_review", { count, last: date(e.lastReviewedWeek) })
        : t("flagEvidence.no_weekly_reviewNever", { count });
      break;
    }
    case "behind_plan":
      text = t("flagEvidence.behind_plan", { competent: num(e.competentOfExpected), count: num(e.expectedByNow), week: num(e.week), percent: num(e.percent) });
      break;
    case "bulk_signoff":
      // One day or a span: never "between 21 Nov 2026 and 21 Nov 2026".
      text =
        !str(e.lastSignoffOn) || str(e.firstSignoffOn) === str(e.lastSignoffOn)
          ? t("flagEvidence.bulk_signoffOneDay", { count: num(e.signoffs), date: date(e.firstSignoffOn) })
          : t("flagEvidence.bulk_signoff", { count: num(e.signoffs), from: date(e.firstSignoffOn), to: date(e.lastSignoffOn) });
      break;
    case "signoff_while_absent":
      text = t("flagEvidence.signoff_while_absent", { count: num(e.signoffs) });
      break;
    case "education_not_granted":
      text = t("flagEvidence.education_not_granted", { released: num(e.released), count: num(e.agreed), from: date(e.windowStart) });
      break;
    case "education_mismatch":
      text = t("flagEvidence.education_mismatch", { count: num(e.afternoons) });
      break;
    case "attendance_risk": {
      const counts = { absences: num(e.absences), lates: num(e.lates), unexplained: num(e.unexplainedDates) };
      // Flags raised before the window's start was kept in the evidence name its length instead.
      text = str(e.windowStart)
        ? t("flagEvidence.attendance_risk", { ...counts, from: date(e.windowStart) })
        : t("flagEvidence.attendance_riskDays", { ...counts, days: num(e.windowDays) });
      break;
    }
    case "feedback_concern": {
      const parts = [
        typeof e.safety === "number" ? t("flagEvidence.feedbackSafety", { safety: e.safety }) : null,
        typeof e.mean === "number" ? t("flagEvidence.feedbackMean", { mean: Math.round(e.mean * 10) / 10 }) : null,
      ].filter(Boolean);
      text = t("flagEvidence.feedback_concern", { date: date(e.submittedOn), details: parts.join("; ") });
      break;
    }
    case "under_18":
      text = t("flagEvidence.under_18", { start: date(e.startDate), adult: date(e.adultOn) });
      break;
    case "overdue":
      text = t("flagEvidence.overdue", { end: date(e.plannedEndDate), outstanding: num(e.outstanding), count: num(e.total) });
      break;
    case "trainer_inactive": {
      const count = num(e.activePlacementIds);
      // Never signed anything: the clock runs from the first active placement's start.
      text = str(e.lastSignedOn)
        ? t("flagEvidence.trainer_inactive", { last: date(e.lastSignedOn), count })
        : t("flagEvidence.trainer_inactiveNever", { since: date(e.since), count });
      break;
    }
  }
  return <p className="text-sm text-stone-800">{text}</p>;
}

/** The facts behind a flag, each with a link to the record it comes from. */
export function FlagFacts({ evidence, placementId }: { evidence: Record<string, unknown>; placementId: number | null }) {
  const { t } = useTranslation();
  const placements = [
    ...(Array.isArray(evidence.activePlacementIds) ? (evidence.activePlacementIds as number[]) : []),
    ...(Array.isArray(evidence.placements) ? (evidence.placements as { placementId: number }[]).map((p) => p.placementId) : []),
  ];
  return (
    <div className="space-y-2 text-sm">
      {placementId ? (
        <p>
          <Link to={`/staff/placements/${placementId}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t("flags.openPlacement")}
          </Link>
        </p>
      ) : null}
      {placements.length > 0 ? (
        <p className="flex flex-wrap gap-2">
          {[...new Set(placements)].map((id) => (
            <Link key={id} to={`/staff/placements/${id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              {t("flags.placementN", { id })}
            </Link>
          ))}
        </p>
      ) : null}
      <details>
        <summary className="min-h-11 cursor-pointer py-2">{t("flags.rawFacts")}</summary>
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
          {Object.entries(evidence).map(([key, value]) => (
            <div key={key} className="contents">
              <dt className="font-mono text-xs text-stone-600">{key}</dt>
              <dd className="break-all font-mono text-xs">{typeof value === "object" ? JSON.stringify(value) : String(value)}</dd>
            </div>
          ))}
        </dl>
      </details>
    </div>
  );
}
