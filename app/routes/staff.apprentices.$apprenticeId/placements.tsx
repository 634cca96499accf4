/** The apprentice's placements, with links to each, to a new one and to the records of achievement; open flags. */
import { Link } from "@remix-run/react";

import { formatDate, formatUsd } from "~/i18n/format";
import { localized } from "~/i18n/localized";
import { useLocale, useTranslation } from "~/i18n/react";
import { FreeText } from "~/components/free-text";

import type { RecordData } from "./record";

export function Placements({ d }: { d: RecordData }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const a = d.apprentice;
  return (
    <section aria-labelledby="placements" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="placements" className="text-lg font-semibold">
        {t("staffRecord.placements")}
      </h2>
      {a.phase !== "exited" && !d.placements.some((pl) => pl.status === "active") ? (
        <Link to={`/staff/placements/new?apprentice=${a.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          {t("records.placements.newLink")}
        </Link>
      ) : null}
      <ul className="mt-2 space-y-1 text-sm">
        {d.placements.map((p) => (
          <li key={p.id}>
            <Link to={`/staff/placements/${p.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
              <FreeText text={p.employerName} /> · {localized(locale, p, "trade")}
            </Link>{" "}
            · {formatDate(locale, p.startDate)} · {t(`placementStatus.${p.status}`)}
            {p.outcome ? ` · ${t(`outcome.${p.outcome}`)}` : ""}
            {p.startingSalaryCents !== null ? ` · ${formatUsd(locale, p.startingSalaryCents)}` : ""}
            {p.status === "completed" ? (
              <>
                {" · "}
                <Link to={`/staff/placements/${p.id}/achievement`} className="inline-flex min-h-11 items-center text-brand-700 underline">
                  {t("achievement.title")}
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {d.openFlags.length > 0 ? (
        <p className="mt-2 text-sm">
          {t("staffRecord.openFlags")}:{" "}
          {d.openFlags.map((f, i) => (
            <span key={f.id}>
              {i > 0 ? ", " : ""}
              <Link to={`/staff/flags/${f.id}`} className="text-brand-700 underline">
                {t(`flagRule.${f.rule}`)}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
