/**
 * A worker thread whose source is a string of plain CommonJS: the server build bundles app/ into
 * one file that a worker cannot load, so the backup's copy (0013) and the WAL checkpoints (0038)
 * run small self-contained sources that `require` what they need by absolute path.
 *
 * The worker gets no node options of its own (`execArgv: []`). By default it would inherit the
 * process's, and an explicit copy of them fails: a Worker refuses the V8 flags the server runs
 * with (`--max-old-space-size`, `--max-semi-space-size`: ERR_WORKER_INVALID_EXEC_ARGV), and
 * `--input-type=module` or a loader (`--import tsx` in scripts and tests) would make it read the
 * source as a module or load what it does not need.
 */
import { Worker } from "node:worker_threads";

export function startSourceWorker(source: string, workerData: unknown): Worker {
  return new Worker(source, { eval: true, workerData, execArgv: [] });
}
