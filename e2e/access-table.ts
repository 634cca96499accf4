/**
 * The role × route table: every route of the portal, for every kind of caller, and what the
 * server must answer. Every new route joins this table (CONVENTIONS.md, DESIGN.md §4).
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
export type Outcome = 200 | 400 | 403 | 404 | "login" | `→${string}`;

export interface Row {
  method: "GET" | "POST";
  /** A fixed address, or one built from the demo data (ids, this week's Monday). */
  path: string | (() => Promise<string>);
  form?: Record<string, string>;
  expect: Record<Caller, Outcome>;
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

import { apprenticeIdOf, completedPlacementOf, credentialOf, employerIdOf, firstFlagOf, lastMonday, placementsOf, publishedFrameworkVersion, siteIdOf, thisMonday, userId } from "./demo";

const weekCard = async (weekOf: () => Promise<string> = thisMonday) =>
  `/trainer/placements/${(await placementsOf("trainer"))[0]!.id}/weeks/${await weekOf()}`;

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
  // A made-up sign-in link: the same 404 page for everyone.
  { method: "GET", path: `/signin/${"x".repeat(43)}`, expect: all(404) },
  { method: "POST", path: `/signin/${"x".repeat(43)}`, expect: all(`→/signin/${"x".repeat(43)}`) },

  // Staff records: one placement, one apprentice (audited). Another site's staff do not know them.
  { method: "GET", path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}`, expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 } },
  {
    method: "POST",
    path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}`,
    form: { status: "purple" },
    expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 },
  },
  { method: "GET", path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}`, expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 } },
  // An apprentice's sign-in card (issue 11): staff of the site; an unknown intent is 400 and resets nothing.
  { method: "GET", path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}/card`, expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 } },
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
    expect: { anonymous: 200, apprentice: "→/me", trainer: "→/trainer", otherTrainer: "→/trainer", staff: "→/staff", otherSiteStaff: "→/staff", admin: "→/staff" },
  },
  { method: "GET", path: "/login?as=%3Cb%3E", expect: { anonymous: 400, apprentice: "→/me", trainer: "→/trainer", otherTrainer: "→/trainer", staff: "→/staff", otherSiteStaff: "→/staff", admin: "→/staff" } },
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

  // The apprentice's own pages (issue 5): records come from the session, so there is no id to change.
  { method: "GET", path: "/me/plan", expect: only(["apprentice"]) },
  { method: "POST", path: "/me/plan", form: { goals: "x".repeat(2001), nextSteps: "" }, expect: { ...only([]), apprentice: 400 as Outcome } },
  { method: "GET", path: "/me/notices", expect: only(["apprentice"]) },
  { method: "POST", path: "/me/notices", form: { intent: "give", kind: "absent", date: "2000-01-01", reason: "illness" }, expect: { ...only([]), apprentice: 400 as Outcome } },
  { method: "POST", path: "/me/notices?withdraw", form: { intent: "withdraw", noticeId: "999999" }, expect: { ...only([]), apprentice: 404 } },
  { method: "GET", path: "/me/feedback", expect: only(["apprentice"]) },
  { method: "POST", path: "/me/feedback", form: { explainsRating: "6" }, expect: { ...only([]), apprentice: 400 as Outcome } },
  { method: "GET", path: "/me/pin", expect: only(["apprentice"]) },
  { method: "POST", path: "/me/pin", form: { current: "", pin: "1", pinAgain: "1" }, expect: { ...only([]), apprentice: 400 as Outcome } },
  { method: "GET", path: "/me/achievement/999999", expect: { ...only([]), apprentice: 404 } },
  { method: "GET", path: async () => `/me/achievement/${await completedPlacementOf("PP")}`, expect: { ...only([]), apprentice: 404 } },
  { method: "GET", path: async () => `/staff/placements/${await completedPlacementOf("PP")}/achievement`, expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 } },
  { method: "GET", path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}/achievement`, expect: { ...only([]), staff: 404, otherSiteStaff: 404, admin: 404 } },
  { method: "POST", path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}`, form: { intent: "comment", body: "" }, expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 } },
  { method: "POST", path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=pin`, form: { intent: "pin", pin: "12" }, expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 } },
  // Signed records of achievement (issue 15). Issue and revoke: staff of the site, completed
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

  // Reports (issue 4) and the admin's thresholds.
  { method: "GET", path: "/staff/reports/trainers", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: "/staff/reports/trainers.csv", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: "/staff/reports/trainers?from=2026-11-01&to=2026-10-01", expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome } },
  { method: "GET", path: "/staff/reports/outcomes", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: "/staff/settings", expect: { ...only(["admin"]), staff: 403, otherSiteStaff: 403 } },
  { method: "POST", path: "/staff/settings", form: { siteId: "999999" }, expect: { ...only([]), staff: 403, otherSiteStaff: 403, admin: 404 } },

  { method: "GET", path: "/staff/reports/trainers?sort=made_up", expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome } },
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

  // Staff administration (issue 6). Bad forms answer 400 and write nothing.
  { method: "GET", path: "/staff/apprentices", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: "/staff/apprentices?phase=guidance", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "POST", path: "/staff/apprentices", form: { code: "bad" }, expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome } },
  { method: "POST", path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=consent`, form: { intent: "consent", item: "made_up", granted: "yes" }, expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 } },
  { method: "GET", path: "/staff/employers", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "POST", path: "/staff/employers", form: { name: "" }, expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome } },
  { method: "GET", path: async () => `/staff/employers/${await employerIdOf("trainer")}`, expect: { ...only(["staff", "admin"]), otherSiteStaff: 404 } },
  { method: "POST", path: async () => `/staff/employers/${await employerIdOf("trainer")}`, form: { intent: "edit", name: "" }, expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 } },
  { method: "GET", path: "/staff/employers/999999", expect: { ...only([]), staff: 404, otherSiteStaff: 404, admin: 404 } },
  { method: "GET", path: "/staff/placements/new", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "POST", path: "/staff/placements/new", form: { plannedWeeks: "60" }, expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome } },
  { method: "POST", path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}?intent=transfer`, form: { intent: "transfer", plannedWeeks: "60" }, expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 } },
  // Corrections and plausible values (issue 9): a bad correction answers 400 and writes nothing.
  { method: "POST", path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}?intent=correct`, form: { intent: "correct", startDate: "2099-01-05", plannedWeeks: "12", reason: "typo" }, expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 } },
  { method: "POST", path: async () => `/staff/placements/${(await placementsOf("trainer"))[0]!.id}?status=1900`, form: { status: "green", reason: "x", statusDate: "1900-01-01" }, expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 } },
  { method: "POST", path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=note`, form: { intent: "note", kind: "call", occurredOn: "1900-01-01", body: "x" }, expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 } },
  { method: "POST", path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=correctNote`, form: { intent: "correctNote", supersedesId: "999999", body: "", correctionReason: "" }, expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 } },
  { method: "POST", path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=correctComment`, form: { intent: "correctComment", supersedesId: "0x1", body: "x", correctionReason: "x" }, expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 } },
  { method: "POST", path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=checkin`, form: { intent: "checkin", months: "3", checkedOn: "2026-11-19", employed: "yes" }, expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 } },
  { method: "POST", path: async () => `/staff/apprentices/${await apprenticeIdOf("apprentice")}?intent=correctCheckin`, form: { intent: "correctCheckin", checkinId: "999999", checkedOn: "2026-11-19", employed: "yes", correctionReason: "x" }, expect: { ...only([]), staff: 400 as Outcome, admin: 400 as Outcome, otherSiteStaff: 404 } },

  // Competency frameworks (programme-wide: staff of every site read and write them).
  { method: "GET", path: "/staff/frameworks", expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "POST", path: "/staff/frameworks", form: { intent: "create", code: "" }, expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome } },
  { method: "GET", path: async () => `/staff/frameworks/versions/${(await publishedFrameworkVersion()).id}`, expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: async () => `/staff/frameworks/versions/${(await publishedFrameworkVersion()).id}.csv`, expect: only(["staff", "otherSiteStaff", "admin"]) },
  // Published: an edit is refused (400) without writing.
  { method: "POST", path: async () => `/staff/frameworks/versions/${(await publishedFrameworkVersion()).id}`, form: { intent: "add_unit", code: "X", titleEn: "x", titleKm: "ក" }, expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome } },
  { method: "GET", path: "/staff/frameworks/versions/999999", expect: { ...only([]), staff: 404, otherSiteStaff: 404, admin: 404 } },
  { method: "GET", path: async () => `/staff/frameworks/${(await publishedFrameworkVersion()).frameworkId}/diff`, expect: only(["staff", "otherSiteStaff", "admin"]) },
  { method: "GET", path: async () => `/staff/frameworks/${(await publishedFrameworkVersion()).frameworkId}/diff?a=abc`, expect: { ...only([]), staff: 400 as Outcome, otherSiteStaff: 400 as Outcome, admin: 400 as Outcome } },
];
