import path from "node:path";
import { fileURLToPath } from "node:url";

import { matchRoutes } from "@remix-run/react";
import { describe, expect, it } from "vitest";

import { buildWithRoutes, routeGroupOf, routeGroups, type BuildRoute } from "./route-groups";

type Routes = Record<string, BuildRoute>;
type Tree = Parameters<typeof matchRoutes>[0];

/** The route tree React Router matches, from a build's flat route records (as Remix builds it). */
function tree(routes: Routes, parentId?: string): Tree {
  return Object.values(routes)
    .filter((r) => r.parentId === parentId)
    .map((r) => (r.index ? { id: r.id, path: r.path, index: true as const } : { id: r.id, path: r.path, children: tree(routes, r.id) }));
}

/** What a path matches: the ids of the matched routes, as with every route and as with its group. */
function matchedIds(routes: Routes, pathname: string): string[] | null {
  return matchRoutes(tree(routes), pathname)?.map((m) => m.route.id ?? "") ?? null;
}

function groupFor(routes: Routes, pathname: string): Routes {
  const key = routeGroupOf(pathname);
  const ids = key === null ? undefined : routeGroups(routes).get(key);
  return ids ? buildWithRoutes({ routes, assets: { routes } }, ids).routes : routes;
}

/** The portal's own routes, read from app/routes as the build reads them. */
async function appRoutes(): Promise<Routes> {
  const { flatRoutes } = await import("@remix-run/dev/dist/config/flat-routes.js");
  const appDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
  const manifest = flatRoutes(appDir, ["**/.*", "**/*.test.{ts,tsx}"]) as Routes;
  return { root: { id: "root", path: "" }, ...manifest };
}

/** A path each route answers: its parameters filled in, in various cases and with extras. */
function pathsOf(routes: Routes): string[] {
  const full = (id: string): string => {
    const r = routes[id]!;
    const own = r.path ?? "";
    return r.parentId ? [full(r.parentId), own].filter(Boolean).join("/") : own;
  };
  const out = new Set<string>([
    "/",
    "/_root.data",
    "/nothing-here",
    "//login",
    "/%6Cogin",
    "/LOGIN",
    "/login/",
    "/login.data",
    "/staff/",
    "/staff/nope/deeper",
  ]);
  for (const id of Object.keys(routes)) {
    const p =
      "/" +
      full(id)
        .replace(/:[\w-]+\??/g, "42")
        .replace(/\*$/, "any/thing");
    out.add(p);
    out.add(p.toUpperCase());
    out.add(`${p}.data`);
    out.add(`${p}/extra`);
  }
  return [...out];
}

describe("route groups", () => {
  it("match every path of the portal's routes as all the routes do", async () => {
    const routes = await appRoutes();
    expect(Object.keys(routes).length).toBeGreaterThan(40);
    for (const pathname of pathsOf(routes)) {
      // A data request is matched without its ".data" (single fetch); so is its group chosen.
      const matched = pathname.endsWith(".data") ? pathname.slice(0, -".data".length) || "/" : pathname;
      expect(matchedIds(groupFor(routes, pathname), matched), pathname).toEqual(matchedIds(routes, matched));
    }
  });

  it("match nested, index, optional, parameter-first and catch-all routes as all the routes do", () => {
    const routes: Routes = {
      root: { id: "root", path: "" },
      home: { id: "home", parentId: "root", index: true },
      splat: { id: "splat", parentId: "root", path: "*" },
      byLang: { id: "byLang", parentId: "root", path: ":lang/about" },
      optional: { id: "optional", parentId: "root", path: "help?/faq" },
      layout: { id: "layout", parentId: "root" },
      staff: { id: "staff", parentId: "layout", path: "staff" },
      staffIndex: { id: "staffIndex", parentId: "staff", index: true },
      flag: { id: "flag", parentId: "staff", path: "flags/:flagId" },
      staffSplat: { id: "staffSplat", parentId: "staff", path: "*" },
      Mixed: { id: "Mixed", parentId: "root", path: "Mixed/Case" },
    };
    const paths = [
      "/",
      "/staff",
      "/staff/flags/3",
      "/staff/x/y",
      "/en/about",
      "/staff/about",
      "/help/faq",
      "/faq",
      "/mixed/case",
      "/MIXED/CASE",
      "/zzz",
      "/staff.data",
    ];
    for (const pathname of paths) {
      const matched = pathname.endsWith(".data") ? pathname.slice(0, -".data".length) : pathname;
      expect(matchedIds(groupFor(routes, pathname), matched), pathname).toEqual(matchedIds(routes, matched));
    }
    expect(routeGroups(routes).get("staff")).toEqual(
      new Set(["root", "home", "splat", "byLang", "optional", "layout", "staff", "staffIndex", "flag", "staffSplat"]),
    );
  });

  it("send a path with no plain first segment to every route", () => {
    expect(routeGroupOf("/")).toBeNull();
    expect(routeGroupOf("//staff")).toBeNull();
    expect(routeGroupOf("/st%61ff")).toBeNull();
    expect(routeGroupOf("/Staff/flags.data")).toBe("staff");
    expect(routeGroupOf("/login.data")).toBe("login");
  });
});
