/**
 * The world the generated requests run in: the demo, seeded into a real migrated SQLite file,
 * its callers (one per role, and a trainer signed in by link), the ids each caller may and may
 * not reach, a count of every write by table, and the rules the data must keep.
 */
import { eq } from "drizzle-orm";

import { createUserSession, type SignInMethod } from "~/auth/session.server";
import type { DB } from "~/db/client.server";
import { createApprentice, createUser } from "~/db/factories.server";
import { registerFlagHooks } from "~/db/flags.server";
import { runDailyPass } from "~/db/flag-schedule.server";
import { users } from "~/db/schema";
import { seedDemo } from "~/db/seed.server";
import { createLink } from "~/db/sign-in-links.server";
import { thresholdsBySite } from "~/db/site-settings.server";
import { get } from "~/test/requests";

export const ROLES = ["anonymous", "apprentice", "trainer", "trainerByLink", "staffPP", "staffSR", "admin"] as const;
export type Role = (typeof ROLES)[number];

const ACCOUNTS: Record<Exclude<Role, "anonymous">, { username: string; method: SignInMethod }> = {
  apprentice: { username: "apprentice", method: "pin" },
  trainer: { username: "trainer", method: "password" },
  trainerByLink: { username: "trainer", method: "link" },
  staffPP: { username: "staff", method: "password" },
  staffSR: { username: "staff-sr", method: "password" },
  admin: { username: "admin", method: "password" },
};

export type Entity =
  | "placement"
  | "apprentice"
  | "employer"
  | "trainer"
  | "intake"
  | "site"
  | "version"
  | "framework"
  | "competency"
  | "unit"
  | "notice"
  | "link"
  | "flag"
  | "user"
  | "session";

/** "mine": the caller's own records (a trainer's placements, an apprentice's own); "own": the caller's site; "foreign": the other site. */
export type Scope = "mine" | "own" | "foreign";

type Pools = Record<Entity, Record<"PP" | "SR" | "trainer" | "apprentice", number[] | string[]>>;

/** Tables whose writes do not count: the log of every request and the sessions the harness itself opens. */
const UNTRACKED = new Set(["audit_events", "sessions", "__drizzle_migrations"]);
/** Columns a refused sign-in may change (failed tries, lock). */
const SIGN_IN_COLUMNS = new Set(["failed_sign_ins", "locked_until"]);

export interface World {
  db: DB;
  today: string;
  cookie(role: Role): Promise<Record<string, string>>;
  /** A Cookie header of a fresh password session of any account. */
  cookieFor(username: string): Promise<Record<string, string>>;
  /** Writes so far, by table (inserts, updates and deletes counted by temporary triggers). */
  writes(): Record<string, number>;
  /** Sessions deleted so far (tracked apart: signing out deletes one on purpose). */
  sessionDeletes(): number;
  id(entity: Entity, role: Role, scope: Scope, index: number): string;
  linkToken: string;
  victims: number[];
}

export function siteOf(role: Role): "PP" | "SR" {
  return role === "staffSR" ? "SR" : "PP";
}

export async function openWorld(db: DB, today: string): Promise<World> {
  seedDemo(db, { today });
  registerFlagHooks({ thresholdsBySite });
  await runDailyPass(db, today, { full: true });

  const client = db.$client;
  const siteId = (code: string) => (client.prepare("select id from sites where code = ?").get(code) as { id: number }).id;
  const pp = siteId("PP");
  const sr = siteId("SR");
  const userIdOf = (username: string) => db.select({ id: users.id }).from(users).where(eq(users.username, username)).get()!.id;
  const trainerId = userIdOf("trainer");
  const apprenticeId = (client.prepare("select apprentice_id as id from users where username = 'apprentice'").get() as { id: number }).id;

  // Accounts admin may deactivate or reset at will, so the demo accounts the callers use stay usable.
  const victims: number[] = [];
  for (const [site, code] of [
    [pp, "PP"],
    [sr, "SR"],
  ] as const) {
    victims.push(createUser(db, { role: "staff", siteId: site, username: `victim-staff-${code.toLowerCase()}` }).id);
    const employer = client.prepare("select id from employers where site_id = ? order by id limit 1").get(site) as { id: number };
    victims.push(createUser(db, { role: "trainer", siteId: site, employerId: employer.id, username: `victim-trainer-${code.toLowerCase()}` }).id);
    const apprentice = createApprentice(db, { siteId: site, code: `${code}-19-9${code === "PP" ? "01" : "02"}` });
    victims.push(
      createUser(db, { role: "apprentice", siteId: site, apprenticeId: apprentice.id, username: `victim-apprentice-${code.toLowerCase()}`, pin: "480271" }).id,
    );
  }
  for (const id of victims) await createUserSession({ id, role: "staff" }, "password", get("/"));

  const { token: linkToken } = createLink({ trainerUserId: trainerId, createdBy: userIdOf("staff"), days: 30 });

  const ids = (sql: string, ...params: unknown[]) => (client.prepare(sql).all(...params) as { id: number }[]).map((r) => r.id);
  const bySite = (sql: string) => ({ PP: ids(sql, pp), SR: ids(sql, sr) });
  const trainerPlacements = ids("select id from placements where trainer_user_id = ? order by id", trainerId);
  const apprenticePlacements = ids("select id from placements where apprentice_id = ? order by id", apprenticeId);
  const placementSql = "select p.id from placements p join employers e on e.id = p.employer_id where e.site_id = ? order by p.id";
  const versionOfPlacement = (placementId: number | undefined) =>
    placementId === undefined
      ? []
      : ids("select c.id from competencies c join placements p on p.framework_version_id = c.version_id where p.id = ? order by c.id", placementId);
  const mineCompetencies = versionOfPlacement(trainerPlacements[0]);
  const allCompetencies = ids("select id from competencies order by id");
  const pools: Pools = {
    placement: { ...bySite(placementSql), trainer: trainerPlacements, apprentice: apprenticePlacements },
    apprentice: { ...bySite("select id from apprentices where site_id = ? order by id"), trainer: [], apprentice: [apprenticeId] },
    employer: {
      ...bySite("select id from employers where site_id = ? order by id"),
      trainer: ids("select employer_id as id from users where id = ?", trainerId),
      apprentice: [],
    },
    trainer: { ...bySite("select id from users where role = 'trainer' and site_id = ? order by id"), trainer: [trainerId], apprentice: [] },
    intake: { ...bySite("select id from intakes where site_id = ? order by id"), trainer: [], apprentice: [] },
    site: { PP: [pp], SR: [sr], trainer: [pp], apprentice: [pp] },
    version: { PP: ids("select id from framework_versions order by id"), SR: [], trainer: [], apprentice: [] },
    framework: { PP: ids("select id from frameworks order by id"), SR: [], trainer: [], apprentice: [] },
    competency: { PP: allCompetencies, SR: allCompetencies.filter((id) => !mineCompetencies.includes(id)), trainer: mineCompetencies, apprentice: [] },
    unit: { PP: ids("select id from framework_units order by id"), SR: [], trainer: [], apprentice: [] },
    notice: {
      ...bySite(
        "select n.id from advance_notices n join placements p on p.id = n.placement_id join employers e on e.id = p.employer_id where e.site_id = ? order by n.id",
      ),
      trainer: [],
      apprentice: apprenticePlacements.length ? ids(`select id from advance_notices where placement_id in (${apprenticePlacements.join(",")})`) : [],
    },
    link: { ...bySite("select l.id from sign_in_links l join users u on u.id = l.user_id where u.site_id = ? order by l.id"), trainer: [], apprentice: [] },
    flag: { ...bySite("select id from flags where site_id = ? order by id"), trainer: [], apprentice: [] },
    user: { PP: victims.filter((_, i) => i < 3), SR: victims.filter((_, i) => i >= 3), trainer: [], apprentice: [] },
    session: {
      PP: (client.prepare(`select id_hash as h from sessions where user_id in (${victims.join(",")})`).all() as { h: string }[]).map((r) => r.h),
      SR: [],
      trainer: [],
      apprentice: [],
    },
  };

  installWriteCounters(db);

  return {
    db,
    today,
    linkToken,
    victims,
    async cookie(role) {
      if (role === "anonymous") return {} as Record<string, string>;
      const account = ACCOUNTS[role];
      const user = db.select().from(users).where(eq(users.username, account.username)).get()!;
      const setCookie = await createUserSession(user, account.method, get("/"));
      return { cookie: setCookie.split(";")[0]! };
    },
    async cookieFor(username) {
      const user = db.select().from(users).where(eq(users.username, username)).get()!;
      return { cookie: (await createUserSession(user, "password", get("/"))).split(";")[0]! };
    },
    writes() {
      const rows = client.prepare("select tbl, n from temp.harness_writes where n > 0").all() as { tbl: string; n: number }[];
      return Object.fromEntries(rows.map((r) => [r.tbl, r.n]));
    },
    sessionDeletes() {
      return (client.prepare("select n from temp.harness_session_deletes").get() as { n: number }).n;
    },
    id(entity, role, scope, index) {
      const pool = pools[entity];
      const key =
        scope === "mine"
          ? role === "apprentice"
            ? "apprentice"
            : role === "trainer" || role === "trainerByLink"
              ? "trainer"
              : siteOf(role)
          : scope === "own"
            ? siteOf(role)
            : siteOf(role) === "PP"
              ? "SR"
              : "PP";
      const list = pool[key].length ? pool[key] : pool.PP;
      return list.length ? String(list[index % list.length]) : "999999";
    },
  };
}

/** Temporary triggers that count every insert, update and delete, by table. */
function installWriteCounters(db: DB) {
  const client = db.$client;
  client.exec("create temp table harness_writes (tbl text primary key, n integer not null default 0)");
  client.exec("create temp table harness_session_deletes (n integer not null)");
  client.exec("insert into temp.harness_session_deletes values (0)");
  client.exec("create temp trigger harness_sessions_delete after delete on main.sessions begin update temp.harness_session_deletes set n = n + 1; end");
  const tables = (client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'").all() as { name: string }[])
    .map((r) => r.name)
    .filter((t) => !UNTRACKED.has(t));
  for (const table of tables) {
    client.prepare("insert into temp.harness_writes (tbl) values (?)").run(table);
    const bump = `update temp.harness_writes set n = n + 1 where tbl = '${table}';`;
    const columns = (client.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => c.name);
    const watched = table === "users" ? columns.filter((c) => !SIGN_IN_COLUMNS.has(c)) : columns;
    client.exec(`create temp trigger harness_${table}_insert after insert on main."${table}" begin ${bump} end`);
    client.exec(`create temp trigger harness_${table}_delete after delete on main."${table}" begin ${bump} end`);
    client.exec(`create temp trigger harness_${table}_update after update of ${watched.map((c) => `"${c}"`).join(", ")} on main."${table}" begin ${bump} end`);
  }
}

export function totalWrites(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}

export function writesBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [table, n] of Object.entries(after)) if (n !== (before[table] ?? 0)) out[table] = n - (before[table] ?? 0);
  return out;
}

/** A route's answers by status for the printed figures: `200×118 302×7 403×25`. */
export function statusCounts(statuses: ReadonlyMap<number, number>): string {
  return [...statuses.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([status, n]) => `${status}×${n}`)
    .join(" ");
}
