/**
 * Figures are right: each wrong figure a user saw, rendered as the user sees
 * it, in English and Khmer.
 */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("@remix-run/react", () => import("~/test/remix-react"));

import { FlagSummary } from "~/components/flags";
import {
  createApprentice,
  createApprenticeWithUser,
  createEducationAfternoon,
  createEmployer,
  createFramework,
  createPlacement,
  createSite,
  createUser,
} from "~/db/factories.server";
import { advanceNotices, advanceNoticeWithdrawals, educationEvents } from "~/db/schema";
import { addDays, isoWeekday, mondayOf } from "~/domain/dates";
import type { FlagRule, Locale } from "~/domain/enums";
import { TranslationProvider } from "~/i18n/react";
import { serverTranslation } from "~/i18n/translation.server";
import { useTestDatabase } from "~/test/db";
import { state } from "~/test/remix-react";
import { context, cookieFor, get, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import MePage, { loader as meLoader } from "./me._index/route";
import EmployerPage, { loader as employerLoader } from "./staff.employers.$employerId";
import EmployersPage, { loader as employersLoader } from "./staff.employers._index";
import TrainerHome, { loader as trainerLoader } from "./trainer._index/route";
import WeekCard, { loader as weekCardLoader } from "./trainer.placements.$placementId.weeks.$weekOf/route";

const db = useTestDatabase();
const today = siteToday();
const site = createSite(db);
const staff = createUser(db, { role: "staff", siteId: site.id });
const fw = createFramework(db);

// Parkway: 2 trainers, one of them with 4 active placements and the other with 1 (5 in all).
const parkway = createEmployer(db, { siteId: site.id, name: "Parkway Beauty Salon" });
const busy = createUser(db, { role: "trainer", siteId: site.id, employerId: parkway.id, displayName: "Busy Trainer" });
const second = createUser(db, { role: "trainer", siteId: site.id, employerId: parkway.id, displayName: "Second Trainer" });
const quiet = createEmployer(db, { siteId: site.id, name: "Quiet Cafe" });
createUser(db, { role: "trainer", siteId: site.id, employerId: quiet.id });
const start = addDays(mondayOf(today), -21);
const placementOf = (trainerUserId: number, apprenticeId: number) =>
  createPlacement(db, { apprenticeId, employerId: parkway.id, trainerUserId, frameworkVersionId: fw.version.id, startDate: start });
const { apprentice: me, user: meUser } = createApprenticeWithUser(db, { siteId: site.id });
const mine = placementOf(busy.id, me.id);
for (let i = 0; i < 3; i++) placementOf(busy.id, createApprentice(db, { siteId: site.id }).id);
placementOf(second.id, createApprentice(db, { siteId: site.id }).id);
// An ended placement is not an active one.
createPlacement(db, {
  apprenticeId: createApprentice(db, { siteId: site.id }).id,
  employerId: parkway.id,
  trainerUserId: second.id,
  frameworkVersionId: fw.version.id,
  startDate: "2025-01-06",
  status: "completed",
  endedOn: "2025-06-30",
  outcome: "retained_by_employer",
});

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };

async function renderAs(Page: () => unknown, loader: (args: never) => Promise<unknown>, who: Who, path: string, params: Record<string, string> = {}) {
  const cookie = await cookieFor(who);
  const out = await run(() => loader({ request: get(path, { cookie }), params, context: context() } as never));
  expect(out.status, path).toBe(200);
  state.loader = JSON.parse(JSON.stringify(out.data));
  state.action = undefined;
  const html = (locale: Locale) => renderToString(createElement(TranslationProvider, { value: serverTranslation(locale) }, createElement(Page as never)));
  return { en: html("en"), km: html("km"), data: state.loader as Record<string, unknown> };
}

const text = (html: string) =>
  html
    .replace(/<!-- -->/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/\s+/g, " ");

describe("employer figures", () => {
  it("/staff/employers counts each employer's own trainers and active placements", async () => {
    const { en } = await renderAs(EmployersPage, employersLoader, staff, "/staff/employers");
    const shown = text(en);
    expect(shown).toMatch(/Parkway Beauty Salon .*?2 trainers · 5 active placements/);
    expect(shown).toMatch(/Quiet Cafe .*?1 trainer · 0 active placements/);
  });

  it("an employer's page counts each trainer's own active placements", async () => {
    const { en, data } = await renderAs(EmployerPage, employerLoader, staff, `/staff/employers/${parkway.id}`, { employerId: String(parkway.id) });
    expect((data.trainers as { displayName: string; activePlacements: number }[]).map((t) => [t.displayName, t.activePlacements])).toEqual([
      ["Busy Trainer", 4],
      ["Second Trainer", 1],
    ]);
    expect(text(en)).toContain("4 active placements");
    expect(text(en)).toContain("1 active placement");
  });
});

describe("advance notices the trainer sees", () => {
  // Working days of the placement (Monday to Saturday) from today on.
  const workdays: string[] = [];
  for (let d = today; workdays.length < 9; d = addDays(d, 1)) if (isoWeekday(d) !== 7) workdays.push(d);
  const notice = (date: string, kind: "late" | "absent", reason: "family" | "transport" | "illness") =>
    db.insert(advanceNotices).values({ placementId: mine.id, date, kind, reason }).returning().get();
  const dayAfterTomorrow = workdays.find((d) => d >= addDays(today, 2))!;
  const inAWeek = addDays(today, 7);
  const tooFar = addDays(today, 8);
  notice(dayAfterTomorrow, "absent", "family");
  notice(inAWeek, "late", "transport");
  notice(tooFar, "absent", "illness");
  const withdrawn = notice(addDays(today, 3), "late", "family");
  db.insert(advanceNoticeWithdrawals).values({ noticeId: withdrawn.id, withdrawnBy: meUser.id }).run();

  it("/trainer shows every notice of the coming 7 days, not only tomorrow's; not a withdrawn one, not one further ahead", async () => {
    const { data, en } = await renderAs(TrainerHome, trainerLoader, busy, "/trainer");
    const row = (data.placements as { placementId: number; notices: { date: string }[] }[]).find((p) => p.placementId === mine.id)!;
    expect(row.notices.map((n) => n.date)).toEqual([dayAfterTomorrow, inAWeek]);
    expect(text(en)).toContain("Absent — Family");
    expect(text(en)).toContain("Late — Transport");
    expect(text(en)).not.toContain("Illness");
  });

  it("the week card lists the coming week's notices too", async () => {
    const monday = mondayOf(today);
    const { data, en } = await renderAs(WeekCard, weekCardLoader, busy, `/trainer/placements/${mine.id}/weeks/${monday}`, {
      placementId: String(mine.id),
      weekOf: monday,
    });
    const shownBesideDays = (data.days as { date: string; notice: unknown }[]).filter((d) => d.notice !== null).map((d) => d.date);
    const upcoming = (data.upcomingNotices as { date: string }[]).map((n) => n.date);
    // Every notice of the coming week is on the card, beside its day or in the list, once.
    expect([...shownBesideDays, ...upcoming].sort()).toEqual([dayAfterTomorrow, inAWeek].sort());
    expect(text(en)).toContain("Told ahead for the next 7 days");
  });
});

describe("/me: class afternoons", () => {
  it("counts 'At class' from the education ledger, the same source as 'attended'", async () => {
    // Two afternoons this month so far, both attended; the trainer recorded those days as present.
    const monthStart = `${today.slice(0, 7)}-01`;
    const first = monthStart > start ? monthStart : start;
    const days = [first, addDays(first, 1)].filter((d) => d <= today);
    for (const date of days) {
      const afternoon = createEducationAfternoon(db, { placementId: mine.id, date });
      db.insert(educationEvents).values({ afternoonId: afternoon.id, kind: "attended", recordedBy: staff.id }).run();
    }
    const { data, en } = await renderAs(MePage, meLoader, meUser, "/me");
    const p = (data.progress as { placement: unknown }).placement as { calendar: { counts: { education: number } }; education: { attended: number } };
    expect(p.education.attended).toBe(days.length);
    expect(p.calendar.counts.education).toBe(days.length);
    expect(en).toMatch(new RegExp(`data-testid="count-education"[^>]*>${days.length}<`));
    expect(en).toContain(`${days.length} of ${days.length} attended`);
  });
});

describe("flag texts", () => {
  const say = (rule: FlagRule, evidence: Record<string, unknown>, locale: Locale = "en") =>
    text(renderToString(createElement(TranslationProvider, { value: serverTranslation(locale) }, createElement(FlagSummary, { rule, evidence }))));

  it("says '1 sign-off', not '1 sign-offs', in both languages", () => {
    expect(say("signoff_while_absent", { signoffs: 1 })).toContain("1 sign-off dated on a day");
    expect(say("signoff_while_absent", { signoffs: 2 })).toContain("2 sign-offs dated on days");
    expect(say("education_mismatch", { afternoons: 1 })).toContain("1 education afternoon where");
    expect(say("trainer_inactive", { lastSignedOn: "2026-10-01", activePlacementIds: [7] })).toContain("with 1 active apprentice.");
    expect(say("no_weekly_review", { weeksWithoutReview: 1, lastReviewedWeek: "2026-11-02" })).toContain("for 1 week.");
    expect(say("signoff_while_absent", { signoffs: 1 }, "km")).toContain("ការវាយតម្លៃ 1");
  });

  it("never says 'Since —': attendance names the window's start", () => {
    const shown = say("attendance_risk", { windowStart: "2026-10-23", absences: 3, lates: 0, unexplainedDates: [] });
    expect(shown).toContain("Since 23 Oct 2026");
    expect(shown).not.toContain("—");
    expect(say("attendance_risk", { windowDays: 28, absences: 3, lates: 0, unexplainedDates: [] })).toContain("In the last 28 days");
    expect(say("trainer_inactive", { lastSignedOn: null, since: "2026-10-05", activePlacementIds: [1, 2] })).toContain("since 5 Oct 2026");
    expect(say("no_weekly_review", { weeksWithoutReview: 3, lastReviewedWeek: null })).not.toContain("—");
  });

  it("shows 6 of 9 as 67%", () => {
    expect(say("behind_plan", { competentOfExpected: 6, expectedByNow: 9, week: 5, percent: 67 })).toContain(
      "Competent in 6 of the 9 competencies expected by week 5 (67%).",
    );
  });

  it("says one date when a bulk sign-off happened on one day", () => {
    expect(say("bulk_signoff", { signoffs: 9, firstSignoffOn: "2026-11-21", lastSignoffOn: "2026-11-21" })).toContain(
      "9 competencies marked independent on 21 Nov 2026.",
    );
    expect(say("bulk_signoff", { signoffs: 9, firstSignoffOn: "2026-11-17", lastSignoffOn: "2026-11-21" })).toContain("between 17 Nov 2026 and 21 Nov 2026");
  });
});
