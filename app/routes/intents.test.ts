/**
 * Pages with several buttons tell their forms apart by `intent` (docs/decisions/0031): a button
 * the page does not have is refused with 400 and a message beside `intent`, never taken for
 * another button, and nothing is written.
 */
import { describe, expect, it } from "vitest";

import {
  createApprentice,
  createApprenticeWithUser,
  createEmployer,
  createFlag,
  createFramework,
  createPlacement,
  createSite,
  createUser,
} from "~/db/factories.server";
import { auditEvents } from "~/db/schema";
import { addDays, mondayOf } from "~/domain/dates";
import { useTestDatabase } from "~/test/db";
import { context, cookieFor, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { action as userAction } from "./admin.users.$userId";
import { action as noticesAction } from "./me.notices/route";
import { action as loginAction } from "./login/route";
import { action as apprenticeAction } from "./staff.apprentices.$apprenticeId/route";
import { action as employerAction } from "./staff.employers.$employerId";
import { action as flagAction } from "./staff.flags.$flagId";
import { action as frameworksAction } from "./staff.frameworks._index";
import { action as versionAction } from "./staff.frameworks.versions.$versionId";
import { action as placementAction } from "./staff.placements.$placementId/route";
import { action as achievementAction } from "./staff.placements.$placementId_.achievement";
import { action as remindersAction } from "./staff.reminders";
import { action as trainerPageAction } from "./staff.trainers.$trainerId";
import { action as trainerHomeAction } from "./trainer._index/route";

const db = useTestDatabase();
const today = siteToday();
const site = createSite(db);
const salon = createEmployer(db, { siteId: site.id });
const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: salon.id });
const staff = createUser(db, { role: "staff", siteId: site.id });
const admin = createUser(db, { role: "admin" });
const fw = createFramework(db);
const draft = createFramework(db, {}, "draft");
const { apprentice, user: apprenticeUser } = createApprenticeWithUser(db, { siteId: site.id });
const placement = createPlacement(db, {
  apprenticeId: apprentice.id,
  employerId: salon.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: addDays(mondayOf(today), -28),
});
const other = createApprentice(db, { siteId: site.id });
const done = createPlacement(db, {
  apprenticeId: other.id,
  employerId: salon.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: addDays(today, -200),
  status: "completed",
  endedOn: addDays(today, -100),
  outcome: "retained_by_employer",
});
const flag = createFlag(db, { rule: "no_weekly_review", severity: "warn", placementId: placement.id, siteId: site.id });

type Who = { id: number; role: "trainer" | "staff" | "admin" | "apprentice" };
type Answer = { errors: Record<string, string[]> | null };

const PAGES: { title: string; action: (args: never) => Promise<unknown>; path: string; params: Record<string, string>; who: Who }[] = [
  { title: "an account", action: userAction, path: `/admin/users/${trainer.id}`, params: { userId: String(trainer.id) }, who: admin },
  {
    title: "the staff apprentice record",
    action: apprenticeAction,
    path: `/staff/apprentices/${apprentice.id}`,
    params: { apprenticeId: String(apprentice.id) },
    who: staff,
  },
  { title: "an employer", action: employerAction, path: `/staff/employers/${salon.id}`, params: { employerId: String(salon.id) }, who: staff },
  { title: "a placement", action: placementAction, path: `/staff/placements/${placement.id}`, params: { placementId: String(placement.id) }, who: staff },
  {
    title: "a record of achievement",
    action: achievementAction,
    path: `/staff/placements/${done.id}/achievement`,
    params: { placementId: String(done.id) },
    who: staff,
  },
  { title: "a flag", action: flagAction, path: `/staff/flags/${flag.id}`, params: { flagId: String(flag.id) }, who: staff },
  { title: "the frameworks", action: frameworksAction, path: "/staff/frameworks", params: {}, who: staff },
  {
    title: "a draft framework version",
    action: versionAction,
    path: `/staff/frameworks/versions/${draft.version.id}`,
    params: { versionId: String(draft.version.id) },
    who: staff,
  },
  { title: "a trainer's page", action: trainerPageAction, path: `/staff/trainers/${trainer.id}`, params: { trainerId: String(trainer.id) }, who: staff },
  { title: "the reminders", action: remindersAction, path: "/staff/reminders", params: {}, who: admin },
  { title: "the trainer's home", action: trainerHomeAction, path: "/trainer", params: {}, who: trainer },
  { title: "the apprentice's notices", action: noticesAction, path: "/me/notices", params: {}, who: apprenticeUser },
];

const audited = () => db.select().from(auditEvents).all().length;

describe("a button the page does not have", () => {
  it.each(PAGES)("is refused on $title: 400, its message beside `intent`, nothing written", async ({ action, path, params, who }) => {
    const before = audited();
    const answer = await run<Answer>(async () =>
      action({
        request: post(path, { intent: "delete_everything", note: "x", reason: "x" }, { cookie: await cookieFor(who) }),
        params,
        context: context(),
      } as never),
    );
    expect(answer.status).toBe(400);
    expect(answer.data.errors?.intent).toEqual(["form.errors.intent"]);
    expect(audited()).toBe(before);
  });
});

describe("conform's own field names", () => {
  it("are not acted on: a crafted `__intent__` or `__state__` on the sign-in page is an ordinary refusal, not a 500", async () => {
    for (const name of ["__intent__", "__state__"]) {
      const answer = await run<unknown>(() =>
        loginAction({ request: post("/login", { username: "nobody", password: "wrong", [name]: "{not json" }), params: {}, context: context() }),
      );
      expect(answer.status, name).toBe(401);
    }
  });
});
