/** A sign-in link's state at a moment (docs/decisions/0005). Its sessions live only while it is active. */
export type LinkState = "active" | "expired" | "revoked";

export function linkState(link: { expiresAt: Date; revokedAt: Date | null }, now = new Date()): LinkState {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}
