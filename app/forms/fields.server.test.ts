import { describe, expect, it } from "vitest";
import { z } from "zod";

import { placementStartRule } from "~/domain/plausible";

import { date, id, integer, money, notAfter, optionalId } from "./fields.server";
import { parseForm } from "./parse.server";
import { parsePlacementIntent } from "./records.server";
import { parseApprenticeRecordIntent } from "./staff.server";

const errorsOf = (schema: z.ZodType, value: string | undefined) => {
  const parsed = parseForm(new URLSearchParams(value === undefined ? {} : { field: value }), z.object({ field: schema }));
  return parsed.ok ? null : (parsed.errors.field ?? []);
};

describe("date", () => {
  const today = "2026-11-19";
  const schema = date(notAfter(today), placementStartRule(today));

  it("gives ONE message for '29/11/2026', not one per rule", () => {
    expect(errorsOf(schema, "29/11/2026")).toEqual(["errors.date"]);
    expect(errorsOf(schema, "2026-02-30")).toEqual(["errors.date"]);
    expect(errorsOf(schema, "")).toEqual(["errors.required"]);
    expect(errorsOf(schema, undefined)).toEqual(["errors.required"]);
  });

  it("gives the first rule's message only", () => {
    expect(errorsOf(schema, "2099-01-05")).toEqual(["records.errors.future"]);
    expect(errorsOf(date(placementStartRule(today)), "2099-01-05")).toEqual(["plausible.errors.startTooFarAhead"]);
    expect(errorsOf(schema, "2026-11-19")).toBeNull();
  });
});

describe("integer and ids", () => {
  it("take plain decimal only: hex and exponent forms are refused", () => {
    const weeks = integer({ min: 2, max: 52, error: "records.errors.plannedWeeks" });
    expect(errorsOf(weeks, "12")).toBeNull();
    for (const bad of ["0x1A", "1e1", "12.0", "-12", "twelve", "1"]) expect(errorsOf(weeks, bad), bad).toEqual(["records.errors.plannedWeeks"]);
    expect(errorsOf(id(), "0x1A")).toEqual(["errors.invalid"]);
    expect(errorsOf(id(), "1e3")).toEqual(["errors.invalid"]);
    expect(errorsOf(id(), "0")).toEqual(["errors.invalid"]);
    expect(errorsOf(optionalId(), "")).toBeNull();
    expect(errorsOf(optionalId(), "0x10")).toEqual(["errors.invalid"]);
  });
});

describe("money", () => {
  it("reads dollars as cents, plain decimal only", () => {
    const parsed = z.object({ m: money() }).safeParse({ m: "40.50" });
    expect(parsed.success && parsed.data.m).toBe(4050);
    for (const bad of ["1e3", "0x1A", "-5", "40.505", "10000.01"]) expect(errorsOf(money(), bad), bad).toEqual(["records.errors.money"]);
  });

  it("is the same rule for a stipend, a starting salary and a check-in salary: '1e3' is refused by each", () => {
    const form = (fields: Record<string, string>) => {
      const f = new FormData();
      for (const [k, v] of Object.entries(fields)) f.append(k, v);
      return f;
    };
    const status = { today: "2026-11-19", placementSince: null, currentStatusDate: null };
    const end = parsePlacementIntent(
      form({ intent: "complete", endedOn: "2026-11-19", outcome: "retained_by_employer", endReason: "Done", startingSalary: "1e3" }),
      status,
    );
    expect(end.ok ? null : end.errors.startingSalary).toEqual(["records.errors.money"]);
    const exited = { today: "2026-11-19", apprenticeSince: null, exitedOn: "2026-08-01" };
    const checkin = parseApprenticeRecordIntent(
      form({ intent: "checkin", months: "3", checkedOn: "2026-11-19", employed: "yes", monthlySalary: "1e3" }),
      exited,
    );
    expect(checkin.ok ? null : checkin.errors.monthlySalary).toEqual(["records.errors.money"]);
    const months = parseApprenticeRecordIntent(form({ intent: "checkin", months: "0x3", checkedOn: "2026-11-19", employed: "yes" }), exited);
    expect(months.ok ? null : months.errors.months).toEqual(["errors.invalid"]);
  });
});
