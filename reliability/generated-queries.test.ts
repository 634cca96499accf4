/**
 * Generated query strings to every page's loader, as every role (issue 12, "Bad input";
 * docs/decisions/0053-generated-query-strings.md).
 *
 * Every route module with a `loader` is found by reading app/routes; each gets fast-check
 * generated addresses: its own records' ids and the other site's, ids that do not exist, and query
 * strings built from the names its source reads (`page`, `size`, `from`, `to`, `site`, `sort`,
 * `status`…) with hostile values (huge numbers and periods, impossible dates, repeated keys,
 * crafted names, control characters, broken percent-encoding, very long strings), sent
 * in-process against the seeded demo in a real migrated SQLite file. It asserts:
 * - no answer is a 5xx (nor a thrown error);
 * - a page's loader writes nothing (the audit log and sessions aside);
 * - a 400 names its fields with messages both catalogues hold (never a raw parser message);
 * - a list page asked for more than its largest page, or a report asked for more than its
 *   longest period, answers 400 (never a silently shortened or an unbounded answer);
 * - nothing reaches a caller it must not (docs: DESIGN.md §4): every apprentice's preferred and
 *   legal names, background, referral source, follow-up notes and confidential feedback carry a
 *   marker naming the apprentice and the kind, and every answer (loader data or response body) is
 *   scanned for markers the caller may not see — another site's apprentices, another trainer's,
 *   a legal name without consent, anything confidential for a trainer.
 *
 * RELIABILITY_SEED replays a run; RELIABILITY_QUERY_RUNS sets the generated requests per route;
 * RELIABILITY_ONLY=route.id,… limits the run to some routes.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";

import { E2E_TODAY } from "../e2e/env";
import { MAX_OFFSET, MAX_PAGE_SIZE } from "~/domain/pagination";
import { MAX_PERIOD_DAYS } from "~/domain/reports";
import { addDays, daysBetween, isIsoDate } from "~/domain/dates";
import { catalogues } from "~/i18n/i18n.server";
import { hasKey, type Resources } from "~/i18n/translate";
import { useTestDatabase } from "~/test/db";
import { context, get, run, type Outcome } from "~/test/requests";

import { CRAFTED_NAMES, dates, junk, ownParams, paramsFor, resolve, valueFor, type ValueSpec } from "./generated-requests/bodies";
import { discoverLoaders, pathOf, type LoaderRoute } from "./generated-requests/routes";
import { openWorld, ROLES, statusCounts, siteOf, totalWrites, writesBetween, type Role } from "./generated-requests/world";

const SEED = Number(process.env.RELIABILITY_SEED ?? 20261207);
const RUNS = Number(process.env.RELIABILITY_QUERY_RUNS ?? 150);
const ONLY = process.env.RELIABILITY_ONLY;

// The pages' "today" is the demo's (siteToday reads DEMO_TODAY), so a trainer's week card is this week's.
process.env.DEMO_TODAY = E2E_TODAY;
const db = useTestDatabase();
const world = await openWorld(db, E2E_TODAY);
const allRoutes = await discoverLoaders();
const routes = allRoutes.filter((r) => !ONLY || ONLY.split(",").includes(r.id));
const client = db.$client;

// ---------------------------------------------------------------------------------------------
// Markers: every apprentice's names and confidential records say whose they are and what they are.

type Kind = "p" | "l" | "b" | "r" | "n" | "f";
const KIND_NAMES: Record<Kind, string> = {
  p: "preferred name",
  l: "legal name",
  b: "background",
  r: "referral source",
  n: "follow-up note",
  f: "confidential feedback",
};
const mark = (kind: Kind, apprenticeId: number) => `⟦${kind}${apprenticeId}⟧`;
const MARK = /⟦([plbrnf])(\d+)⟧/g;

const apprentices = client.prepare("select a.id, s.code as site from apprentices a join sites s on s.id = a.site_id").all() as { id: number; site: string }[];
const siteOfApprentice = new Map(apprentices.map((a) => [a.id, a.site]));
const staffUser = (client.prepare("select id from users where username = 'staff'").get() as { id: number }).id;
const markNames = client.prepare(
  "update apprentices set preferred_name = preferred_name || ?, legal_name = legal_name || ?, background = ?, referral_source = ? where id = ?",
);
const markedNote = client.prepare(
  "insert into follow_up_notes (apprentice_id, kind, occurred_on, body, author_user_id, created_at) values (?, 'visit', ?, ?, ?, ?)",
);
const markedFeedback = client.prepare(
  "insert into feedback (placement_id, explains_rating, learning_rating, fairness_rating, safety_rating, comment, submitted_at) values (?, 2, 3, 1, 4, ?, ?)",
);
client.transaction(() => {
  for (const { id } of apprentices) {
    markNames.run(` ${mark("p", id)}`, ` ${mark("l", id)}`, `Background ${mark("b", id)}`, `Referred by ${mark("r", id)}`, id);
    markedNote.run(id, addDays(E2E_TODAY, -3), `Visited; ${mark("n", id)}`, staffUser, Date.now());
  }
  const placements = client.prepare("select id, apprentice_id as apprenticeId from placements").all() as { id: number; apprenticeId: number }[];
  for (const p of placements) markedFeedback.run(p.id, `Feedback ${mark("f", p.apprenticeId)}`, Date.now());
})();

const trainerId = (client.prepare("select id from users where username = 'trainer'").get() as { id: number }).id;
const ownApprentice = (client.prepare("select apprentice_id as id from users where username = 'apprentice'").get() as { id: number }).id;
const trainersApprentices = new Set(
  (client.prepare("select distinct apprentice_id as id from placements where trainer_user_id = ?").all(trainerId) as { id: number }[]).map((r) => r.id),
);
/** The latest answer to "share my legal name", per apprentice. */
const legalNameShared = new Set(
  (
    client
      .prepare(
        `select apprentice_id as id from consents c where item = 'share_legal_name' and granted = 1
         and not exists (select 1 from consents d where d.apprentice_id = c.apprentice_id and d.item = c.item and (d.recorded_at > c.recorded_at or (d.recorded_at = c.recorded_at and d.id > c.id)))`,
      )
      .all() as { id: number }[]
  ).map((r) => r.id),
);

/** May `role` see this kind of record of this apprentice? (DESIGN.md §4, the client-protection table.) */
function allowed(role: Role, kind: Kind, apprenticeId: number): boolean {
  switch (role) {
    case "admin":
      return true;
    case "staffPP":
    case "staffSR":
      return siteOfApprentice.get(apprenticeId) === siteOf(role);
    case "trainer":
    case "trainerByLink":
      return trainersApprentices.has(apprenticeId) && (kind === "p" || (kind === "l" && legalNameShared.has(apprenticeId)));
    case "apprentice":
      return apprenticeId === ownApprentice && (kind === "p" || kind === "l" || kind === "f");
    case "anonymous":
      return false;
  }
}

function leaks(role: Role, body: string): string[] {
  const found = new Set<string>();
  for (const m of body.matchAll(MARK)) {
    const kind = m[1] as Kind;
    const id = Number(m[2]);
    if (!allowed(role, kind, id)) found.add(`${KIND_NAMES[kind]} of apprentice ${id} (${siteOfApprentice.get(id)})`);
  }
  return [...found];
}

// ---------------------------------------------------------------------------------------------
// Query strings

/** Names a query string may hold, beyond what each route's source reads: the app's filters and flags. */
const QUERY_NAMES = [
  "page",
  "size",
  "site",
  "intake",
  "from",
  "to",
  "sort",
  "rule",
  "severity",
  "status",
  "employer",
  "trainer",
  "show",
  "phase",
  "a",
  "b",
  "actor",
  "entity",
  "action",
  "as",
  "redirectTo",
  "apprentice",
  "index",
  "_data",
];

const today = world.today;
const PERIOD_DATES = [
  ...dates(today),
  addDays(today, -MAX_PERIOD_DAYS),
  addDays(today, -MAX_PERIOD_DAYS + 1),
  addDays(today, -400),
  "2000-01-01",
  "1970-01-01",
];
const SIZES = ["1", "50", String(MAX_PAGE_SIZE), String(MAX_PAGE_SIZE + 1), "1000", "100000", "-5", "0", "1.5", "1e2"];
const PAGES = ["1", "2", "3", "200", String(MAX_OFFSET / 10 + 2), "999999999", "0", "-1", "NaN"];

function queryValue(name: string): fc.Arbitrary<ValueSpec> {
  const plain = (values: readonly string[]) =>
    fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: junk }).map((s) => ({ lit: s }));
  if (name === "from" || name === "to") return plain(PERIOD_DATES);
  if (name === "size") return plain(SIZES);
  if (name === "page") return plain(PAGES);
  return valueFor(name, world, 3);
}

interface Spec {
  role: Role;
  params: Record<string, ValueSpec>;
  entries: { name: string; value: ValueSpec }[];
  /** Appended as written: broken percent-encoding, a bare `?`, a huge query. */
  raw: string;
}

const RAW = ["", "", "", "", "&", "&&x", "&%", "&a=%E0%A4%A", "&%ZZ=1", "&page=%00", `&q=${"x".repeat(9000)}`, "&=&=&", "&__proto__[x]=1"];

/** The caps a route's loader applies, read from its source: pages (`parsePage`), a report's period (`parseReportFilters`). */
const capsOf = (route: LoaderRoute) => ({ pages: /\bparsePage\(/.test(route.source), period: /\bparseReportFilters\(/.test(route.source) });

/**
 * `admitted`: the roles the page lets in, with an address of their own records it answers 200 for;
 * they send most of the requests, at that address, so that the filters are reached.
 */
function specs(route: LoaderRoute, admitted: ReadonlyMap<Role, Record<string, ValueSpec>>): fc.Arbitrary<Spec> {
  const names = [...new Set([...route.names, ...QUERY_NAMES])];
  const name = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...(route.names.length ? route.names : QUERY_NAMES)) },
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom(...CRAFTED_NAMES) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  const entry = name.chain((n) => queryValue(n).map((value) => ({ name: n, value })));
  // The filters a cap applies to, together: a period (from and to), a page (size and page).
  const pair = (a: string, b: string) =>
    fc.tuple(queryValue(a), queryValue(b)).map(([x, y]) => [
      { name: a, value: x },
      { name: b, value: y },
    ]);
  const caps = capsOf(route);
  const focused = [...(caps.period ? [pair("from", "to")] : []), ...(caps.pages ? [pair("size", "page")] : [])];
  const entries = fc.tuple(fc.array(entry, { maxLength: 6 }), fc.nat(3)).map(([es, times]) => (es.length && times === 3 ? [...es, es[0]!, es[0]!] : es));
  const roles = [...admitted.keys()];
  const role = roles.length
    ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...roles) }, { weight: 1, arbitrary: fc.constantFrom(...ROLES) })
    : fc.constantFrom(...ROLES);
  return fc
    .record({
      role,
      params: fc.oneof({ weight: 3, arbitrary: fc.constant<Record<string, ValueSpec> | null>(null) }, { weight: 2, arbitrary: paramsFor(route, world) }),
      entries: focused.length
        ? fc.oneof(
            { weight: 2, arbitrary: entries },
            { weight: 1, arbitrary: fc.tuple(fc.oneof(...focused), fc.array(entry, { maxLength: 2 })).map(([f, es]) => [...f, ...es]) },
          )
        : entries,
      raw: fc.constantFrom(...RAW),
    })
    .map((spec) => ({ ...spec, params: spec.params ?? admitted.get(spec.role) ?? ownParams(route, world) }));
}

/** The first of a few addresses of the caller's own records (index 0, 1, …) the page answers 200 for. */
async function admittedAt(route: LoaderRoute, role: Role): Promise<Record<string, ValueSpec> | null> {
  const cookie = await cookieOf(role);
  for (let i = 0; i < (route.params.length ? 8 : 1); i++) {
    const specParams = Object.fromEntries(Object.entries(ownParams(route, world)).map(([k, v]) => [k, "id" in v ? { ...v, i } : v])) as Record<
      string,
      ValueSpec
    >;
    const params = Object.fromEntries(Object.entries(specParams).map(([k, v]) => [k, resolve(v, role, world)]));
    const outcome = await run(() => route.loader({ request: get(pathOf(route, params), cookie), params, context: context() }) as Promise<unknown>);
    if (outcome.status === 200) return specParams;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

const cookies = new Map<Role, Record<string, string>>();
async function cookieOf(role: Role) {
  if (!cookies.has(role)) cookies.set(role, await world.cookie(role));
  return cookies.get(role)!;
}

const bodyOf = (outcome: Outcome) => (typeof outcome.data === "string" ? outcome.data : (JSON.stringify(outcome.data) ?? ""));

/** The field errors a 400 names: `errors` (field → messages) or a list page's `pageErrors`; null when it names none. */
function errorsOf(outcome: Outcome): Record<string, unknown> | null {
  const data = outcome.data as { errors?: unknown; pageErrors?: unknown } | null;
  if (typeof data !== "object" || data === null) return null;
  const errors = typeof data.errors === "object" && data.errors !== null ? { ...(data.errors as Record<string, unknown>) } : {};
  if (Array.isArray(data.pageErrors) && data.pageErrors.length) errors.page = data.pageErrors;
  return Object.keys(errors).length ? errors : null;
}

/** The one value of a query name when it is given once, else undefined. */
function single(query: URLSearchParams, name: string): string | undefined {
  const all = query.getAll(name);
  return all.length === 1 ? all[0] : undefined;
}

interface Stats {
  requests: number;
  statuses: Map<number, number>;
  capped: number;
}
const stats = new Map<string, Stats>(routes.map((r) => [r.id, { requests: 0, statuses: new Map(), capped: 0 }]));
let scanned = 0;
let sent = 1;
const failures = { fiveXx: 0, writes: 0, leaks: 0, thrown: 0 };

async function send(route: LoaderRoute, spec: Spec) {
  const params = Object.fromEntries(Object.entries(spec.params).map(([k, v]) => [k, resolve(v, spec.role, world)]));
  const query = new URLSearchParams(spec.entries.map((e) => [e.name, resolve(e.value, spec.role, world)] as [string, string]));
  const path = `${pathOf(route, params)}?${query.toString()}${spec.raw}`;
  const what = `${spec.role} GET ${path.length > 300 ? `${path.slice(0, 300)}…(${path.length} chars)` : path}`;
  const before = world.writes();
  const cookie = await cookieOf(spec.role);
  let outcome: Outcome;
  try {
    // A fresh client address each time: the sign-in pages' throttle counts per address.
    const clientIp = `10.${(sent >> 16) & 255}.${(sent >> 8) & 255}.${sent++ & 255}`;
    outcome = await run(() => route.loader({ request: get(path, cookie), params, context: context({ clientIp }) }) as Promise<unknown>);
  } catch (error) {
    failures.thrown++;
    throw new Error(`threw for ${what}\n${error instanceof Error ? error.stack : String(error)}`);
  }
  const s = stats.get(route.id)!;
  s.requests++;
  s.statuses.set(outcome.status, (s.statuses.get(outcome.status) ?? 0) + 1);

  if (outcome.status >= 500) {
    failures.fiveXx++;
    throw new Error(`${outcome.status} for ${what}`);
  }
  const wrote = writesBetween(before, world.writes());
  if (totalWrites(wrote) > 0) {
    failures.writes++;
    throw new Error(`a GET wrote ${JSON.stringify(wrote)}: ${what}`);
  }

  const body = bodyOf(outcome);
  scanned += body.length;
  const leaked = leaks(spec.role, body);
  if (leaked.length) {
    failures.leaks++;
    throw new Error(`${spec.role} was sent ${leaked.join(", ")}: ${what}`);
  }

  const errors = errorsOf(outcome);
  if (outcome.status === 400 && errors) {
    for (const [field, messages] of Object.entries(errors)) {
      for (const message of Array.isArray(messages) ? messages : []) {
        for (const [locale, catalogue] of Object.entries(catalogues))
          if (typeof message !== "string" || !hasKey(catalogue as Resources, message))
            throw new Error(`400 names ${field} with ${JSON.stringify(message)}, not a ${locale} catalogue key: ${what}`);
      }
    }
  }

  // The caps: only for a caller the page let in (a 200 or a 400 with field errors).
  const admitted = outcome.status === 200 || (outcome.status === 400 && errors !== null);
  if (!admitted) return;
  const capped = (why: string) => {
    s.capped++;
    if (outcome.status !== 400) throw new Error(`${why}, yet ${outcome.status}: ${what}`);
  };
  const caps = capsOf(route);
  if (caps.pages) {
    const size = single(query, "size");
    const page = single(query, "page");
    if (size !== undefined && /^\d+$/.test(size) && Number(size) > MAX_PAGE_SIZE) capped(`a page of ${size} rows (largest ${MAX_PAGE_SIZE})`);
    if (page !== undefined && /^\d+$/.test(page) && (Number(page) - 1) * Math.min(MAX_PAGE_SIZE, Number(size ?? 1) || 1) > MAX_OFFSET)
      capped(`page ${page} (deepest offset ${MAX_OFFSET})`);
  }
  if (caps.period && !spec.raw.includes("=")) {
    const from = single(query, "from");
    const to = single(query, "to");
    if (from && to && isIsoDate(from) && isIsoDate(to) && from <= to && daysBetween(from, to) + 1 > MAX_PERIOD_DAYS)
      capped(`a period of ${daysBetween(from, to) + 1} days (longest ${MAX_PERIOD_DAYS})`);
  }
}

describe("generated query strings to every page's loader", () => {
  it("finds the pages (a route added later is covered without editing this file)", () => {
    expect(routes.length).toBeGreaterThan(ONLY ? 0 : 40);
    for (const id of ["staff.flags._index", "staff.reports.trainers", "staff.reports.outcomes", "staff.apprentices._index", "admin.audit"])
      if (!ONLY) expect(routes.map((r) => r.id)).toContain(id);
  });

  it("the markers are in place: a caller's own records reach them, marked", async () => {
    // Without this, a scan that finds nothing could mean the markers never reached any page.
    const record = allRoutes.find((r) => r.id === "staff.apprentices.$apprenticeId");
    expect(record).toBeDefined();
    const outcome = await run(
      async () =>
        record!.loader({
          request: get(`/staff/apprentices/${ownApprentice}`, await cookieOf("staffPP")),
          params: { apprenticeId: String(ownApprentice) },
          context: context(),
        }) as Promise<unknown>,
    );
    expect(outcome.status).toBe(200);
    const body = bodyOf(outcome);
    for (const kind of ["p", "l", "b", "r", "n", "f"] as const) expect(body).toContain(mark(kind, ownApprentice));
    expect(leaks("staffPP", body)).toEqual([]);
    expect(leaks("trainer", body).length).toBeGreaterThan(0);
  });

  for (const route of routes) {
    it(route.id, async () => {
      const admitted = new Map<Role, Record<string, ValueSpec>>();
      for (const role of ROLES) {
        const params = await admittedAt(route, role);
        if (params) admitted.set(role, params);
      }
      await fc.assert(
        fc.asyncProperty(specs(route, admitted), (spec) => send(route, spec)),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    });
  }
});

afterAll(() => {
  const lines = [`test:reliability — generated query strings (seed ${SEED}, ${RUNS} per page)`];
  const width = Math.max(...routes.map((r) => r.id.length));
  let total = 0;
  let capped = 0;
  for (const route of routes) {
    const s = stats.get(route.id)!;
    total += s.requests;
    capped += s.capped;
    const statuses = statusCounts(s.statuses);
    lines.push(`  ${route.id.padEnd(width)}  ${String(s.requests).padStart(4)} requests  [${statuses}]${s.capped ? `  over a cap: ${s.capped}` : ""}`);
  }
  lines.push(
    `  pages: ${routes.length}  requests: ${total}  thrown: ${failures.thrown}  5xx: ${failures.fiveXx}  writes: ${failures.writes}  leaks: ${failures.leaks}  over a cap: ${capped}  scanned: ${(scanned / 1e6).toFixed(1)} MB`,
  );
  console.log(lines.join("\n"));
});
