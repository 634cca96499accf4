/**
 * Competency frameworks: the pure rules of a framework CSV and the differences between two
 * versions. No database, no zod (the row schema is in app/forms/frameworks.server.ts).
 */

import type { FrameworkVersionStatus } from "./enums";

/** The intents that change a version's content. */
const VERSION_EDITS: ReadonlySet<string> = new Set([
  "add_unit",
  "edit_unit",
  "delete_unit",
  "add_competency",
  "edit_competency",
  "delete_competency",
  "publish",
]);

/**
 * Whether a version refuses this intent because it is no longer a draft: a published or retired
 * version cannot change (publishing a published one again is a repeat, not a change). The route
 * asks before it reads the fields, so the answer is "not a draft" whatever else was sent.
 */
export function versionRefusesEdit(status: FrameworkVersionStatus, intent: string): boolean {
  return VERSION_EDITS.has(intent) && status !== "draft" && !(intent === "publish" && status === "published");
}

export const FRAMEWORK_CSV_HEADER = [
  "unit_code",
  "unit_title_en",
  "unit_title_km",
  "code",
  "title_en",
  "title_km",
  "criteria_en",
  "criteria_km",
  "expected_by_week",
] as const;

export interface FrameworkRow {
  unitCode: string;
  unitTitleEn: string;
  unitTitleKm: string;
  code: string;
  titleEn: string;
  titleKm: string;
  criteriaEn: string;
  criteriaKm: string;
  expectedByWeek: number;
}

/** One CSV problem: the line it is on (the header is line 1) and a catalogue key. */
export interface LineError {
  line: number;
  key: string;
}

const BOM = "\uFEFF";

/** The bytes of an upload as text, or null if they are not valid UTF-8. A leading BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return text.startsWith(BOM) ? text.slice(BOM.length) : text;
  } catch {
    return null;
  }
}

export function headerMatches(header: readonly string[]): boolean {
  return header.length === FRAMEWORK_CSV_HEADER.length && FRAMEWORK_CSV_HEADER.every((h, i) => (header[i] ?? "").trim() === h);
}

/** A whole number of weeks from 1 to 52, written as digits. */
export function parseExpectedWeek(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n >= 1 && n <= 52 ? n : null;
}

/**
 * Rules across rows: a competency code appears once, and a unit code always has the same titles.
 * `rows` are paired with their line numbers.
 */
export function crossRowErrors(rows: { line: number; row: FrameworkRow }[]): LineError[] {
  const errors: LineError[] = [];
  const codes = new Map<string, number>();
  const units = new Map<string, FrameworkRow>();
  for (const { line, row } of rows) {
    const code = row.code.toUpperCase();
    if (codes.has(code)) errors.push({ line, key: "frameworks.csv.duplicateCode" });
    else codes.set(code, line);
    const unit = units.get(row.unitCode);
    if (!unit) units.set(row.unitCode, row);
    else if (unit.unitTitleEn !== row.unitTitleEn || unit.unitTitleKm !== row.unitTitleKm) errors.push({ line, key: "frameworks.csv.unitMismatch" });
  }
  return errors;
}

export interface UnitContent {
  code: string;
  titleEn: string;
  titleKm: string;
  competencies: Omit<FrameworkRow, "unitCode" | "unitTitleEn" | "unitTitleKm">[];
}

/** Rows (in file order) grouped into units, in order of first appearance. */
export function groupRows(rows: FrameworkRow[]): UnitContent[] {
  const units = new Map<string, UnitContent>();
  for (const r of rows) {
    let unit = units.get(r.unitCode);
    if (!unit) {
      unit = { code: r.unitCode, titleEn: r.unitTitleEn, titleKm: r.unitTitleKm, competencies: [] };
      units.set(r.unitCode, unit);
    }
    unit.competencies.push({
      code: r.code,
      titleEn: r.titleEn,
      titleKm: r.titleKm,
      criteriaEn: r.criteriaEn,
      criteriaKm: r.criteriaKm,
      expectedByWeek: r.expectedByWeek,
    });
  }
  return [...units.values()];
}

/** Units back to rows, one per competency. */
export function flattenUnits(units: UnitContent[]): FrameworkRow[] {
  return units.flatMap((u) => u.competencies.map((c) => ({ unitCode: u.code, unitTitleEn: u.titleEn, unitTitleKm: u.titleKm, ...c })));
}

export function rowToCells(r: FrameworkRow): (string | number)[] {
  return [r.unitCode, r.unitTitleEn, r.unitTitleKm, r.code, r.titleEn, r.titleKm, r.criteriaEn, r.criteriaKm, r.expectedByWeek];
}

/** Two versions hold the same units and competencies, in the same order. */
export function sameContent(a: FrameworkRow[], b: FrameworkRow[]): boolean {
  return a.length === b.length && a.every((r, i) => JSON.stringify(rowToCells(r)) === JSON.stringify(rowToCells(b[i]!)));
}

export type DiffKind = "added" | "removed" | "changed" | "same";

export interface DiffLine {
  code: string;
  kind: DiffKind;
  a: FrameworkRow | null;
  b: FrameworkRow | null;
  /** Fields that differ, for "changed". */
  fields: (keyof FrameworkRow)[];
}

const COMPARED: (keyof FrameworkRow)[] = ["unitCode", "unitTitleEn", "unitTitleKm", "titleEn", "titleKm", "criteriaEn", "criteriaKm", "expectedByWeek"];

/** Competencies of version A against version B, matched by code: B's order, then A's removed ones. */
export function diffVersions(a: FrameworkRow[], b: FrameworkRow[]): DiffLine[] {
  const inA = new Map(a.map((r) => [r.code, r]));
  const inB = new Set(b.map((r) => r.code));
  const lines: DiffLine[] = b.map((rb) => {
    const ra = inA.get(rb.code);
    if (!ra) return { code: rb.code, kind: "added", a: null, b: rb, fields: [] };
    const fields = COMPARED.filter((f) => ra[f] !== rb[f]);
    return { code: rb.code, kind: fields.length ? "changed" : "same", a: ra, b: rb, fields };
  });
  for (const ra of a) if (!inB.has(ra.code)) lines.push({ code: ra.code, kind: "removed", a: ra, b: null, fields: [] });
  return lines;
}

export function diffSummary(lines: DiffLine[]): Record<DiffKind, number> {
  const counts: Record<DiffKind, number> = { added: 0, removed: 0, changed: 0, same: 0 };
  for (const l of lines) counts[l.kind] += 1;
  return counts;
}
