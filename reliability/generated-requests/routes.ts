/**
 * Every route module in app/routes that exports an `action`, found by reading the folder: a
 * route added later is covered without editing the harness. Each comes with its address pattern
 * (Remix v2 flat routes) and the field names and intents its source and its forms use.
 */
import fs from "node:fs";
import path from "node:path";

import type { ActionFunction, LoaderFunction } from "@remix-run/node";

const ROOT = path.resolve(__dirname, "../..");
const ROUTES = path.join(ROOT, "app/routes");

type Segment = { kind: "static"; text: string } | { kind: "param"; name: string } | { kind: "splat" };

export interface ActionRoute {
  /** The file name without extension, e.g. `staff.placements.$placementId`. */
  id: string;
  segments: Segment[];
  params: string[];
  action: ActionFunction;
  loader: LoaderFunction | undefined;
  /** Field names the route's forms and parsers use. */
  names: string[];
  /** Intent values the route knows. */
  intents: string[];
}

/** `staff.flags[.csv]` → ["staff", "flags.csv"]; dots inside brackets are literal. */
function splitRouteId(id: string): string[] {
  const parts: string[] = [];
  let current = "";
  let depth = 0;
  for (const ch of id) {
    if (ch === "[") depth++;
    else if (ch === "]") depth--;
    else if (ch === "." && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function segmentsOf(id: string): Segment[] {
  const out: Segment[] = [];
  for (let part of splitRouteId(id)) {
    if (part === "_index") continue;
    if (part.startsWith("_")) continue; // a pathless layout
    if (part.endsWith("_")) part = part.slice(0, -1); // not nested in the parent's layout
    if (part === "$") out.push({ kind: "splat" });
    else if (part.startsWith("$")) out.push({ kind: "param", name: part.slice(1) });
    else out.push({ kind: "static", text: part });
  }
  return out;
}

export function pathOf(route: Pick<ActionRoute, "segments">, params: Record<string, string>): string {
  const parts = route.segments.map((s) =>
    s.kind === "static" ? s.text : s.kind === "param" ? encodeURIComponent(params[s.name] ?? "x") : (params["*"] ?? "no-such-page"),
  );
  return `/${parts.join("/")}`;
}

/** The route that answers a path (more static segments win, a splat loses), with its params. */
export function matchRoute(routes: ActionRoute[], pathname: string): { route: ActionRoute; params: Record<string, string> } | null {
  const given = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  let best: { route: ActionRoute; params: Record<string, string>; score: number } | null = null;
  for (const route of routes) {
    const params: Record<string, string> = {};
    let score = 0;
    let ok = true;
    const splat = route.segments.at(-1)?.kind === "splat";
    const fixed = splat ? route.segments.slice(0, -1) : route.segments;
    if (splat ? given.length < fixed.length : given.length !== fixed.length) continue;
    fixed.forEach((segment, i) => {
      if (segment.kind === "static") {
        if (segment.text !== given[i]) ok = false;
        else score += 2;
      } else if (segment.kind === "param") {
        params[segment.name] = given[i]!;
        score += 1;
      }
    });
    if (!ok) continue;
    if (splat) params["*"] = given.slice(fixed.length).join("/");
    if (!best || score > best.score) best = { route, params, score };
  }
  return best ? { route: best.route, params: best.params } : null;
}

const FIELD_NAME = /^[A-Za-z][\w.:-]*$/;

function scrape(source: string, patterns: RegExp[]): string[] {
  const found = new Set<string>();
  for (const pattern of patterns) for (const m of source.matchAll(pattern)) if (m[1]) found.add(m[1]);
  return [...found];
}

function vocabulary(source: string): { names: string[]; intents: string[] } {
  const formsModules = scrape(source, [/from "~\/forms\/([\w-]+)\.server"/g]).map((name) => path.join(ROOT, "app/forms", `${name}.server.ts`));
  const formsSource = formsModules
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f, "utf8"))
    .join("\n");
  const names = [
    ...scrape(source, [
      /\bname="([^"]+)"/g,
      /\.get(?:All)?\("([^"]+)"\)/g,
      /<(?:Field|SelectField|TextArea|Choices|Checkboxes|Checkbox)[^>]*\bname="([^"]+)"/g,
    ]),
    // Keys of the forms' zod objects: `  name: z.…`, `  name: requiredText(…)`, `{ pin: pin() }`.
    ...scrape(formsSource, [
      /^\s+(\w+): (?:z\.|[A-Za-z]\w*\(|plannedWeeks|rating|password|code|week|time|note|level)/gm,
      /[{,] (\w+): [a-z]\w*\(/g,
      /^\s{2,}(\w+),\s*$/gm,
    ]),
  ].filter((n) => FIELD_NAME.test(n));
  const intents = scrape(source + formsSource, [
    /\bintent="([\w:-]+)"/g,
    /name="intent"\s+value="([\w:-]+)"/g,
    /intent === "([\w:-]+)"/g,
    /intentName === "([\w:-]+)"/g,
    /z\.literal\("([\w:-]+)"\)/g,
    // The branches of `intents(…)`: `intent("note", …)`, `refusedIntent("checkin", …)`.
    /\b(?:intent|refusedIntent)\("([\w:-]+)"/g,
  ]);
  return { names: [...new Set(["intent", ...names])], intents };
}

/**
 * The route modules of app/routes: a file (`staff.flags.$flagId.tsx`) or a folder whose
 * `route.tsx` is the module and whose other files are its sections (`staff.apprentices.$apprenticeId/`).
 * Each comes with the source the vocabulary is read from: the module and, for a folder, its other files.
 */
function routeModules(): { id: string; file: string; source: string }[] {
  const out: { id: string; file: string; source: string }[] = [];
  const isCode = (f: string) => /\.(tsx?|jsx?)$/.test(f) && !/\.test\./.test(f);
  for (const entry of fs.readdirSync(ROUTES, { withFileTypes: true })) {
    if (entry.isFile() && isCode(entry.name)) {
      const file = path.join(ROUTES, entry.name);
      out.push({ id: entry.name.replace(/\.(tsx?|jsx?)$/, ""), file, source: fs.readFileSync(file, "utf8") });
    } else if (entry.isDirectory()) {
      const dir = path.join(ROUTES, entry.name);
      const files = fs.readdirSync(dir).filter(isCode).sort();
      const module = files.find((f) => /^route\.(tsx?|jsx?)$/.test(f));
      if (!module) continue;
      out.push({ id: entry.name, file: path.join(dir, module), source: files.map((f) => fs.readFileSync(path.join(dir, f), "utf8")).join("\n") });
    }
  }
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** A route's id, its address pattern and the names of its parameters. */
function addressOf(id: string): Pick<ActionRoute, "id" | "segments" | "params"> {
  const segments = segmentsOf(id);
  return { id, segments, params: segments.flatMap((s) => (s.kind === "param" ? [s.name] : [])) };
}

/** A route module with a `loader`: what the generated query strings are sent to. */
export interface LoaderRoute {
  id: string;
  segments: Segment[];
  params: string[];
  loader: LoaderFunction;
  /** Names the route's source reads from the query string or its forms use. */
  names: string[];
  /** The module and its sections' source: which parsers it uses (pages, report periods). */
  source: string;
}

/** Every route module that exports a `loader`, found by reading app/routes like `discoverActions`. */
export async function discoverLoaders(): Promise<LoaderRoute[]> {
  const routes: LoaderRoute[] = [];
  for (const { id, file, source } of routeModules()) {
    const mod = (await import(/* @vite-ignore */ file)) as { loader?: unknown };
    if (typeof mod.loader !== "function") continue;
    // Beyond the forms' vocabulary (which has `.get("…")`): flags a page reads with `.has("…")`.
    const flags = scrape(source, [/\.has\("([^"]+)"\)/g]).filter((n) => FIELD_NAME.test(n));
    routes.push({
      ...addressOf(id),
      loader: mod.loader as LoaderFunction,
      names: [...new Set([...flags, ...vocabulary(source).names])],
      source,
    });
  }
  return routes;
}

export async function discoverActions(): Promise<ActionRoute[]> {
  const routes: ActionRoute[] = [];
  for (const { id, file, source } of routeModules()) {
    const mod = (await import(/* @vite-ignore */ file)) as { action?: unknown; loader?: unknown };
    if (typeof mod.action !== "function") continue;
    routes.push({
      ...addressOf(id),
      action: mod.action as ActionFunction,
      loader: typeof mod.loader === "function" ? (mod.loader as LoaderFunction) : undefined,
      ...vocabulary(source),
    });
  }
  return routes;
}
