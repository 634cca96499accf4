// The server's full flag pass (and the next day's daily pass) in this process, on a database
// file, with what its time is made of: each statement's time and rows (`--stmts`) and the
// batches. Writes to the database (the passes' flags). For a CPU profile:
// `node --cpu-prof --import tsx scripts/prof-flag-pass.ts --db FILE`.
//
//   npx tsx scripts/prof-flag-pass.ts --db FILE [--stmts] [--daily] [--times 1] [--findings OUT]
//
// --stmts   times every statement the passes run (by its text) and prints the 25 dearest
// --daily   also the next day's daily pass after each full pass
// --times N full passes in this one process (the first of a process is the slowest)
// --findings OUT   appends, for four "as of" days, the count and sha256 of `findFlags`' sorted
//                  findings (evidence included) to OUT: the same database before and after a
//                  change of the loader must give the same lines (docs/decisions/0048)
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";

import Database from "better-sqlite3";

import { argValue, BENCH_TODAY, useBenchEnvironment } from "./bench-common";

const args = process.argv.slice(2);
const FILE = path.resolve(argValue(args, "db") ?? "");
if (!fs.existsSync(FILE)) throw new Error("give --db FILE");
useBenchEnvironment(FILE);
const STMTS = args.includes("--stmts");
const TIMES = Number(argValue(args, "times") ?? 1);

type Stat = { n: number; ms: number; rows: number };
const stats = new Map<string, Stat>();
if (STMTS) {
  const statementProto = Object.getPrototypeOf((new Database(":memory:") as Database.Database).prepare("select 1")) as Record<string, unknown>;
  for (const method of ["all", "run", "get"] as const) {
    const original = statementProto[method] as (...a: unknown[]) => unknown;
    statementProto[method] = function (this: { source: string }, ...a: unknown[]) {
      const t0 = performance.now();
      const r = original.apply(this, a);
      const ms = performance.now() - t0;
      const key = this.source.replace(/\s+/g, " ").slice(0, 110);
      const s = stats.get(key) ?? { n: 0, ms: 0, rows: 0 };
      s.n += 1;
      s.ms += ms;
      s.rows += Array.isArray(r) ? r.length : 1;
      stats.set(key, s);
      return r;
    };
  }
}

const { db } = await import("~/db/client.server");
const schedule = await import("~/db/flag-schedule.server");
const { addDays } = await import("~/domain/dates");
const database = db();

for (let i = 0; i < TIMES; i++) {
  stats.clear();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const full = await schedule.runDailyPass(database, BENCH_TODAY, { full: true });
  const c = process.cpuUsage(c0);
  console.log(
    `full: ${(performance.now() - t0).toFixed(0)} ms wall, ${((c.user + c.system) / 1000).toFixed(0)} ms CPU (user ${(c.user / 1000).toFixed(0)}, sys ${(c.system / 1000).toFixed(0)}), ` +
      `${full.batches} batches, longest ${full.longestBatchMs.toFixed(1)} ms (${full.longestBatchCpuMs.toFixed(1)} CPU); raised ${full.raised} updated ${full.updated} cleared ${full.cleared}`,
  );
  if (STMTS) {
    const list = [...stats.entries()].sort((a, b) => b[1].ms - a[1].ms);
    let total = 0;
    for (const [, s] of list) total += s.ms;
    console.log(`  SQL total ${total.toFixed(0)} ms`);
    for (const [k, s] of list.slice(0, 25))
      console.log(`  ${s.ms.toFixed(0).padStart(6)} ms ${String(s.n).padStart(6)}× ${String(s.rows).padStart(8)} rows  ${k}`);
  }
  if (args.includes("--daily")) {
    const c2 = process.cpuUsage();
    const t1 = performance.now();
    const daily = await schedule.runDailyPass(database, addDays(BENCH_TODAY, 1));
    const c3 = process.cpuUsage(c2);
    console.log(
      `daily: ${(performance.now() - t1).toFixed(0)} ms wall, ${((c3.user + c3.system) / 1000).toFixed(0)} ms CPU, ${daily.batches} batches, longest ${daily.longestBatchMs.toFixed(1)} ms`,
    );
  }
}
const findingsOut = argValue(args, "findings");
if (findingsOut) {
  const flags = await import("~/db/flags.server");
  const settings = await import("~/db/site-settings.server");
  const thresholds = settings.thresholdsBySite(database);
  for (const day of ["2026-11-18", "2026-11-25", "2026-11-26", "2026-11-30"]) {
    const t0 = performance.now();
    const lines = flags
      .findFlags(database, { today: day, thresholdsBySite: thresholds })
      .map((f) => JSON.stringify(f))
      .sort();
    const hash = createHash("sha256").update(lines.join("\n")).digest("hex");
    fs.appendFileSync(findingsOut, `${day} ${lines.length} ${hash}\n`);
    console.log(`findings as of ${day}: ${lines.length} lines, sha256 ${hash} (${(performance.now() - t0).toFixed(0)} ms)`);
  }
}
process.exit(0);
