import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { describe, expect, it } from "vitest";

import { serverNodeFlags } from "../../scripts/server-node-flags";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

describe("a worker started from a source string", () => {
  it("starts in a process run with the server's node flags, a loader and --input-type=module", () => {
    expect(serverNodeFlags()).toContain("--max-old-space-size=384");
    const module = path.join(root, "app/utils/worker.server.ts");
    const code = `
      const { startSourceWorker } = await import(${JSON.stringify(module)});
      const worker = startSourceWorker("require('node:worker_threads').parentPort.postMessage(require('node:worker_threads').workerData * 2)", 21);
      worker.once("message", (answer) => console.log("answer " + answer));`;
    const run = spawnSync(process.execPath, [...serverNodeFlags(), "--import", "tsx", "--input-type=module", "-e", code], { cwd: root, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("answer 42");
  });
});
