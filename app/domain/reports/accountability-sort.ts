/** Sorting the accountability tables (by the column keys the page links to). */
import type { AccountabilityFigures } from "./types";

export const ACCOUNTABILITY_SORT_KEYS = [
  "trainer",
  "employer",
  "apprentices",
  "reviews",
  "review_gap",
  "signed",
  "progress",
  "flags_raised",
  "flags_resolved",
  "education",
  "feedback",
  "completion",
  "retention",
] as const;
export type AccountabilitySortKey = (typeof ACCOUNTABILITY_SORT_KEYS)[number];

/** `key` ascending, `-key` descending: the values the `sort` query parameter takes. */
export type AccountabilitySort = AccountabilitySortKey | `-${AccountabilitySortKey}`;
export const ACCOUNTABILITY_SORTS = ACCOUNTABILITY_SORT_KEYS.flatMap((k) => [k, `-${k}`]) as unknown as readonly [AccountabilitySort, ...AccountabilitySort[]];

export const DEFAULT_ACCOUNTABILITY_SORT: AccountabilitySort = "employer";

export function parseSort(sort: AccountabilitySort): { key: AccountabilitySortKey; descending: boolean } {
  return sort.startsWith("-") ? { key: sort.slice(1) as AccountabilitySortKey, descending: true } : { key: sort as AccountabilitySortKey, descending: false };
}

function sortValue(row: AccountabilityFigures & { name: string; employerName?: string }, key: AccountabilitySortKey): number | string | null {
  switch (key) {
    case "trainer":
      return row.name;
    case "employer":
      return row.employerName ?? row.name;
    case "apprentices":
      return row.apprentices;
    case "reviews":
      return row.reviews.ratio;
    case "review_gap":
      return row.meanDaysBetweenReviews;
    case "signed":
      return row.competenciesSigned;
    case "progress":
      return row.progressAgainstPlan;
    case "flags_raised":
      return row.flagsRaised;
    case "flags_resolved":
      return row.flagsResolved;
    case "education":
      return row.educationReleased.ratio;
    case "feedback":
      return row.feedbackMean;
    case "completion":
      return row.completion.ratio;
    case "retention":
      return row.retention.ratio;
  }
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

/** Rows sorted by a column; empty figures last whichever the direction; ties by employer, then name. */
export function sortAccountability<R extends AccountabilityFigures & { name: string; employerName?: string }>(
  rows: readonly R[],
  sort: AccountabilitySort,
): R[] {
  const { key, descending } = parseSort(sort);
  const compare = (a: number | string, b: number | string) => (typeof a === "number" && typeof b === "number" ? a - b : collator.compare(String(a), String(b)));
  return [...rows].sort((a, b) => {
    const va = sortValue(a, key);
    const vb = sortValue(b, key);
    if (va === null || vb === null) {
      if (va !== vb) return va === null ? 1 : -1;
    } else {
      const c = compare(va, vb);
      if (c !== 0) return descending ? -c : c;
    }
    return collator.compare(a.employerName ?? "", b.employerName ?? "") || collator.compare(a.name, b.name);
  });
}
