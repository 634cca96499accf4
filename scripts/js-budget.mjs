// After the build: the JavaScript each page makes a phone download, and a failure above the
// budget (issue 12: ≤ 120 KB gzipped per route, ideally ≤ 90).
//
// A page's JS: the browser entry and its chunks, every route module of the page (root and the
// route) with their chunks, and the page's catalogue modules in that language
// (scripts/split-catalogues.mjs). Sizes are those of the gzip (level 9) and brotli (11) copies
// the server sends (scripts/compress-assets.mjs). Resource routes (no component) load no JS.
//
// It also fails when a module that must never reach a browser is in the browser build: zod
// (docs/decisions/0006), i18next and react-i18next (docs/decisions/0025); and when the root or
// a page that trainers, apprentices or staff open most (NO_STUB_CHUNKS) loads a chunk with no
// browser code in it, only the compiler's empty stubs for the *.server modules and
// @remix-run/node its loader imports: each is a request, a round trip on a slow line, for
// nothing (docs/decisions/0039, 0046).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";

const BUDGET_KB = Number(process.env.JS_BUDGET_KB ?? 120);
const IDEAL_KB = 90;
const NEVER_IN_BROWSER = ["zod", "i18next", "react-i18next", "@conform-to/zod"];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The root, which every page loads, and every route whose loader and action live in a .server
// module of its own (a folder route's route.server.ts, re-exported by an import path that names
// the route: "./route.server" from two routes would be one stub that they share): the week card
// and the pages trainers, apprentices and staff open most, and sign-in (docs/decisions/0039,
// 0046). A route split the same way joins the check by having the file.
const routesDir = path.join(root, "app/routes");
const NO_STUB_CHUNKS = [
  "root",
  ...fs
    .readdirSync(routesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(routesDir, entry.name, "route.server.ts")))
    .map((entry) => `routes/${entry.name}`)
    .sort(),
];

const publicDir = path.join(root, "public");
const manifestFile = fs.readdirSync(path.join(publicDir, "build")).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) throw new Error("js-budget: no public/build/manifest-*.js; run the build first");
const source = fs.readFileSync(path.join(publicDir, "build", manifestFile), "utf8");
const manifest = JSON.parse(source.slice(source.indexOf("{"), source.lastIndexOf("}") + 1));
const browserMeta = JSON.parse(fs.readFileSync(path.join(root, "build/metafile.js.json"), "utf8"));
const catalogues = JSON.parse(fs.readFileSync(path.join(root, "build/i18n-catalogues.json"), "utf8"));

const sizes = new Map();
function size(url) {
  if (!sizes.has(url)) {
    const file = path.join(publicDir, url);
    const body = fs.readFileSync(file);
    const copy = (suffix, make) => (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : Math.min(body.length, make(body).length));
    sizes.set(url, {
      gz: copy(".gz", (b) => zlib.gzipSync(b, { level: 9 })),
      br: copy(".br", (b) => zlib.brotliCompressSync(b)),
    });
  }
  return sizes.get(url);
}

// A page's route module holds its component; a resource route's holds only an empty stub.
const isPage = new Map(
  Object.entries(browserMeta.outputs).map(([out, meta]) => [
    `/${path.relative("public", out)}`,
    (meta.exports ?? []).includes("default") && Object.keys(meta.inputs).some((i) => i.startsWith("app/")),
  ]),
);
// Shared chunks made only of empty stubs (or of nothing): the classic compiler stubs a *.server
// module a route imports with an empty CommonJS module it cannot drop, and gives each set of
// routes that share one a chunk of its own.
const sharedChunks = Object.entries(browserMeta.outputs).filter(([out]) => out.includes("/_shared/") && out.endsWith(".js"));
const url = (out) => `/${path.relative("public", out)}`;
const serverStubChunks = new Set(
  sharedChunks
    .filter(([, meta]) => Object.keys(meta.inputs).length > 0 && Object.keys(meta.inputs).every((i) => i.startsWith("empty-module:")))
    .map(([out]) => url(out)),
);
// No inputs and no bytes: a chunk esbuild writes for modules some routes import whose code all
// dropped out of the browser build (a module of constants, which esbuild copies into the
// importer; esbuild's own helpers have bytes). Counted with the stubs in the table, not failed
// on (docs/decisions/0046).
const emptyChunks = new Set(sharedChunks.filter(([, meta]) => Object.keys(meta.inputs).length === 0 && meta.bytes === 0).map(([out]) => url(out)));
const stubChunks = new Set([...serverStubChunks, ...emptyChunks]);
const chain = (id) => (id ? [...chain(manifest.routes[id].parentId), id] : []);

const rows = [];
for (const [id, route] of Object.entries(manifest.routes)) {
  if (id === "root" || !isPage.get(route.module)) continue;
  const ids = chain(id);
  const js = new Set([manifest.entry.module, ...manifest.entry.imports]);
  for (const r of ids) for (const url of [manifest.routes[r].module, ...(manifest.routes[r].imports ?? [])]) js.add(url);
  const total = (locale, kind) => {
    const urls = [...js, ...ids.map((r) => catalogues[locale]?.[r]).filter(Boolean)];
    return urls.reduce((sum, url) => sum + size(url)[kind], 0) / 1024;
  };
  rows.push({
    id,
    files: js.size,
    stubs: [...js].filter((url) => stubChunks.has(url)).length,
    km: total("km", "gz"),
    en: total("en", "gz"),
    br: total("km", "br"),
  });
}
rows.sort((a, b) => b.km - a.km);

const shared = [manifest.entry.module, ...manifest.entry.imports].reduce((s, u) => s + size(u).gz, 0) / 1024;
console.log(`[js] JavaScript per page, KB as sent (budget ${BUDGET_KB} KB gzip; ideally ≤ ${IDEAL_KB}); entry and its chunks ${shared.toFixed(1)} KB of each`);
console.log(`     ${"route".padEnd(52)} files  stubs  gzip km  gzip en  br km`);
for (const r of rows) {
  const mark = Math.max(r.km, r.en) > BUDGET_KB ? "  OVER BUDGET" : Math.max(r.km, r.en) > IDEAL_KB ? "  (> ideal)" : "";
  console.log(
    `     ${r.id.padEnd(52)} ${String(r.files).padStart(5)} ${String(r.stubs).padStart(6)} ${r.km.toFixed(1).padStart(8)} ${r.en.toFixed(1).padStart(8)} ${r.br.toFixed(1).padStart(6)}${mark}`,
  );
}

const problems = [];
for (const r of rows)
  if (Math.max(r.km, r.en) > BUDGET_KB) problems.push(`${r.id} sends ${Math.max(r.km, r.en).toFixed(1)} KB of JavaScript (budget ${BUDGET_KB} KB)`);
for (const id of NO_STUB_CHUNKS) {
  if (!manifest.routes[id])
    problems.push(`${id} is not a route of this build (the root, or a folder of app/routes with a route.server.ts, is expected to be one)`);
  const stubs = (manifest.routes[id]?.imports ?? []).filter((url) => serverStubChunks.has(url));
  if (stubs.length > 0)
    problems.push(
      `${id} loads ${stubs.length} chunk(s) of empty server-module stubs (${stubs.join(", ")}): import its loader's and action's modules from a .server module of its own, by a path that names the route (docs/decisions/0039, 0046)`,
    );
}
for (const [out, meta] of Object.entries(browserMeta.outputs)) {
  for (const input of Object.keys(meta.inputs)) {
    const pkg = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//)?.[1];
    if (pkg && NEVER_IN_BROWSER.includes(pkg)) problems.push(`${pkg} is in the browser build (${out}): import it only from *.server.ts modules`);
  }
}
if (problems.length > 0) {
  console.error([...new Set(problems)].map((p) => `[js] ${p}`).join("\n"));
  process.exit(1);
}
