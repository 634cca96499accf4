import { Choices } from "~/components/forms";
import type { FieldErrorMap } from "~/domain/field-errors";
import { formatNumber } from "~/i18n/format";
import { useLocale, useTranslation } from "~/i18n/react";

const RATINGS = [1, 2, 3, 4, 5] as const;
export type Rating = (typeof RATINGS)[number];

const FACE: Record<Rating, { color: string; fill: string; mouth: string }> = {
  1: { color: "#b91c1c", fill: "#fee2e2", mouth: "M10 23 Q16 16 22 23" },
  2: { color: "#c2410c", fill: "#ffedd5", mouth: "M10 22 Q16 18.5 22 22" },
  3: { color: "#a16207", fill: "#fef9c3", mouth: "M10 21 L22 21" },
  4: { color: "#4d7c0f", fill: "#ecfccb", mouth: "M10 20 Q16 23.5 22 20" },
  5: { color: "#15803d", fill: "#dcfce7", mouth: "M9.5 19 Q16 26 22.5 19" },
};

/** A face for a rating from 1 (sad) to 5 (happy): the picture says what the number means. */
function Face({ rating, size = 40 }: { rating: Rating; size?: number }) {
  const { color, fill, mouth } = FACE[rating];
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <circle cx="16" cy="16" r="14" fill={fill} stroke={color} strokeWidth="2" />
      <circle cx="11" cy="13" r="1.8" fill={color} />
      <circle cx="21" cy="13" r="1.8" fill={color} />
      <path d={mouth} stroke={color} strokeWidth="2.2" fill="none" strokeLinecap="round" />
    </svg>
  );
}

/**
 * One question answered with five faces: real radio buttons (keyboard and screen readers work,
 * no JavaScript needed), each a large tap target with the face, its number and a short word.
 */
export function FaceScale({ name, legend, defaultValue, errors }: { name: string; legend: string; defaultValue?: string; errors: FieldErrorMap }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Choices
      name={name}
      label={legend}
      size="large"
      errors={errors}
      defaultValue={defaultValue}
      listClassName="mt-2 grid grid-cols-5 gap-1.5"
      choiceClassName="flex min-h-20 cursor-pointer flex-col items-center justify-center gap-0.5 rounded-xl border-2 border-stone-200 bg-white p-1 text-center text-xs leading-tight peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-checked:font-semibold peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600"
      options={RATINGS.map((r) => ({
        value: r,
        label: (
          <>
            <Face rating={r} size={36} />
            <span className="tabular-nums">{formatNumber(locale, r)}</span>
            <span>{t(`feedback.face.${r}`)}</span>
          </>
        ),
      }))}
    />
  );
}
