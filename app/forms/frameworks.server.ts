/** Framework forms' schemas and the CSV import's row validation (server-only: zod stays out of the browser bundle). */
import { parse } from "csv-parse/sync";
import { z } from "zod";

import { EMPLOYER_SECTORS } from "~/domain/enums";
import { crossRowErrors, decodeUtf8, FRAMEWORK_CSV_HEADER, headerMatches, parseExpectedWeek, type FrameworkRow, type LineError } from "~/domain/frameworks";
import { withoutControlCharacters } from "~/forms/form-data.server";

import { choice, id, integer, intent, intents, msg, optionalId, requiredText } from "./fields.server";
import { parseForm, type FormInput } from "./parse.server";

const code = z
  .string({ error: msg.required })
  .trim()
  .min(1, { error: msg.required })
  .max(20, { error: msg.tooLong })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: "frameworks.errors.code" })
  .transform((v) => v.toUpperCase());

const week = integer({ min: 1, max: 52, error: "frameworks.errors.week" });

const frameworkFields = {
  code,
  tradeEn: requiredText(100),
  tradeKm: requiredText(100),
  sector: choice(EMPLOYER_SECTORS),
  typicalWeeks: integer({ min: 2, max: 52, error: "frameworks.errors.typicalWeeks" }),
};

/** A new framework, typed in or imported from a CSV file (the file is read by `parseFrameworkCsv`). */
const NewFrameworkSchema = intents(intent("create", frameworkFields), intent("import", frameworkFields));

export function parseNewFramework(form: FormInput) {
  return parseForm(form, NewFrameworkSchema);
}

/** The two versions a comparison shows (`?a=…&b=…`); a blank one is the page's default. */
export function parseVersionChoice(params: URLSearchParams) {
  return parseForm(params, z.object({ a: optionalId(), b: optionalId() }));
}

const unitFields = { code, titleEn: requiredText(200), titleKm: requiredText(200) };
const competencyFields = {
  code,
  titleEn: requiredText(200),
  titleKm: requiredText(200),
  criteriaEn: requiredText(2000),
  criteriaKm: requiredText(2000),
  expectedByWeek: week,
};

const VersionIntentSchema = intents(
  intent("add_unit", unitFields),
  intent("edit_unit", { unitId: id(), ...unitFields }),
  intent("delete_unit", { unitId: id() }),
  intent("add_competency", { unitId: id(), ...competencyFields }),
  intent("edit_competency", { competencyId: id(), ...competencyFields }),
  intent("delete_competency", { competencyId: id() }),
  intent("publish"),
  intent("new_draft"),
  intent("retire"),
);

export type VersionIntent = z.output<typeof VersionIntentSchema>;

export function parseVersionIntent(form: FormInput) {
  return parseForm(form, VersionIntentSchema);
}

const CsvRowSchema = z.object({
  unitCode: code,
  unitTitleEn: requiredText(200),
  unitTitleKm: z.string().trim().min(1, { error: "frameworks.csv.emptyKhmerUnitTitle" }).max(200, { error: msg.tooLong }),
  code,
  titleEn: requiredText(200),
  titleKm: z.string().trim().min(1, { error: "frameworks.csv.emptyKhmerTitle" }).max(200, { error: msg.tooLong }),
  criteriaEn: requiredText(2000),
  criteriaKm: requiredText(2000),
  expectedByWeek: z.string().transform((v, ctx) => {
    const n = parseExpectedWeek(v);
    if (n === null) {
      ctx.addIssue({ code: "custom", message: "frameworks.csv.badWeek" });
      return z.NEVER;
    }
    return n;
  }),
});

const FIELD_OF_COLUMN = ["unitCode", "unitTitleEn", "unitTitleKm", "code", "titleEn", "titleKm", "criteriaEn", "criteriaKm", "expectedByWeek"] as const;

export type CsvResult = { ok: true; rows: FrameworkRow[] } | { ok: false; lineErrors: LineError[] };

/** Every row of an uploaded framework CSV checked; any problem means no rows at all. */
export function parseFrameworkCsv(bytes: Uint8Array): CsvResult {
  const decoded = decodeUtf8(bytes);
  if (decoded === null) return { ok: false, lineErrors: [{ line: 1, key: "frameworks.csv.encoding" }] };
  // The file is read like any form text: invisible control characters are dropped (docs/decisions/0010).
  const text = withoutControlCharacters(decoded);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (e) {
    const line = typeof (e as { lines?: unknown }).lines === "number" ? (e as { lines: number }).lines : 1;
    return { ok: false, lineErrors: [{ line, key: "frameworks.csv.unreadable" }] };
  }
  if (records.length === 0) return { ok: false, lineErrors: [{ line: 1, key: "frameworks.csv.empty" }] };
  const [head, ...body] = records;
  if (!headerMatches(head!.record)) return { ok: false, lineErrors: [{ line: 1, key: "frameworks.csv.badHeader" }] };
  if (body.length === 0) return { ok: false, lineErrors: [{ line: 2, key: "frameworks.csv.empty" }] };

  const errors: LineError[] = [];
  const good: { line: number; row: FrameworkRow }[] = [];
  let previousEnd = head!.info.lines;
  for (const { record, info } of body) {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    if (record.length !== FRAMEWORK_CSV_HEADER.length) {
      errors.push({ line, key: "frameworks.csv.columns" });
      continue;
    }
    const parsed = CsvRowSchema.safeParse(Object.fromEntries(FIELD_OF_COLUMN.map((f, i) => [f, record[i] ?? ""])));
    if (!parsed.success) {
      const keys = new Set(parsed.error.issues.map((i) => (i.message.startsWith("frameworks.") ? i.message : `frameworks.csv.field.${String(i.path[0])}`)));
      for (const key of keys) errors.push({ line, key });
      continue;
    }
    good.push({ line, row: parsed.data });
  }
  errors.push(...crossRowErrors(good));
  if (errors.length) return { ok: false, lineErrors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, rows: good.map((g) => g.row) };
}
