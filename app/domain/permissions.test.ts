import { describe, expect, it } from "vitest";

import { can, homeFor, type Actor, type Subject } from "./permissions";

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

const apprentice = (shareLegalName: boolean): Subject => ({
  kind: "apprentice",
  siteId: PP,
  apprenticeId: 100,
  activeTrainerUserIds: [actors.trainer.id],
  shareLegalName,
});

const placement = (active = true): Subject => ({
  kind: "placement",
  siteId: PP,
  employerId: 10,
  trainerUserId: actors.trainer.id,
  apprenticeId: 100,
  active,
});

function who(action: Parameters<typeof can>[1], subject: Subject) {
  return Object.entries(actors)
    .filter(([, actor]) => can(actor, action, subject))
    .map(([name]) => name)
    .sort();
}

describe("can — client protection (DESIGN.md §4)", () => {
  it("shows code and preferred name to the apprentice, their trainer, site staff and admin", () => {
    expect(who("apprentice.view", apprentice(false))).toEqual(["admin", "apprentice", "staff", "trainer"]);
  });

  it("shows the legal name to the trainer only while consent holds", () => {
    expect(who("apprentice.view_legal_name", apprentice(false))).toEqual(["admin", "apprentice", "staff"]);
    expect(who("apprentice.view_legal_name", apprentice(true))).toEqual(["admin", "apprentice", "staff", "trainer"]);
  });

  it("never shows date of birth, referral, background or follow-up notes to a trainer", () => {
    expect(who("apprentice.view_date_of_birth", apprentice(true))).toEqual(["admin", "apprentice", "staff"]);
    expect(who("apprentice.view_staff_only", apprentice(true))).toEqual(["admin", "staff"]);
  });

  it("shows the under-18 marker to the trainer (labour-law duty) and staff", () => {
    expect(who("apprentice.view_under_18", apprentice(false))).toEqual(["admin", "staff", "trainer"]);
  });

  it("lets only the apprentice edit their career plan, and never shows it to a trainer", () => {
    expect(who("apprentice.edit_career_plan", apprentice(true))).toEqual(["apprentice"]);
    expect(who("apprentice.view_career_plan", apprentice(true))).toEqual(["admin", "apprentice", "staff"]);
  });

  it("never shows confidential feedback to anyone at the employer", () => {
    expect(who("placement.view_feedback", placement())).toEqual(["admin", "staff"]);
    expect(who("placement.give_feedback", placement())).toEqual(["apprentice"]);
  });

  it("lets only the placement's own trainer record, and only while it is active", () => {
    expect(who("placement.record", placement(true))).toEqual(["trainer"]);
    expect(who("placement.record", placement(false))).toEqual([]);
    expect(who("placement.view_records", placement(true))).toEqual(["admin", "apprentice", "staff", "trainer"]);
  });

  it("keeps flags, manual status and reports for staff of the site and admin", () => {
    expect(who("placement.view_flags", placement())).toEqual(["admin", "staff"]);
    expect(who("site.view_reports", { kind: "site", siteId: PP })).toEqual(["admin", "staff"]);
    expect(who("site.view_reports", { kind: "site", siteId: SR })).toEqual(["admin", "staffOtherSite"]);
  });

  it("keeps another site's records from staff of one site", () => {
    const siemReap: Subject = { ...placement(), siteId: SR } as Subject;
    expect(can(actors.staff, "placement.view_records", siemReap)).toBe(false);
    expect(can(actors.staffOtherSite, "placement.view_records", siemReap)).toBe(true);
  });

  it("keeps user accounts and the audit log for admin", () => {
    expect(who("system.view_audit", { kind: "system" })).toEqual(["admin"]);
    expect(who("system.manage_users", { kind: "system" })).toEqual(["admin"]);
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
