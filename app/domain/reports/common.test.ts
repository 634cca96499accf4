import { describe, expect, it } from "vitest";

import { addMonths } from "./common";

describe("addMonths", () => {
  it("keeps the day, or takes the month's last day", () => {
    expect(addMonths("2024-05-31", 24)).toBe("2026-05-31");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2025-11-15", 3)).toBe("2026-02-15");
  });
});
