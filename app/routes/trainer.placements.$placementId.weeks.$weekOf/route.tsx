import type { ShouldRevalidateFunctionArgs } from "@remix-run/react";

import { pageMeta } from "~/utils/meta";

import { WeekCard } from "./week-card";

// The loader and action live in route.server.ts: the browser build stubs a .server module and
// does not follow its imports, so the page loads no chunk made only for the server's code
// (docs/decisions/0039).
export { action, loader } from "~/routes/trainer.placements.$placementId.weeks.$weekOf/route.server";

export const meta = pageMeta;

/** After a stale answer the card shows the fresh state under the trainer's entries, with JavaScript too. */
export function shouldRevalidate({ actionResult, defaultShouldRevalidate }: ShouldRevalidateFunctionArgs) {
  if (typeof actionResult === "object" && actionResult !== null && "stale" in actionResult) return true;
  return defaultShouldRevalidate;
}

export default WeekCard;
