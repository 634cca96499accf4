import type { TFunction } from "i18next";

import { useTranslation } from "~/i18n/react";

import { FieldErrors, inputClass } from "~/components/forms";
import { LevelSymbols, sharedLevelIconMarkup } from "~/components/levels";
import { ASSESSMENT_LEVELS, type AssessmentLevel, type Locale } from "~/domain/enums";
import { escapeHtml } from "~/utils/html";

import type { Card, CardForm, Competency } from "./card-form";
import { ChangedMarker } from "./changed-marker";
import { digits } from "~/i18n/format";

/**
 * Every competency of the framework is in the form. "Due now" hides the others with CSS (see
 * `.week-competencies` in tailwind.css): switching views is a radio, not a reload, so it works
 * without JavaScript and never loses what was entered. A competency with an entry, an error or
 * news stays in view.
 */
export function CompetenciesSection({ card, form, locale }: { card: Card; form: CardForm; locale: Locale }) {
  const { t } = useTranslation();
  const { errors } = form;
  const pinned = new Set(
    card.competencies
      .filter(
        (c) =>
          c.inDueView ||
          form.changed.has(`level.${c.id}`) ||
          form.entered(`level.${c.id}`) ||
          form.entered(`note.${c.id}`) ||
          !!errors[`level.${c.id}`] ||
          !!errors[`note.${c.id}`],
      )
      .map((c) => c.id),
  );
  const units = card.units.filter((u) => card.competencies.some((c) => c.unitId === u.id));
  const nothingDue = pinned.size === 0;
  const labels = competencyLabels(t);
  return (
    <section aria-labelledby="competencies-title" className="week-competencies rounded-xl bg-white p-4 shadow-sm">
      <LevelSymbols />
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="competencies-title" className="text-lg font-semibold">
          {t("week.competencies")}
        </h2>
        <fieldset className="flex rounded-lg border border-stone-300 text-sm">
          <legend className="sr-only">{t("week.filter")}</legend>
          {(["due", "all"] as const).map((view) => (
            <label key={view}>
              <input type="radio" name="show" value={view} defaultChecked={form.showAll === (view === "all")} className="peer sr-only" />
              <span className="inline-flex min-h-11 min-w-11 cursor-pointer items-center px-3 peer-checked:bg-brand-700 peer-checked:text-white peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600">
                {view === "due" ? t("week.dueNow", { count: card.dueCount }) : t("week.all", { count: card.totalCount })}
              </span>
            </label>
          ))}
        </fieldset>
      </div>
      {nothingDue ? (
        <p className="mt-3 text-stone-600" data-due-only>
          {t("week.nothingDue")}
        </p>
      ) : null}
      {units.map((unit) => {
        const inUnit = card.competencies.filter((c) => c.unitId === unit.id);
        return (
          <div key={unit.id} className="mt-4" data-beyond-due={inUnit.some((c) => pinned.has(c.id)) ? undefined : ""}>
            <h3 className="font-semibold text-brand-800">{digits(locale, unit.title)}</h3>
            <ul className="mt-2 space-y-4">
              {inUnit.map((c) => (
                <CompetencyItem key={`${c.id}-${c.level}`} competency={c} form={form} locale={locale} labels={labels} beyondDue={!pinned.has(c.id)} />
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/**
 * What every competency of the card says alike, translated once per card rather than once per
 * competency. A level's tile inside its label (picture, short word, full name for screen readers)
 * is the same in every competency: it is written once as markup and set as each tile's content,
 * so React renders one element per tile instead of five (docs/decisions/0052).
 */
interface CompetencyLabels {
  criteria: string;
  evidence: string;
  due: string;
  soon: string;
  /** "Expected by week 6": many competencies share a week. */
  expectedBy: (week: number) => string;
  levels: Record<AssessmentLevel, string>;
  tiles: Record<AssessmentLevel, { __html: string }>;
}

function competencyLabels(t: TFunction): CompetencyLabels {
  const levels = {} as Record<AssessmentLevel, string>;
  const tiles = {} as Record<AssessmentLevel, { __html: string }>;
  for (const level of ASSESSMENT_LEVELS) {
    levels[level] = t(`levels.${level}`);
    tiles[level] = {
      __html: `${sharedLevelIconMarkup(level, 28)}<span aria-hidden="true">${escapeHtml(t(`levelShort.${level}`))}</span><span class="sr-only">${escapeHtml(levels[level])}</span>`,
    };
  }
  const byWeek = new Map<number, string>();
  const expectedBy = (week: number) => {
    let text = byWeek.get(week);
    if (text === undefined) byWeek.set(week, (text = t("week.expectedBy", { week })));
    return text;
  };
  return { criteria: t("week.criteria"), evidence: t("week.evidence"), due: t("week.due"), soon: t("week.soon"), expectedBy, levels, tiles };
}

function CompetencyItem({
  competency: c,
  form,
  locale,
  labels,
  beyondDue,
}: {
  competency: Competency;
  form: CardForm;
  locale: Locale;
  labels: CompetencyLabels;
  beyondDue: boolean;
}) {
  const { errors, pick } = form;
  const name = `level.${c.id}`;
  const chosen = pick(name, c.level);
  return (
    <li id={`level-${c.id}`} data-testid="competency" data-beyond-due={beyondDue ? "" : undefined}>
      <fieldset>
        <legend className="font-medium">
          {digits(locale, c.title)} <span className="font-mono text-xs text-stone-600">{c.code}</span>
        </legend>
        <p className="text-sm text-stone-600">
          {labels.expectedBy(c.expectedByWeek)}
          {c.due ? <span className="ml-2 font-medium text-amber-800">{labels.due}</span> : null}
          {c.soon ? <span className="ml-2 font-medium text-sky-800">{labels.soon}</span> : null}
        </p>
        <ChangedMarker show={form.changed.has(name)} entered={form.entered(name)} now={c.level ? labels.levels[c.level] : "—"} />
        <details className="text-sm text-stone-700">
          <summary className="min-h-11 cursor-pointer py-2">{labels.criteria}</summary>
          <p>{digits(locale, c.criteria)}</p>
        </details>
        {/* A tile per level: the picture does the work; a short word under it, the full name for
            screen readers. Its look (and the checked level's colour) is `.level-picks` in
            tailwind.css: written once there, not in each of the page's 76 tiles. */}
        <div className="level-picks">
          {ASSESSMENT_LEVELS.map((level) => (
            <label key={level}>
              <input type="radio" name={name} value={level} defaultChecked={chosen === level} />
              <span dangerouslySetInnerHTML={labels.tiles[level]} />
            </label>
          ))}
        </div>
        <FieldErrors id={`${name}-error`} errors={errors[name]} />
        <label className="mt-2 block text-sm">
          {labels.evidence}
          <input
            type="text"
            name={`note.${c.id}`}
            maxLength={500}
            defaultValue={pick(`note.${c.id}`, null)}
            aria-invalid={errors[`note.${c.id}`] ? true : undefined}
            aria-describedby={`note.${c.id}-error`}
            className={inputClass}
          />
        </label>
        <FieldErrors id={`note.${c.id}-error`} errors={errors[`note.${c.id}`]} />
      </fieldset>
    </li>
  );
}
