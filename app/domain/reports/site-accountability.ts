/** One row per site (the admin's report across every site leads with it). */
import { dayNumbers, groupBy, inPeriod, share, type Period, type Share } from "./common";
import { activeInPeriod, expectedWeekNumbers } from "./review-weeks";
import type { ReportPlacement } from "./types";

/** A site's counts as the loader aggregates them from the facts (`placement_weeks`, `competency_levels`, flags). */
export interface SiteCounts {
  siteId: number;
  /** Weeks reviewed among those owed (the loader applies `expectedReviewWeeks`' bounds in SQL). */
  reviewsSubmitted: number;
  afternoonsAgreed: number;
  afternoonsReleased: number;
  competenciesSigned: number;
  /** Flags raised in the period other than feedback concerns, and of those resolved by its end. */
  flagsRaised: number;
  flagsResolved: number;
}

export interface SiteAccountability {
  siteId: number;
  apprentices: number;
  reviews: Share;
  competenciesSigned: number;
  educationReleased: Share;
  flagsRaised: number;
  flagsResolved: number;
  completion: Share;
  retention: Share;
}

/**
 * A row per site, with the figures of the trainer report that add up across a site: the same
 * definitions as `trainerAccountability` (see there), over all the site's placements active in
 * the period. Left out, and shown when the site is opened: progress against plan (a mean per
 * placement at the period's end), the days between reviews, and everything drawn from feedback —
 * its mean and the feedback-concern flags — because a site's figure less the shown figures of
 * its employers could single out the one or two apprentices whose figures are withheld.
 */
export function siteAccountability(
  period: Period,
  placements: readonly (ReportPlacement & { siteId: number })[],
  counts: readonly SiteCounts[],
): SiteAccountability[] {
  const days = dayNumbers();
  const bySite = groupBy(
    placements.filter((p) => activeInPeriod(p, period)),
    (p) => p.siteId,
  );
  return counts.map((c) => {
    const ps = bySite.get(c.siteId) ?? [];
    const ended = ps.filter((p) => p.status !== "active" && inPeriod(p.endedOn, period));
    const completed = ended.filter((p) => p.status === "completed");
    return {
      siteId: c.siteId,
      apprentices: new Set(ps.map((p) => p.apprenticeId)).size,
      reviews: share(
        c.reviewsSubmitted,
        ps.reduce((n, p) => n + expectedWeekNumbers(p, period, days).length, 0),
      ),
      competenciesSigned: c.competenciesSigned,
      educationReleased: share(c.afternoonsReleased, c.afternoonsAgreed),
      flagsRaised: c.flagsRaised,
      flagsResolved: c.flagsResolved,
      completion: share(completed.length, ended.length),
      retention: share(completed.filter((p) => p.outcome === "retained_by_employer").length, completed.length),
    };
  });
}
