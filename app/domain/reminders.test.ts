import { describe, expect, it } from "vitest";

import { DEFAULT_SCHEDULE, MAX_ATTEMPTS, dueReminders, firstDayOff, nextAttemptAt, nextWeeklyReminder, timeInZone, trainerTarget } from "./reminders";

const none = new Set<string>();
// 2026-11-16 is a Monday; 2026-11-20 the Friday of that week.
const due = (today: string, time: string, holidays: ReadonlySet<string> = none, schedule = DEFAULT_SCHEDULE) =>
  dueReminders({ today, time, schedule, holidays }).map((d) => `${d.kind} ${d.weekOf} ${d.dueDate}`);

describe("when a site's reminders are due", () => {
  it("sends the week's reminder from Friday 16:00, not a minute before", () => {
    expect(due("2026-11-20", "15:59")).toEqual([]);
    expect(due("2026-11-20", "16:00")).toEqual(["weekly 2026-11-16 2026-11-20"]);
    expect(due("2026-11-21", "09:00")).toEqual(["weekly 2026-11-16 2026-11-20"]);
  });

  it("keeps a missed reminder due for two days (a restart still sends it), then drops it", () => {
    expect(due("2026-11-22", "15:59")).toEqual(["weekly 2026-11-16 2026-11-20"]);
    expect(due("2026-11-22", "16:00")).toEqual([]);
  });

  it("sends the firmer reminder on the following Monday at its own time, for the week before", () => {
    expect(due("2026-11-30", "08:59")).toEqual([]);
    expect(due("2026-11-30", "09:00")).toEqual(["monday 2026-11-23 2026-11-30"]);
  });

  it("never sends on a public holiday: a reminder due on one moves to the next day that is not", () => {
    // The Water Festival, 23–25 November 2026 (Monday to Wednesday).
    const water = new Set(["2026-11-23", "2026-11-24", "2026-11-25"]);
    expect(due("2026-11-23", "10:00", water)).toEqual([]);
    expect(due("2026-11-25", "23:00", water)).toEqual([]);
    expect(due("2026-11-26", "08:59", water)).toEqual([]);
    expect(due("2026-11-26", "09:00", water)).toEqual(["monday 2026-11-16 2026-11-26"]);
  });

  it("sends nothing on a holiday even inside a reminder's grace days", () => {
    const saturday = new Set(["2026-11-21"]);
    expect(due("2026-11-21", "10:00", saturday)).toEqual([]);
    expect(due("2026-11-22", "10:00", saturday)).toEqual(["weekly 2026-11-16 2026-11-20"]);
  });

  it("keeps the week's reminder inside its week: with Friday to Sunday all holidays there is none", () => {
    const long = new Set(["2026-11-20", "2026-11-21", "2026-11-22"]);
    expect(dueReminders({ today: "2026-11-20", time: "17:00", schedule: DEFAULT_SCHEDULE, holidays: long })).toEqual([]);
    expect(firstDayOff("2026-11-20", long, "2026-11-22")).toBeNull();
  });

  it("follows the site's own day and times, and nothing when reminders are off", () => {
    const wednesday = { ...DEFAULT_SCHEDULE, weekday: 3, time: "11:30" };
    expect(due("2026-11-18", "11:30", none, wednesday)).toEqual(["weekly 2026-11-16 2026-11-18"]);
    expect(due("2026-11-20", "16:00", none, { ...DEFAULT_SCHEDULE, enabled: false })).toEqual([]);
  });

  it("reads the site's clock in its own time zone, whatever the server's", () => {
    // 09:05 UTC on Friday is 16:05 in Phnom Penh (UTC+7, no daylight saving).
    const moment = new Date("2026-11-20T09:05:00Z");
    expect(timeInZone(moment, "Asia/Phnom_Penh")).toBe("16:05");
    expect(timeInZone(moment, "UTC")).toBe("09:05");
    expect(due("2026-11-20", timeInZone(moment, "Asia/Phnom_Penh"))).toEqual(["weekly 2026-11-16 2026-11-20"]);
    expect(due("2026-11-20", timeInZone(moment, "UTC"))).toEqual([]);
  });

  it("shows staff the next weekly reminder, moved past a holiday", () => {
    expect(nextWeeklyReminder({ today: "2026-11-19", time: "10:00", schedule: DEFAULT_SCHEDULE, holidays: none })).toEqual({
      date: "2026-11-20",
      time: "16:00",
    });
    expect(nextWeeklyReminder({ today: "2026-11-20", time: "16:01", schedule: DEFAULT_SCHEDULE, holidays: none })).toEqual({
      date: "2026-11-27",
      time: "16:00",
    });
    expect(nextWeeklyReminder({ today: "2026-11-19", time: "10:00", schedule: DEFAULT_SCHEDULE, holidays: new Set(["2026-11-20"]) })).toEqual({
      date: "2026-11-21",
      time: "16:00",
    });
  });
});

describe("retrying a failed message", () => {
  const now = new Date("2026-11-20T09:00:00Z");
  const later = (attempts: number, extra: Partial<Parameters<typeof nextAttemptAt>[0]> = {}) => {
    const at = nextAttemptAt({ attempts, now, retryable: true, ...extra });
    return at ? (at.getTime() - now.getTime()) / 60_000 : null;
  };

  it("waits longer after each failure, then gives up", () => {
    expect([1, 2, 3, 4, 5].map((n) => later(n))).toEqual([1, 5, 30, 120, 360]);
    expect(later(MAX_ATTEMPTS)).toBeNull();
  });

  it("waits at least as long as the provider asks, and never retries a permanent error", () => {
    expect(later(1, { retryAfterMs: 10 * 60_000 })).toBe(10);
    expect(later(1, { retryable: false })).toBeNull();
  });
});

describe("where a reminder's sign-in link may lead", () => {
  it("accepts the trainer's home and week cards only", () => {
    expect(trainerTarget("/trainer/placements/12/weeks/2026-11-16")).toBe("/trainer/placements/12/weeks/2026-11-16");
    expect(trainerTarget("/trainer")).toBe("/trainer");
    for (const bad of [
      "//evil.example/trainer",
      "https://evil.example/",
      "/staff/reminders",
      "/trainer/../staff",
      "/trainer\\evil",
      "/\\evil",
      "/trainer/placements/1/weeks/2026-11-16?x=1",
      "",
      null,
      5,
    ]) {
      expect(trainerTarget(bad), String(bad)).toBeNull();
    }
  });
});
