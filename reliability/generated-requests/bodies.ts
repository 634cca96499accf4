/**
 * fast-check arbitraries for requests to one action: who sends it, to which address, with which
 * body, encoded how. Ids are drawn per caller from the world: their own records, their site's,
 * the other site's, ids that do not exist, and ids that are not numbers at all.
 */
import fc from "fast-check";

import { addDays, mondayOf } from "~/domain/dates";
import { FRAMEWORK_CSV_HEADER } from "~/domain/frameworks";
import * as enums from "~/domain/enums";
import { FORM_LIMITS } from "~/forms/form-data.server";

import type { ActionRoute } from "./routes";
import { ROLES, type Entity, type Role, type Scope, type World } from "./world";

type Plain = { lit: string } | { id: Entity; scope: Scope; i: number };
/** A literal; an id drawn for the caller; or what the page's loader holds under that name (hidden tokens), else `otherwise`. */
export type ValueSpec = Plain | { fromPage: true; otherwise: Plain };
export interface Entry {
  name: string;
  value: ValueSpec;
}

export const ENCODINGS = [
  "urlencoded",
  "multipart",
  "json",
  "text",
  "none",
  "emptyForm",
  "badUtf8",
  "rawBytes",
  "badPercent",
  "latin1",
  "multipartNoBoundary",
  "oversize",
  "jsonAsForm",
] as const;
export type Encoding = (typeof ENCODINGS)[number];

export interface RequestSpec {
  role: Role;
  method: string;
  params: Record<string, ValueSpec>;
  encoding: Encoding;
  entries: Entry[];
  /** Multipart only: a file field named `csv` with these bytes. */
  file?: number[];
}

/** Names that would reach an object's prototype if a parser nested them naively. */
export const CRAFTED_NAMES = [
  "__proto__",
  "__proto__.toString",
  "__proto__.weekNote",
  "__proto__[polluted]",
  "constructor.prototype.x",
  "constructor.prototype.toString",
  "constructor",
  "prototype",
  "level.__proto__",
  "note.constructor.prototype.polluted",
  "att.__proto__.status",
  "a[constructor][prototype][b]",
];

export const isCrafted = (name: string) => name.split(/[.[\]]/).some((s) => s === "__proto__" || s === "constructor" || s === "prototype");

/** Body fields that hold an id, and what they point at (no prototype: a crafted name is not a field). */
export const ID_FIELDS: Record<string, Entity> = Object.assign(Object.create(null) as Record<string, Entity>, {
  placementId: "placement",
  apprenticeId: "apprentice",
  employerId: "employer",
  employer: "employer",
  trainerUserId: "trainer",
  trainerId: "trainer",
  trainer: "trainer",
  intakeId: "intake",
  intake: "intake",
  siteId: "site",
  site: "site",
  frameworkVersionId: "version",
  versionId: "version",
  frameworkId: "framework",
  competencyId: "competency",
  unitId: "unit",
  noticeId: "notice",
  linkId: "link",
  flagId: "flag",
  userId: "user",
  sessionId: "session",
});

const ENUM_VALUES = [...new Set(Object.values(enums).flatMap((v) => (Array.isArray(v) ? v.map(String) : [])))];
const NUMBERS = [
  "0",
  "1",
  "2",
  "3",
  "5",
  "6",
  "12",
  "24",
  "30",
  "52",
  "53",
  "-1",
  "1.5",
  "1e3",
  "0x1A",
  "NaN",
  "Infinity",
  "9007199254740993",
  "99999999999999999999",
  "85",
  "10000.01",
];
const CONTROL = ["\u0000", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b", "\u007f", "\u0085", "\u009f", "\t", "\n", "\r"];
const WEIRD = [
  "",
  " ",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "%00",
  "ក",
  "២០២៦-១១-១៩",
  "\uFEFF",
  "\u202E",
  "a\u0000b",
];

const lit = (arb: fc.Arbitrary<string>): fc.Arbitrary<ValueSpec> => arb.map((s) => ({ lit: s }));

const yesNo = ["yes", "no"];
/** Values a real form would send, by field name: most generated forms get past the parser. */
const PLAUSIBLE: Record<string, readonly string[]> = Object.assign(Object.create(null) as Record<string, readonly string[]>, {
  status: [...enums.MANUAL_STATUSES, "present", "late", "absent", "leave", "released", "refused"],
  kind: [...enums.FOLLOW_UP_KINDS, ...enums.ADVANCE_NOTICE_KINDS],
  reason: [...enums.ABSENCE_REASONS, "Trainer was away; catching up next week."],
  gender: enums.GENDERS,
  phase: enums.PHASES,
  sector: enums.EMPLOYER_SECTORS,
  outcome: enums.PLACEMENT_OUTCOMES,
  item: enums.CONSENT_ITEMS,
  consent: enums.CONSENT_ITEMS,
  granted: yesNo,
  employed: yesNo,
  role: enums.ROLES,
  locale: enums.LOCALES,
  months: enums.OUTCOME_CHECKIN_MONTHS.map(String),
  severity: enums.FLAG_SEVERITIES,
  rule: enums.FLAG_RULES,
  level: enums.ASSESSMENT_LEVELS,
  code: ["PP-26-950", "SR-26-950", "HAIR2", "U9", "C9"],
  username: ["new-trainer-1", "new.person"],
  password: ["a-long-enough-password", "career-pathways"],
  current: ["career-pathways", "480271"],
  pin: ["480271", "135790"],
  pinAgain: ["480271", "135790"],
  plannedWeeks: ["12", "2", "52"],
  days: ["1", "7", "30"],
  typicalWeeks: ["12", "4"],
  expectedByWeek: ["4", "1"],
  lateMinutes: ["15", "600"],
  stipendHagar: ["10", "12.50"],
  stipendEmployer: ["0", "5"],
  monthlySalary: ["120"],
  startingSalary: ["150", ""],
  contactPhone: ["012 345 678"],
  phone: ["012 345 678"],
  educationWeekdays: ["2", "4"],
  nameKm: ["សៀមរាប"],
  titleKm: ["ការសម្អាត"],
  criteriaKm: ["សម្អាតបន្ទប់បានល្អ"],
});
const TEXT = ["Visited the salon; all well.", "ទៅលេងហាងហើយ អ្វីៗល្អ។", "Sokha", "Dara Chan"];

const controlText = fc.array(fc.constantFrom(...CONTROL, "a", "ក", " ", "ok"), { minLength: 1, maxLength: 20 }).map((parts) => parts.join(""));
const hugeText = fc
  .record({
    n: fc.oneof({ weight: 9, arbitrary: fc.integer({ min: 2_001, max: 20_000 }) }, { weight: 1, arbitrary: fc.integer({ min: 20_001, max: 400_000 }) }),
    ch: fc.constantFrom("x", "ក", "\u0000", " ", "%"),
  })
  .map(({ n, ch }) => ch.repeat(n));

export const junk: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WEIRD, ...NUMBERS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 3, arbitrary: controlText },
  { weight: 1, arbitrary: hugeText },
);

export function dates(today: string): string[] {
  const monday = mondayOf(today);
  return [
    today,
    addDays(today, -1),
    addDays(today, 1),
    monday,
    addDays(monday, -7),
    addDays(monday, 2),
    "2099-01-05",
    "1900-01-01",
    "2026-02-30",
    "29/11/2026",
    "2026-13-01",
    "0000-00-00",
  ];
}

const NUMERIC = /^(months|plannedWeeks|days|typicalWeeks|expectedByWeek|lateMinutes|page)$|Rating$|^stipend|Salary$/;
const DATE = /(date|Date|On|Of)$|^day$/;

const scope = fc.oneof(
  { weight: 4, arbitrary: fc.constant<Scope>("mine") },
  { weight: 2, arbitrary: fc.constant<Scope>("own") },
  { weight: 2, arbitrary: fc.constant<Scope>("foreign") },
);

/** A value for a field: mostly what a real form sends for that name, sometimes anything at all. */
export function valueFor(name: string, world: World, junkWeight = 4): fc.Arbitrary<ValueSpec> {
  const entity = ID_FIELDS[name];
  const segments = name.split(".");
  const last = segments.at(-1)!;
  const known = /Rating$/.test(last) ? ["1", "2", "3", "4", "5"] : PLAUSIBLE[segments[0] === "level" ? "level" : last];
  const specific: fc.Arbitrary<ValueSpec> = entity
    ? fc.record({ id: fc.constant(entity), scope, i: fc.nat(50) })
    : known
      ? lit(fc.constantFrom(...known))
      : DATE.test(last)
        ? lit(
            fc.oneof(
              { weight: 3, arbitrary: fc.constantFrom(...dates(world.today).slice(0, 5)) },
              { weight: 1, arbitrary: fc.constantFrom(...dates(world.today)) },
            ),
          )
        : NUMERIC.test(last)
          ? lit(fc.constantFrom(...NUMBERS))
          : lit(
              fc.oneof(
                { weight: 4, arbitrary: fc.constantFrom(...TEXT) },
                { weight: 1, arbitrary: fc.constantFrom(...ENUM_VALUES) },
                { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 60 }) },
              ),
            );
  return fc.oneof(
    { weight: 16, arbitrary: specific },
    { weight: 4, arbitrary: specific.map((otherwise): ValueSpec => ({ fromPage: true, otherwise: otherwise as Plain })) },
    { weight: junkWeight, arbitrary: lit(junk) },
  );
}

function nestedName(world: World): fc.Arbitrary<string> {
  const days = dates(world.today);
  return fc.oneof(
    fc
      .tuple(fc.constantFrom("level", "note"), fc.constantFrom<Scope>("mine", "foreign"), fc.nat(40))
      .map(([p, s, i]) => `${p}.${world.id("competency", "trainer", s, i)}`),
    fc.tuple(fc.constantFrom("att", "edu"), fc.constantFrom(...days), fc.constantFrom("status", "lateMinutes", "reason")).map(([p, d, f]) => `${p}.${d}.${f}`),
    fc.constantFrom("level.abc", "att.x.status", "a..b", "level.", ".x", "a.b.c.d.e.f.g"),
  );
}

/** The week card's dotted fields with the values its form sends. */
function nestedEntry(world: World): fc.Arbitrary<Entry> {
  return nestedName(world).chain((name) => valueFor(name, world, 1).map((value) => ({ name, value })));
}

export function entriesFor(route: ActionRoute, world: World): fc.Arbitrary<Entry[]> {
  const names = route.names.length ? route.names : ["intent"];
  const intents = route.intents.length ? route.intents : ["made_up"];
  const intentValue = lit(
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...intents) },
      { weight: 1, arbitrary: fc.constantFrom("made_up", "", "DELETE", "save_day:2026-11-17", "save_day:x") },
    ),
  );
  const name = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(...names) },
    { weight: 3, arbitrary: fc.constantFrom(...Object.keys(ID_FIELDS)) },
    { weight: 2, arbitrary: nestedName(world) },
    { weight: 1, arbitrary: fc.constantFrom(...CRAFTED_NAMES) },
    { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  );
  const entry: fc.Arbitrary<Entry> = name.chain((n) => (n === "intent" ? intentValue : valueFor(n, world)).map((value) => ({ name: n, value })));
  const loose = fc.array(entry, { maxLength: 12 });
  // Every field the route knows, nearly all with plausible values: reaches past the parser.
  const complete = fc
    .tuple(
      intentValue,
      fc.tuple(...names.filter((n) => n !== "intent").map((n) => valueFor(n, world, 1).map((value) => ({ name: n, value })))),
      fc.array(entry, { maxLength: 2 }),
      fc.array(nestedEntry(world), { maxLength: 6 }),
    )
    .map(([intent, all, extra, nested]) => [{ name: "intent", value: intent }, ...all, ...nested, ...extra]);
  const withDuplicates = fc
    .tuple(complete, fc.nat(), fc.nat(3))
    .map(([es, i, times]) => (es.length === 0 ? es : [...es, ...Array.from({ length: times + 1 }, () => es[i % es.length]!)]));
  return fc.oneof({ weight: 4, arbitrary: loose }, { weight: 5, arbitrary: complete }, { weight: 2, arbitrary: withDuplicates });
}

export function paramsFor(route: Pick<ActionRoute, "params" | "segments">, world: World): fc.Arbitrary<Record<string, ValueSpec>> {
  const byName: Record<string, fc.Arbitrary<ValueSpec>> = {};
  for (const param of route.params) {
    const entity: Entity | undefined = param === "trainerId" ? "trainer" : param === "userId" ? "user" : ID_FIELDS[param];
    const missing = lit(fc.constantFrom("999999", "0", "-1", "abc", "1e3", "9007199254740993"));
    const monday = mondayOf(world.today);
    if (param === "weekOf")
      byName[param] = lit(
        fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(monday, addDays(monday, -7), addDays(monday, -14)) },
          { weight: 1, arbitrary: fc.constantFrom(...dates(world.today)) },
        ),
      );
    else if (param === "token") byName[param] = fc.oneof(fc.constant({ lit: world.linkToken }), lit(fc.string({ minLength: 0, maxLength: 60 })));
    else if (entity)
      byName[param] = fc.oneof({ weight: 8, arbitrary: fc.record({ id: fc.constant(entity), scope, i: fc.nat(20) }) }, { weight: 1, arbitrary: missing });
    else byName[param] = fc.oneof(lit(fc.constantFrom("1", "2", "999999")), missing);
  }
  if (route.segments.at(-1)?.kind === "splat") byName["*"] = lit(fc.constantFrom("no-such-page", "a/b/c", "%2e%2e/etc", ""));
  return fc.record(byName);
}

/** The address a caller would open: their own records, this week. */
export function ownParams(route: Pick<ActionRoute, "params" | "segments">, world: World): Record<string, ValueSpec> {
  const params: Record<string, ValueSpec> = {};
  for (const param of route.params) {
    const entity: Entity | undefined = param === "trainerId" ? "trainer" : param === "userId" ? "user" : ID_FIELDS[param];
    params[param] =
      param === "weekOf"
        ? { lit: mondayOf(world.today) }
        : param === "token"
          ? { lit: world.linkToken }
          : entity
            ? { id: entity, scope: "mine", i: 0 }
            : { lit: "1" };
  }
  if (route.segments.at(-1)?.kind === "splat") params["*"] = { lit: "no-such-page" };
  return params;
}

/** An uploaded CSV: the framework header, then good rows with a cell or two broken (quotes, control characters, junk). */
const GOOD_ROW = ["U1", "Basics", "មូលដ្ឋាន", "C1", "Washing hair", "លាងសក់", "Washes hair safely", "លាងសក់ដោយសុវត្ថិភាព", "3"];
const badCell = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('"', '""', '"a,b"', "a\nb", "\u0000Title", "\u0000", "\u0001\u0002", "=cmd()", "", " ", "week 99", "0x1A") },
  { weight: 1, arbitrary: junk.filter((v) => v.length < 3000) },
);
const csvRow = fc.tuple(fc.nat(99), fc.array(fc.tuple(fc.nat(GOOD_ROW.length - 1), badCell), { maxLength: 2 }), fc.nat(3)).map(([n, changes, drop]) => {
  const row = GOOD_ROW.map((cell, i) => (i === 0 ? `U${n % 3}` : i === 3 ? `C${n}` : cell));
  for (const [at, value] of changes) row[at] = value;
  return drop === 0 ? row.slice(0, -1) : row;
});
const csvFile: fc.Arbitrary<number[]> = fc
  .tuple(fc.oneof({ weight: 5, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }), fc.array(csvRow, { maxLength: 6 }))
  .map(([header, rows]) => {
    const line = (cells: readonly string[]) => cells.map((c) => (/[",\n\r]/.test(c) && !c.startsWith('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
    const text = [...(header ? [line(FRAMEWORK_CSV_HEADER)] : []), ...rows.map(line)].join("\r\n");
    return [...new TextEncoder().encode(text)];
  });

/** `admitted`: the roles the action let past its guard for their own records; they send more of the requests. */
export function requestsFor(route: ActionRoute, world: World, admitted: readonly Role[] = []): fc.Arbitrary<RequestSpec> {
  const encoding = fc.oneof(
    { weight: 24, arbitrary: fc.constant<Encoding>("urlencoded") },
    { weight: 6, arbitrary: fc.constant<Encoding>("multipart") },
    { weight: 1, arbitrary: fc.constantFrom<Encoding>(...ENCODINGS) },
  );
  return fc
    .record({
      role: admitted.length
        ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...admitted) }, { weight: 2, arbitrary: fc.constantFrom(...ROLES) })
        : fc.constantFrom(...ROLES),
      method: fc.oneof({ weight: 12, arbitrary: fc.constant("POST") }, { weight: 1, arbitrary: fc.constantFrom("PUT", "PATCH", "DELETE") }),
      params: paramsFor(route, world),
      encoding,
      entries: entriesFor(route, world),
      file: fc.option(fc.oneof({ weight: 1, arbitrary: fc.array(fc.nat(255), { maxLength: 200 }) }, { weight: 3, arbitrary: csvFile }), { nil: undefined }),
    })
    .map((spec) => (spec.file && spec.encoding === "urlencoded" ? { ...spec, encoding: "multipart" as const } : spec));
}

export function resolve(value: ValueSpec, role: Role, world: World, page: Record<string, unknown> = {}, name = ""): string {
  if ("fromPage" in value) return typeof page[name] === "string" ? (page[name] as string) : resolve(value.otherwise, role, world);
  if ("lit" in value) return value.lit;
  return world.id(value.id, role, value.scope, value.i);
}

/** The request a spec describes, as a browser or a script would send it. `page`: what the route's loader returned. */
export function buildRequest(url: string, spec: RequestSpec, world: World, headers: Record<string, string>, page: Record<string, unknown> = {}): Request {
  const fields = spec.entries.map((e) => [e.name, resolve(e.value, spec.role, world, page, e.name)] as [string, string]);
  const form = () => new URLSearchParams(fields).toString();
  const init = (body: BodyInit | null, contentType: string | null): RequestInit => ({
    method: spec.method,
    body,
    headers: { ...headers, ...(contentType ? { "Content-Type": contentType } : {}) },
  });
  const urlencoded = "application/x-www-form-urlencoded";
  let requestInit: RequestInit;
  switch (spec.encoding) {
    case "urlencoded":
      requestInit = init(form(), urlencoded);
      break;
    case "multipart": {
      const data = new FormData();
      // The file first: a text field of the same name after it is a duplicate, not a replacement.
      if (spec.file) data.append("csv", new File([new Uint8Array(spec.file)], "framework.csv", { type: "text/csv" }));
      for (const [n, v] of fields) data.append(n, v);
      requestInit = { method: spec.method, body: data, headers };
      break;
    }
    case "json":
      requestInit = init(JSON.stringify(Object.fromEntries(fields)), "application/json");
      break;
    case "text":
      requestInit = init(fields.map(([n, v]) => `${n}=${v}`).join("\r\n"), "text/plain;charset=UTF-8");
      break;
    case "none":
      requestInit = init(null, null);
      break;
    case "emptyForm":
      requestInit = init("", urlencoded);
      break;
    case "badUtf8":
      requestInit = init(`${form()}&note=%FF%FE%C3%28`, urlencoded);
      break;
    case "rawBytes":
      requestInit = init(new Uint8Array([...new TextEncoder().encode(form()), 0x26, 0x78, 0x3d, 0xc3, 0x28, 0xff, 0x00]), urlencoded);
      break;
    case "badPercent":
      requestInit = init(`${form()}&x=%E0%A4%A&y=%`, urlencoded);
      break;
    case "latin1":
      requestInit = init(form(), `${urlencoded}; charset=iso-8859-1`);
      break;
    case "multipartNoBoundary":
      requestInit = init(`--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n`, "multipart/form-data");
      break;
    case "oversize":
      requestInit = init(`${form()}&pad=${"x".repeat(FORM_LIMITS.urlencodedBytes + 1)}`, urlencoded);
      break;
    case "jsonAsForm":
      requestInit = init(JSON.stringify(Object.fromEntries(fields)), urlencoded);
      break;
  }
  return new Request(url, requestInit);
}

export function describe(spec: RequestSpec, path: string): string {
  const shorten = (s: string) => (s.length > 80 ? `${JSON.stringify(s.slice(0, 60))}…(${s.length} chars)` : JSON.stringify(s));
  const entries = spec.entries.map(
    (e) =>
      `${e.name}=${"lit" in e.value ? shorten(e.value.lit) : "fromPage" in e.value ? "<from the page>" : `<${e.value.scope} ${e.value.id} #${e.value.i}>`}`,
  );
  return `${spec.role} ${spec.method} ${path} [${spec.encoding}] ${entries.join(" & ")}`;
}
