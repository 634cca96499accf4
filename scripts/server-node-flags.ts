/**
 * The node flags `npm run serve` and `npm start` run the server with (package.json), e.g. the heap
 * sizes of decision 0037: the benchmark, the reliability harness and the worker test start the
 * server (or a worker) as production does, from this one reading.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function serverNodeFlags(): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
  return scripts.serve!.split(" ").filter((word) => word.startsWith("--"));
}
