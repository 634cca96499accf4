/**
 * Who may see and do what (docs/product.md §4): the one policy of the portal. Pure: given the
 * caller and plain facts about the subject, answer yes or no.
 *
 * The route guards (`requireRole`, `requireStaff`) only say which roles may open a page at all
 * (403). Which records a caller reaches is decided here, and asked in two ways:
 * - the scoped look-ups in `app/db` (`getPlacementForStaff`, `getApprenticeForStaff`,
 *   `getEmployerForStaff`, …) ask `can` of the one record they read (404 when it says no);
 * - the scoped lists in `app/db` filter with `app/db/scope.server.ts`, the SQL form of the same
 *   rules (`staffSites`, and a trainer's or apprentice's own placements), tested to agree with
 *   `can` row by row.
 * See docs/decisions/0026-one-permission-source.md.
 */
import type { Role } from "./enums";

export interface Actor {
  id: number;
  role: Role;
  /** Staff, trainer and apprentice: their site. Admin: null (every site). */
  siteId: number | null;
  employerId: number | null;
  apprenticeId: number | null;
}

/** The caller as the policy sees it, from a signed-in user. */
export function actorOf(user: Actor): Actor {
  return {
    id: user.id,
    role: user.role,
    siteId: user.role === "admin" ? null : user.siteId,
    employerId: user.employerId,
    apprenticeId: user.apprenticeId,
  };
}

export type Subject =
  | { kind: "site"; siteId: number }
  | { kind: "employer"; siteId: number; employerId: number }
  | { kind: "apprentice"; siteId: number; apprenticeId: number }
  | {
      kind: "placement";
      siteId: number;
      employerId: number;
      trainerUserId: number;
      apprenticeId: number;
      active: boolean;
    }
  | { kind: "account"; userId: number; role: Role; apprenticeId: number | null };

export type Action =
  // a site as a whole
  | "site.view_flags"
  | "site.view_reports"
  | "site.add_records"
  // employers and their trainers (sign-in links included)
  | "employer.manage"
  // an apprentice's staff record: legal name, date of birth, referral source, background,
  // follow-up notes, outcome check-ins, consent, career plan comments, feedback per apprentice
  | "apprentice.view_staff_only"
  | "apprentice.manage"
  // one placement
  /** The week card: attendance, sign-offs, education afternoons, the weekly review. */
  | "placement.record"
  /** The apprentice's own: progress, notices, feedback, record of achievement. */
  | "placement.view_own"
  /** Confidential feedback: never anyone at the employer, not the text, a score or a count. */
  | "placement.view_feedback"
  /** The staff page: week by week, flags, manual status, ending, transfer, signed records. */
  | "placement.manage"
  // accounts (admin)
  | "account.deactivate"
  | "account.reset_pin";

/**
 * The sites whose records a caller reaches as Hagar staff: admin every site, staff their own,
 * anyone else none. The one definition of "staff reach this site"; `siteScope` in
 * `app/db/scope.server.ts` is its SQL form.
 */
export function staffSites(actor: Actor): "all" | readonly number[] {
  if (actor.role === "admin") return "all";
  if (actor.role === "staff" && actor.siteId !== null) return [actor.siteId];
  return [];
}

export function staffReaches(actor: Actor, siteId: number): boolean {
  const sites = staffSites(actor);
  return sites === "all" || sites.includes(siteId);
}

export function can(actor: Actor, action: Action, subject: Subject): boolean {
  switch (subject.kind) {
    case "site":
      return (action === "site.view_flags" || action === "site.view_reports" || action === "site.add_records") && staffReaches(actor, subject.siteId);

    case "employer":
      return action === "employer.manage" && staffReaches(actor, subject.siteId);

    case "apprentice":
      return (action === "apprentice.view_staff_only" || action === "apprentice.manage") && staffReaches(actor, subject.siteId);

    case "placement": {
      const staff = staffReaches(actor, subject.siteId);
      switch (action) {
        case "placement.record":
          // Only the placement's own trainer, and only while it is active.
          return actor.role === "trainer" && subject.active && actor.id === subject.trainerUserId;
        case "placement.view_own":
          return actor.role === "apprentice" && actor.apprenticeId === subject.apprenticeId;
        case "placement.view_feedback":
        case "placement.manage":
          return staff;
        default:
          return false;
      }
    }

    case "account":
      if (actor.role !== "admin") return false;
      switch (action) {
        case "account.deactivate":
          // An admin locking themselves out would leave no one to undo it.
          return actor.id !== subject.userId;
        case "account.reset_pin":
          return subject.role === "apprentice" && subject.apprenticeId !== null;
        default:
          return false;
      }
  }
}

/** Home page of each role after sign-in. */
export function homeFor(role: Role): string {
  switch (role) {
    case "staff":
    case "admin":
      return "/staff";
    case "trainer":
      return "/trainer";
    case "apprentice":
      return "/me";
  }
}
