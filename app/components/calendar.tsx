import { useTranslation } from "~/i18n/react";

import type { CalendarDay, DayMark, MonthCalendar } from "~/domain/me-progress";
import type { Locale } from "~/domain/enums";
import { formatDate, formatNumber, weekdayNames } from "~/i18n/format";

const STYLE: Record<DayMark, string> = {
  present: "bg-green-100 text-green-900 border-green-300",
  late: "bg-amber-100 text-amber-900 border-amber-300",
  absent: "bg-red-100 text-red-900 border-red-300",
  education: "bg-sky-100 text-sky-900 border-sky-300",
  holiday: "bg-violet-50 text-violet-900 border-violet-200",
  leave: "bg-stone-200 text-stone-800 border-stone-300",
  day_off: "bg-stone-100 text-stone-700 border-stone-200",
  not_recorded: "bg-white text-stone-700 border-stone-300 border-dashed",
  future: "bg-white text-stone-600 border-stone-200",
  outside: "bg-transparent text-stone-300 border-transparent",
};

/** Small pictures for the marks that matter, so the calendar reads without words. */
export function MarkIcon({ mark, size = 14 }: { mark: DayMark; size?: number }) {
  const common = {
    width: size,
    height: size,
    viewBox: "0 0 16 16",
    "aria-hidden": true,
    fill: "none",
    stroke: "currentColor",
    strokeWidth: 2,
    strokeLinecap: "round",
    strokeLinejoin: "round",
  } as const;
  switch (mark) {
    case "present":
      return (
        <svg {...common}>
          <path d="M3 8.5l3 3 7-7" />
        </svg>
      );
    case "late":
      return (
        <svg {...common}>
          <circle cx="8" cy="8" r="6" />
          <path d="M8 4.5V8l2.5 1.5" />
        </svg>
      );
    case "absent":
      return (
        <svg {...common}>
          <path d="M4 4l8 8M12 4l-8 8" />
        </svg>
      );
    case "education":
      return (
        <svg {...common}>
          <path d="M2 4.5l6-2.5 6 2.5-6 2.5z" />
          <path d="M4.5 6v4c2 1.5 5 1.5 7 0V6" />
        </svg>
      );
    case "holiday":
      return (
        <svg {...common}>
          <path d="M8 2l1.8 3.8 4.2.5-3.1 2.9.8 4.1L8 11.3 4.3 13.3l.8-4.1L2 6.3l4.2-.5z" />
        </svg>
      );
    case "leave":
      return (
        <svg {...common}>
          <path d="M3 8h10" />
        </svg>
      );
    default:
      return null;
  }
}

/** This month's attendance as a calendar: one coloured square with a picture for each day. */
export function AttendanceCalendar({ calendar, locale }: { calendar: MonthCalendar; locale: Locale }) {
  const { t } = useTranslation();
  const names = weekdayNames(locale, "narrow");
  const longNames = weekdayNames(locale, "long");
  const dayNumber = (d: CalendarDay) => formatNumber(locale, Number(d.date.slice(8)));
  const legend: DayMark[] = ["present", "late", "absent", "education", "holiday", "day_off", "not_recorded"];
  return (
    <div>
      <table className="w-full table-fixed border-separate border-spacing-1 text-center" data-testid="attendance-calendar">
        <thead>
          <tr>
            {names.map((n, i) => (
              <th key={longNames[i]} scope="col" className="text-sm font-medium text-stone-700">
                <abbr title={longNames[i]} className="no-underline">
                  {n}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {calendar.weeks.map((week) => (
            <tr key={week[0]!.date}>
              {week.map((d) =>
                d.inMonth ? (
                  <td key={d.date} className="p-0">
                    <div
                      className={`relative flex aspect-square min-h-10 flex-col items-center justify-center rounded-lg border text-sm ${STYLE[d.mark]} ${d.today ? "ring-2 ring-brand-700" : ""}`}
                      title={`${formatDate(locale, d.date)}: ${t(`me.mark.${d.mark}`)}`}
                      data-mark={d.mark}
                    >
                      <span className="sr-only">
                        {formatDate(locale, d.date)}: {t(`me.mark.${d.mark}`)}
                        {d.atClass && d.mark !== "education" ? ` · ${t("me.mark.education")}` : ""}
                        {d.notice ? ` · ${t("me.noticeMark", { kind: t(`notice.${d.notice}`) })}` : ""}
                      </span>
                      <span aria-hidden="true" className="font-semibold leading-none tabular-nums">
                        {dayNumber(d)}
                      </span>
                      <span aria-hidden="true" className="mt-0.5 h-3.5">
                        <MarkIcon mark={d.mark} />
                      </span>
                      {d.notice ? <span aria-hidden="true" className="absolute right-0.5 top-0.5 size-2 rounded-full bg-sky-600" /> : null}
                      {d.atClass && d.mark !== "education" ? (
                        <span aria-hidden="true" className="absolute left-0.5 top-0.5 text-sky-800" data-class-day>
                          <MarkIcon mark="education" size={10} />
                        </span>
                      ) : null}
                    </div>
                  </td>
                ) : (
                  <td key={d.date} aria-hidden="true" />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        {legend.map((mark) => (
          <li key={mark} className="flex items-center gap-2">
            <span className={`inline-flex size-6 items-center justify-center rounded border ${STYLE[mark]}`}>
              <MarkIcon mark={mark} />
            </span>
            <span>{t(`me.mark.${mark}`)}</span>
            {mark in calendar.counts ? (
              <span className="ml-auto font-semibold tabular-nums" data-testid={`count-${mark}`}>
                {formatNumber(locale, calendar.counts[mark as keyof MonthCalendar["counts"]])}
              </span>
            ) : null}
          </li>
        ))}
        <li className="flex items-center gap-2">
          <span className="relative inline-flex size-6 items-center justify-center rounded border border-stone-300 bg-white">
            <span className="size-2 rounded-full bg-sky-600" />
          </span>
          <span>{t("me.noticeLegend")}</span>
        </li>
      </ul>
    </div>
  );
}
