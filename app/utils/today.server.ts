import { dateInZone, SITE_TIME_ZONE } from "~/domain/dates";
import { env } from "~/env.server";

/**
 * Today's calendar date at the sites (Asia/Phnom_Penh), whatever the server's clock zone.
 * DEMO_TODAY pins it for demos and browser tests; moments (sessions, audit) keep the real clock.
 */
export function siteToday(now = new Date()): string {
  return env().DEMO_TODAY ?? dateInZone(now, SITE_TIME_ZONE);
}
