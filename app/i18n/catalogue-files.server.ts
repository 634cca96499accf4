import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import type { Locale } from "~/domain/enums";

type Files = Record<Locale, Record<string, string>>;

let files: Files | undefined;

/**
 * Route id → URL of its catalogue module, per language: written by scripts/split-catalogues.mjs
 * beside the server build. Without it (tests, a build that did not split) every page lists no
 * files and the browser loads the whole catalogue of its language.
 */
export function catalogueFiles(locale: Locale): Record<string, string> {
  files ??= read();
  return files[locale] ?? {};
}

function read(): Files {
  const file = path.join(path.dirname(fileURLToPath(import.meta.url)), "i18n-catalogues.json");
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as Files;
  } catch {
    return { km: {}, en: {} };
  }
}
