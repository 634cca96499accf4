/**
 * The role × route table: every route of the portal, for every kind of caller, and what the
 * server must answer. Every new route joins this table (docs/conventions.md §8, docs/product.md §4).
 *
 * Outcomes: a status (200, 403, 404), "login" (a redirect to the sign-in page), or "→/path"
 * (a redirect elsewhere).
 */
export const CALLERS = {
  anonymous: null,
  apprentice: "apprentice",
  trainer: "trainer",
  otherTrainer: "trainer-boddhi",
  staff: "staff",
  otherSiteStaff: "staff-sr",
  admin: "admin",
} as const;

export type Caller = keyof typeof CALLERS;
export type Outcome = 200 | 400 | 401 | 403 | 404 | "login" | `→${string}`;

export interface Row {
  method: "GET" | "POST";
  /** A fixed address, or one built from the demo data (ids, this week's Monday). */
  path: string | (() => Promise<string>);
  form?: Record<string, string> | (() => Promise<Record<string, string>>);
  expect: Record<Caller, Outcome>;
  /** What the row checks, when the address alone does not say. */
  title?: string;
  /**
   * A "foreign ids in bodies" row: these body fields hold an id out of every caller's reach
   * (another site's, another apprentice's, another trainer's) or of no record. Every caller is
   * refused and nothing is written: the runner compares the data before and after, and
   * `npm run test:reliability` replays the row in-process and counts writes per table.
   */
  bodyIds?: string[];
}

const all = (outcome: Outcome): Record<Caller, Outcome> => ({
  anonymous: outcome,
  apprentice: outcome,
  trainer: outcome,
  otherTrainer: outcome,
  staff: outcome,
  otherSiteStaff: outcome,
  admin: outcome,
});

const only = (allowed: Caller[], otherwise: Outcome = 403): Record<Caller, Outcome> => ({
  ...all(otherwise),
  anonymous: "login",
  ...Object.fromEntries(allowed.map((c) => [c, 200 as const])),
});

import {
  apprenticeIdOf,
  competencyOutsidePlacementOf,
  completedPlacementOf,
  credentialOf,
  employerIdOf,
  employerNameOfSite,
  firstFlagOf,
  firstOf,
  lastMonday,
  linkOfAnotherTrainer,
  noticeOfAnotherApprentice,
  placementOfAnotherApprentice,
  placementsOf,
  profileOf,
  publishedFrameworkVersion,
  siteIdOf,
  thisMonday,
  trainerOfSite,
  unitOutsideVersion,
  userId,
} from "./demo";

const weekCard = async (weekOf: () => Promise<string> = thisMonday) => `/trainer/placements/${(await placementsOf("trainer"))[0]!.id}/weeks/${await weekOf()}`;

export const ROWS: Row[] = [
  {
    method: "GET",
    path: "/",
    expect: {
      anonymous: "login",
      apprentice: "→/me",
      trainer: "→/trainer",
      otherTrainer: "→/trainer",
      staff: "→/staff",
      otherSiteStaff: "→/staff",
      admin: "→/staff",
    },
  },
  {
    method: "GET",
    path: "/login",
    expect: {
      anonymous: 200,
      apprentice: "→/me",
      trainer: "→/trainer",
      otherTrainer: "→/trainer",
      staff: "→/staff",
      otherSiteStaff: "→/staff",
      admin: "→/staff",
    },
  },
  { method: "GET", path: "/healthcheck", expect: all(200) },
  { method: "GET", path: "/trainer", expect: only(["trainer", "otherTrainer"]) },
  { method: "GET", path: "/staff", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: "/me", expect: only(["apprentice"]) },
  { method: "GET", path: "/no-such-page", expect: all(404) },
  { method: "POST", path: "/no-such-page", expect: all(404) },
  { method: "GET", path: "/logout", expect: all("→/") },
  { method: "POST", path: "/logout", expect: all("login") },
  { method: "GET", path: "/locale", expect: all("→/") },
  // No language, or one the portal does not have: 400, and no demo user's language changes.
  { method: "POST", path: "/locale", form: { redirectTo: "/" }, expect: all(400) },
  { method: "POST", path: "/locale?unknown", form: { locale: "fr", redirectTo: "/" }, expect: all(400) },
  // The digits of Khmer pages (issue 11): signed-in users only; an unknown system is 400.
  { method: "GET", path: "/numerals", expect: { ...all("→/"), anonymous: "login" } },
  { method: "POST", path: "/numerals", form: { numerals: "roman", redirectTo: "/" }, expect: { ...all(400), anonymous: "login" } },

  // The trainer's week card: the trainer's own placement only; another trainer gets 404.
  { method: "GET", path: () => weekCard(), expect: { ...only(["trainer"]), otherTrainer: 404 } },
  { method: "GET", path: () => weekCard(lastMonday), expect: { ...only(["trainer"]), otherTrainer: 404 } },
  {
    method: "POST",
    path: () => weekCard(lastMonday),
    form: { intent: "submit", submissionKey: "access-table-submission", baseline: "0" },
    // The trainer's own POST is accepted by the guard; a stale baseline answers 400 and writes nothing.
    expect: { ...only([]), trainer: 400 as Outcome, otherTrainer: 404 },
  },
  { method: "GET", path: "/trainer/placements/999999/weeks/2026-11-23", expect: { ...only([]), trainer: 404, otherTrainer: 404 } },
  // Staff: trainers and their sign-in links; staff of another site do not know the trainer.
  { method: "GET", path: "/staff/trainers", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: async () => `/staff/trainers/${await userId("trainer")}`, expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 } },
  {
    method: "POST",
    path: async () => `/staff/trainers/${await userId("trainer")}`,
    form: { intent: "create", days: "1" },
    expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 },
  },
  {
    method: "POST",
    path: async () => `/staff/trainers/${await userId("trainer")}?phone`,
    // A phone that is not one: the guard lets staff of the site and admin in (400 beside the field), nothing is written.
    form: { intent: "phone", phone: "not a phone" },
    expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 404, admin: 400 as Outcome },
  },
  // A made-up sign-in link: the same 404 page for everyone.
  { method: "GET", path: `/signin/${"x".repeat(43)}`, expect: all(404) },
  { method: "POST", path: `/signin/${"x".repeat(43)}`, expect: all(`→/signin/${"x".repeat(43)}`) },

  // Staff records: one placement, one apprentice (audited). Another site's staff do not know them.
  {
    method: "GET",
    path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}`,
    expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 },
  },
  {
    method: "POST",
    path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}`,
    form: { status: "purple" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  { method: "GET", path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}`, expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 } },
  // An apprentice's sign-in card (issue 11): staff of the site; an unknown intent is 400 and resets nothing.
  {
    method: "GET",
    path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}/card`,
    expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 },
  },
  {
    method: "POST",
    path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}/card`,
    form: { intent: "print_all" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  { method: "GET", path: "/staff/apprentices/999999/card", expect: { ...only([]), staff: 404, otherSiteStaff: 404, admin: 404 } },
  // Signing in from a card: the username comes in `?as=`; a malformed one is 400.
  {
    method: "GET",
    path: "/login?as=pp-26-019",
    expect: {
      anonymous: 200,
      apprentice: "→/me",
      trainer: "→/trainer",
      otherTrainer: "→/trainer",
      staff: "→/staff",
      otherSiteStaff: "→/staff",
      admin: "→/staff",
    },
  },
  {
    method: "GET",
    path: "/login?as=%3Cb%3E",
    expect: {
      anonymous: 400,
      apprentice: "→/me",
      trainer: "→/trainer",
      otherTrainer: "→/trainer",
      staff: "→/staff",
      otherSiteStaff: "→/staff",
      admin: "→/staff",
    },
  },
  { method: "GET", path: "/staff/placements/999999", expect: { ...only([]), staff: 404, otherSiteStaff: 404, admin: 404 } },

  // Flags: the inbox, its CSV, one flag. Trainers and apprentices never reach them.
  { method: "GET", path: "/staff/flags", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: "/staff/flags.csv", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: "/staff/flags?rule=made_up", expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome } },
  { method: "GET", path: async () => `/staff/flags/${await firstFlagOf("PP")}`, expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 } },
  {
    method: "POST",
    path: async () => `/staff/flags/${await firstFlagOf("PP")}`,
    form: { intent: "resolve", note: "" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },

  // The apprentice's own pages: records come from the session, so there is no id to change.
  { method: "GET", path: "/me/plan", expect: only(["apprentice"]) },
  { method: "POST", path: "/me/plan", form: { goals: "x".repeat(2001), nextSteps: "" }, expect: { ...only([]), apprentice: 400 as Outcome } },
  { method: "GET", path: "/me/notices", expect: only(["apprentice"]) },
  {
    method: "POST",
    path: "/me/notices",
    form: { intent: "give", kind: "absent", date: "2000-01-01", reason: "illness" },
    expect: { ...only([]), apprentice: 400 as Outcome },
  },
  { method: "POST", path: "/me/notices?withdraw", form: { intent: "withdraw", noticeId: "999999" }, expect: { ...only([]), apprentice: 404 } },
  { method: "GET", path: "/me/feedback", expect: only(["apprentice"]) },
  { method: "POST", path: "/me/feedback", form: { explainsRating: "6" }, expect: { ...only([]), apprentice: 400 as Outcome } },
  { method: "GET", path: "/me/pin", expect: only(["apprentice"]) },
  { method: "POST", path: "/me/pin", form: { current: "", pin: "1", pinAgain: "1" }, expect: { ...only([]), apprentice: 400 as Outcome } },
  { method: "GET", path: "/me/achievement/999999", expect: { ...only([]), apprentice: 404 } },
  { method: "GET", path: async () => `/me/achievement/${await completedPlacementOf("PP")}`, expect: { ...only([]), apprentice: 404 } },
  {
    method: "GET",
    path: async () => `/staff/placements/${await completedPlacementOf("PP")}/achievement`,
    expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 },
  },
  {
    method: "GET",
    path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}/achievement`,
    expect: { ...only([]), staff: 404, otherSiteStaff: 404, admin: 404 },
  },
  {
    method: "POST",
    path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}`,
    form: { intent: "comment", body: "" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  {
    method: "POST",
    path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=pin`,
    form: { intent: "pin", pin: "12" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  // Signed records of achievement. Issue and revoke: staff of the site, completed
  // placements only (400 otherwise). The verify page, the revocation list and the keys are public;
  // an unknown or malformed credential id is the same 404 for everyone.
  {
    method: "POST",
    path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}/achievement`,
    form: { intent: "issue", current: "" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  {
    method: "POST",
    path: async () => `/staff/placements/${await completedPlacementOf("PP")}/achievement`,
    form: { intent: "revoke", credentialId: "1", reason: "made_up" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  { method: "GET", path: async () => `/me/achievement/${await completedPlacementOf("PP")}/credential.json`, expect: { ...only([]), apprentice: 404 } },
  { method: "GET", path: "/me/achievement/999999/credential.json", expect: { ...only([]), apprentice: 404 } },
  { method: "GET", path: "/verify", expect: all(200) },
  { method: "POST", path: "/verify", form: { credential: "not a credential" }, expect: all(200) },
  { method: "POST", path: "/verify?nothing", form: { credential: "" }, expect: all(400) },
  { method: "GET", path: async () => `/verify/${await credentialOf("PP")}`, expect: all(200) },
  { method: "GET", path: async () => `/verify/${await credentialOf("PP")}/status`, expect: all(200) },
  { method: "GET", path: `/verify/${"A".repeat(22)}`, expect: all(404) },
  { method: "GET", path: "/verify/not-a-credential-id", expect: all(404) },
  { method: "GET", path: `/verify/${"A".repeat(22)}/status`, expect: all(404) },
  { method: "GET", path: "/.well-known/jwks.json", expect: all(200) },
  // The signing keys beside the database are never served, by any address.
  { method: "GET", path: "/.credential-keys.json", expect: all(404) },
  { method: "GET", path: "/data/.credential-keys.json", expect: all(404) },

  // Reports and the admin's thresholds.
  { method: "GET", path: "/staff/reports/trainers", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: "/staff/reports/trainers.csv", expect: only(["staff", "otherSiteStaff", "admin"]) },
  {
    method: "GET",
    path: "/staff/reports/trainers?from=2026-11-01&to=2026-10-01",
    expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome },
  },
  { method: "GET", path: "/staff/reports/outcomes", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: "/staff/settings", expect: { ...only(["admin"]), staff: 403, otherSiteStaff: 403 } },
  {
    method: "POST",
    path: "/staff/settings",
    title: "thresholds of a site that does not exist",
    form: { siteId: "999999" },
    expect: { ...only([]), staff: 403, otherSiteStaff: 403, admin: 404 },
    bodyIds: ["siteId"],
  },

  {
    method: "GET",
    path: "/staff/reports/trainers?sort=made_up",
    expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome },
  },
  { method: "GET", path: async () => `/staff/reports/trainers?site=${await siteIdOf("SR")}`, expect: { ...only(["otherSiteStaff", "admin"]), staff: 400 } },
  { method: "GET", path: async () => `/staff/reports/outcomes?site=${await siteIdOf("PP")}`, expect: { ...only(["staff", "admin"]), otherSiteStaff: 400 } },

  // Admin: accounts, sites and the audit log. Admin only; other signed-in callers get 403.
  { method: "GET", path: "/admin", expect: only(["admin"]) },
  { method: "GET", path: "/admin/users", expect: only(["admin"]) },
  { method: "GET", path: "/admin/users?role=trainer", expect: only(["admin"]) },
  { method: "POST", path: "/admin/users", form: { username: "" }, expect: { ...only([]), admin: 400 as Outcome } },
  { method: "GET", path: async () => `/admin/users/${await userId("trainer")}`, expect: only(["admin"]) },
  { method: "GET", path: "/admin/users/999999", expect: { ...only([]), admin: 404 } },
  {
    method: "POST",
    path: async () => `/admin/users/${await userId("trainer")}`,
    form: { intent: "password", password: "short" },
    expect: { ...only([]), admin: 400 as Outcome },
  },
  { method: "GET", path: "/admin/sites", expect: only(["admin"]) },
  { method: "POST", path: "/admin/sites", form: { code: "X" }, expect: { ...only([]), admin: 400 as Outcome } },
  { method: "GET", path: "/admin/audit", expect: only(["admin"]) },
  { method: "GET", path: "/admin/audit?from=2026-02-31", expect: { ...only([]), admin: 400 as Outcome } },

  // Staff administration. Bad forms answer 400 and write nothing.
  { method: "GET", path: "/staff/apprentices", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: "/staff/apprentices?phase=guidance", expect: only(["staff", "otherSiteStaff", "admin"]) },
  {
    method: "POST",
    path: "/staff/apprentices",
    form: { code: "bad" },
    expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome },
  },
  {
    method: "POST",
    path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=consent`,
    form: { intent: "consent", item: "made_up", granted: "yes" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  { method: "GET", path: "/staff/employers", expect: only(["staff", "otherSiteStaff", "admin"]) },
  {
    method: "POST",
    path: "/staff/employers",
    form: { name: "" },
    expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome },
  },
  { method: "GET", path: async () => `/staff/employers/${await employerIdOf("trainer")}`, expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 } },
  {
    method: "POST",
    path: async () => `/staff/employers/${await employerIdOf("trainer")}`,
    form: { intent: "edit", name: "" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  { method: "GET", path: "/staff/employers/999999", expect: { ...only([]), staff: 404, otherSiteStaff: 404, admin: 404 } },
  { method: "GET", path: "/staff/placements/new", expect: only(["staff", "otherSiteStaff", "admin"]) },
  {
    method: "POST",
    path: "/staff/placements/new",
    form: { plannedWeeks: "60" },
    expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome },
  },
  {
    method: "POST",
    path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}?intent=transfer`,
    form: { intent: "transfer", plannedWeeks: "60" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  // Corrections and plausible values (docs/decisions/0022): a bad correction answers 400 and writes nothing.
  {
    method: "POST",
    path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}?intent=correct`,
    form: { intent: "correct", startDate: "2099-01-05", plannedWeeks: "12", reason: "typo" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  {
    method: "POST",
    path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}?status=1900`,
    form: { status: "green", reason: "x", statusDate: "1900-01-01" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  {
    method: "POST",
    path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=note`,
    form: { intent: "note", kind: "call", occurredOn: "1900-01-01", body: "x" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  {
    method: "POST",
    path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=correctNote`,
    form: { intent: "correctNote", supersedesId: "999999", body: "", correctionReason: "" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  {
    method: "POST",
    path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=correctComment`,
    form: { intent: "correctComment", supersedesId: "0x1", body: "x", correctionReason: "x" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  {
    method: "POST",
    path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=checkin`,
    form: { intent: "checkin", months: "3", checkedOn: "2026-11-19", employed: "yes" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  {
    method: "POST",
    path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=correctCheckin`,
    form: { intent: "correctCheckin", checkinId: "999999", checkedOn: "2026-11-19", employed: "yes", correctionReason: "x" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },

  // Competency frameworks (programme-wide: staff of every site read and write them).
  { method: "GET", path: "/staff/frameworks", expect: only(["staff", "otherSiteStaff", "admin"]) },
  {
    method: "POST",
    path: "/staff/frameworks",
    form: { intent: "create", code: "" },
    expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome },
  },
  {
    method: "GET",
    path: async () => `/staff/frameworks/versions/${(await publishedFrameworkVersion()).id}`,
    expect: only(["staff", "otherSiteStaff", "admin"]),
  },
  {
    method: "GET",
    path: async () => `/staff/frameworks/versions/${(await publishedFrameworkVersion()).id}.csv`,
    expect: only(["staff", "otherSiteStaff", "admin"]),
  },
  // Published: an edit is refused (400) without writing.
  {
    method: "POST",
    path: async () => `/staff/frameworks/versions/${(await publishedFrameworkVersion()).id}`,
    form: { intent: "add_unit", code: "X", titleEn: "x", titleKm: "ក" },
    expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome },
  },
  { method: "GET", path: "/staff/frameworks/versions/999999", expect: { ...only([]), staff: 404, otherSiteStaff: 404, admin: 404 } },
  {
    method: "GET",
    path: async () => `/staff/frameworks/${(await publishedFrameworkVersion()).frameworkId}/diff`,
    expect: only(["staff", "otherSiteStaff", "admin"]),
  },
  {
    method: "GET",
    path: async () => `/staff/frameworks/${(await publishedFrameworkVersion()).frameworkId}/diff?a=abc`,
    expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome },
  },

  ...FOREIGN_IDS_IN_BODIES(),
  // Reminders: the site list and schedule (admin edits), Telegram linking on the
  // trainer's page and on /trainer, and Telegram's webhook (public, guarded by its secret token).
  { method: "GET", path: "/staff/reminders", expect: only(["staff", "otherSiteStaff", "admin"]) },
  {
    method: "POST",
    path: "/staff/reminders?schedule",
    form: { intent: "schedule", siteId: "1", weekday: "5", time: "25:00", mondayTime: "09:00" },
    expect: { ...only([]), staff: 403, otherSiteStaff: 403, admin: 400 as Outcome },
  },
  {
    method: "POST",
    path: "/staff/reminders?made-up",
    form: { intent: "made_up" },
    expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome },
  },
  {
    method: "POST",
    path: async () => `/staff/trainers/${await userId("trainer")}?telegram`,
    // The demo trainer has no chat linked: unlinking changes nothing.
    form: { intent: "telegram_unlink" },
    expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 },
  },
  { method: "POST", path: "/trainer?index", form: { intent: "made_up" }, expect: { ...only([]), trainer: 400 as Outcome, otherTrainer: 400 as Outcome } },
  { method: "GET", path: "/telegram/webhook", expect: all(404) },
  { method: "POST", path: "/telegram/webhook", form: { update_id: "1" }, expect: all(401) },
];

/** Staff of the record's site and admin get `mine`; staff of the other site do not know the record (404). */
function staffRefused(mine: Outcome, otherSiteStaff: Outcome = 404, admin: Outcome = mine): Record<Caller, Outcome> {
  return { ...only([]), staff: mine, otherSiteStaff, admin };
}

/** Foreign ids in bodies (issue 9): one row per action and id field that takes an id in its body. */
function FOREIGN_IDS_IN_BODIES(): Row[] {
  const apprenticeRecord = async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}`;
  const trainersPlacement = async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}`;
  const note = (placementId: () => Promise<number>) => async () => ({
    intent: "note",
    kind: "visit",
    occurredOn: "2026-11-16",
    body: "Foreign placement check",
    placementId: String(await placementId()),
  });
  const newApprentice = { code: "PP-26-901", preferredName: "Foreign Id", legalName: "Foreign Id Check", dateOfBirth: "2004-05-06", gender: "female" };
  const newPlacement = { frameworkVersionId: "", startDate: "2026-11-16", plannedWeeks: "12", stipendHagar: "10", stipendEmployer: "0" };
  const published = async () => String((await publishedFrameworkVersion()).id);
  return [
    // A follow-up note about another site's placement, or another apprentice's.
    {
      method: "POST",
      title: "a follow-up note about another site's placement",
      path: apprenticeRecord,
      form: note(() => firstOf("placements", "SR")),
      expect: staffRefused(400),
      bodyIds: ["placementId"],
    },
    {
      method: "POST",
      title: "a follow-up note about another apprentice's placement",
      path: apprenticeRecord,
      form: note(() => placementOfAnotherApprentice("apprentice")),
      expect: staffRefused(400),
      bodyIds: ["placementId"],
    },
    // The profile, unchanged but for another site's intake.
    {
      method: "POST",
      title: "the profile with another site's intake",
      path: apprenticeRecord,
      form: async () => ({ intent: "profile", ...(await profileOf(await apprenticeIdOf("apprentice"))), intakeId: String(await firstOf("intakes", "SR")) }),
      expect: staffRefused(400),
      bodyIds: ["intakeId"],
    },
    // A new apprentice in another site's intake, or at another site: staff add to their own site only.
    {
      method: "POST",
      title: "a new apprentice in another site's intake",
      path: "/staff/apprentices",
      form: async () => ({ ...newApprentice, intakeId: String(await firstOf("intakes", "SR")) }),
      expect: staffRefused(400, 400),
      bodyIds: ["intakeId"],
    },
    {
      method: "POST",
      title: "a new apprentice at another site",
      path: "/staff/apprentices",
      form: async () => ({ ...newApprentice, siteId: String(await siteIdOf("SR")) }),
      expect: staffRefused(400, 400),
      bodyIds: ["siteId"],
    },
    // A new employer at another site (named as the other site's employer: where it is in reach, the name is taken).
    {
      method: "POST",
      title: "a new employer at another site",
      path: "/staff/employers",
      form: async () => ({ name: await employerNameOfSite("SR"), sector: "hospitality", district: "Foreign Id Check", siteId: String(await siteIdOf("SR")) }),
      expect: staffRefused(400, 400),
      bodyIds: ["siteId"],
    },
    // Another site's trainer on this employer's page.
    {
      method: "POST",
      title: "another site's trainer on this employer's page",
      path: async () => `/staff/employers/${await employerIdOf("trainer")}`,
      form: async () => ({ intent: "deactivateTrainer", trainerUserId: String(await trainerOfSite("SR")) }),
      expect: staffRefused(404),
      bodyIds: ["trainerUserId"],
    },
    // A new placement for another site's apprentice, or with another site's trainer.
    {
      method: "POST",
      title: "a new placement for another site's apprentice",
      path: "/staff/placements/new",
      form: async () => ({
        ...newPlacement,
        frameworkVersionId: await published(),
        apprenticeId: String(await firstOf("apprentices", "SR")),
        employerId: String(await employerIdOf("trainer")),
        trainerUserId: String(await userId("trainer")),
      }),
      expect: staffRefused(400, 400),
      bodyIds: ["apprenticeId"],
    },
    {
      method: "POST",
      title: "a new placement with another site's trainer",
      path: "/staff/placements/new",
      form: async () => ({
        ...newPlacement,
        frameworkVersionId: await published(),
        apprenticeId: String(await apprenticeIdOf("apprentice")),
        employerId: String(await employerIdOf("trainer")),
        trainerUserId: String(await trainerOfSite("SR")),
      }),
      expect: staffRefused(400, 400),
      bodyIds: ["trainerUserId"],
    },
    // Another site's trainer as primary trainer; a transfer to another site's employer.
    {
      method: "POST",
      title: "another site's trainer as primary trainer",
      path: trainersPlacement,
      form: async () => ({ intent: "changeTrainer", trainerUserId: String(await trainerOfSite("SR")) }),
      expect: staffRefused(400),
      bodyIds: ["trainerUserId"],
    },
    {
      method: "POST",
      title: "a transfer to another site's employer",
      path: trainersPlacement,
      form: async () => ({
        intent: "transfer",
        employerId: String(await firstOf("employers", "SR")),
        trainerUserId: String(await trainerOfSite("SR")),
        frameworkVersionId: await published(),
        transferOn: "2026-11-16",
        plannedWeeks: "12",
      }),
      expect: staffRefused(400),
      bodyIds: ["employerId", "trainerUserId"],
    },
    // Revoking another trainer's sign-in link from this trainer's page.
    {
      method: "POST",
      title: "revoking another trainer's sign-in link",
      path: async () => `/staff/trainers/${await userId("trainer")}`,
      form: async () => ({ intent: "revoke", linkId: String(await linkOfAnotherTrainer("trainer")) }),
      expect: staffRefused(404),
      bodyIds: ["linkId"],
    },
    // A unit of another framework version.
    {
      method: "POST",
      title: "a unit of another framework version",
      path: async () => `/staff/frameworks/versions/${await published()}`,
      form: async () => ({
        intent: "edit_unit",
        unitId: String(await unitOutsideVersion(Number(await published()))),
        code: "X1",
        titleEn: "Foreign unit",
        titleKm: "ក",
      }),
      expect: staffRefused(400, 400),
      bodyIds: ["unitId"],
    },
    // Another apprentice's advance notice.
    {
      method: "POST",
      title: "withdrawing another apprentice's notice",
      path: "/me/notices",
      form: async () => ({ intent: "withdraw", noticeId: String(await noticeOfAnotherApprentice("apprentice")) }),
      expect: { ...only([]), apprentice: 404 },
      bodyIds: ["noticeId"],
    },
    // A sign-off of a competency outside the placement's framework.
    {
      method: "POST",
      title: "a sign-off of another framework's competency",
      path: () => weekCard(lastMonday),
      form: async () => ({
        intent: "submit",
        submissionKey: "foreign-competency-check",
        baseline: "0",
        [`level.${await competencyOutsidePlacementOf("trainer")}`]: "independent",
      }),
      expect: { ...only([]), trainer: 400, otherTrainer: 404 },
      bodyIds: ["level.*"],
    },
    // Admin: links to records that do not exist.
    {
      method: "POST",
      title: "a trainer account at an employer that does not exist",
      path: "/admin/users",
      form: { username: "foreign-id-check", displayName: "Foreign Id", role: "trainer", employerId: "999999", password: "a-long-enough-password" },
      expect: { ...only([]), admin: 400 },
      bodyIds: ["employerId"],
    },
    {
      method: "POST",
      title: "a staff account at a site that does not exist",
      path: "/admin/users",
      form: { username: "foreign-id-check", displayName: "Foreign Id", role: "staff", siteId: "999999", password: "a-long-enough-password" },
      expect: { ...only([]), admin: 400 },
      bodyIds: ["siteId"],
    },
    {
      method: "POST",
      title: "editing a site that does not exist",
      path: "/admin/sites",
      form: { siteId: "999999", code: "ZZ", nameEn: "Nowhere", nameKm: "គ្មាន" },
      expect: { ...only([]), admin: 404 },
      bodyIds: ["siteId"],
    },
  ];
}
