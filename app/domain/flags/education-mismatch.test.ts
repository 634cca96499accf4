import { describe, expect, it } from "vitest";

import type { EducationEventKind } from "../enums";
import { educationMismatch } from "./education-mismatch";
import { ctx, daysAgo, placementFacts } from "./testing";

const evaluate = (events: EducationEventKind[], date = daysAgo(5)) =>
  educationMismatch.evaluate(placementFacts({ educationAfternoons: [{ afternoonId: 7, date, events }] }), ctx());

describe("education_mismatch", () => {
  it("notes an afternoon released but missed", () => {
    expect(evaluate(["released", "missed"])).toEqual({
      severity: "info",
      evidence: { windowDays: 28, afternoons: [{ afternoonId: 7, date: daysAgo(5), kind: "released_missed" }] },
    });
  });

  it("notes an afternoon attended while the trainer's latest word is refused", () => {
    expect(evaluate(["refused", "attended"])?.evidence.afternoons).toEqual([{ afternoonId: 7, date: daysAgo(5), kind: "refused_attended" }]);
    expect(evaluate(["refused", "confirmed_by_apprentice"])?.severity).toBe("info");
    expect(evaluate(["released", "refused", "attended"])?.severity).toBe("info");
  });

  it("is quiet when the ledger agrees with itself", () => {
    expect(evaluate(["released", "attended"])).toBeNull();
    expect(evaluate(["refused", "missed"])).toBeNull();
    expect(evaluate(["refused", "released", "attended"])).toBeNull();
    expect(evaluate(["released"])).toBeNull();
  });

  it("clears when education staff correct missed to attended", () => {
    expect(evaluate(["released", "missed", "attended"])).toBeNull();
  });

  it("looks at the last 28 days only", () => {
    expect(evaluate(["released", "missed"], daysAgo(27))).not.toBeNull();
    expect(evaluate(["released", "missed"], daysAgo(28))).toBeNull();
  });

  it("after staff closed a flag, counts only another afternoon as new", () => {
    const seen = evaluate(["released", "missed"])?.evidence ?? {};
    const another =
      educationMismatch.evaluate(
        placementFacts({
          educationAfternoons: [
            { afternoonId: 7, date: daysAgo(5), events: ["released", "missed"] },
            { afternoonId: 8, date: daysAgo(3), events: ["refused", "attended"] },
          ],
        }),
        ctx(),
      )?.evidence ?? {};
    expect(educationMismatch.isNewEpisode?.([seen], seen)).toBe(false);
    expect(educationMismatch.isNewEpisode?.([seen], another)).toBe(true);
  });
});
