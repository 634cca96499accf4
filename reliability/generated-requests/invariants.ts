/**
 * Rules the stored data keeps whatever was sent: SQLite's own checks, and the domain's (nothing
 * attached across sites or to someone else's record, one open flag per rule and subject, no
 * invisible control characters in stored text).
 */
import type { DB } from "~/db/client.server";

const DOMAIN_RULES: Record<string, string> = {
  "a placement's apprentice and employer are at the same site": `
    select p.id from placements p join apprentices a on a.id = p.apprentice_id join employers e on e.id = p.employer_id
    where a.site_id <> e.site_id`,
  "a placement's trainer is a trainer of its employer": `
    select p.id from placements p join users u on u.id = p.trainer_user_id
    where u.role <> 'trainer' or u.employer_id is not p.employer_id`,
  "a trainer's account is at the employer's site": `
    select u.id from users u join employers e on e.id = u.employer_id where u.site_id is not e.site_id`,
  "an apprentice's account is at the apprentice's site": `
    select u.id from users u join apprentices a on a.id = u.apprentice_id where u.site_id is not a.site_id`,
  "an apprentice's intake is at the apprentice's site": `
    select a.id from apprentices a join intakes i on i.id = a.intake_id where i.site_id <> a.site_id`,
  "a follow-up note's placement is the apprentice's own": `
    select n.id from follow_up_notes n join placements p on p.id = n.placement_id where p.apprentice_id <> n.apprentice_id`,
  "a sign-off's competency is in the placement's framework version": `
    select s.id from assessments s join placements p on p.id = s.placement_id join competencies c on c.id = s.competency_id
    where c.version_id <> p.framework_version_id`,
  "a sign-off is by a trainer of the placement's employer": `
    select s.id from assessments s join placements p on p.id = s.placement_id join users u on u.id = s.trainer_user_id
    where u.employer_id is not p.employer_id`,
  "a weekly review is by a trainer of the placement's employer": `
    select r.id from weekly_reviews r join placements p on p.id = r.placement_id join users u on u.id = r.trainer_user_id
    where u.employer_id is not p.employer_id`,
  "a competency's unit is in the competency's version": `
    select c.id from competencies c join framework_units u on u.id = c.unit_id where u.version_id <> c.version_id`,
  "a flag's site is its placement's site": `
    select f.id from flags f join placements p on p.id = f.placement_id join employers e on e.id = p.employer_id where f.site_id <> e.site_id`,
  "one open flag per rule and subject": `
    select min(id) from flags where status in ('open', 'acknowledged') group by rule, subject_type, subject_id having count(*) > 1`,
  "a sign-in link opens a trainer's account": `
    select l.id from sign_in_links l join users u on u.id = l.user_id where u.role <> 'trainer'`,
};

const CONTROL_GLOB = "*[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f]*";

/** Broken rules, each with a few offending ids; empty when the data is sound. */
export function brokenRules(db: DB): Record<string, unknown[]> {
  const client = db.$client;
  const broken: Record<string, unknown[]> = {};
  const integrity = client.pragma("integrity_check", { simple: true });
  if (integrity !== "ok") broken["PRAGMA integrity_check"] = [integrity];
  const foreignKeys = client.pragma("foreign_key_check") as unknown[];
  if (foreignKeys.length) broken["PRAGMA foreign_key_check"] = foreignKeys.slice(0, 5);
  for (const [rule, sql] of Object.entries(DOMAIN_RULES)) {
    const rows = client.prepare(sql).raw().all() as unknown[][];
    if (rows.length) broken[rule] = rows.slice(0, 5).map((r) => r[0]);
  }
  for (const table of textTables(db)) {
    for (const column of table.columns) {
      const rows = client
        .prepare(`select rowid from "${table.name}" where "${column}" glob ? or instr(cast("${column}" as blob), x'00') > 0 limit 5`)
        .raw()
        .all(CONTROL_GLOB) as unknown[][];
      if (rows.length) broken[`no control characters in ${table.name}.${column}`] = rows.map((r) => r[0]);
    }
  }
  return broken;
}

let textColumns: { name: string; columns: string[] }[] | undefined;
function textTables(db: DB) {
  textColumns ??= (
    db.$client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'").all() as {
      name: string;
    }[]
  )
    .map(({ name }) => ({
      name,
      columns: (db.$client.prepare(`select name, type from pragma_table_info('${name}')`).all() as { name: string; type: string }[])
        .filter((c) => c.type.toLowerCase() === "text" && !(name === "sessions" && c.name === "user_agent"))
        .map((c) => c.name),
    }))
    .filter((t) => t.columns.length > 0);
  return textColumns;
}

/** Object.prototype and friends as they were: a parser that nests user-supplied names can change them. */
export function prototypeSnapshot(): string {
  const describeProto = (proto: object) =>
    Reflect.ownKeys(proto)
      .map((key) => {
        const d = Object.getOwnPropertyDescriptor(proto, key)!;
        return `${String(key)}:${typeof d.value === "function" ? d.value.name : typeof d.value}:${typeof d.get}`;
      })
      .sort()
      .join(",");
  return [Object.prototype, Array.prototype, Function.prototype, String.prototype].map(describeProto).join("|");
}
