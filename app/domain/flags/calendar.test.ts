import { describe, expect, it } from "vitest";

import { addDays, isoWeekday } from "../dates";
import { Calendar } from "./calendar";

describe("Calendar", () => {
  const calendar = new Calendar("2026-11-25", 34);

  it("knows this week's Monday and the weekday of every day it covers", () => {
    expect(calendar.thisMonday).toBe("2026-11-23");
    const days = calendar.range("2026-10-22", "2026-11-25");
    expect(days).toHaveLength(35);
    for (const d of days) expect(d.weekday).toBe(isoWeekday(d.date));
    expect(days.map((d) => d.date)).toEqual(Array.from({ length: 35 }, (_, i) => addDays("2026-10-22", i)));
  });

  it("works out days beyond its range too", () => {
    expect(calendar.range("2026-09-30", "2026-10-02")).toEqual([
      { date: "2026-09-30", weekday: 3 },
      { date: "2026-10-01", weekday: 4 },
      { date: "2026-10-02", weekday: 5 },
    ]);
    expect(calendar.range("2026-11-26", "2026-11-25")).toEqual([]);
  });
});
