// The week card's loader and action (route.tsx re-exports them): in a .server module, so the
// browser build leaves out their imports, and the chunks the compiler makes for them, whole.
import crypto from "node:crypto";

import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";

import { notFound, requireRole } from "~/auth/guards.server";
import {
  applyWeekPlan,
  baselineToken,
  findSubmission,
  getTrainerPlacement,
  loadPlanState,
  loadWeekCard,
  namedHolidaysBetween,
  weekShape,
  type TrainerPlacement,
} from "~/db/week-card.server";
import { upcomingNotices } from "~/db/trainer.server";
import { addDays, mondayOf, placementWeek } from "~/domain/dates";
import type { WeekCardIntent } from "~/domain/enums";
import type { FieldErrorMap } from "~/domain/field-errors";
import { comingNext } from "~/domain/me-progress";
import { checkWeek, educationDays, holidayRuns, parseBaseline, placementDays, planWeek, reconcileStale, weekState, type WeekRefusal } from "~/domain/week-card";
import { missingReviewWeeks } from "~/domain/weeks";
import { readForm, type FormBodyRefusal } from "~/forms/form-data.server";
import { sentValues } from "~/forms/parse.server";
import { parseWeekCard, parseWeekEnvelope } from "~/forms/week-card.server";
import { formatDate } from "~/i18n/format";
import { localized } from "~/i18n/localized";
import { requestLocale } from "~/i18n/request.server";
import { siteToday } from "~/utils/today.server";

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

const newSubmissionKey = () => crypto.randomBytes(18).toString("base64url");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { today, placement, weekOf } = await guard(request, params);
  const check = checkWeek(weekOf, { today, startDate: placement.startDate, endDate: placement.endedOn });
  if (!check.ok) return refusal(check.reason);

  const shape = weekShape(placement, weekOf, today);
  const card = loadWeekCard(placement, shape);
  const url = new URL(request.url);
  const week = placementWeek(placement.startDate, weekOf);
  const missing = missingReviewWeeks({ startDate: placement.startDate, today, reviewedWeeks: card.reviewedWeeks });
  // The page's language is picked here: each text is sent once, in that language only, and
  // only the fields a section reads (the card opens every week on cheap phones; the loader
  // data travels twice, as the page and as the data for hydration).
  const { t, locale } = await requestLocale(request);

  // Every competency is on the page; "Due now" hides the rest with CSS, so switching the view
  // never reloads the card and never loses what was entered (docs/decisions/0004). What is due
  // and what comes soon is the domain's rule, the one /me shows: past the planned end, every
  // competency not yet reached is due.
  const next = new Map(
    comingNext(card.competencies, card.levels, { current: week, planned: placement.plannedWeeks }, { soonWeeks: SOON_WEEKS, limit: Infinity }).map((n) => [
      n.competency.id,
      n.status,
    ]),
  );
  const competencies = card.competencies.map((c) => {
    const due = next.get(c.id) === "due";
    const soon = next.get(c.id) === "soon";
    return {
      id: c.id,
      unitId: c.unitId,
      code: c.code,
      title: localized<"title", string>(locale, c, "title"),
      criteria: localized<"criteria", string>(locale, c, "criteria"),
      expectedByWeek: c.expectedByWeek,
      level: card.levels.get(c.id)?.level ?? null,
      due,
      soon,
      // A competency recorded this week stays in "Due now".
      inDueView: due || soon || card.state.weekAssessments.has(c.id),
    };
  });

  const days = placementDays(shape).map((date) => {
    const current = card.state.attendance.get(date);
    const notice = card.notices.find((n) => n.date === date);
    return {
      date,
      future: date > today,
      status: current?.status ?? null,
      lateMinutes: current?.lateMinutes ?? null,
      absenceReason: current?.absenceReason ?? null,
      notice: notice ? { kind: notice.kind, reason: notice.reason } : null,
    };
  });
  const education = educationDays(shape).map((date) => {
    const e = card.education.get(date);
    return { date, status: e?.status ?? "agreed", reason: e?.reason ?? null };
  });

  // Corrections of this week's records, for the history the card shows.
  const byId = new Map(card.history.map((a) => [a.id, a]));
  const weekEnd = addDays(weekOf, 6);
  const corrections = card.history
    .filter((a) => a.supersedesId !== null && a.observedOn >= weekOf && a.observedOn <= weekEnd)
    .map((a) => ({
      id: a.id,
      from: byId.get(a.supersedesId!)?.level ?? null,
      to: a.level,
      reason: a.correctionReason,
      at: a.createdAt.toISOString(),
      by: a.trainerName,
    }));
  const attendanceCorrections = card.attendanceHistory
    .filter((d) => d.supersedesId !== null && d.correctionReason !== "edited_before_review")
    .map((d) => ({ id: d.id, date: d.date, status: d.status, reason: d.correctionReason, at: d.createdAt.toISOString() }));

  return {
    title: `${placement.preferredName} · ${t("common.weekOf", { date: formatDate(locale, weekOf) })}`,
    placement: {
      id: placement.id,
      apprenticeCode: placement.apprenticeCode,
      preferredName: placement.preferredName,
      under18: placement.under18,
      trade: localized<"trade", string>(locale, placement, "trade"),
      plannedWeeks: placement.plannedWeeks,
    },
    weekOf,
    week,
    isCurrentWeek: weekOf === mondayOf(today),
    previousWeek: checkWeek(addDays(weekOf, -7), { today, startDate: placement.startDate }).ok ? addDays(weekOf, -7) : null,
    nextWeek: checkWeek(addDays(weekOf, 7), { today, startDate: placement.startDate }).ok ? addDays(weekOf, 7) : null,
    missing,
    showAll: url.searchParams.get("show") === "all",
    units: card.units.map((u) => ({ id: u.id, title: localized<"title", string>(locale, u, "title") })),
    competencies,
    dueCount: competencies.filter((c) => c.due || c.soon).length,
    totalCount: competencies.length,
    days,
    education,
    // Holidays that take days (and class afternoons) out of this week: "Mon–Wed: Water Festival".
    holidays: holidayRuns(shape, namedHolidaysBetween(placement.siteId, weekOf, addDays(weekOf, 6))).map((h) => ({
      from: h.from,
      to: h.to,
      name: localized<"name", string>(locale, h, "name"),
      educationLost: h.educationLost,
    })),
    reviews: card.weekReviews.map((r) => ({
      id: r.id,
      noChange: r.noChange,
      supersedesId: r.supersedesId,
      correctionReason: r.correctionReason,
      trainerName: r.trainerName,
      submittedAt: r.submittedAt.toISOString(),
    })),
    reviewed: card.currentReview !== null,
    corrections,
    attendanceCorrections,
    // Notices for the coming week that are not beside one of this card's days.
    upcomingNotices: upcomingNotices([placement.id], today)
      .filter((n) => !days.some((x) => x.date === n.date && x.notice !== null))
      .map(({ placementId: _p, ...n }) => n),
    submissionKey: newSubmissionKey(),
    baseline: baselineToken(placement.id),
  };
}

/** The hidden fields the card is sent again with after a refusal. */
type Tokens = { submissionKey: string; baseline: string };

/** A refusal: what is wrong, by field (or `form`), with the trainer's entries to put back on screen. */
function refused(errors: FieldErrorMap, values: Record<string, string>, form: Tokens, stale?: { changed: string[] }) {
  return data({ errors, values, form, ...(stale ? { stale } : {}) }, { status: 400 });
}

/**
 * The answer to a written submission, and to any resend of it (same key): the submitted week's
 * confirmation, or "saved". A save whose week note cannot be written before the week is
 * submitted keeps the note on screen, marked as not yet submitted, instead of redirecting.
 */
function answer(request: Request, intent: WeekCardIntent, sent: Record<string, string>) {
  const url = new URL(request.url);
  const show = (sent.show ?? url.searchParams.get("show")) === "all" ? "&show=all" : "";
  if (intent === "submit") return redirect(`${url.pathname}?submitted=1${show}`);
  const weekNote = sent.weekNote?.trim() ?? "";
  if (weekNote) return data({ saved: true as const, values: { weekNote: sent.weekNote!, show: show ? "all" : "due" } }, { status: 200 });
  return redirect(`${url.pathname}?saved=1${show}`);
}

/** A card sent after something else was recorded: nothing written, the trainer's entries kept, the news marked. */
function staleAnswer(placement: TrainerPlacement, shape: ReturnType<typeof weekShape>, sent: Record<string, string>, posted: Tokens) {
  const card = loadPlanState(placement, shape.weekOf);
  const before = parseBaseline(posted.baseline);
  const now = card.state;
  const { keep, changed } = reconcileStale(sent, before ? weekState(card.rows, shape.weekOf, before) : now, now);
  return refused({ form: ["week.errors.stale"] }, keep, { submissionKey: posted.submissionKey, baseline: baselineToken(placement.id) }, { changed });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, today, placement, weekOf } = await guard(request, params);
  const check = checkWeek(weekOf, { today, startDate: placement.startDate, endDate: placement.endedOn });
  if (!check.ok) return refusal(check.reason);
  const fresh = (): Tokens => ({ submissionKey: newSubmissionKey(), baseline: baselineToken(placement.id) });

  let form: FormData;
  try {
    // The shared reader refuses what no form sends (crafted names, broken encodings) with 4xx.
    form = await readForm(request);
  } catch (error) {
    if (error instanceof Response && error.status === 400) {
      const { formError } = (await error.json()) as FormBodyRefusal;
      return refused({ form: [formError === "form.body.badName" ? "week.errors.fieldName" : "week.errors.damaged"] }, {}, fresh());
    }
    throw error;
  }
  const sent = sentValues(form);

  const envelope = parseWeekEnvelope(form);
  if (!envelope.ok) {
    const tokens = fresh();
    return refused(envelope.errors, sent, {
      submissionKey: envelope.errors.submissionKey ? tokens.submissionKey : String(sent.submissionKey),
      baseline: envelope.errors.baseline ? tokens.baseline : String(sent.baseline),
    });
  }
  const posted: Tokens = { submissionKey: envelope.value.submissionKey, baseline: envelope.value.baseline };

  // The same submission again (double tap, retry, reload of the answer) is answered as the first was.
  const first = findSubmission(posted.submissionKey);
  if (first) {
    if (first.placementId !== placement.id || first.weekOf !== weekOf || first.trainerUserId !== user.id) {
      return refused({ form: ["week.errors.damaged"] }, sent, { ...posted, submissionKey: newSubmissionKey() });
    }
    return answer(request, first.intent, sent);
  }

  const shape = weekShape(placement, weekOf, today);
  if (posted.baseline !== baselineToken(placement.id)) return staleAnswer(placement, shape, sent, posted);

  const parsed = parseWeekCard(form);
  if (!parsed.ok) return refused(parsed.errors, sent, posted);

  // Only what the plan compares against (the page's texts and names are the loader's business).
  const current = loadPlanState(placement, weekOf);
  const planned = planWeek(shape, current.state, parsed.value, current.competencyIds);
  if (!planned.ok) return refused(planned.errors, sent, posted);

  const result = applyWeekPlan({
    placementId: placement.id,
    trainerUserId: user.id,
    weekOf,
    intent: parsed.value.intent,
    plan: planned.plan,
    submissionKey: posted.submissionKey,
    baseline: posted.baseline,
    requestId: context.requestId,
  });
  if (result.status === "stale") return staleAnswer(placement, shape, sent, posted);
  return answer(request, result.status === "duplicate" ? result.intent : parsed.value.intent, sent);
}
