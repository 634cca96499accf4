/**
 * Route matching per first path segment (server.js; docs/decisions/0032).
 *
 * Remix matches a request against every route of the app at least three times (the request
 * handler, its static handler, the server render), and each time React Router flattens, scores
 * and sorts all the routes and compiles a regular expression for each one it tries: it caches
 * none of it. With the portal's 50 routes that was about a millisecond of CPU on every request,
 * a quarter of what `/login` cost. The route build is also copied into a per-request object of
 * every route's module.
 *
 * A path whose first segment is `staff` can only match the routes whose path starts with
 * `staff`, plus the routes that start with no fixed segment (the root, the home page, the
 * catch-all 404, any `:param` or optional first segment). So the server keeps one request
 * handler per first segment, each given only those routes: the same match for every path, out
 * of a handful of candidates. A path whose first segment is not a plain word (encoded
 * characters), names no route, or is "/" goes to the handler with every route.
 *
 * The browser still gets the whole route manifest (its own file, app-wide); only the server's
 * own matching is narrowed.
 */

/** The fields of a server build's route this reads (`build.routes[id]`). */
export interface BuildRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
}

/** A first segment a route can be told apart by: plain characters, no parameter, not optional. */
const FIXED_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** The first segment of a route's full path, if fixed (lower case: matching ignores case). */
function fixedFirstSegment(id: string, routes: Record<string, BuildRoute>): string | null {
  const parts: string[] = [];
  for (let route: BuildRoute | undefined = routes[id]; route; route = route.parentId ? routes[route.parentId] : undefined) {
    if (route.path) parts.unshift(route.path);
  }
  const first = parts
    .join("/")
    .split("/")
    .find((s) => s !== "");
  return first !== undefined && FIXED_SEGMENT.test(first) ? first.toLowerCase() : null;
}

/**
 * For each fixed first segment of the app's routes, the ids of the routes a path starting with
 * it can match: those under that segment, those with no fixed first segment, and their parents.
 */
export function routeGroups(routes: Record<string, BuildRoute>): Map<string, Set<string>> {
  const anywhere: string[] = [];
  const bySegment = new Map<string, string[]>();
  for (const id of Object.keys(routes)) {
    const segment = fixedFirstSegment(id, routes);
    if (segment === null) anywhere.push(id);
    else bySegment.set(segment, [...(bySegment.get(segment) ?? []), id]);
  }
  const groups = new Map<string, Set<string>>();
  for (const [segment, ids] of bySegment) {
    const group = new Set<string>();
    for (const id of [...anywhere, ...ids]) {
      for (let route: BuildRoute | undefined = routes[id]; route && !group.has(route.id); route = route.parentId ? routes[route.parentId] : undefined) {
        group.add(route.id);
      }
    }
    groups.set(segment, group);
  }
  return groups;
}

/**
 * The group a request path belongs to: its first segment in lower case, or null (every route)
 * when it has none or it is not plain. A single-fetch data request (`/staff/flags.data`) is
 * matched without its `.data`, so it is read without it.
 */
export function routeGroupOf(pathname: string): string | null {
  const path = pathname.endsWith(".data") ? pathname.slice(0, -".data".length) : pathname;
  const first = /^\/([^/]+)/.exec(path)?.[1];
  return first !== undefined && FIXED_SEGMENT.test(first) ? first.toLowerCase() : null;
}

/** A copy of the server build that knows only these routes (for the server's own matching). */
export function buildWithRoutes<B extends { routes: Record<string, unknown>; assets: { routes: Record<string, unknown> } }>(build: B, ids: Set<string>): B {
  const only = <T>(all: Record<string, T>) => Object.fromEntries(Object.entries(all).filter(([id]) => ids.has(id)));
  return { ...build, routes: only(build.routes), assets: { ...build.assets, routes: only(build.assets.routes) } };
}
