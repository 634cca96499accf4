import { describe, expect, it } from "vitest";

import { sessionPolicy, sessionState } from "./session-policy";

const at = (iso: string) => new Date(iso);

describe("session lifetimes by role", () => {
  it("ends a staff session after 30 minutes idle", () => {
    const s = { createdAt: at("2026-11-25T01:00:00Z"), lastSeenAt: at("2026-11-25T01:00:00Z"), expiresAt: at("2026-11-25T13:00:00Z") };
    expect(sessionState(s, "staff", at("2026-11-25T01:29:00Z"))).toBe("valid");
    expect(sessionState(s, "staff", at("2026-11-25T01:30:00Z"))).toBe("idle");
    expect(sessionState(s, "admin", at("2026-11-25T01:31:00Z"))).toBe("idle");
  });

  it("ends a staff session 12 hours after sign-in even when busy", () => {
    expect(sessionPolicy("staff").absoluteMs).toBe(12 * 3_600_000);
    const s = { createdAt: at("2026-11-25T01:00:00Z"), lastSeenAt: at("2026-11-25T12:59:00Z"), expiresAt: at("2026-11-25T13:00:00Z") };
    expect(sessionState(s, "staff", at("2026-11-25T13:00:00Z"))).toBe("expired");
  });

  it("keeps trainer and apprentice sessions for 14 days", () => {
    for (const role of ["trainer", "apprentice"] as const) {
      expect(sessionPolicy(role).absoluteMs).toBe(14 * 86_400_000);
      const s = { createdAt: at("2026-11-01T00:00:00Z"), lastSeenAt: at("2026-11-01T00:00:00Z"), expiresAt: at("2026-11-15T00:00:00Z") };
      expect(sessionState(s, role, at("2026-11-10T00:00:00Z"))).toBe("valid");
      expect(sessionState(s, role, at("2026-11-15T00:00:00Z"))).toBe("expired");
    }
  });
});
