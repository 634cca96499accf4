/** Look-ups in the e2e server's demo database, for addresses that hold ids. */
import { E2E_DATABASE, E2E_SESSION_SECRET, E2E_TODAY } from "./env";

process.env.DATABASE_PATH = E2E_DATABASE;
process.env.SESSION_SECRET = E2E_SESSION_SECRET;
process.env.SEED_DEMO = "false";
process.env.DEMO_TODAY = E2E_TODAY;

async function query<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  const { db } = await import("~/db/client.server");
  return db().$client.prepare(sql).all(...params) as T[];
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
