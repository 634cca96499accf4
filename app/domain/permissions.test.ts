import { describe, expect, it } from "vitest";

import { actorOf, can, homeFor, staffSites, type Action, type Actor, type Subject } from "./permissions";

const PP = 1;
const SR = 2;
const actors = {
  admin: { id: 1, role: "admin", siteId: null, employerId: null, apprenticeId: null },
  staff: { id: 2, role: "staff", siteId: PP, employerId: null, apprenticeId: null },
  staffOtherSite: { id: 3, role: "staff", siteId: SR, employerId: null, apprenticeId: null },
  trainer: { id: 4, role: "trainer", siteId: PP, employerId: 10, apprenticeId: null },
  otherTrainer: { id: 5, role: "trainer", siteId: PP, employerId: 11, apprenticeId: null },
  apprentice: { id: 6, role: "apprentice", siteId: PP, employerId: null, apprenticeId: 100 },
  otherApprentice: { id: 7, role: "apprentice", siteId: PP, employerId: null, apprenticeId: 101 },
} satisfies Record<string, Actor>;

const apprentice: Subject = { kind: "apprentice", siteId: PP, apprenticeId: 100 };
const employer: Subject = { kind: "employer", siteId: PP, employerId: 10 };
const site = (siteId: number): Subject => ({ kind: "site", siteId });
const placement = (active = true, siteId = PP): Subject => ({
  kind: "placement",
  siteId,
  employerId: 10,
  trainerUserId: actors.trainer.id,
  apprenticeId: 100,
  active,
});
const account = (over: Partial<Extract<Subject, { kind: "account" }>> = {}): Subject => ({
  kind: "account",
  userId: 50,
  role: "apprentice",
  apprenticeId: 100,
  ...over,
});

function who(action: Action, subject: Subject) {
  return Object.entries(actors)
    .filter(([, actor]) => can(actor, action, subject))
    .map(([name]) => name)
    .sort();
}

describe("can — client protection (docs/product.md §4)", () => {
  it("keeps an apprentice's staff record (background, referral, notes, feedback) for staff of the site and admin", () => {
    expect(who("apprentice.view_staff_only", apprentice)).toEqual(["admin", "staff"]);
    expect(who("apprentice.manage", apprentice)).toEqual(["admin", "staff"]);
    expect(who("apprentice.view_staff_only", { ...apprentice, siteId: SR })).toEqual(["admin", "staffOtherSite"]);
  });

  it("never shows confidential feedback to anyone at the employer", () => {
    expect(who("placement.view_feedback", placement())).toEqual(["admin", "staff"]);
    expect(who("placement.view_feedback", placement(false))).toEqual(["admin", "staff"]);
  });

  it("lets only the placement's own trainer record, and only while it is active", () => {
    expect(who("placement.record", placement(true))).toEqual(["trainer"]);
    expect(who("placement.record", placement(false))).toEqual([]);
  });

  it("shows an apprentice their own placements only", () => {
    expect(who("placement.view_own", placement(true))).toEqual(["apprentice"]);
    expect(who("placement.view_own", placement(false))).toEqual(["apprentice"]);
  });

  it("keeps the staff page of a placement (flags, manual status, ending, signed records) for staff of its site", () => {
    expect(who("placement.manage", placement())).toEqual(["admin", "staff"]);
    expect(who("placement.manage", placement(true, SR))).toEqual(["admin", "staffOtherSite"]);
  });

  it("keeps flags, reports and new records of a site for its staff and admin", () => {
    for (const action of ["site.view_flags", "site.view_reports", "site.add_records"] as const) {
      expect(who(action, site(PP))).toEqual(["admin", "staff"]);
      expect(who(action, site(SR))).toEqual(["admin", "staffOtherSite"]);
    }
  });

  it("lets staff of the site and admin manage an employer and its trainers", () => {
    expect(who("employer.manage", employer)).toEqual(["admin", "staff"]);
  });

  it("answers no to an action that does not fit the subject", () => {
    expect(who("placement.manage", apprentice)).toEqual([]);
    expect(who("employer.manage", site(PP))).toEqual([]);
    expect(who("site.view_flags", employer)).toEqual([]);
    expect(who("account.deactivate", placement())).toEqual([]);
  });

  it("lets admin deactivate any account but their own, and reset a PIN only on an apprentice's account", () => {
    expect(who("account.deactivate", account())).toEqual(["admin"]);
    expect(who("account.deactivate", account({ userId: actors.admin.id, role: "admin", apprenticeId: null }))).toEqual([]);
    expect(who("account.reset_pin", account())).toEqual(["admin"]);
    expect(who("account.reset_pin", account({ role: "trainer", apprenticeId: null }))).toEqual([]);
    expect(who("account.reset_pin", account({ apprenticeId: null }))).toEqual([]);
  });
});

describe("staffSites — the one definition of 'staff reach this site'", () => {
  it("is every site for admin, the own site for staff, and none for anyone else", () => {
    expect(staffSites(actors.admin)).toBe("all");
    expect(staffSites(actors.staff)).toEqual([PP]);
    expect(staffSites(actors.trainer)).toEqual([]);
    expect(staffSites(actors.apprentice)).toEqual([]);
    expect(staffSites({ ...actors.staff, siteId: null })).toEqual([]);
  });
});

describe("actorOf", () => {
  it("gives admin no site of their own, whatever the account row holds", () => {
    expect(actorOf({ ...actors.admin, siteId: PP }).siteId).toBeNull();
    expect(actorOf(actors.staff).siteId).toBe(PP);
  });
});

describe("homeFor", () => {
  it("lands each role on its home", () => {
    expect(homeFor("staff")).toBe("/staff");
    expect(homeFor("admin")).toBe("/staff");
    expect(homeFor("trainer")).toBe("/trainer");
    expect(homeFor("apprentice")).toBe("/me");
  });
});
