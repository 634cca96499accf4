import { describe, expect, it } from "vitest";

import { sortAccountability } from "./accountability-sort";
import { input } from "./testing";
import { trainerAccountability } from "./trainer-accountability";

const report = trainerAccountability(input);

describe("sortAccountability", () => {
  it("sorts by a column, empty figures last in both directions, ties by employer and name", () => {
    const rows = report.trainers;
    expect(sortAccountability(rows, "reviews").map((r) => r.trainerUserId)).toEqual([2, 1, 3]);
    expect(sortAccountability(rows, "-reviews").map((r) => r.trainerUserId)).toEqual([1, 2, 3]);
    expect(sortAccountability(rows, "employer").map((r) => r.trainerUserId)).toEqual([3, 1, 2]);
    expect(sortAccountability(rows, "-trainer").map((r) => r.trainerUserId)).toEqual([2, 3, 1]);
  });
});
