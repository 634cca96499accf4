import { dateInZone, SITE_TIME_ZONE } from "~/domain/dates";

/** Today's calendar date at the sites (Asia/Phnom_Penh), whatever the server's clock zone. */
export function siteToday(now = new Date()): string {
  return dateInZone(now, SITE_TIME_ZONE);
}
