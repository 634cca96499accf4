// `npm run sweep`: remove ended sessions and long-ended sign-in links from DATABASE_PATH now
// (the server also does it every hour).
import { db } from "~/db/client.server";
import { LINK_KEEP_DAYS, sweep } from "~/db/housekeeping.server";

const result = sweep(db());
console.log(`Removed ${result.sessions} ended session(s) and ${result.links} sign-in link(s) that ended over ${LINK_KEEP_DAYS} days ago.`);
