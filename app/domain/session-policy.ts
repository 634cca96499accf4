/** How long a session lasts, by role (staff hold sensitive data; trainers and apprentices rarely sign in). */
import type { Role } from "./enums";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export interface SessionPolicy {
  /** Ends this long after sign-in, whatever happens. */
  absoluteMs: number;
  /** Ends after this long without a request. */
  idleMs: number;
}

export function sessionPolicy(role: Role): SessionPolicy {
  if (role === "staff" || role === "admin") return { absoluteMs: 12 * HOUR, idleMs: 30 * MINUTE };
  return { absoluteMs: 14 * DAY, idleMs: 14 * DAY };
}

export type SessionState = "valid" | "expired" | "idle";

export function sessionState(session: { createdAt: Date; lastSeenAt: Date; expiresAt: Date }, role: Role, now: Date): SessionState {
  if (now.getTime() >= session.expiresAt.getTime()) return "expired";
  if (now.getTime() - session.lastSeenAt.getTime() >= sessionPolicy(role).idleMs) return "idle";
  return "valid";
}
