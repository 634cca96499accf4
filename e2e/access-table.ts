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

import { apprenticeIdOf, firstFlagOf, lastMonday, placementsOf, thisMonday, userId } from "./demo";

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
  // No locale in the form: the row checks the route answers, without changing demo users' language.
  { method: "POST", path: "/locale", form: { redirectTo: "/" }, expect: all("→/") },

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
];
