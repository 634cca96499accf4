import { describe, expect, it } from "vitest";

import {
  crossRowErrors,
  decodeUtf8,
  diffSummary,
  diffVersions,
  flattenUnits,
  FRAMEWORK_CSV_HEADER,
  groupRows,
  headerMatches,
  parseExpectedWeek,
  sameContent,
  versionRefusesEdit,
  type FrameworkRow,
} from "./frameworks";

const row = (over: Partial<FrameworkRow> = {}): FrameworkRow => ({
  unitCode: "U1",
  unitTitleEn: "Basics",
  unitTitleKm: "មូលដ្ឋាន",
  code: "C1",
  titleEn: "Wash hair",
  titleKm: "កក់សក់",
  criteriaEn: "Safely",
  criteriaKm: "ដោយសុវត្ថិភាព",
  expectedByWeek: 2,
  ...over,
});

describe("decodeUtf8", () => {
  it("reads UTF-8 and drops a BOM", () => {
    const bytes = new TextEncoder().encode("\uFEFFកក់សក់,a");
    expect(decodeUtf8(bytes)).toBe("កក់សក់,a");
  });
  it("refuses bytes that are not UTF-8", () => {
    expect(decodeUtf8(new Uint8Array([0x61, 0xff, 0xfe, 0x62]))).toBeNull();
  });
});

describe("headerMatches", () => {
  it("wants the exact header", () => {
    expect(headerMatches([...FRAMEWORK_CSV_HEADER])).toBe(true);
    expect(headerMatches(FRAMEWORK_CSV_HEADER.slice(0, 8))).toBe(false);
    expect(headerMatches([...FRAMEWORK_CSV_HEADER.slice(0, 8), "week"])).toBe(false);
  });
});

describe("parseExpectedWeek", () => {
  it("accepts whole weeks 1 to 52 only", () => {
    expect(parseExpectedWeek("1")).toBe(1);
    expect(parseExpectedWeek(" 52 ")).toBe(52);
    for (const bad of ["0", "53", "2.5", "-1", "", "two", "1e1"]) expect(parseExpectedWeek(bad), bad).toBeNull();
  });
});

describe("crossRowErrors", () => {
  it("finds a duplicate code (case-insensitive) and a unit with two sets of titles", () => {
    const errors = crossRowErrors([
      { line: 2, row: row() },
      { line: 3, row: row({ code: "c1" }) },
      { line: 4, row: row({ code: "C2", unitTitleEn: "Other" }) },
    ]);
    expect(errors).toEqual([
      { line: 3, key: "frameworks.csv.duplicateCode" },
      { line: 4, key: "frameworks.csv.unitMismatch" },
    ]);
  });
});

describe("groupRows / flattenUnits", () => {
  it("round-trips rows through units, keeping order", () => {
    const rows = [row(), row({ code: "C2" }), row({ unitCode: "U2", unitTitleEn: "Next", code: "C3" }), row({ code: "C4" })];
    const units = groupRows(rows);
    expect(units.map((u) => [u.code, u.competencies.map((c) => c.code)])).toEqual([
      ["U1", ["C1", "C2", "C4"]],
      ["U2", ["C3"]],
    ]);
    expect(flattenUnits(units).map((r) => r.code)).toEqual(["C1", "C2", "C4", "C3"]);
    expect(sameContent(flattenUnits(units), flattenUnits(groupRows(flattenUnits(units))))).toBe(true);
    expect(sameContent(rows, rows.slice(1))).toBe(false);
  });
});

describe("diffVersions", () => {
  it("matches competencies by code: added, removed, changed, same", () => {
    const a = [row(), row({ code: "C2" }), row({ code: "C3" })];
    const b = [row(), row({ code: "C2", titleKm: "ថ្មី", expectedByWeek: 4 }), row({ code: "C4" })];
    const lines = diffVersions(a, b);
    expect(lines.map((l) => [l.code, l.kind])).toEqual([
      ["C1", "same"],
      ["C2", "changed"],
      ["C4", "added"],
      ["C3", "removed"],
    ]);
    expect(lines[1]!.fields).toEqual(["titleKm", "expectedByWeek"]);
    expect(diffSummary(lines)).toEqual({ added: 1, removed: 1, changed: 1, same: 1 });
  });
  it("finds nothing between a version and itself", () => {
    expect(diffSummary(diffVersions([row()], [row()]))).toEqual({ added: 0, removed: 0, changed: 0, same: 1 });
  });
});

describe("versionRefusesEdit", () => {
  it("lets a draft take every edit, and refuses content changes on a published or retired version", () => {
    for (const intent of ["add_unit", "edit_unit", "delete_unit", "add_competency", "edit_competency", "delete_competency", "publish"]) {
      expect(versionRefusesEdit("draft", intent)).toBe(false);
      expect(versionRefusesEdit("retired", intent)).toBe(true);
    }
    expect(versionRefusesEdit("published", "edit_unit")).toBe(true);
  });

  it("treats publishing a published version again as a repeat, and never refuses new_draft or retire", () => {
    expect(versionRefusesEdit("published", "publish")).toBe(false);
    for (const status of ["draft", "published", "retired"] as const) {
      expect(versionRefusesEdit(status, "new_draft")).toBe(false);
      expect(versionRefusesEdit(status, "retire")).toBe(false);
    }
  });
});
