/**
 * The pages people open all day, and the sign-off write, on the seeded demo: every statement
 * they run is answered from an index (EXPLAIN QUERY PLAN shows no scan of a table that grows
 * with the programme), and they run the same number of statements when the data grows.
 * (Speed itself is measured by `npm run bench`, never by a timed test.)
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";

import { registerFlagHooks, runFlagPass } from "~/db/flags.server";
import { bulkRecords, createApprentice, createEmployer, createFramework, createPlacement, createSite, createUser } from "~/db/factories.server";
import { users } from "~/db/schema";
import { seedDemo } from "~/db/seed.server";
import { addDays, mondayOf } from "~/domain/dates";
import { recordQueries, useTestDatabase } from "~/test/db";
import { context, cookieFor, get, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import { loader as rootLoader } from "../root";
import { loader as healthLoader } from "./healthcheck";
import { loader as loginLoader } from "./login/route";
import { loader as meLoader } from "./me._index/route";
import { loader as staffHomeLoader } from "./staff._index/route";
import { loader as apprenticesLoader } from "./staff.apprentices._index/route";
import { loader as flagsCsvLoader } from "./staff.flags[.csv]";
import { loader as flagsLoader } from "./staff.flags._index/route";
import { loader as placementLoader } from "./staff.placements.$placementId/route";
import { loader as outcomesLoader } from "./staff.reports.outcomes/route";
import { loader as trainersReportLoader } from "./staff.reports.trainers/route";
import { loader as trainerHomeLoader } from "./trainer._index/route";
import { action as weekAction, loader as weekLoader } from "./trainer.placements.$placementId.weeks.$weekOf/route";

const db = useTestDatabase();
const today = siteToday();
const monday = mondayOf(today);
seedDemo(db, { today });
runFlagPass(db, { today });
registerFlagHooks({ database: () => db, today: () => today });

/** Tables that grow with the programme: a full scan of any of them is a defect on these pages. */
const GROWING = new Set([
  "apprentices",
  "assessments",
  "attendance",
  "weekly_reviews",
  "education_afternoons",
  "education_events",
  "advance_notices",
  "feedback",
  "placements",
  "flags",
  "flag_events",
  "audit_events",
  "sessions",
  "users",
  "employers",
  "intakes",
  "phase_changes",
  "consents",
  "manual_statuses",
  "follow_up_notes",
  "outcome_checkins",
  "competency_levels",
  "placement_weeks",
  "competencies",
  "framework_units",
  "public_holidays",
  "sign_in_links",
]);

const userNamed = (username: string) => db.select().from(users).where(eq(users.username, username)).get()!;
const trainer = userNamed("trainer");
const staff = userNamed("staff");
const admin = userNamed("admin");
const apprentice = userNamed("apprentice");
const placementId = (
  db.$client.prepare("select id from placements where trainer_user_id = ? and status = 'active' order by id limit 1").get(trainer.id) as { id: number }
).id;
const cookies = new Map<number, string>();
beforeAll(async () => {
  for (const u of [trainer, staff, admin, apprentice]) cookies.set(u.id, await cookieFor(u));
});

type Loader = (args: { request: Request; params: Record<string, string>; context: ReturnType<typeof context> }) => Promise<unknown>;
interface Page {
  name: string;
  path: string;
  who: { id: number } | null;
  loader: Loader;
  params?: Record<string, string>;
  /** Works a site at a time (yielding between sites): a few bounded statements per site. */
  perSite?: boolean;
}
const card = `/trainer/placements/${placementId}/weeks/${monday}`;
const PAGES: Page[] = [
  { name: "healthcheck", path: "/healthcheck", who: null, loader: healthLoader as Loader },
  { name: "sign-in page", path: "/login", who: null, loader: loginLoader as Loader },
  { name: "trainer home", path: "/trainer", who: trainer, loader: trainerHomeLoader as Loader },
  { name: "week card", path: card, who: trainer, loader: weekLoader as Loader, params: { placementId: String(placementId), weekOf: monday } },
  { name: "staff home", path: "/staff", who: staff, loader: staffHomeLoader as Loader },
  { name: "flags inbox", path: "/staff/flags", who: staff, loader: flagsLoader as Loader },
  { name: "flags inbox, admin", path: "/staff/flags", who: admin, loader: flagsLoader as Loader },
  {
    name: "staff placement page",
    path: `/staff/placements/${placementId}`,
    who: staff,
    loader: placementLoader as Loader,
    params: { placementId: String(placementId) },
  },
  { name: "trainer report", path: "/staff/reports/trainers", who: staff, loader: trainersReportLoader as Loader },
  { name: "trainer report, admin across sites", path: "/staff/reports/trainers", who: admin, loader: trainersReportLoader as Loader, perSite: true },
  { name: "outcomes report", path: "/staff/reports/outcomes", who: staff, loader: outcomesLoader as Loader },
  { name: "apprentice home", path: "/me", who: apprentice, loader: meLoader as Loader },
  { name: "apprentices list", path: "/staff/apprentices", who: staff, loader: apprenticesLoader as Loader },
  { name: "apprentices list, admin", path: "/staff/apprentices", who: admin, loader: apprenticesLoader as Loader },
  { name: "staff home, admin", path: "/staff", who: admin, loader: staffHomeLoader as Loader },
  { name: "outcomes report, admin across sites", path: "/staff/reports/outcomes", who: admin, loader: outcomesLoader as Loader, perSite: true },
  // Streamed: the statements of every chunk run as the body is read (`run` reads it).
  { name: "flags CSV, admin", path: "/staff/flags.csv", who: admin, loader: flagsCsvLoader as Loader },
  { name: "flags CSV, admin, every status", path: "/staff/flags.csv?status=all", who: admin, loader: flagsCsvLoader as Loader },
];

/** The statements a page runs, as Remix runs it: the root loader and the page's loader on one request. */
async function statementsOf(page: Page): Promise<string[]> {
  const request = get(page.path, page.who ? { cookie: cookies.get(page.who.id)! } : {});
  let status = 0;
  const statements = await recordQueries(async () => {
    await run(() => rootLoader({ request, params: {}, context: context() }));
    status = (await run(() => page.loader({ request, params: page.params ?? {}, context: context() }))).status;
  });
  expect(status, page.name).toBe(200);
  return statements.filter((s) => /^\s*(select|with|insert|update|delete)\b/i.test(s));
}

/**
 * The scans in a statement's plan. A write's plan also lists the foreign-key checks SQLite would
 * run when a parent row appears while a deferred violation is outstanding (never, here: every
 * constraint is immediate), so writes are explained without them; their triggers stay.
 */
function scansOf(statement: string): string[] {
  const write = /^\s*(insert|update|delete)\b/i.test(statement);
  if (write) db.$client.pragma("foreign_keys = OFF");
  let plan: { detail: string }[];
  try {
    plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${statement}`).all() as { detail: string }[];
  } finally {
    if (write) db.$client.pragma("foreign_keys = ON");
  }
  // Walking an index in order for one page (`limit`) reads that page, not the table; so does
  // counting an admin's whole list from an index alone (for "1–50 of 80,000").
  const pageOfIndex = /\blimit\b/i.test(statement);
  const countOnly = /^\s*select count\(\*\)/i.test(statement);
  return plan.flatMap(({ detail }) => {
    const table = /^SCAN (\w+)/.exec(detail)?.[1];
    if (!table || !GROWING.has(table)) return [];
    if (pageOfIndex && / USING (COVERING )?INDEX /.test(detail)) return [];
    if (countOnly && / USING COVERING INDEX /.test(detail)) return [];
    // Counting the entries of a partial index (the live flags) reads that index alone, and it
    // holds what is live, not the years of history.
    const index = / USING INDEX (\w+)/.exec(detail)?.[1];
    if (countOnly && index && isPartial(table, index)) return [];
    return [detail];
  });
}

const isPartial = (table: string, index: string) =>
  (db.$client.pragma(`index_list(${table})`) as { name: string; partial: number }[]).some((i) => i.name === index && i.partial === 1);

/** More of everything the demo trainer, staff and admin see: the pages must not ask more questions. */
function growTheData() {
  const site = createSite(db, { code: "GX" });
  const employer = createEmployer(db, { siteId: site.id });
  const otherTrainer = createUser(db, { role: "trainer", siteId: site.id, employerId: employer.id, password: null });
  const fw = createFramework(db);
  const bulk = bulkRecords(db);
  const ppEmployer = trainer.employerId!;
  db.$client.transaction(() => {
    for (let i = 0; i < 12; i++) {
      for (const [t, e, siteId] of [
        [trainer.id, ppEmployer, trainer.siteId!],
        [otherTrainer.id, employer.id, site.id],
      ] as const) {
        const a = createApprentice(db, { siteId });
        const p = createPlacement(db, {
          apprenticeId: a.id,
          employerId: e,
          trainerUserId: t,
          frameworkVersionId: fw.version.id,
          startDate: addDays(monday, -70),
        });
        for (let d = -70; d < 0; d++) {
          const date = addDays(monday, d);
          bulk.attendance({
            placementId: p.id,
            date,
            status: d % 9 === 0 ? "absent" : "present",
            absenceReason: d % 9 === 0 ? "transport" : null,
            recordedBy: t,
            createdAt: Date.parse(`${date}T10:00:00Z`),
          });
          if (d % 7 === 1)
            bulk.educationAfternoon({ placementId: p.id, date, createdAt: Date.parse(`${date}T08:00:00Z`) }, [
              { kind: "released", recordedBy: t, createdAt: Date.parse(`${date}T09:00:00Z`) },
            ]);
          if (d % 7 === 0) bulk.weeklyReview({ placementId: p.id, weekOf: date, trainerUserId: t, submittedAt: Date.parse(`${date}T10:00:00Z`) });
        }
        for (const c of fw.competencies)
          bulk.assessment({
            placementId: p.id,
            competencyId: c.id,
            trainerUserId: t,
            level: "independent",
            observedOn: addDays(monday, -20),
            createdAt: Date.parse(`${addDays(monday, -20)}T10:00:00Z`),
          });
      }
    }
  })();
  runFlagPass(db, { today });
}

describe("hot pages", () => {
  it("answer every statement from an index, and ask no more questions when the data grows", async () => {
    const before = new Map<string, number>();
    for (const page of PAGES) {
      const statements = await statementsOf(page);
      for (const statement of statements) expect(scansOf(statement), `${page.name}: ${statement}`).toEqual([]);
      before.set(page.name, statements.length);
    }
    const sitesBefore = db.$client.prepare("select count(*) as n from sites").get() as { n: number };
    growTheData();
    const sitesAfter = db.$client.prepare("select count(*) as n from sites").get() as { n: number };
    for (const page of PAGES) {
      const statements = await statementsOf(page);
      for (const statement of statements) expect(scansOf(statement), `${page.name}: ${statement}`).toEqual([]);
      const was = before.get(page.name)!;
      if (!page.perSite) {
        expect(statements.length, page.name).toBe(was);
        continue;
      }
      // was = fixed + k × sites before; now = fixed + k × sites after, with a small k.
      const k = (statements.length - was) / (sitesAfter.n - sitesBefore.n);
      expect(Number.isInteger(k) && k > 0 && k <= 6, `${page.name}: ${k} statements a site`).toBe(true);
      expect(was - k * sitesBefore.n, page.name).toBeGreaterThanOrEqual(0);
    }
  });

  it("sign off a level with every statement answered from an index, the flag hook included", async () => {
    const cookie = cookies.get(trainer.id)!;
    const params = { placementId: String(placementId), weekOf: monday };
    const page = await run<{ submissionKey: string; baseline: string; competencies: { id: number; level: string | null }[] }>(() =>
      weekLoader({ request: get(`${card}?show=all`, { cookie }), params, context: context() }),
    );
    const competency = page.data.competencies[0]!;
    let status = 0;
    const statements = await recordQueries(async () => {
      const form = {
        intent: "submit",
        submissionKey: page.data.submissionKey,
        baseline: page.data.baseline,
        [`level.${competency.id}`]: competency.level === "supervised" ? "independent" : "supervised",
        correctionReason: "Seen again today",
      };
      status = (await run(() => weekAction({ request: post(card, form, { cookie }), params, context: context() }))).status;
    });
    expect(status).toBe(302);
    const writes = statements.filter((s) => /^\s*insert into "?assessments/i.test(s));
    expect(writes).toHaveLength(1);
    for (const statement of statements.filter((s) => /^\s*(select|with|insert|update|delete)\b/i.test(s))) {
      expect(scansOf(statement), statement).toEqual([]);
    }
  });
});
