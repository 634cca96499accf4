import { describe, expect, it } from "vitest";

import { formatDate, formatDateTime, formatDay, formatTime, formatUsd } from "./format";

describe("formatting that reads the same on the server and on any phone", () => {
  it("writes calendar dates with the month spelled out in Khmer", () => {
    expect(formatDate("km", "2026-11-16")).toBe("16 វិច្ឆិកា 2026");
    expect(formatDate("en", "2026-11-16")).toBe("16 Nov 2026");
    expect(formatDate("en", "2026-11-16", "long")).toBe("Monday 16 November 2026");
    expect(formatDay("km", "2026-11-22")).toBe("អាទិត្យ 22 វិច្ឆិកា");
  });

  it("shows moments in Phnom Penh time, whatever the server's zone", () => {
    // 23:30 UTC on the 25th is 06:30 on the 26th in Phnom Penh.
    expect(formatDateTime("en", new Date("2026-11-25T23:30:00Z"))).toBe("26 Nov 2026, 06:30");
    expect(formatTime("km", new Date("2026-11-25T16:30:00Z"))).toBe("23:30");
  });

  it("writes money in US dollars with the currency", () => {
    expect(formatUsd("en", 7500)).toBe("$75.00");
    expect(formatUsd("km", 123456)).toBe("$1,234.56");
  });
});
