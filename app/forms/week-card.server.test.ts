import { describe, expect, it } from "vitest";

import { parseWeekCard, parseWeekEnvelope } from "./week-card.server";

const parse = (fields: Record<string, string>) => {
  const result = parseWeekCard(new URLSearchParams({ submissionKey: "k".repeat(20), baseline: "0.0.0.0", ...fields }));
  if (!result.ok) return { errors: result.errors } as const;
  return { input: result.value } as const;
};

describe("the form", () => {
  it("refuses a level outside the list", () => {
    expect(parse({ intent: "submit", "level.3": "expert" }).errors).toEqual({ "level.3": ["errors.invalid"] });
  });
  it("refuses late minutes that are negative, zero or over the working day", () => {
    for (const minutes of ["-5", "0", "601", "ten"]) {
      expect(parse({ intent: "submit", "att.2026-11-16.status": "late", "att.2026-11-16.lateMinutes": minutes }).errors).toEqual({
        "att.2026-11-16.lateMinutes": ["week.errors.lateMinutes"],
      });
    }
    expect(parse({ intent: "submit", "att.2026-11-16.status": "late", "att.2026-11-16.lateMinutes": "20" }).input?.att["2026-11-16"]).toEqual({
      status: "late",
      lateMinutes: 20,
      absenceReason: null,
    });
  });
  it("refuses an absence with no reason", () => {
    expect(parse({ intent: "submit", "att.2026-11-16.status": "absent" }).errors).toEqual({
      "att.2026-11-16.reason": ["week.errors.absenceReason"],
    });
  });
  it("names what is wrong with a record key or a button", () => {
    expect(parse({ intent: "save", "att.tomorrow.status": "present" }).errors).toEqual({ "att.tomorrow": ["week.errors.notADay"] });
    expect(parse({ intent: "save", "level.abc": "independent" }).errors).toEqual({ "level.abc": ["week.errors.notOnFramework"] });
    expect(parse({ intent: "save_everything" }).errors).toEqual({ intent: ["week.errors.intent"] });
    expect(parse({ intent: "save", "note.1": "x".repeat(501) }).errors).toEqual({ "note.1": ["week.errors.tooLong"] });
    expect(parse({ intent: "save", weekNote: "x".repeat(501) }).errors).toEqual({ weekNote: ["week.errors.tooLong"] });
    expect(parse({ intent: "save", baseline: "12" }).errors).toEqual({ baseline: ["week.errors.damaged"] });
  });

  it("ignores empty boxes, as a browser sends every untouched field", () => {
    const parsed = parse({ intent: "all_present", "note.1": "", "note.2": "", "level.1": "supervised", weekNote: "", "edu.2026-11-17.reason": "" });
    expect(parsed.errors).toBeUndefined();
    expect(parsed.input?.note).toEqual({});
  });

  it("ignores a day sent with no status chosen, as a browser sends untouched fields", () => {
    const parsed = parse({ intent: "submit", "att.2026-11-16.lateMinutes": "", "att.2026-11-16.reason": "transport", "edu.2026-11-17.reason": "" });
    expect(parsed.errors).toBeUndefined();
    expect(parsed.input?.att["2026-11-16"]).toBeUndefined();
  });

  it("refuses an afternoon not released without a reason", () => {
    expect(parse({ intent: "submit", "edu.2026-11-17.status": "refused", "edu.2026-11-17.reason": "" }).errors).toEqual({
      "edu.2026-11-17.reason": ["week.errors.refusalReason"],
    });
  });
});

describe("the envelope", () => {
  it("is checked alone, so a damaged card keeps what is sound", () => {
    const damaged = parseWeekEnvelope(new URLSearchParams({ intent: "save", submissionKey: "short", baseline: "1.2.3.4" }));
    expect(damaged.ok ? null : damaged.errors).toEqual({ submissionKey: ["week.errors.damaged"] });
    const sound = parseWeekEnvelope(new URLSearchParams({ intent: "submit", submissionKey: "k".repeat(20), baseline: "1.2.3.4", "level.1": "independent" }));
    expect(sound.ok && sound.value).toEqual({ intent: "submit", submissionKey: "k".repeat(20), baseline: "1.2.3.4" });
  });
});
