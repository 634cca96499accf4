/** Look-ups in the e2e server's demo database, for addresses that hold ids. */
import { E2E_DATABASE, E2E_SESSION_SECRET, E2E_TODAY } from "./env";

process.env.DATABASE_PATH = E2E_DATABASE;
process.env.SESSION_SECRET = E2E_SESSION_SECRET;
process.env.SEED_DEMO = "false";
process.env.DEMO_TODAY = E2E_TODAY;

async function query<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  const { db } = await import("~/db/client.server");
  return db()
    .$client.prepare(sql)
    .all(...params) as T[];
}

/** The active placements of a demo trainer, by apprentice code. */
export async function placementsOf(username: string) {
  return query<{ id: number; code: string; startDate: string }>(
    `select p.id, a.code, p.start_date as startDate from placements p
       join users u on u.id = p.trainer_user_id join apprentices a on a.id = p.apprentice_id
     where u.username = ? and p.status = 'active' order by a.code`,
    username,
  );
}

export async function userId(username: string) {
  const [row] = await query<{ id: number }>("select id from users where username = ?", username);
  if (!row) throw new Error(`no user ${username}`);
  return row.id;
}

/** The Monday of this week in Phnom Penh. */
export async function thisMonday() {
  const [{ siteToday }, { mondayOf }] = await Promise.all([import("~/utils/today.server"), import("~/domain/dates")]);
  return mondayOf(siteToday());
}

export async function lastMonday() {
  const { addDays } = await import("~/domain/dates");
  return addDays(await thisMonday(), -7);
}

/** The apprentice record behind a demo apprentice account. */
export async function apprenticeIdOf(username: string) {
  const [row] = await query<{ id: number }>("select apprentice_id as id from users where username = ?", username);
  if (!row) throw new Error(`no apprentice account ${username}`);
  return row.id;
}

/** An open flag of a site (the demo's flag pass raises them at start). */
export async function firstFlagOf(siteCode: string) {
  const [row] = await query<{ id: number }>(
    "select f.id from flags f join sites s on s.id = f.site_id where s.code = ? and f.status = 'open' order by f.id limit 1",
    siteCode,
  );
  if (!row) throw new Error(`no open flag at ${siteCode}`);
  return row.id;
}

/** A completed placement of a site (for records of achievement). */
export async function completedPlacementOf(siteCode: string) {
  const [row] = await query<{ id: number }>(
    "select p.id from placements p join employers e on e.id = p.employer_id join sites s on s.id = e.site_id where s.code = ? and p.status = 'completed' order by p.id limit 1",
    siteCode,
  );
  if (!row) throw new Error(`no completed placement at ${siteCode}`);
  return row.id;
}

export async function siteIdOf(code: string) {
  const [row] = await query<{ id: number }>("select id from sites where code = ?", code);
  if (!row) throw new Error(`no site ${code}`);
  return row.id;
}

/** The employer of a demo trainer. */
export async function employerIdOf(username: string) {
  const [row] = await query<{ id: number }>("select employer_id as id from users where username = ?", username);
  if (!row) throw new Error(`no trainer ${username}`);
  return row.id;
}

/** A published demo framework version and its framework. */
export async function publishedFrameworkVersion() {
  const [row] = await query<{ id: number; frameworkId: number }>(
    "select id, framework_id as frameworkId from framework_versions where status = 'published' order by id limit 1",
  );
  if (!row) throw new Error("no published framework version");
  return row;
}

/**
 * The public id of a signed record of achievement of a site's first completed placement: the
 * one standing now, or one the admin issues here through the staff page when there is none.
 */
export async function credentialOf(siteCode: string) {
  const placementId = await completedPlacementOf(siteCode);
  const current = async () =>
    (
      await query<{ publicId: string }>(
        `select c.public_id as publicId from credentials c left join credential_revocations r on r.credential_id = c.id
          where c.placement_id = ? and r.credential_id is null order by c.id desc limit 1`,
        placementId,
      )
    )[0]?.publicId;
  const standing = await current();
  if (standing) return standing;
  const [{ sessionCookieFor }, { E2E_BASE_URL }] = await Promise.all([import("./fixtures"), import("./env")]);
  const response = await fetch(`${E2E_BASE_URL}/staff/placements/${placementId}/achievement`, {
    method: "POST",
    headers: { cookie: await sessionCookieFor("admin"), "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ intent: "issue", current: "" }),
  });
  const issued = await current();
  if (!response.ok || !issued) throw new Error(`could not issue a credential for placement ${placementId}: ${response.status}`);
  return issued;
}

// ---------------------------------------------------------------------------------------------
// Ids out of a caller's reach, for the "foreign ids in bodies" rows of the access table.

async function one(sql: string, ...params: unknown[]): Promise<number> {
  const [row] = await query<{ id: number }>(sql, ...params);
  return row?.id ?? 999999;
}

const ofSite = (table: "placements" | "apprentices" | "employers" | "intakes") =>
  ({
    placements:
      "select p.id from placements p join employers e on e.id = p.employer_id join sites s on s.id = e.site_id where s.code = ? order by p.id limit 1",
    apprentices: "select a.id from apprentices a join sites s on s.id = a.site_id where s.code = ? order by a.id limit 1",
    employers: "select e.id from employers e join sites s on s.id = e.site_id where s.code = ? order by e.id limit 1",
    intakes: "select i.id from intakes i join sites s on s.id = i.site_id where s.code = ? order by i.id limit 1",
  })[table];

/** The first placement, apprentice, employer or intake of a site. */
export const firstOf = (table: "placements" | "apprentices" | "employers" | "intakes", siteCode: string) => one(ofSite(table), siteCode);

/** A trainer of a site. */
export const trainerOfSite = (siteCode: string) =>
  one("select u.id from users u join sites s on s.id = u.site_id where u.role = 'trainer' and s.code = ? order by u.id limit 1", siteCode);

/** A placement of the same site that is not this apprentice's. */
export async function placementOfAnotherApprentice(username: string) {
  return one(
    "select p.id from placements p join users u on u.username = ? where p.apprentice_id <> u.apprentice_id and p.employer_id in (select id from employers where site_id = u.site_id) order by p.id limit 1",
    username,
  );
}

/** A competency outside the framework version of a trainer's first placement. */
export async function competencyOutsidePlacementOf(username: string) {
  const [placement] = await placementsOf(username);
  return one(
    "select c.id from competencies c where c.version_id <> (select framework_version_id from placements where id = ?) order by c.id limit 1",
    placement!.id,
  );
}

/** A unit of another framework version than this one. */
export const unitOutsideVersion = (versionId: number) => one("select id from framework_units where version_id <> ? order by id limit 1", versionId);

/** A sign-in link that is not this trainer's (999999 when there is none yet). */
export const linkOfAnotherTrainer = (username: string) =>
  one("select l.id from sign_in_links l join users u on u.username = ? where l.user_id <> u.id order by l.id limit 1", username);

/** An advance notice of another apprentice (999999 when there is none). */
export const noticeOfAnotherApprentice = (username: string) =>
  one(
    "select n.id from advance_notices n join placements p on p.id = n.placement_id join users u on u.username = ? where p.apprentice_id <> u.apprentice_id order by n.id limit 1",
    username,
  );

/** The profile fields of an apprentice as stored: a profile form that changes nothing but the id under test. */
export async function profileOf(apprenticeId: number) {
  const [row] = await query<{ preferredName: string; legalName: string; dateOfBirth: string; gender: string }>(
    "select preferred_name as preferredName, legal_name as legalName, date_of_birth as dateOfBirth, gender from apprentices where id = ?",
    apprenticeId,
  );
  return row!;
}

export async function employerNameOfSite(siteCode: string) {
  const [row] = await query<{ name: string }>(
    "select e.name from employers e join sites s on s.id = e.site_id where s.code = ? order by e.id limit 1",
    siteCode,
  );
  return row!.name;
}

/**
 * A fingerprint of every table a refused request must leave alone (all but sessions and the
 * audit log): row counts and a hash of the rows. Equal before and after = nothing written.
 */
export async function dataFingerprint(): Promise<string> {
  const crypto = await import("node:crypto");
  const tables = await query<{ name: string }>(
    "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not in ('sessions', 'audit_events') order by name",
  );
  const hash = crypto.createHash("sha256");
  for (const { name } of tables) {
    const rows = await query<Record<string, unknown>>(`select * from "${name}" order by rowid`);
    hash.update(`${name}:${rows.length}:`);
    for (const row of rows) hash.update(JSON.stringify(row));
  }
  return hash.digest("hex");
}
