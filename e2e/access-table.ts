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
export type Outcome = 200 | 403 | 404 | "login" | `→${string}`;

export interface Row {
  method: "GET" | "POST";
  path: string;
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
  { method: "POST", path: "/locale", form: { locale: "en", redirectTo: "/" }, expect: all("→/") },
];
