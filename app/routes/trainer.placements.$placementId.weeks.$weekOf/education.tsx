import { useTranslation } from "~/i18n/react";

import { FieldErrors, inputClass } from "~/components/forms";
import type { Locale } from "~/domain/enums";
import { formatDay } from "~/i18n/format";

import type { Afternoon, CardForm } from "./card-form";
import { ChangedMarker } from "./changed-marker";

export function EducationSection({ education, form, locale }: { education: Afternoon[]; form: CardForm; locale: Locale }) {
  const { t } = useTranslation();
  if (education.length === 0) return null;
  return (
    <section aria-labelledby="education-title" className="rounded-xl bg-white p-4 shadow-sm">
      <h2 id="education-title" className="text-lg font-semibold">
        {t("week.education")}
      </h2>
      <p className="text-sm text-stone-600">{t("week.educationHelp")}</p>
      <ul className="mt-2 divide-y divide-stone-100">
        {education.map((e) => (
          <EducationDay key={`${e.date}-${e.status}-${e.reason}`} afternoon={e} form={form} locale={locale} />
        ))}
      </ul>
    </section>
  );
}

function EducationDay({ afternoon: e, form, locale }: { afternoon: Afternoon; form: CardForm; locale: Locale }) {
  const { t } = useTranslation();
  const { errors, pick } = form;
  const name = `edu.${e.date}`;
  const status = pick(`${name}.status`, e.status === "agreed" ? null : e.status);
  const recorded = e.status === "agreed" ? "—" : [t(`week.edu.${e.status}`), e.reason].filter(Boolean).join(" · ");
  return (
    <li id={`edu-${e.date}`} className="group py-3">
      <fieldset>
        <legend className="font-medium">{formatDay(locale, e.date)}</legend>
        <ChangedMarker show={form.changed.has(name)} entered={form.entered(`${name}.status`)} now={recorded} />
        <div className="mt-2 flex flex-wrap gap-2">
          {(["released", "refused"] as const).map((s) => (
            <label key={s}>
              <input type="radio" name={`${name}.status`} value={s} defaultChecked={status === s} className="peer sr-only" />
              <span className="inline-flex min-h-11 cursor-pointer items-center rounded-lg border-2 border-stone-300 px-3 peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-checked:font-semibold peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600">
                {t(`week.edu.${s}`)}
              </span>
            </label>
          ))}
        </div>
        <FieldErrors id={`${name}.status-error`} errors={errors[`${name}.status`]} />
        {/* Only when "not released" is chosen: CSS only, so it works without JavaScript (as attendance's reason). */}
        <label
          className={`mt-2 text-sm ${errors[`${name}.reason`] || status === "refused" ? "block" : "hidden"} group-has-[input[value=refused]:checked]:block`}
        >
          {t("week.refusalReason")}
          <input
            type="text"
            name={`${name}.reason`}
            maxLength={500}
            defaultValue={pick(`${name}.reason`, e.reason)}
            aria-invalid={errors[`${name}.reason`] ? true : undefined}
            aria-describedby={`${name}.reason-error`}
            className={inputClass}
          />
        </label>
        <FieldErrors id={`${name}.reason-error`} errors={errors[`${name}.reason`]} />
      </fieldset>
    </li>
  );
}
