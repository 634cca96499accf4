/**
 * A page gets only the catalogue keys its routes can show (docs/decisions/0024-catalogue-per-route.md).
 *
 * The build (scripts/split-catalogues.mjs) writes one small catalogue module per route and
 * language. The server renders the full catalogue; the page's head says where each route's
 * module is and preloads the matched ones, and the browser loads those before it hydrates.
 * On a client-side navigation, <CatalogueGate> holds the new page back (React keeps showing the
 * old one: navigations are transitions) until the new route's module has arrived.
 */
import { matchRoutes, useMatches } from "@remix-run/react";
import { createContext, useContext, useEffect, type ReactNode } from "react";

import type { Locale } from "~/domain/enums";

export interface CatalogueFiles {
  locale: Locale;
  /** Route id → URL of that route's catalogue module in this language. */
  files: Record<string, string>;
}

export interface Catalogues extends CatalogueFiles {
  /** Browser only: null when the routes' catalogues are loaded, else a promise of that. */
  ensure?: (routeIds: string[]) => Promise<void> | null;
}

export const CATALOGUES_ELEMENT_ID = "catalogues";

const CataloguesContext = createContext<Catalogues | null>(null);
export const CataloguesProvider = CataloguesContext.Provider;

/** In <head>: the catalogue files (read by the browser's i18n) and a preload of the matched ones. */
export function CatalogueLinks() {
  const catalogues = useContext(CataloguesContext);
  const matches = useMatches();
  if (!catalogues) return null;
  const given: CatalogueFiles = { locale: catalogues.locale, files: catalogues.files };
  return (
    <>
      <script type="application/json" id={CATALOGUES_ELEMENT_ID} dangerouslySetInnerHTML={{ __html: JSON.stringify(given).replace(/</g, "\\u003c") }} />
      {matches.map((m) => (catalogues.files[m.id] ? <link key={m.id} rel="modulepreload" href={catalogues.files[m.id]} data-catalogue={m.id} /> : null))}
    </>
  );
}

/** Shows its children once the matched routes' catalogues are in the browser's i18n. */
export function CatalogueGate({ children }: { children: ReactNode }) {
  const catalogues = useContext(CataloguesContext);
  const matches = useMatches();
  const ensure = catalogues?.ensure;
  useEffect(() => {
    // Start loading as a navigation starts, beside the route's data, rather than when it renders.
    const router = typeof window === "undefined" ? undefined : window.__remixRouter;
    if (!ensure || !router) return;
    return router.subscribe((state) => {
      const target = state.navigation.location;
      const found = target ? matchRoutes(router.routes, target) : null;
      if (found) void ensure(found.map((m) => m.route.id));
    });
  }, [ensure]);
  const pending = ensure?.(matches.map((m) => m.id));
  if (pending) throw pending;
  return <>{children}</>;
}
