/**
 * Every route file has at least one row in the role × route table (e2e/access-table.ts), so no
 * page or action escapes the check that every kind of caller gets the right answer. Routes are
 * read the way Remix reads them (its own flat-routes reader, with remix.config.js's ignores),
 * and each row's address is matched as the router would match it.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { matchRoutes } from "@remix-run/react";
import { describe, expect, it, vi } from "vitest";

import remixConfig from "../../remix.config.js";

// The table builds some addresses from the e2e demo database. Here any id or date will do: every
// look-up answers a value that reads as "1" in an address, whatever is asked of it.
vi.mock("../../e2e/demo", () => {
  const anything: unknown = new Proxy(() => undefined, {
    get: (_target, key) => (key === Symbol.toPrimitive ? () => "1" : key === "then" ? undefined : anything),
    apply: () => anything,
  });
  return new Proxy({}, { get: (_target, key) => (key === "then" ? undefined : async () => anything), has: () => true });
});

const { ROWS } = await import("../../e2e/access-table");

const appDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const manifest = flatRoutes(appDirectory, remixConfig.ignoredRouteFiles);

type RouteObject = Parameters<typeof matchRoutes>[0][number];

function children(parentId: string): RouteObject[] {
  return Object.values(manifest)
    .filter((route) => route.parentId === parentId)
    .map((route) => (route.index ? { id: route.id, path: route.path, index: true } : { id: route.id, path: route.path, children: children(route.id) }));
}
const routes: RouteObject[] = [{ id: "root", path: "", children: children("root") }];

async function routeOf(row: (typeof ROWS)[number]): Promise<string | undefined> {
  const address = typeof row.path === "string" ? row.path : await row.path();
  const pathname = new URL(address, "http://portal.test").pathname;
  return matchRoutes(routes, pathname)?.at(-1)?.route.id;
}

describe("the role × route table", () => {
  it("reads the routes (a sanity check on the reader)", () => {
    expect(Object.keys(manifest)).toContain("routes/trainer.placements.$placementId.weeks.$weekOf");
    expect(Object.keys(manifest).length).toBeGreaterThan(40);
  });

  it("reads a folder route as one route: its route.tsx, never the sections beside it", () => {
    const folderRoutes = Object.values(manifest).filter((route) => /\/route\.tsx?$/.test(route.file));
    expect(folderRoutes.map((route) => route.id)).toEqual(
      expect.arrayContaining(["routes/staff.apprentices.$apprenticeId", "routes/trainer.placements.$placementId.weeks.$weekOf"]),
    );
    const files = Object.values(manifest).map((route) => route.file);
    expect(files.filter((file) => /^routes\/[^/]+\/(?!route\.tsx?$)/.test(file))).toEqual([]);
  });

  it("has at least one row for every route file", async () => {
    const covered = new Set(await Promise.all(ROWS.map(routeOf)));
    const missing = Object.values(manifest)
      .filter((route) => !covered.has(route.id))
      .map((route) => `app/${route.file}`);
    expect(missing, "route files without a row in e2e/access-table.ts").toEqual([]);
  });
});
