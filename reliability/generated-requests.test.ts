/**
 * Generated requests to every action, as every role (issue 9, docs/decisions/0011).
 *
 * Every route module with an `action` is found by reading app/routes; each gets fast-check
 * generated bodies (wrong types, huge strings, control characters, invalid UTF-8, duplicate
 * keys, unknown intents, ids from the other site, crafted names, JSON, text/plain, no body),
 * sent in-process against the seeded demo in a real migrated SQLite file. It asserts:
 * - no answer is a 5xx (nor a thrown error);
 * - a refused request (4xx, or sent to sign in) writes nothing: every insert, update and delete
 *   is counted per table by temporary triggers (the audit log and sessions aside);
 * - a name like `__proto__.toString` never reaches an object's prototype, and a body holding one
 *   is refused before anything reads it;
 * - after every accepted write the data keeps its rules (nothing attached across sites or to
 *   another person's record, one open flag per rule and subject, no control characters stored),
 *   and after each action SQLite's integrity and foreign-key checks pass and the portal still
 *   answers ordinary requests;
 * - the role × route table's "foreign ids in bodies" rows answer as the table says, writing nothing.
 *
 * RELIABILITY_SEED replays a run; RELIABILITY_RUNS sets the generated requests per action;
 * RELIABILITY_ONLY=route.id,… limits the run to some actions.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";

import { CALLERS, ROWS, type Caller, type Outcome } from "../e2e/access-table";
import { E2E_TODAY } from "../e2e/env";
import { setMessagingConfig } from "~/messaging/config.server";
import { resetTelegramRuntime } from "~/messaging/telegram.server";
import { loader as healthcheck } from "~/routes/healthcheck";
import { loader as staffHome } from "~/routes/staff._index/route";
import { loader as trainerHome } from "~/routes/trainer._index/route";
import { useTestDatabase } from "~/test/db";
import { BASE, context, get, run } from "~/test/requests";

import {
  buildRequest,
  CRAFTED_NAMES,
  describe as describeSpec,
  isCrafted,
  ownParams,
  requestsFor,
  resolve,
  type RequestSpec,
} from "./generated-requests/bodies";
import { brokenRules, prototypeSnapshot } from "./generated-requests/invariants";
import { discoverActions, matchRoute, pathOf, type ActionRoute } from "./generated-requests/routes";
import { openWorld, ROLES, statusCounts, totalWrites, writesBetween, type Role } from "./generated-requests/world";

const SEED = Number(process.env.RELIABILITY_SEED ?? 20261119);
const RUNS = Number(process.env.RELIABILITY_RUNS ?? 120);

const db = useTestDatabase();
const world = await openWorld(db, E2E_TODAY);
// Telegram set up, its bot's username configured (so no Bot API server is needed, as in
// app/routes/reminders.test.ts): the Telegram buttons found on the pages are exercised like any
// other form. Without it their deliberate answer is 503 "not set up", tested in reminders.test.ts.
setMessagingConfig({
  publicUrl: BASE,
  linkHours: 72,
  telegram: {
    token: "515151:reliability-token-0123456789abc",
    apiRoot: "http://127.0.0.1:9",
    mode: "polling",
    webhookSecret: null,
    username: "PortalReliabilityBot",
  },
  sms: null,
});
resetTelegramRuntime();
const ONLY = process.env.RELIABILITY_ONLY;
const routes = (await discoverActions()).filter((r) => !ONLY || ONLY.split(",").includes(r.id));
const PROTOTYPES = prototypeSnapshot();

interface Stats {
  requests: number;
  fiveXx: number;
  refused: number;
  accepted: number;
  crafted: number;
  craftedWrites: number;
  statuses: Map<number, number>;
}
const stats = new Map<string, Stats>(
  routes.map((r) => [r.id, { requests: 0, fiveXx: 0, refused: 0, accepted: 0, crafted: 0, craftedWrites: 0, statuses: new Map() }]),
);
const foreign = { rows: 0, requests: 0, leaks: 0 };

interface Sent {
  status: number;
  location: string | null;
  wrote: Record<string, number>;
  bodyRead: boolean;
  error: unknown;
  what: string;
}

async function send(route: ActionRoute, spec: RequestSpec): Promise<Sent> {
  const params = Object.fromEntries(Object.entries(spec.params).map(([k, v]) => [k, resolve(v, spec.role, world)]));
  const path = pathOf(route, params);
  const cookie = await world.cookie(spec.role);
  // Hidden fields (a submission key, a baseline) come from the page, as a browser would send them.
  let page: Record<string, unknown> = {};
  if (route.loader && spec.entries.some((e) => "fromPage" in e.value)) {
    const loaded = await run(() => route.loader!({ request: get(path, cookie), params, context: context() }) as Promise<unknown>);
    if (loaded.status === 200 && typeof loaded.data === "object" && loaded.data !== null) page = loaded.data as Record<string, unknown>;
  }
  const request = buildRequest(new URL(path, BASE).toString(), spec, world, cookie, page);
  const before = world.writes();
  let status = 500;
  let location: string | null = null;
  let error: unknown = null;
  try {
    const outcome = await run(() => route.action({ request, params, context: context() }) as Promise<unknown>);
    status = outcome.status;
    location = outcome.location;
  } catch (thrown) {
    error = thrown;
  }
  return { status, location, wrote: writesBetween(before, world.writes()), bodyRead: request.bodyUsed, error, what: describeSpec(spec, path) };
}

const refused = (s: Pick<Sent, "status" | "location">) => s.status >= 400 || (s.status >= 300 && s.status < 400 && (s.location ?? "").startsWith("/login"));

/** Every check one response must pass; throws with the request when one fails. */
function check(route: ActionRoute, spec: RequestSpec, sent: Sent) {
  const s = stats.get(route.id)!;
  s.requests++;
  s.statuses.set(sent.status, (s.statuses.get(sent.status) ?? 0) + 1);
  const writes = totalWrites(sent.wrote);
  const crafted = spec.entries.some((e) => isCrafted(e.name)) && spec.encoding !== "none";
  if (crafted) s.crafted++;
  if (sent.status >= 500) {
    s.fiveXx++;
    throw new Error(`${sent.status} for ${sent.what}\n${sent.error instanceof Error ? sent.error.stack : String(sent.error)}`);
  }
  if (refused(sent)) s.refused++;
  else s.accepted++;
  if (refused(sent) && writes > 0) throw new Error(`refused (${sent.status}) yet wrote ${JSON.stringify(sent.wrote)}: ${sent.what}`);
  // A crafted name in a body the action read: refused before anything was written.
  if (crafted && sent.bodyRead && (writes > 0 || !refused(sent))) {
    s.craftedWrites += writes;
    throw new Error(`a crafted name got ${sent.status} and wrote ${JSON.stringify(sent.wrote)}: ${sent.what}`);
  }
  if (prototypeSnapshot() !== PROTOTYPES) throw new Error(`a prototype changed after ${sent.what}`);
  if (writes > 0) {
    const broken = brokenRules(db);
    if (Object.keys(broken).length) throw new Error(`rules broken after ${sent.what}: ${JSON.stringify(broken)}`);
  }
}

async function stillServes() {
  const asTrainer = get("/trainer", await world.cookie("trainer"));
  const asStaff = get("/staff", await world.cookie("staffPP"));
  expect((await run(() => healthcheck())).status).toBe(200);
  expect((await run(() => trainerHome({ request: asTrainer, params: {}, context: context() }))).status).toBe(200);
  expect((await run(() => staffHome({ request: asStaff, params: {}, context: context() }))).status).toBe(200);
}

describe("generated requests to every action, as every role", () => {
  it("finds the actions in app/routes and starts from data that keeps every rule", () => {
    if (!ONLY) expect(routes.length).toBeGreaterThanOrEqual(20);
    expect(brokenRules(db)).toEqual({});
  });

  routes.forEach((route, index) => {
    const seed = SEED + index;
    it(`${route.id}: no 5xx, refusals write nothing, crafted names refused (seed ${seed})`, async () => {
      // The classics, for every role: JSON, text/plain, no body, and each crafted name.
      const params = ownParams(route, world);
      const admitted: Role[] = [];
      for (const role of ROLES) {
        for (const encoding of ["json", "text", "none"] as const) {
          const spec: RequestSpec = { role, method: "POST", params, encoding, entries: [{ name: "intent", value: { lit: route.intents[0] ?? "x" } }] };
          const sent = await send(route, spec);
          check(route, spec, sent);
          // A 415 means the guard let this role through to the body reader.
          if (encoding === "json" && sent.status === 415) admitted.push(role);
        }
        for (const name of CRAFTED_NAMES) {
          const spec: RequestSpec = {
            role,
            method: "POST",
            params,
            encoding: "urlencoded",
            entries: [
              { name: "intent", value: { lit: route.intents[0] ?? "x" } },
              { name, value: { lit: "polluted" } },
            ],
          };
          check(route, spec, await send(route, spec));
        }
      }
      await fc.assert(
        fc.asyncProperty(requestsFor(route, world, admitted), async (spec) => {
          check(route, spec, await send(route, spec));
        }),
        { seed, numRuns: RUNS, endOnFailure: true },
      );
      expect(brokenRules(db)).toEqual({});
      await stillServes();
    });
  });

  it("refuses every foreign id in a body (the role × route table's rows), writing nothing", async () => {
    const usernames: Record<Caller, string | null> = { ...CALLERS };
    for (const row of ROWS.filter((r) => r.bodyIds)) {
      foreign.rows++;
      const path = typeof row.path === "string" ? row.path : await row.path();
      const form = typeof row.form === "function" ? await row.form() : (row.form ?? {});
      const url = new URL(path, BASE);
      const match = matchRoute(routes, url.pathname);
      expect(match, path).not.toBeNull();
      const seen: Record<string, Outcome | number> = {};
      for (const caller of Object.keys(CALLERS) as Caller[]) {
        foreign.requests++;
        const cookie = usernames[caller] ? await world.cookieFor(usernames[caller]) : {};
        const request = new Request(url, {
          method: "POST",
          body: new URLSearchParams(form),
          headers: { "Content-Type": "application/x-www-form-urlencoded", ...cookie },
        });
        const before = world.writes();
        const sessionsBefore = world.sessionDeletes();
        const outcome = await run(() => match!.route.action({ request, params: match!.params, context: context() }) as Promise<unknown>);
        const wrote = writesBetween(before, world.writes());
        if (totalWrites(wrote) > 0 || world.sessionDeletes() !== sessionsBefore) {
          foreign.leaks++;
          throw new Error(`${caller} ${path} with ${JSON.stringify(form)} wrote ${JSON.stringify(wrote)}`);
        }
        const location = outcome.location ? new URL(outcome.location, BASE).pathname : null;
        seen[caller] = outcome.status >= 300 && outcome.status < 400 ? (location === "/login" ? "login" : `→${location}`) : outcome.status;
      }
      expect(seen, `${path} ${JSON.stringify(row.bodyIds)}`).toEqual(row.expect);
    }
    expect(foreign.rows).toBeGreaterThanOrEqual(15);
  });

  it("leaves the data sound and the portal answering", async () => {
    expect(brokenRules(db)).toEqual({});
    expect(prototypeSnapshot()).toBe(PROTOTYPES);
    await stillServes();
  });
});

afterAll(() => {
  const lines = [`test:reliability — generated requests (seed ${SEED}, ${RUNS} generated + ${ROLES.length * (3 + CRAFTED_NAMES.length)} fixed per action)`];
  const width = Math.max(...routes.map((r) => r.id.length));
  let total = 0;
  let fiveXx = 0;
  let crafted = 0;
  let craftedWrites = 0;
  for (const route of routes) {
    const s = stats.get(route.id)!;
    total += s.requests;
    fiveXx += s.fiveXx;
    crafted += s.crafted;
    craftedWrites += s.craftedWrites;
    const statuses = statusCounts(s.statuses);
    lines.push(
      `  ${route.id.padEnd(width)}  ${String(s.requests).padStart(5)} requests  5xx ${s.fiveXx}  refused ${s.refused}  accepted ${s.accepted}  [${statuses}]`,
    );
  }
  lines.push(`  actions: ${routes.length}  requests: ${total}  5xx: ${fiveXx}`);
  lines.push(`  crafted-name requests: ${crafted}  writes they caused: ${craftedWrites}`);
  lines.push(`  foreign-id-in-body rows tried: ${foreign.rows} (${foreign.requests} requests)  leaks: ${foreign.leaks}`);
  console.log(lines.join("\n"));
});
