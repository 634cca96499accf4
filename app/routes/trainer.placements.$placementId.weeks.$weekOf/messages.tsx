import { useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { isIsoDate } from "~/domain/dates";
import type { Locale } from "~/domain/enums";
import { digits, formatDay } from "~/i18n/format";
import type { action } from "./route";

import type { Card, CardForm } from "./card-form";

const DAY_PARTS = ["status", "lateMinutes", "reason"];
const AFTERNOON_PARTS = ["status", "reason"];

/** Whether the card shows a field of this name, where its error is shown beside it. */
function isPlaced(key: string, card: Card): boolean {
  const [kind, id, part, ...rest] = key.split(".");
  if (rest.length > 0) return false;
  if (kind === "att") return card.days.some((d) => d.date === id) && DAY_PARTS.includes(part ?? "");
  if (kind === "edu") return card.education.some((e) => e.date === id) && AFTERNOON_PARTS.includes(part ?? "");
  if (kind === "level" || kind === "note") return part === undefined && card.competencies.some((c) => String(c.id) === id);
  if (key === "weekNote") return true;
  if (key === "correctionReason") return card.reviewed;
  return false;
}

/** Confirmation after a save or a submission, and every refusal: at the top, in the trainer's language. */
export function CardMessages({ card, form, locale }: { card: Card; form: CardForm; locale: Locale }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const day = (iso: string | undefined) => (iso && isIsoDate(iso) ? formatDay(locale, iso) : null);
  const competency = (id: string | undefined) => card.competencies.find((c) => String(c.id) === id);

  /** What a field is called, for a message shown away from it. */
  const label = (key: string): string | null => {
    const [kind, id] = key.split(".");
    if (kind === "att") return day(id) ? t("week.field.day", { day: day(id) }) : t("week.field.someDay");
    if (kind === "edu") return day(id) ? t("week.field.afternoon", { day: day(id) }) : t("week.field.someDay");
    if (kind === "level" || kind === "note") {
      const c = competency(id);
      return c ? digits(locale, c.title) : t("week.field.unknownCompetency");
    }
    if (key === "correctionReason") return t("week.correctionReason");
    if (key === "weekNote") return t("week.weekNote");
    if (key === "intent") return t("week.field.button");
    return null;
  };

  const idle = navigation.state === "idle";
  const saved = idle && (actionData ? "saved" in actionData : searchParams.has("saved"));
  const submitted = idle && !actionData && searchParams.has("submitted");
  const keys = Object.keys(form.errors).filter((k) => form.errors[k]?.length);
  const formErrors = form.errors.form ?? [];
  const unplaced = keys.filter((k) => k !== "form" && !isPlaced(k, card));
  const placed = keys.filter((k) => isPlaced(k, card));
  const news = [...form.changed].filter((k) => k !== "review");

  return (
    <>
      {submitted ? (
        <p role="status" className="rounded-lg bg-green-50 px-4 py-3 text-green-900">
          {t("week.submitted")}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="rounded-lg bg-green-50 px-4 py-3 text-green-900">
          {card.reviewed ? t("week.saved") : t("week.savedNotSubmitted")}
        </p>
      ) : null}
      {keys.length > 0 ? (
        <div role="alert" className="space-y-2 rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-800" data-testid="card-errors">
          {formErrors.map((e) => (
            <p key={e}>{t(e as "week.errors.stale", { defaultValue: t("errors.invalid") })}</p>
          ))}
          {form.stale && news.length > 0 ? (
            <div>
              <p className="font-semibold">{t("week.staleChanges")}</p>
              <ul className="list-disc pl-5">
                {news.map((k) => (
                  <li key={k}>
                    <a href={`#${k.replace(".", "-")}`} className="underline">
                      {label(k)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {form.changed.has("review") ? <p className="font-semibold">{t("week.staleReviewed")}</p> : null}
          {unplaced.length > 0 ? (
            <ul className="list-disc pl-5" data-testid="unplaced-errors">
              {unplaced.map((k) => (
                <li key={k}>
                  {label(k) ? `${label(k)}: ` : null}
                  {form.errors[k]!.map((e) => t(e as "errors.invalid", { defaultValue: t("errors.invalid") })).join(" ")}
                </li>
              ))}
            </ul>
          ) : null}
          {placed.length > 0 ? <p>{t("week.errors.summary")}</p> : null}
        </div>
      ) : null}
    </>
  );
}
