// Which catalogue keys a set of source files can show (docs/decisions/0024-catalogue-per-route.md).
// Pure functions, used by scripts/split-catalogues.mjs at build and tested beside this file.
import ts from "typescript";

const PLURAL = /^_(zero|one|two|few|many|other)$/;

/** Every leaf key of a nested catalogue, dotted: "levels.independent". */
export function leafKeys(catalogue, prefix = "") {
  return Object.entries(catalogue).flatMap(([k, v]) => (v !== null && typeof v === "object" ? leafKeys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

/**
 * The strings of a TypeScript/TSX source that may name a key: every string literal, every
 * template literal without substitutions, and the text before the first `${` of the others
 * (a prefix: `levels.${level}` may name any key under "levels."). Comments are not read.
 */
export function literalsIn(source, fileName = "x.tsx") {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, fileName.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const exact = [];
  const prefixes = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) exact.push(node.text);
    else if (ts.isTemplateExpression(node)) prefixes.push(node.head.text);
    node.forEachChild(visit);
  };
  visit(file);
  return { exact, prefixes };
}

/**
 * The keys of `allKeys` that the literals may name:
 * - a literal equal to a key, or to a key less its plural suffix (`t("weeks", { count })`);
 * - a literal equal to a section ("reports.columns"): every key in it;
 * - a literal ending in "." ("flagRule." + rule) and a template's head (`flagRule.${rule}`):
 *   every key that starts with it, when it holds a dot (a bare word is too wide to mean a key).
 */
export function keysNamedBy({ exact, prefixes }, allKeys) {
  const found = new Set();
  const exactSet = new Set(exact.filter((s) => s.includes(".")));
  const starts = [...prefixes, ...exact.filter((s) => s.endsWith("."))].filter((p) => p.includes("."));
  for (const key of allKeys) {
    const underscore = key.lastIndexOf("_");
    const base = underscore > 0 && PLURAL.test(key.slice(underscore)) ? key.slice(0, underscore) : null;
    if (exactSet.has(key) || (base !== null && exactSet.has(base))) {
      found.add(key);
      continue;
    }
    for (let dot = key.indexOf("."); dot > 0; dot = key.indexOf(".", dot + 1)) {
      if (exactSet.has(key.slice(0, dot))) found.add(key);
    }
    if (starts.some((p) => key.startsWith(p))) found.add(key);
  }
  return found;
}

/** The app's own files reachable from `start` in an esbuild metafile (server code included). */
export function moduleGraph(metafile, start, isOwn = (p) => p.startsWith("app/")) {
  const seen = new Set();
  const stack = [start];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file) || !metafile.inputs[file]) continue;
    seen.add(file);
    for (const i of metafile.inputs[file].imports) if (isOwn(i.path) && !i.external) stack.push(i.path);
  }
  return seen;
}

/** The part of a nested catalogue that holds `keys`, nested the same way, in catalogue order. */
export function pick(catalogue, keys) {
  const out = {};
  for (const key of leafKeys(catalogue)) {
    if (!keys.has(key)) continue;
    const parts = key.split(".");
    let from = catalogue;
    let to = out;
    for (const part of parts.slice(0, -1)) {
      from = from[part];
      to = to[part] ??= {};
    }
    to[parts.at(-1)] = from[parts.at(-1)];
  }
  return out;
}
