// After `remix build`: one small catalogue per route and language, holding only the keys that
// route can show (docs/decisions/0024-catalogue-per-route.md).
//
// For each route of the assets manifest, the app files reachable from its module in the server
// build's module graph (server code too: its validation messages and refusals are keys that
// reach the page as data) are read for keys (scripts/catalogue-keys.mjs). A route's file leaves
// out what its parent routes' files already hold. Each file is an ES module,
// public/build/i18n/<locale>/<content hash>.js, cached for a year like the rest of /build.
// build/i18n-catalogues.json maps locale → route id → URL for the server, which preloads the
// matched routes' files in the page head and tells the browser where the others are.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { keysNamedBy, leafKeys, literalsIn, moduleGraph, pick } from "./catalogue-keys.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const read = (p) => fs.readFileSync(path.join(root, p), "utf8");
const LOCALES = ["km", "en"];

const manifestFile = fs.readdirSync(path.join(root, "public/build")).find((f) => /^manifest-.*\.js$/.test(f));
if (!manifestFile) throw new Error("split-catalogues: no public/build/manifest-*.js; run `remix build` first");
const manifestSource = read(`public/build/${manifestFile}`);
const manifest = JSON.parse(manifestSource.slice(manifestSource.indexOf("{"), manifestSource.lastIndexOf("}") + 1));
const browserMeta = JSON.parse(read("build/metafile.js.json"));
const serverMeta = JSON.parse(read("build/metafile.server.json"));
const catalogues = Object.fromEntries(LOCALES.map((l) => [l, JSON.parse(read(`app/i18n/locales/${l}.json`))]));
const allKeys = leafKeys(catalogues.en);

// Route id → its source file, through the browser build: the output that is the route's module
// names its entry point ("browser-route-module:routes/x.tsx?browser").
const sourceOf = new Map();
for (const [output, meta] of Object.entries(browserMeta.outputs)) {
  const entry = meta.entryPoint?.match(/^browser-route-module:(.*)\?browser$/)?.[1];
  if (entry) sourceOf.set(`/${path.relative("public", output)}`, `app/${entry}`);
}

const keysOfFile = new Map();
const keysOfRoute = new Map();
function routeKeys(id) {
  if (keysOfRoute.has(id)) return keysOfRoute.get(id);
  const route = manifest.routes[id];
  const source = sourceOf.get(route.module);
  if (!source) throw new Error(`split-catalogues: no source file found for route ${id} (${route.module})`);
  const keys = new Set();
  for (const file of moduleGraph(serverMeta, source)) {
    if (!keysOfFile.has(file)) keysOfFile.set(file, keysNamedBy(literalsIn(read(file), file), allKeys));
    for (const k of keysOfFile.get(file)) keys.add(k);
  }
  keysOfRoute.set(id, keys);
  return keys;
}

const ancestors = (id) => {
  const chain = [];
  for (let p = manifest.routes[id].parentId; p; p = manifest.routes[p].parentId) chain.push(p);
  return chain;
};

const outDir = path.join(root, "public/build/i18n");
fs.rmSync(outDir, { recursive: true, force: true });
const files = Object.fromEntries(LOCALES.map((l) => [l, {}]));
const summary = [];
for (const id of Object.keys(manifest.routes)) {
  const inherited = new Set(ancestors(id).flatMap((a) => [...routeKeys(a)]));
  const own = new Set([...routeKeys(id)].filter((k) => !inherited.has(k)));
  summary.push([id, own.size]);
  if (own.size === 0) continue;
  for (const locale of LOCALES) {
    const body = `export default ${JSON.stringify(pick(catalogues[locale], own))};\n`;
    const hash = crypto.createHash("sha256").update(body).digest("base64url").slice(0, 10);
    const url = `/build/i18n/${locale}/${hash}.js`;
    fs.mkdirSync(path.join(outDir, locale), { recursive: true });
    fs.writeFileSync(path.join(root, "public", url), body);
    files[locale][id] = url;
  }
}
fs.writeFileSync(path.join(root, "build/i18n-catalogues.json"), `${JSON.stringify(files)}\n`);

const total = new Set(Object.keys(manifest.routes).flatMap((id) => [...routeKeys(id)])).size;
console.log(`[i18n] ${Object.keys(files.km).length} route catalogues per language; ${total} of ${allKeys.length} keys reach some page`);
