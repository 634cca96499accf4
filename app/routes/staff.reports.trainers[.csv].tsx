import type { LoaderFunctionArgs } from "@remix-run/node";

import { actorOf, requireStaff } from "~/auth/guards.server";
import { loadTrainerAccountability } from "~/db/reports.server";
import { sitesFor } from "~/db/staff.server";
import { FLAG_RULES } from "~/domain/enums";
import { sortAccountability, type AccountabilityFigures, type AccountabilityReport, type Share } from "~/domain/reports";
import { parseReportFilters } from "~/forms/reports.server";
import { requestT } from "~/i18n/request.server";
import { csvStreamResponse } from "~/utils/csv.server";
import { yieldToOthers } from "~/utils/yield.server";
import { takeTurn } from "~/utils/heavy-turn.server";
import { siteToday } from "~/utils/today.server";

/** Stable English headers: spreadsheets and scripts key on them, whatever the page's language. */
const MEASURES = [
  "apprentices",
  "reviews_submitted",
  "reviews_expected",
  "reviews_submitted_pct",
  "mean_days_between_reviews",
  "competencies_signed",
  "progress_against_plan_pct",
  "progress_placements",
  "flags_raised",
  "flags_resolved",
  ...FLAG_RULES.flatMap((rule) => [`flags_raised_${rule}`, `flags_resolved_${rule}`]),
  "education_afternoons_agreed",
  "education_afternoons_released",
  "education_released_pct",
  "feedback_mean",
  "placements_ended",
  "placements_completed",
  "completion_pct",
  "retained_by_employer",
  "retention_pct",
];

/** Rows written at a time. */
const CHUNK = 500;

const HEADER = ["trainer", "employer", "site", ...MEASURES, "period_from", "period_to", "trainer_id", "trainer_active"];

const round = (value: number | null, digits: number) => (value === null ? null : Number(value.toFixed(digits)));
const pct = (s: Share) => round(s.ratio === null ? null : 100 * s.ratio, 1);

function measures(f: AccountabilityFigures): unknown[] {
  return [
    f.apprentices,
    f.reviews.numerator,
    f.reviews.denominator,
    pct(f.reviews),
    round(f.meanDaysBetweenReviews, 1),
    f.competenciesSigned,
    round(f.progressAgainstPlan === null ? null : 100 * f.progressAgainstPlan, 1),
    f.progressPlacements,
    f.flagsRaised,
    f.flagsResolved,
    // A rule's counts are empty (not 0) where they are withheld: feedback concerns under 3 respondents.
    ...FLAG_RULES.flatMap((rule) => {
      const count = f.flagsByRule[rule];
      return count === null ? [null, null] : [count.raised, count.resolved];
    }),
    f.educationReleased.denominator,
    f.educationReleased.numerator,
    pct(f.educationReleased),
    round(f.feedbackMean, 2),
    f.completion.denominator,
    f.completion.numerator,
    pct(f.completion),
    f.retention.numerator,
    pct(f.retention),
  ];
}

/** The trainer-accountability figures as CSV, one row per trainer of the caller's sites, same filters as the page. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireStaff(request);
  const actor = actorOf(user);
  const today = siteToday();
  const sites = sitesFor(actor);
  const parsed = parseReportFilters(new URL(request.url).searchParams, {
    report: "trainers",
    today,
    allowedSiteIds: sites.map((s) => s.id),
  });
  if (!parsed.ok) {
    const t = await requestT(request);
    const lines = Object.entries(parsed.errors).map(([field, keys]) => `${field}: ${(keys ?? []).map((k) => t(k as "reports.errors.date")).join(" ")}`);
    return new Response(`${t("reports.errors.summary")}\n${lines.join("\n")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }

  const { from, to, siteId, sort } = parsed.data;
  const siteName = new Map(sites.map((s) => [s.id, s.nameEn]));
  const siteIds = siteId === undefined ? sites.map((s) => s.id) : [siteId];
  // Across sites, one site at a time, giving the event loop back between them: a download of
  // every site's trainers never holds up other people's pages. Only the figures are kept (a
  // row per trainer), and the file is written as it is read.
  async function* rows() {
    const trainers: AccountabilityReport["trainers"] = [];
    for (const site of siteIds) {
      trainers.push(...(await loadTrainerAccountability(actor, { from, to, today, siteId: site })).report.trainers);
      await yieldToOthers();
    }
    const sorted = sortAccountability(trainers, sort);
    for (let i = 0; i < sorted.length; i += CHUNK) {
      yield sorted.slice(i, i + CHUNK).map((r) => [r.name, r.employerName, siteName.get(r.siteId) ?? "", ...measures(r), from, to, r.trainerUserId, r.active]);
      await yieldToOthers();
    }
  }
  // One download or report at a time per person; it stops when the caller goes (0054).
  const turn = await takeTurn({ request, context }, user.id);
  return csvStreamResponse(`trainer-accountability_${from}_${to}.csv`, HEADER, turn.stream(rows()));
}
