/**
 * Confirmation after every save (issue 11), one convention for every form: the action redirects
 * to `…?saved=<what>` and `<SavedNotice>` (in the root layout) says what happened, in the page's
 * language, with or without JavaScript. Only the words below are shown; any other value is ignored.
 */
export const SAVED = [
  "status",
  "flag",
  "note",
  "corrected",
  "checkin",
  "comment",
  "profile",
  "phase",
  "consent",
  "exit",
  "pin",
  "apprentice",
  "employer",
  "employerCreated",
  "trainerAdded",
  "trainerChanged",
  "phone",
  "deactivated",
  "reactivated",
  "transferred",
  "ended",
  "placement",
  "framework",
  "draft",
  "settings",
  "site",
  "unchanged",
] as const;
export type Saved = (typeof SAVED)[number];

export function isSaved(value: unknown): value is Saved {
  return typeof value === "string" && (SAVED as readonly string[]).includes(value);
}

/** `path` with `saved=<what>` added to its query, before any `#section`. */
export function withSaved(path: string, what: Saved): string {
  const [beforeHash, hash] = path.split("#", 2) as [string, string | undefined];
  const joined = `${beforeHash}${beforeHash.includes("?") ? "&" : "?"}saved=${what}`;
  return hash === undefined ? joined : `${joined}#${hash}`;
}

/** The address without its `saved` word (the notice's close link). */
export function withoutSaved(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete("saved");
  const rest = params.toString();
  return rest ? `${pathname}?${rest}` : pathname;
}
