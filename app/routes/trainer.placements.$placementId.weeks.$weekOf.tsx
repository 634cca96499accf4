import crypto from "node:crypto";

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

import { notFound, requireRole } from "~/auth/guards.server";
import { FieldErrors, SubmitButton } from "~/components/forms";
import { LevelIcon } from "~/components/levels";
import { applyWeekPlan, baselineToken, getTrainerPlacement, loadWeekCard, weekShape } from "~/db/week-card.server";
import { addDays, mondayOf, placementWeek } from "~/domain/dates";
import { ABSENCE_REASONS, ASSESSMENT_LEVELS } from "~/domain/enums";
import { isCompetent } from "~/domain/progress";
import type { WeekRefusal } from "~/domain/week-card";
import {
  checkWeek,
  educationDays,
  fieldErrors,
  nestFormData,
  placementDays,
  planWeek,
  WeekCardSchema,
} from "~/forms/week-card.server";
import { missingReviewWeeks } from "~/domain/weeks";
import { formatDate, formatDateTime, formatDay } from "~/i18n/format";
import { requestLocale } from "~/i18n/request.server";
import { pageMeta } from "~/utils/meta";
import { siteToday } from "~/utils/today.server";

export const meta = pageMeta;

/** "Due now" also shows what a typical apprentice reaches in the next two weeks: what to work on. */
const SOON_WEEKS = 2;

function refusal(reason: WeekRefusal) {
  return data({ refusal: reason } as const, { status: 400 });
}

async function guard(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireRole(request, "trainer");
  const today = siteToday();
  const placement = getTrainerPlacement(user, Number(params.placementId), today);
  if (!placement) throw notFound();
  return { user, today, placement, weekOf: params.weekOf ?? "" };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { today, placement, weekOf } = await guard(request, params);
  const check = checkWeek(weekOf, { today, startDate: placement.startDate, endDate: placement.endedOn });
  if (!check.ok) return refusal(check.reason);

  const shape = weekShape(placement, weekOf, today);
  const card = loadWeekCard(placement, shape);
  const url = new URL(request.url);
  const showAll = url.searchParams.get("show") === "all";
  const week = placementWeek(placement.startDate, weekOf);
  const missing = missingReviewWeeks({ startDate: placement.startDate, today, reviewedWeeks: card.reviewedWeeks });

  const competencies = card.competencies.map((c) => {
    const current = card.levels.get(c.id);
    const inWeek = card.state.weekAssessments.get(c.id);
    return {
      ...c,
      level: current?.level ?? null,
      levelSince: current?.observedOn ?? null,
      due: c.expectedByWeek <= week && !isCompetent(current?.level),
      soon: c.expectedByWeek > week && c.expectedByWeek <= week + SOON_WEEKS && !isCompetent(current?.level),
      changedThisWeek: inWeek !== undefined,
    };
  });
  const visible = showAll ? competencies : competencies.filter((c) => c.due || c.soon || c.changedThisWeek);

  const days = placementDays(shape).map((date) => {
    const current = card.state.attendance.get(date);
    return {
      date,
      future: date > today,
      status: current?.status ?? null,
      lateMinutes: current?.lateMinutes ?? null,
      absenceReason: current?.absenceReason ?? null,
      notice: card.notices.find((n) => n.date === date) ?? null,
    };
  });
  const education = educationDays(shape).map((date) => {
    const e = card.education.get(date);
    return { date, status: e?.status ?? "agreed", reason: e?.reason ?? null, attended: e?.attended ?? null };
  });

  // Corrections of this week's records, for the history the card shows.
  const byId = new Map(card.history.map((a) => [a.id, a]));
  const weekEnd = addDays(weekOf, 6);
  const corrections = card.history
    .filter((a) => a.supersedesId !== null && a.observedOn >= weekOf && a.observedOn <= weekEnd)
    .map((a) => ({ id: a.id, competencyId: a.competencyId, from: byId.get(a.supersedesId!)?.level ?? null, to: a.level, reason: a.correctionReason, at: a.createdAt.toISOString(), by: a.trainerName }));
  const attendanceCorrections = card.attendanceHistory
    .filter((d) => d.supersedesId !== null && d.correctionReason !== "edited_before_review")
    .map((d) => ({ id: d.id, date: d.date, status: d.status, reason: d.correctionReason, at: d.createdAt.toISOString() }));

  const { t, locale } = await requestLocale(request);
  return {
    title: `${placement.preferredName} · ${t("common.weekOf", { date: formatDate(locale, weekOf) })}`,
    placement: {
      id: placement.id,
      apprenticeCode: placement.apprenticeCode,
      preferredName: placement.preferredName,
      under18: placement.under18,
      tradeEn: placement.tradeEn,
      tradeKm: placement.tradeKm,
      plannedWeeks: placement.plannedWeeks,
    },
    weekOf,
    week,
    isCurrentWeek: weekOf === mondayOf(today),
    previousWeek: checkWeek(addDays(weekOf, -7), { today, startDate: placement.startDate }).ok ? addDays(weekOf, -7) : null,
    nextWeek: checkWeek(addDays(weekOf, 7), { today, startDate: placement.startDate }).ok ? addDays(weekOf, 7) : null,
    missing,
    showAll,
    units: card.units,
    competencies: visible,
    dueCount: competencies.filter((c) => c.due || c.soon).length,
    totalCount: competencies.length,
    days,
    education,
    reviews: card.weekReviews.map((r) => ({ ...r, submittedAt: r.submittedAt.toISOString() })),
    reviewed: card.currentReview !== null,
    corrections,
    attendanceCorrections,
    submissionKey: crypto.randomBytes(18).toString("base64url"),
    baseline: baselineToken(placement.id),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, today, placement, weekOf } = await guard(request, params);
  const check = checkWeek(weekOf, { today, startDate: placement.startDate, endDate: placement.endedOn });
  if (!check.ok) return refusal(check.reason);

  const form = await request.formData();
  const values = Object.fromEntries([...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string"));
  const raw = nestFormData(form.entries());
  const intent = typeof raw.intent === "string" ? raw.intent : "";
  if (intent.startsWith("save_day:")) Object.assign(raw, { intent: "save_day", day: intent.slice("save_day:".length) });

  const parsed = WeekCardSchema.safeParse(raw);
  if (!parsed.success) return data({ errors: fieldErrors(parsed.error), values }, { status: 400 });

  const shape = weekShape(placement, weekOf, today);
  const card = loadWeekCard(placement, shape);
  const planned = planWeek(shape, card.state, parsed.data, new Set(card.competencies.map((c) => c.id)));
  if (!planned.ok) return data({ errors: planned.errors, values }, { status: 400 });

  const result = applyWeekPlan({
    placementId: placement.id,
    trainerUserId: user.id,
    weekOf,
    plan: planned.plan,
    submissionKey: parsed.data.submissionKey,
    baseline: parsed.data.baseline,
    requestId: context.requestId,
  });
  if (result.status === "stale") {
    const errors: Record<string, string[]> = { form: ["week.errors.stale"] };
    return data({ errors, values }, { status: 400 });
  }

  const url = new URL(request.url);
  const saved = parsed.data.intent === "submit" ? "submitted" : "saved";
  return redirect(`${url.pathname}?${saved}=1${url.searchParams.get("show") === "all" ? "&show=all" : ""}`);
}

const LEVEL_STYLE = {
  not_yet: "peer-checked:border-amber-700 peer-checked:bg-amber-50",
  with_help: "peer-checked:border-amber-600 peer-checked:bg-amber-50",
  supervised: "peer-checked:border-sky-700 peer-checked:bg-sky-50",
  independent: "peer-checked:border-green-700 peer-checked:bg-green-50",
} as const;

export default function WeekCard() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const locale = i18n.language === "km" ? "km" : "en";

  if ("refusal" in loaderData) {
    return (
      <section className="mx-auto max-w-lg rounded-xl bg-white p-6 shadow-sm" role="alert">
        <h1 className="text-xl font-bold">{t("week.refused.title")}</h1>
        <p className="mt-2">{t(`week.refused.${loaderData.refusal}`)}</p>
        <Link to="/trainer" className="mt-4 inline-flex min-h-11 items-center rounded-lg bg-brand-700 px-4 font-semibold text-white">
          {t("week.backToList")}
        </Link>
      </section>
    );
  }

  const d = loaderData;
  const errors: Record<string, string[] | undefined> = actionData && "errors" in actionData ? actionData.errors : {};
  const values = actionData && "values" in actionData ? actionData.values : {};
  const pick = (name: string, current: string | null) => (name in values ? values[name] : current) ?? "";
  const [searchParams] = useSearchParams();
  const justSubmitted = searchParams.has("submitted");
  const justSaved = navigation.state === "idle" && !actionData && (justSubmitted || searchParams.has("saved"));
  const unitsShown = d.units.filter((u) => d.competencies.some((c) => c.unitId === u.id));
  const date = (iso: string) => formatDate(locale, iso);
  const day = (iso: string) => formatDay(locale, iso);

  return (
    <div className="space-y-5">
      <div>
        <Link to="/trainer" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t("week.backToList")}
        </Link>
        <h1 className="text-2xl font-bold">
          {d.placement.preferredName} <span className="font-mono text-lg text-stone-600">{d.placement.apprenticeCode}</span>
        </h1>
        <p className="text-stone-700">
          {locale === "km" ? d.placement.tradeKm : d.placement.tradeEn} · {t("common.weekOf", { date: date(d.weekOf) })} ·{" "}
          {t("trainer.weekOfPlacement", { week: d.week, planned: d.placement.plannedWeeks })}
          {d.placement.under18 ? (
            <span className="ml-2 rounded bg-purple-100 px-2 py-0.5 text-sm font-medium text-purple-900">{t("common.under18")}</span>
          ) : null}
        </p>
        <nav className="mt-2 flex flex-wrap gap-2 text-sm" aria-label={t("week.weeks")}>
          {d.previousWeek ? (
            <Link className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3" to={`/trainer/placements/${d.placement.id}/weeks/${d.previousWeek}`}>
              ← {t("week.previous")}
            </Link>
          ) : null}
          {d.nextWeek ? (
            <Link className="inline-flex min-h-11 items-center rounded-lg border border-stone-300 bg-white px-3" to={`/trainer/placements/${d.placement.id}/weeks/${d.nextWeek}`}>
              {t("week.next")} →
            </Link>
          ) : null}
        </nav>
      </div>

      {d.missing.length > 0 ? (
        <section aria-labelledby="catch-up" className="rounded-xl border border-amber-300 bg-amber-50 p-4">
          <h2 id="catch-up" className="font-semibold">
            {t("trainer.missingReviews", { count: d.missing.length })}
          </h2>
          <ul className="mt-2 flex flex-wrap gap-2">
            {d.missing.map((m) => (
              <li key={m}>
                <Link
                  to={`/trainer/placements/${d.placement.id}/weeks/${m}`}
                  className={`inline-flex min-h-11 items-center rounded-lg border px-3 ${m === d.weekOf ? "border-amber-700 bg-white font-semibold" : "border-amber-300 bg-white"}`}
                >
                  {date(m)}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {justSaved ? <p role="status" className="rounded-lg bg-green-50 px-4 py-3 text-green-900">{justSubmitted ? t("week.submitted") : t("week.saved")}</p> : null}
      {errors.form ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-800">
          {t(errors.form[0] as "week.errors.stale")}
        </p>
      ) : Object.keys(errors).length > 0 ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 px-4 py-3 text-red-800">
          {t("week.errors.summary")}
        </p>
      ) : null}
      {d.reviewed ? (
        <p className="rounded-lg bg-green-50 px-4 py-3 text-green-900" data-testid="week-reviewed">
          {t("week.reviewedOn", { when: formatDateTime(locale, new Date(d.reviews.at(-1)!.submittedAt)) })}
        </p>
      ) : null}

      {/* noValidate: the server's messages, in the trainer's language, beat the browser's bubbles. */}
      <Form method="post" replace preventScrollReset noValidate className="space-y-5">
        {/* Enter in a text field submits the week, not "all present". */}
        <button type="submit" name="intent" value="submit" className="sr-only" tabIndex={-1} aria-hidden="true" />
        <input type="hidden" name="submissionKey" value={d.submissionKey} />
        <input type="hidden" name="baseline" value={d.baseline} />

        <section aria-labelledby="attendance-title" className="rounded-xl bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="attendance-title" className="text-lg font-semibold">
              {t("week.attendance")}
            </h2>
            {d.days.some((x) => !x.future && x.status === null) ? (
              <SubmitButton intent="all_present" pendingText={t("week.saving")}>
                ✓ {t("week.allPresent")}
              </SubmitButton>
            ) : null}
          </div>
          {d.days.length === 0 ? <p className="mt-2 text-stone-600">{t("week.noWorkingDays")}</p> : null}
          <ul className="mt-3 divide-y divide-stone-100">
            {d.days.map((x) => {
              const name = `att.${x.date}`;
              const status = pick(`${name}.status`, x.status);
              return (
                <li key={`${x.date}-${x.status}-${x.lateMinutes}-${x.absenceReason}`} className="group py-3">
                  <fieldset disabled={x.future}>
                    <legend className="font-medium">
                      {day(x.date)}
                      {x.future ? <span className="ml-2 text-sm text-stone-500">{t("week.later")}</span> : null}
                    </legend>
                    {x.notice ? (
                      <p className="mt-1 rounded bg-sky-50 px-2 py-1 text-sm text-sky-900" data-testid="advance-notice">
                        {t("week.noticeSuggestion", { kind: t(`notice.${x.notice.kind}`), reason: t(`absence.${x.notice.reason}`) })}
                      </p>
                    ) : null}
                    <div className="mt-2 flex flex-wrap gap-2">
                      {(["present", "late", "absent", "leave"] as const).map((s) => (
                        <label key={s} className="relative">
                          <input type="radio" name={`${name}.status`} value={s} defaultChecked={status === s} className="peer sr-only" />
                          <span className="inline-flex min-h-11 min-w-11 cursor-pointer items-center rounded-lg border-2 border-stone-300 px-3 peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-checked:font-semibold peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600">
                            {t(`attendance.${s}`)}
                          </span>
                        </label>
                      ))}
                    </div>
                    {/* Minutes show when "late" is chosen, the reason when "absent" is: CSS only, so it works without JavaScript. */}
                    <div className="mt-2 grid grid-cols-2 gap-2">
                      <label className={`text-sm ${errors[`${name}.lateMinutes`] || status === "late" ? "" : "hidden"} group-has-[input[value=late]:checked]:block`}>
                        {t("week.lateMinutes")}
                        <input
                          type="number"
                          inputMode="numeric"
                          min={1}
                          max={600}
                          name={`${name}.lateMinutes`}
                          defaultValue={pick(`${name}.lateMinutes`, x.lateMinutes === null ? null : String(x.lateMinutes))}
                          aria-invalid={errors[`${name}.lateMinutes`] ? true : undefined}
                          aria-describedby={`${name}.lateMinutes-error`}
                          className="mt-1 block min-h-11 w-full rounded-lg border border-stone-400 px-2"
                        />
                        <FieldErrors id={`${name}.lateMinutes-error`} errors={errors[`${name}.lateMinutes`]} />
                      </label>
                      <label className={`col-start-2 text-sm ${errors[`${name}.reason`] || status === "absent" || x.notice?.kind === "absent" ? "" : "hidden"} group-has-[input[value=absent]:checked]:block`}>
                        {t("week.absenceReason")}
                        <select
                          name={`${name}.reason`}
                          defaultValue={pick(`${name}.reason`, x.absenceReason ?? (x.notice?.kind === "absent" ? x.notice.reason : null))}
                          aria-invalid={errors[`${name}.reason`] ? true : undefined}
                          aria-describedby={`${name}.reason-error`}
                          className="mt-1 block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-2"
                        >
                          <option value="">—</option>
                          {ABSENCE_REASONS.map((r) => (
                            <option key={r} value={r}>
                              {t(`absence.${r}`)}
                            </option>
                          ))}
                        </select>
                        <FieldErrors id={`${name}.reason-error`} errors={errors[`${name}.reason`]} />
                      </label>
                    </div>
                    <FieldErrors id={`${name}.status-error`} errors={errors[`${name}.status`]} />
                    {!x.future ? (
                      <button
                        type="submit"
                        name="intent"
                        value={`save_day:${x.date}`}
                        className="mt-2 inline-flex min-h-11 items-center rounded-lg border border-brand-700 px-3 text-brand-800"
                      >
                        {t("week.saveDay")}
                      </button>
                    ) : null}
                  </fieldset>
                </li>
              );
            })}
          </ul>
        </section>

        <section aria-labelledby="competencies-title" className="rounded-xl bg-white p-4 shadow-sm">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <h2 id="competencies-title" className="text-lg font-semibold">
              {t("week.competencies")}
            </h2>
            <div className="flex rounded-lg border border-stone-300 text-sm" role="group" aria-label={t("week.filter")}>
              <Link to="?show=due" replace aria-current={!d.showAll ? "true" : undefined} className={`inline-flex min-h-11 items-center px-3 ${!d.showAll ? "bg-brand-700 text-white" : ""}`}>
                {t("week.dueNow", { count: d.dueCount })}
              </Link>
              <Link to="?show=all" replace aria-current={d.showAll ? "true" : undefined} className={`inline-flex min-h-11 items-center px-3 ${d.showAll ? "bg-brand-700 text-white" : ""}`}>
                {t("week.all", { count: d.totalCount })}
              </Link>
            </div>
          </div>
          {d.competencies.length === 0 ? <p className="mt-3 text-stone-600">{t("week.nothingDue")}</p> : null}
          {unitsShown.map((unit) => (
            <div key={unit.id} className="mt-4">
              <h3 className="font-semibold text-brand-800">{locale === "km" ? unit.titleKm : unit.titleEn}</h3>
              <ul className="mt-2 space-y-4">
                {d.competencies
                  .filter((c) => c.unitId === unit.id)
                  .map((c) => {
                    const name = `level.${c.id}`;
                    const chosen = pick(name, c.level);
                    return (
                      <li key={`${c.id}-${c.level}`} data-testid="competency">
                        <fieldset>
                          <legend className="font-medium">
                            {locale === "km" ? c.titleKm : c.titleEn} <span className="font-mono text-xs text-stone-500">{c.code}</span>
                          </legend>
                          <p className="text-sm text-stone-600">
                            {t("week.expectedBy", { week: c.expectedByWeek })}
                            {c.due ? <span className="ml-2 font-medium text-amber-800">{t("week.due")}</span> : null}
                            {c.soon ? <span className="ml-2 font-medium text-sky-800">{t("week.soon")}</span> : null}
                          </p>
                          <details className="text-sm text-stone-700">
                            <summary className="min-h-11 cursor-pointer py-2">{t("week.criteria")}</summary>
                            <p>{locale === "km" ? c.criteriaKm : c.criteriaEn}</p>
                          </details>
                          <div className="grid grid-cols-4 gap-1.5">
                            {ASSESSMENT_LEVELS.map((level) => (
                              <label key={level} className="relative">
                                <input type="radio" name={name} value={level} defaultChecked={chosen === level} className="peer sr-only" />
                                <span
                                  className={`flex min-h-16 cursor-pointer flex-col items-center justify-center gap-1 rounded-lg border-2 border-stone-200 p-1 text-center text-xs leading-tight peer-focus-visible:ring-2 peer-focus-visible:ring-brand-600 ${LEVEL_STYLE[level]}`}
                                >
                                  <LevelIcon level={level} size={26} />
                                  {t(`levels.${level}`)}
                                </span>
                              </label>
                            ))}
                          </div>
                          <FieldErrors id={`${name}-error`} errors={errors[name]} />
                          <label className="mt-2 block text-sm">
                            {t("week.evidence")}
                            <input
                              type="text"
                              name={`note.${c.id}`}
                              maxLength={500}
                              defaultValue={pick(`note.${c.id}`, null)}
                              className="mt-1 block min-h-11 w-full rounded-lg border border-stone-300 px-2"
                            />
                          </label>
                          <FieldErrors id={`note.${c.id}-error`} errors={errors[`note.${c.id}`]} />
                        </fieldset>
                      </li>
                    );
                  })}
              </ul>
            </div>
          ))}
        </section>

        {d.education.length > 0 ? (
          <section aria-labelledby="education-title" className="rounded-xl bg-white p-4 shadow-sm">
            <h2 id="education-title" className="text-lg font-semibold">
              {t("week.education")}
            </h2>
            <p className="text-sm text-stone-600">{t("week.educationHelp")}</p>
            <ul className="mt-2 divide-y divide-stone-100">
              {d.education.map((e) => {
                const name = `edu.${e.date}`;
                const status = pick(`${name}.status`, e.status === "agreed" ? null : e.status);
                return (
                  <li key={`${e.date}-${e.status}`} className="py-3">
                    <fieldset>
                      <legend className="font-medium">{day(e.date)}</legend>
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
                      <label className="mt-2 block text-sm">
                        {t("week.refusalReason")}
                        <input
                          type="text"
                          name={`${name}.reason`}
                          maxLength={500}
                          defaultValue={pick(`${name}.reason`, e.reason)}
                          aria-invalid={errors[`${name}.reason`] ? true : undefined}
                          aria-describedby={`${name}.reason-error`}
                          className="mt-1 block min-h-11 w-full rounded-lg border border-stone-300 px-2"
                        />
                      </label>
                      <FieldErrors id={`${name}.reason-error`} errors={errors[`${name}.reason`]} />
                    </fieldset>
                  </li>
                );
              })}
            </ul>
          </section>
        ) : null}

        <section className="space-y-3 rounded-xl bg-white p-4 shadow-sm">
          <label className="block">
            {t("week.weekNote")}
            <textarea name="weekNote" maxLength={500} rows={2} defaultValue={pick("weekNote", null)} className="mt-1 block w-full rounded-lg border border-stone-300 px-2 py-2" />
          </label>
          {d.reviewed ? (
            <label className="block">
              {t("week.correctionReason")}
              <input
                type="text"
                name="correctionReason"
                maxLength={500}
                defaultValue={pick("correctionReason", null)}
                aria-invalid={errors.correctionReason ? true : undefined}
                aria-describedby="correctionReason-error"
                className="mt-1 block min-h-11 w-full rounded-lg border border-stone-400 px-2"
              />
              <FieldErrors id="correctionReason-error" errors={errors.correctionReason} />
            </label>
          ) : null}
          <SubmitButton intent="submit" pendingText={t("week.saving")} className="w-full">
            {d.reviewed ? t("week.submitCorrection") : t("week.submit")}
          </SubmitButton>
          {!d.reviewed ? <p className="text-sm text-stone-600">{t("week.noChangeHelp")}</p> : null}
        </section>
      </Form>

      {d.reviews.length > 0 || d.corrections.length > 0 || d.attendanceCorrections.length > 0 ? (
        <section aria-labelledby="history-title" className="rounded-xl bg-white p-4 shadow-sm">
          <h2 id="history-title" className="text-lg font-semibold">
            {t("week.history")}
          </h2>
          <ul className="mt-2 space-y-2 text-sm" data-testid="week-history">
            {d.reviews.map((r) => (
              <li key={`r${r.id}`}>
                {formatDateTime(locale, new Date(r.submittedAt))} · {r.trainerName} ·{" "}
                {r.supersedesId ? t("week.historyCorrected", { reason: r.correctionReason ?? "" }) : r.noChange ? t("week.historyNoChange") : t("week.historySubmitted")}
              </li>
            ))}
            {d.corrections.map((c) => (
              <li key={`a${c.id}`}>
                {formatDateTime(locale, new Date(c.at))} · {c.by} ·{" "}
                {t("week.historyLevel", { from: c.from ? t(`levels.${c.from}`) : "—", to: t(`levels.${c.to}`), reason: c.reason ?? "" })}
              </li>
            ))}
            {d.attendanceCorrections.map((c) => (
              <li key={`d${c.id}`}>
                {formatDateTime(locale, new Date(c.at))} · {day(c.date)} · {t(`attendance.${c.status}`)} · {c.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
