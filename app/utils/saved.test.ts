import { describe, expect, it } from "vitest";

import { isSaved, withoutSaved, withSaved } from "./saved";

describe("the ?saved= convention", () => {
  it("adds the word before the section, keeping the query", () => {
    expect(withSaved("/staff/placements/4", "status")).toBe("/staff/placements/4?saved=status");
    expect(withSaved("/staff/placements/4#status", "status")).toBe("/staff/placements/4?saved=status#status");
    expect(withSaved("/staff/flags?rule=overdue#f", "flag")).toBe("/staff/flags?rule=overdue&saved=flag#f");
  });

  it("knows only its own words", () => {
    expect(isSaved("status")).toBe(true);
    expect(isSaved("1")).toBe(false);
    expect(isSaved("__proto__")).toBe(false);
    expect(isSaved(null)).toBe(false);
  });

  it("closes by dropping only the word", () => {
    expect(withoutSaved("/x", "?saved=status")).toBe("/x");
    expect(withoutSaved("/x", "?a=1&saved=status")).toBe("/x?a=1");
  });
});
