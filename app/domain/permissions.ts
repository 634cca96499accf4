/**
 * Who may see and do what (DESIGN.md §4), in one place. Pure: given the caller and plain facts
 * about the subject, answer yes or no. Routes never decide this themselves; scoped queries in
 * `app/db` make the same decision when they read.
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

export type Subject =
  | { kind: "site"; siteId: number }
  | {
      kind: "apprentice";
      siteId: number;
      apprenticeId: number;
      /** Trainers of the apprentice's active placements. */
      activeTrainerUserIds: readonly number[];
      /** Current `share_legal_name` consent. */
      shareLegalName: boolean;
    }
  | {
      kind: "placement";
      siteId: number;
      employerId: number;
      trainerUserId: number;
      apprenticeId: number;
      active: boolean;
    }
  | { kind: "employer"; siteId: number; employerId: number }
  | { kind: "system" };

export type Action =
  // apprentice fields
  | "apprentice.view"
  | "apprentice.view_legal_name"
  | "apprentice.view_date_of_birth"
  | "apprentice.view_under_18"
  /** Referral source, background, follow-up notes. */
  | "apprentice.view_staff_only"
  | "apprentice.view_career_plan"
  | "apprentice.edit_career_plan"
  | "apprentice.manage"
  // placement records
  | "placement.view_records"
  | "placement.record"
  | "placement.view_feedback"
  | "placement.give_feedback"
  | "placement.view_flags"
  | "placement.manage"
  // employers, sites, the system
  | "employer.view"
  | "employer.manage"
  | "site.view_reports"
  | "site.manage"
  | "system.manage_users"
  | "system.manage_sites"
  | "system.view_audit";

const isStaffLike = (a: Actor) => a.role === "staff" || a.role === "admin";

/** Staff see their own site; admin sees every site. */
function staffReaches(actor: Actor, siteId: number): boolean {
  if (actor.role === "admin") return true;
  return actor.role === "staff" && actor.siteId === siteId;
}

export function can(actor: Actor, action: Action, subject: Subject): boolean {
  switch (subject.kind) {
    case "system":
      return actor.role === "admin" && action.startsWith("system.");

    case "site":
      if (action === "site.view_reports" || action === "site.manage") return staffReaches(actor, subject.siteId);
      return false;

    case "employer":
      if (action === "employer.view" || action === "employer.manage") return staffReaches(actor, subject.siteId);
      return false;

    case "apprentice": {
      const self = actor.role === "apprentice" && actor.apprenticeId === subject.apprenticeId;
      const trains = actor.role === "trainer" && subject.activeTrainerUserIds.includes(actor.id);
      const staff = staffReaches(actor, subject.siteId);
      switch (action) {
        case "apprentice.view":
          return self || trains || staff;
        case "apprentice.view_legal_name":
          return self || staff || (trains && subject.shareLegalName);
        case "apprentice.view_date_of_birth":
          return self || staff;
        case "apprentice.view_under_18":
          return trains || staff;
        case "apprentice.view_staff_only":
          return staff;
        case "apprentice.view_career_plan":
          return self || staff;
        case "apprentice.edit_career_plan":
          return self;
        case "apprentice.manage":
          return staff;
        default:
          return false;
      }
    }

    case "placement": {
      const self = actor.role === "apprentice" && actor.apprenticeId === subject.apprenticeId;
      const trains = actor.role === "trainer" && subject.active && actor.id === subject.trainerUserId;
      const staff = staffReaches(actor, subject.siteId);
      switch (action) {
        case "placement.view_records":
          return self || trains || staff;
        case "placement.record":
          return trains;
        case "placement.view_feedback":
          // Never the trainer or anyone at the employer: not the text, a score or a count.
          return staff;
        case "placement.give_feedback":
          return self && subject.active;
        case "placement.view_flags":
        case "placement.manage":
          return staff;
        default:
          return false;
      }
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

/** Whether a role may use an area at all (before any record is looked up). */
export function roleMayEnter(role: Role, area: "staff" | "trainer" | "me" | "admin"): boolean {
  switch (area) {
    case "staff":
      return isStaffLike({ role } as Actor);
    case "admin":
      return role === "admin";
    case "trainer":
      return role === "trainer";
    case "me":
      return role === "apprentice";
  }
}
