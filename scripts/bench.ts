// `npm run bench -- --db data/bench/portal-100x.db` (or `--demo`): starts the built server
// (`npm run build` first) with NODE_ENV=production on that database and prints, for each page and
// for the sign-off POST, req/s and p50/p95/p99 at 1 and 32 connections as a ratio to
// /healthcheck measured in the same run, CPU ms per request, response size and RSS; then boot
// time, flag pass and hook times and report times measured in this process. Figures only: it
// asserts nothing. Writes to the database (sessions, sign-offs): the POSTs sign off the same
// placement every run, so a reused copy makes each later run's POSTs read a longer history; time
// the POSTs on a fresh copy.
//
//   --demo              a fresh demo database (data/bench/demo.db), seeded by the server at start
//   --db FILE           an existing database (e.g. from `npm run bench:data -- --scale 100`)
//   --port 3231         the server's port
//   --duration 6        seconds per load run
//   --heavy32           also load the heavy report pages at 32 connections
//   --posts 40          sequential sign-off submissions
//   --node "--max-old-space-size=384"   flags for the server's node (default: those of `npm run serve`, package.json)
//   --heap              the server also runs with --trace-gc; prints its peak heap used
//   --only "login,week card"            only the pages whose names contain one of these (no POSTs, no in-process timings);
//                                       with a "|", parts split on it instead: --only "trainer report, admin, all sites|/me"
//   --no-pages          no page loads: /healthcheck, the sign-off POSTs and the flag engine in this process
//   --no-reports        without the report loaders' timings at the end
//   --prof DIR          the server writes a CPU profile (.cpuprofile) into DIR when it stops
//   --flood             also, for each heavy page: one person reloading it (4 abandoned, then 1
//                       read) and one person sending it 16 at a time (what others wait meanwhile);
//                       each starts when the server is idle and counts its CPU until idle again
//   --slow              also, for each CSV download: one phone reading it at 400 kbps (50 KB/s of
//                       gzip) for 12 s, and the server's CPU and RSS meanwhile
import { execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

import autocannon from "autocannon";

import { argValue, BENCH_TODAY, useBenchEnvironment } from "./bench-common";
import { serverNodeFlags } from "./server-node-flags";

const args = process.argv.slice(2);
const DEMO = args.includes("--demo");
const FILE = path.resolve(argValue(args, "db") ?? (DEMO ? "data/bench/demo.db" : ""));
if (!DEMO && !argValue(args, "db")) throw new Error("bench: give --db FILE or --demo");
const PORT = Number(argValue(args, "port") ?? 3231);
const DURATION = Number(argValue(args, "duration") ?? 6);
const POSTS = Number(argValue(args, "posts") ?? 40);
const HEAVY32 = args.includes("--heavy32");
/** As `npm start` runs the server (package.json), unless told otherwise. */
const NODE_FLAGS = argValue(args, "node")?.split(" ").filter(Boolean) ?? serverNodeFlags();
/** `--heap`: the server also traces its garbage collections, and the run reports its peak heap used. */
if (args.includes("--heap")) NODE_FLAGS.push("--trace-gc");
const PROF = argValue(args, "prof");
if (PROF) NODE_FLAGS.push("--cpu-prof", `--cpu-prof-dir=${path.resolve(PROF)}`);
/** `--only`: parts split on commas, or on `|` when there is one (page names hold commas: "trainer report, admin, all sites"). */
const onlyArg = argValue(args, "only");
const ONLY = onlyArg
  ?.split(onlyArg.includes("|") ? "|" : ",")
  .map((s) => s.trim())
  .filter(Boolean);
const NO_PAGES = args.includes("--no-pages");
const FLOOD = args.includes("--flood");
const SLOW = args.includes("--slow");
const NO_REPORTS = args.includes("--no-reports");
const BASE = `http://127.0.0.1:${PORT}`;
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

if (!fs.existsSync(path.join(ROOT, "build/index.js"))) throw new Error("bench: no build — run `npm run build` first");
if (DEMO) for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(FILE + suffix, { force: true });
else if (!fs.existsSync(FILE)) throw new Error(`bench: no database at ${FILE}`);

useBenchEnvironment(FILE);

// ---------------------------------------------------------------------------------------------
// The server process

const TICK_MS = 1000 / Number(execSync("getconf CLK_TCK").toString().trim() || 100);

function cpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

function memory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/**
 * What the server's resident memory is made of, sampled every 100 ms from /proc (status and
 * smaps_rollup): the sample with the highest RSS is kept. Anonymous memory is the V8 heap plus
 * native allocations (SQLite's page cache, buffers, code); file-backed is the mapped node binary
 * and libraries (and the database file, were mmap on).
 */
interface MemorySample {
  rss: number;
  anon: number;
  file: number;
  shmem: number;
  rollup: string;
}
let peakSample: MemorySample | null = null;
function sampleMemory(pid: number) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
    if (peakSample && kb("VmRSS") <= peakSample.rss) return;
    const rollup = fs.readFileSync(`/proc/${pid}/smaps_rollup`, "utf8");
    const rkb = (key: string) => (Number(new RegExp(`^${key}:\\s+(\\d+)`, "m").exec(rollup)?.[1] ?? 0) / 1024).toFixed(0);
    peakSample = {
      rss: kb("VmRSS"),
      anon: kb("RssAnon"),
      file: kb("RssFile"),
      shmem: kb("RssShmem"),
      rollup: `smaps_rollup Rss ${rkb("Rss")}, Anonymous ${rkb("Anonymous")}, Private_Dirty ${rkb("Private_Dirty")}, Shared_Clean ${rkb("Shared_Clean")}`,
    };
  } catch {
    // the server has gone
  }
}
function printMemorySample() {
  if (!peakSample) return;
  const s = peakSample;
  console.log(
    `Server RSS at its highest sample (every 100 ms): ${s.rss.toFixed(0)} MB = anonymous ${s.anon.toFixed(0)} + file-backed ${s.file.toFixed(0)} + shared ${s.shmem.toFixed(0)} MB (${s.rollup} MB).`,
  );
}

async function startServer(): Promise<{ child: ChildProcess; bootMs: number; log: string[] }> {
  const log: string[] = [];
  const started = performance.now();
  // No daily backup: it would copy the benchmark database (gigabytes at 100×) a minute into the
  // run, in the server's thread, and time that instead of the pages (docs/performance.md).
  const child = spawn(process.execPath, [...NODE_FLAGS, "server.js"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      SEED_DEMO: DEMO ? "true" : "false",
      LOGIN_RATE_LIMIT: "10000",
      BACKUP_DAILY: "false",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk: Buffer) => log.push(...chunk.toString().split("\n").filter(Boolean)));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log.join("\n")}`);
    try {
      const res = await fetch(`${BASE}/healthcheck`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  return { child, bootMs: performance.now() - started, log };
}

// ---------------------------------------------------------------------------------------------
// Load runs

interface Run {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  cpuPerRequest: number;
  bytes: number;
  requests: number;
  bad: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);

/** A page's request headers: the caller's session, if any, and a Khmer reader (the pages people open are in Khmer). */
const headersAs = (cookie: string | null): Record<string, string> => ({ ...(cookie ? { cookie } : {}), "accept-language": "km" });

async function load(pid: number, url: string, cookie: string | null, connections: number, duration = DURATION): Promise<Run> {
  const latencies: number[] = [];
  let bad = 0;
  const cpu0 = cpuMs(pid);
  const instance = autocannon({
    url,
    connections,
    duration,
    timeout: 120,
    headers: headersAs(cookie),
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (status !== 200) bad += 1;
  });
  const result = await instance;
  const cpu = cpuMs(pid) - cpu0;
  latencies.sort((a, b) => a - b);
  const requests = latencies.length;
  return {
    rps: requests / (result.duration || duration),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    cpuPerRequest: requests ? cpu / requests : NaN,
    bytes: requests ? result.throughput.total / requests : 0,
    requests,
    bad,
  };
}

// ---------------------------------------------------------------------------------------------

const hardware = [
  `nproc ${os.cpus().length}`,
  `CPU ${os.cpus()[0]?.model ?? "?"}`,
  `memory ${execSync("free -g").toString().split("\n")[1]?.replace(/\s+/g, " ")}`,
  `node ${process.version}`,
  `load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} at start`,
].join("; ");

const { child, bootMs, log } = await startServer();
const pid = child.pid!;
console.log(`# Benchmark ${new Date().toISOString()}\n\n${hardware}\n`);
if (NODE_FLAGS.length) console.log(`Server started as: node ${NODE_FLAGS.join(" ")} server.js`);
console.log(
  `Database ${path.relative(ROOT, FILE)} (${(fs.statSync(FILE).size / 1e9).toFixed(2)} GB), today ${BENCH_TODAY}. Boot to listening: ${Math.round(bootMs)} ms (RSS ${memory(pid).rss.toFixed(0)} MB).`,
);
for (const line of log.filter((l) => /flag|migrat|optimi/i.test(l) && !/ms: (Scavenge|Mark)/.test(l))) console.log(`  server: ${line}`);

// App modules read the environment when first used: import them after it is set.
const [{ db }, { createUserSession }, { mondayOf, addDays }] = await Promise.all([
  import("~/db/client.server"),
  import("~/auth/session.server"),
  import("~/domain/dates"),
]);
const sqlite = db().$client;
const counts = ["sites", "apprentices", "placements", "assessments", "attendance", "weekly_reviews", "flags"]
  .map((t) => `${(sqlite.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n.toLocaleString("en")} ${t}`)
  .join(", ");
console.log(`Rows: ${counts}.\n`);

const userNamed = (...names: string[]) => {
  for (const name of names) {
    const row = sqlite.prepare("select id, role from users where username = ?").get(name) as { id: number; role: "trainer" } | undefined;
    if (row) return row;
  }
  throw new Error(`bench: none of the users ${names.join(", ")}`);
};
const cookieOf = async (user: { id: number; role: "trainer" }) => (await createUserSession(user, "password", new Request(BASE))).split(";")[0]!;
const trainer = userNamed("trainer", "bench-trainer-1-1");
const staff = userNamed("staff", "bench-staff-1");
const admin = userNamed("admin", "bench-admin");
const apprentice = userNamed("apprentice", "bench-apprentice-1-1");
const [trainerCookie, staffCookie, adminCookie, apprenticeCookie] = (await Promise.all([trainer, staff, admin, apprentice].map(cookieOf))) as [
  string,
  string,
  string,
  string,
];
const placement = sqlite
  .prepare("select id from placements where trainer_user_id = ? and status = 'active' order by start_date, id limit 1")
  .get(trainer.id) as { id: number };
const monday = mondayOf(BENCH_TODAY);
const card = `/trainer/placements/${placement.id}/weeks/${monday}`;

interface Page {
  name: string;
  path: string;
  cookie: string | null;
  heavy?: boolean;
}
const pages: Page[] = [
  { name: "/login", path: "/login", cookie: null },
  { name: "/trainer", path: "/trainer", cookie: trainerCookie },
  { name: "week card", path: card, cookie: trainerCookie },
  { name: "/staff", path: "/staff", cookie: staffCookie },
  { name: "/staff (admin)", path: "/staff", cookie: adminCookie, heavy: true },
  { name: "/staff/apprentices (admin)", path: "/staff/apprentices", cookie: adminCookie, heavy: true },
  { name: "/staff/flags (staff)", path: "/staff/flags", cookie: staffCookie },
  { name: "/staff/flags (admin)", path: "/staff/flags", cookie: adminCookie },
  { name: "staff placement page", path: `/staff/placements/${placement.id}`, cookie: staffCookie },
  // Heavy: one person's reports take turns (0054), so 32 connections of one staff member would
  // time mostly refusals (429), not the page.
  { name: "trainer report, site, default period", path: "/staff/reports/trainers", cookie: staffCookie, heavy: true },
  {
    name: "trainer report, site, 12 months",
    path: `/staff/reports/trainers?from=${addDays(BENCH_TODAY, -364)}&to=${BENCH_TODAY}`,
    cookie: staffCookie,
    heavy: true,
  },
  { name: "trainer report, admin, all sites", path: "/staff/reports/trainers", cookie: adminCookie, heavy: true },
  { name: "outcomes report, site", path: "/staff/reports/outcomes", cookie: staffCookie, heavy: true },
  { name: "outcomes report, admin, all sites", path: "/staff/reports/outcomes", cookie: adminCookie, heavy: true },
  { name: "/me", path: "/me", cookie: apprenticeCookie },
  { name: "trainer report CSV, admin, all sites", path: "/staff/reports/trainers.csv", cookie: adminCookie, heavy: true },
  { name: "flags CSV, admin, all sites, every status", path: "/staff/flags.csv?status=all", cookie: adminCookie, heavy: true },
];

const sampler = setInterval(() => sampleMemory(pid), 100);
sampler.unref();

// The server dies with this process, whatever happens; its last words are printed if it died first.
process.on("exit", () => child.kill("SIGTERM"));
child.on("exit", (code, signal) => {
  if (code === 0 || signal === "SIGTERM") return;
  console.error(`server exited (${code ?? signal}); its last lines:\n${log.slice(-15).join("\n")}`);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => process.exit(1));

// Every page must answer 200 with the page (not a sign-in redirect) before it is timed; one that
// does not is reported as such (the code before this work failed some pages on the 100× data).
const failing = new Map<string, string>();
for (const page of NO_PAGES ? [] : pages) {
  const t0 = performance.now();
  try {
    const get = () => fetch(BASE + page.path, { headers: { ...(page.cookie ? { cookie: page.cookie } : {}), connection: "close" }, redirect: "manual" });
    // Counting the 100× tables takes longer than the server keeps an idle connection open, so the
    // first check may be sent on the boot poll's socket just as the server closes it ("other side
    // closed"): that says nothing of the page, so it is asked once more on a new connection.
    const res = await get().catch((error: unknown) => {
      if ((error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
      return get();
    });
    await res.arrayBuffer();
    if (res.status !== 200) failing.set(page.name, `answered ${res.status} after ${Math.round(performance.now() - t0)} ms`);
  } catch (error) {
    failing.set(page.name, `failed after ${Math.round(performance.now() - t0)} ms (${String((error as { cause?: unknown }).cause ?? error)})`);
    console.error(
      `${page.name}: the request failed; the server's last lines:\n${log
        .filter((l) => !/ms: (Scavenge|Mark)/.test(l))
        .slice(-20)
        .join("\n")}`,
    );
    if (child.exitCode !== null || child.signalCode !== null) throw new Error("bench: the server died", { cause: error });
  }
}

/**
 * With `--heap`: the server's peak heap used, from its `--trace-gc` lines ("Scavenge 41.2 (60.1) ->
 * 38.0 (61.1) MB": used before the collection, then after). The largest "before" is the most the
 * heap held: the figure the old-space cap must leave room above.
 */
function printHeap() {
  const gc = log
    .map((l) => /: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)\b[^(]*?([\d.]+) \(([\d.]+)\) -> ([\d.]+) \(([\d.]+)\) MB/.exec(l))
    .filter((m) => m !== null);
  if (gc.length === 0) return;
  const peakUsed = Math.max(...gc.map((m) => Number(m[2])));
  const peakAfterFull = Math.max(0, ...gc.filter((m) => m[1] === "Mark-Compact").map((m) => Number(m[4])));
  const peakCommitted = Math.max(...gc.map((m) => Math.max(Number(m[3]), Number(m[5]))));
  // The pause each line reports ("MB, 1.2 / 0.0 ms"): the main thread's time in collections.
  const pauses = log.map((l) => /: (Scavenge|Mark-Compact|Mark-sweep|Minor Mark-Sweep)\b.*? MB, ([\d.]+) \/ [\d.]+ ms/.exec(l)).filter((m) => m !== null);
  const pauseMs = (kind: string) => pauses.filter((m) => m[1] === kind).reduce((sum, m) => sum + Number(m[2]), 0);
  console.log(
    `Server heap (--trace-gc, ${gc.length} collections): peak used ${peakUsed.toFixed(1)} MB; largest live after a full collection ${peakAfterFull.toFixed(1)} MB; peak heap committed ${peakCommitted.toFixed(1)} MB; paused ${pauseMs("Scavenge").toFixed(0)} ms in scavenges, ${pauseMs("Mark-Compact").toFixed(0)} ms in full collections.`,
  );
}

// The server's start-up flag pass (every rule, every subject: seconds of CPU on the 100× data)
// runs in the background after it listens: wait for it, so that nothing timed below shares the
// CPU with it.
const startUpPass = performance.now();
while (!log.some((l) => /^Flag pass \(full\)|flag pass failed/.test(l)) && performance.now() - startUpPass < 120_000)
  await new Promise((r) => setTimeout(r, 50));
console.log(`Waited ${Math.round(performance.now() - startUpPass)} ms for the server's start-up flag pass.\n`);

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "–");
const rows: string[] = [];
const health: Record<number, Run> = {};
// Profiled, the baseline is kept short so that the profile is the pages' (its ratios are rough).
for (const connections of [1, 32]) health[connections] = await load(pid, `${BASE}/healthcheck`, null, connections, PROF ? 1 : DURATION);
let peakRss = memory(pid).rss;

function row(name: string, one: Run | null, many: Run | null) {
  const part = (r: Run | null, c: number) =>
    r ? [fmt(r.rps), fmt(r.rps / health[c]!.rps, 3), fmt(r.p50, 1), fmt(r.p95, 1), fmt(r.p99, 1)] : ["", "", "", "", ""];
  const any = one ?? many!;
  const bad = (one?.bad ?? 0) + (many?.bad ?? 0);
  rows.push(
    `| ${name}${bad ? ` (${bad} not 200)` : ""} | ${[...part(one, 1), ...part(many, 32), fmt(any.cpuPerRequest, 1), fmt(any.bytes / 1024, 1), fmt(memory(pid).rss)].join(" | ")} |`,
  );
}
row("/healthcheck", health[1]!, health[32]!);
const waits: string[] = [];
const floods: string[] = [];
for (const page of pages.filter((p) => !NO_PAGES && (!ONLY || ONLY.some((o) => p.name.includes(o))))) {
  const failed = failing.get(page.name);
  if (failed) {
    rows.push(`| ${page.name}: ${failed}, not timed |  |  |  |  |  |  |  |  |  |  |  |  | ${fmt(memory(pid).rss)} |`);
    continue;
  }
  console.error(`bench: ${page.name}`); // progress, on stderr: the table comes at the end
  const one = await load(pid, BASE + page.path, page.cookie, 1);
  const many = page.heavy && !HEAVY32 ? null : await load(pid, BASE + page.path, page.cookie, 32);
  peakRss = Math.max(peakRss, memory(pid).rss);
  row(page.name, one, many);
  if (page.heavy) waits.push(await othersWait(page));
  if (page.heavy && FLOOD) floods.push(await reloads(page), await flood(page));
  if (SLOW && page.path.includes(".csv")) floods.push(await slowReader(page));
}

/**
 * `--slow`, one phone downloading a CSV at 400 kbps: it reads 5 KB of the gzip answer every 100 ms
 * for 12 s (the socket's buffers fill, then TCP holds the server back), then closes. Prints what it
 * received, the server's CPU meanwhile and its RSS at most above what it was before: CPU near a
 * whole download's means the server read the file ahead of the phone (docs/decisions/0056).
 */
async function slowReader(page: Page): Promise<string> {
  await untilIdle();
  const rss0 = memory(pid).rss;
  const cpu0 = cpuMs(pid);
  let rssMax = rss0;
  const sampler = setInterval(() => (rssMax = Math.max(rssMax, memory(pid).rss)), 100);
  let received = 0;
  // Ends after 12 s from the request whatever happens (no answer, a refusal, the server hanging up).
  const status = await new Promise<number>((resolve) => {
    let answered = 0;
    let tick: NodeJS.Timeout | undefined;
    const req = http.get(BASE + page.path, { headers: { ...headersAs(page.cookie), "Accept-Encoding": "gzip" } }, (res) => {
      answered = res.statusCode ?? 0;
      res.pause();
      tick = setInterval(() => {
        for (let chunk: Buffer | null, left = 5 * 1024; left > 0 && (chunk = res.read(Math.min(left, res.readableLength || left)) as Buffer | null);) {
          received += chunk.length;
          left -= chunk.length;
        }
      }, 100);
    });
    req.on("error", () => undefined);
    setTimeout(() => {
      clearInterval(tick);
      req.destroy();
      resolve(answered);
    }, 12_000);
  });
  const cpu = cpuMs(pid) - cpu0;
  await untilIdle();
  clearInterval(sampler);
  return `| ${page.name} | a phone at 400 kbps for 12 s (${status}) | received ${fmt(received / 1024, 0)} KB of gzip | server CPU ${fmt(cpu, 0)} ms, RSS at most +${fmt(rssMax - rss0, 0)} MB |`;
}

/**
 * `--flood`, one person reloading a heavy page: four requests, each abandoned (the connection
 * closed) 300 ms after it was sent, then a fifth read to its end. Prints how long the fifth took
 * from the first request, and the server's CPU from the first request until it is idle again
 * (the abandoned requests' work included, whenever it stops).
 */
async function reloads(page: Page): Promise<string> {
  const headers = headersAs(page.cookie);
  await untilIdle();
  const cpu0 = cpuMs(pid);
  const t0 = performance.now();
  for (let i = 0; i < 4; i++) {
    const controller = new AbortController();
    const abandoned = fetch(BASE + page.path, { headers, signal: controller.signal }).then((r) => r.arrayBuffer());
    await new Promise((r) => setTimeout(r, 300));
    controller.abort();
    await abandoned.catch(() => undefined);
  }
  const last = await fetch(BASE + page.path, { headers });
  await last.arrayBuffer();
  const answered = performance.now() - t0;
  await untilIdle();
  return `| ${page.name} | reload ×4, then read | fifth answered ${last.status} after ${fmt(answered, 0)} ms | server CPU ${fmt(cpuMs(pid) - cpu0, 0)} ms |`;
}

/**
 * `--flood`, one person sending a heavy page 16 at a time for the run's duration, while another
 * asks for `/healthcheck` every 20 ms: the answers by status, the server's CPU, and the health
 * checks' p50 and longest wait.
 */
async function flood(page: Page): Promise<string> {
  const headers = headersAs(page.cookie);
  const statuses = new Map<number, number>();
  await untilIdle();
  const cpu0 = cpuMs(pid);
  const started = performance.now();
  const until = started + DURATION * 1000;
  let done = false;
  const clients = Array.from({ length: 16 }, async () => {
    while (performance.now() < until) {
      // A client gives up after 60 s (counted as "gave up"); the server may go on working for it.
      const status = await fetch(BASE + page.path, { headers, signal: AbortSignal.timeout(60_000) })
        .then(async (res) => (await res.arrayBuffer(), res.status))
        .catch(() => 0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      // A refused client waits a little, as a person or a well-behaved script would (not Retry-After's 5 s: the run is short).
      if (status === 429) await new Promise((r) => setTimeout(r, 250));
    }
  });
  const all = Promise.all(clients).then(() => (done = true));
  const waits = await healthWaits(() => done);
  await all;
  const answeredAfter = performance.now() - started;
  await untilIdle();
  const cpu = cpuMs(pid) - cpu0;
  const answered = [...statuses.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([status, n]) => (status === 0 ? `gave up×${n}` : `${status}×${n}`))
    .join(" ");
  return `| ${page.name} | 16 at a time, ${DURATION} s (all answered after ${fmt(answeredAfter, 0)} ms; server idle after ${fmt(performance.now() - started, 0)} ms) | ${answered}; health p50 ${fmt(percentile(waits, 50), 1)}, longest ${fmt(waits.at(-1) ?? NaN, 1)} ms | server CPU ${fmt(cpu, 0)} ms |`;
}

/** Until the server is idle (its CPU grows by less than 5 ms in 200 ms), at most 3 minutes: work for abandoned requests may go on. */
async function untilIdle() {
  const until = performance.now() + 180_000;
  let before = cpuMs(pid);
  while (performance.now() < until) {
    await new Promise((r) => setTimeout(r, 200));
    const now = cpuMs(pid);
    if (now - before < 5) return;
    before = now;
  }
}

/**
 * What a heavy page makes everyone else wait: while one client loads it again and again, another
 * asks for `/healthcheck` every 20 ms. The server has one thread, so a health check that arrives
 * while the page's work holds it waits for the work to give the event loop back; the longest such
 * wait is the longest stretch the page blocks other people's requests.
 */
async function othersWait(page: Page): Promise<string> {
  let done = false;
  const heavy = (async () => {
    const until = performance.now() + DURATION * 1000;
    let n = 0;
    while (performance.now() < until) {
      await (await fetch(BASE + page.path, { headers: headersAs(page.cookie) })).arrayBuffer();
      n += 1;
    }
    done = true;
    return n;
  })();
  const waits = await healthWaits(() => done);
  const loads = await heavy;
  return `| ${page.name} | ${loads} | ${waits.length} | ${fmt(percentile(waits, 50), 1)} | ${fmt(percentile(waits, 99), 1)} | ${fmt(waits.at(-1) ?? NaN, 1)} |`;
}

/** `/healthcheck` every 20 ms until `done()`: how long each waited, sorted. */
async function healthWaits(done: () => boolean): Promise<number[]> {
  const waits: number[] = [];
  while (!done()) {
    const t0 = performance.now();
    await (await fetch(`${BASE}/healthcheck`)).arrayBuffer();
    waits.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return waits.sort((a, b) => a - b);
}

/** A table of rows made during the run, under its title (if any); nothing when it has no rows. */
function printTable(title: string, columns: string[], lines: string[]) {
  if (lines.length === 0) return;
  if (title) console.log(`\n${title}\n`);
  console.log(`| ${columns.join(" | ")} |`);
  console.log(`|${columns.map(() => "---|").join("")}`);
  for (const line of lines) console.log(line);
}

/** The pages' table, the server's memory, and the heavy pages' tables (with `--only`, or at the end of a run). */
function printPages() {
  const { peak } = memory(pid);
  printTable(
    "",
    ["page", "1 conn req/s", "÷ health", "p50 ms", "p95 ms", "p99 ms", "32 conn req/s", "÷ health", "p50 ms", "p95 ms", "p99 ms", "CPU ms/req", "KB", "RSS MB"],
    rows,
  );
  console.log(`\nServer RSS: highest sampled ${peakRss.toFixed(0)} MB, peak (VmHWM) ${peak.toFixed(0)} MB.`);
  printHeap();
  printMemorySample();
  printHeavyPages();
}

/** The heavy pages' tables: what each makes others wait, and (`--flood`, `--slow`) one person's many requests. */
function printHeavyPages() {
  printTable(
    "What a heavy page makes others wait: `/healthcheck` every 20 ms while one client loads the page over and over.",
    ["page", "page loads", "health checks", "health p50 ms", "health p99 ms", "health max ms"],
    waits,
  );
  printTable("One person, many requests of a heavy page (`--flood`), or a slow phone (`--slow`).", ["page", "what", "answers", "cost"], floods);
}

if (ONLY) {
  printPages();
  child.kill("SIGTERM");
  // A profiled server writes its profile as it exits: wait for that.
  if (PROF) await new Promise((r) => child.once("exit", r));
  process.exit(0);
}

// Sign-off POST: sequential real submissions of the week card (open it, change a level, submit).
const postTimes: number[] = [];
const postCpu0 = cpuMs(pid);
for (let i = 0; i < POSTS; i++) {
  const html = await (await fetch(`${BASE}${card}?show=all`, { headers: { cookie: trainerCookie, connection: "close" } })).text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1];
  const competency = /name="level\.(\d+)"/.exec(html)?.[1];
  const submissionKey = field("submissionKey");
  const baseline = field("baseline");
  if (!competency || !submissionKey || baseline === undefined) throw new Error("bench: the week card has no form to submit");
  const body = new URLSearchParams({
    intent: "submit",
    submissionKey,
    baseline: baseline.replaceAll("&amp;", "&"),
    [`level.${competency}`]: i % 2 ? "supervised" : "with_help",
    correctionReason: "Benchmark correction",
  });
  const t0 = performance.now();
  const res = await fetch(BASE + card, {
    method: "POST",
    body,
    headers: { cookie: trainerCookie, "content-type": "application/x-www-form-urlencoded", connection: "close" },
    redirect: "manual",
  });
  await res.arrayBuffer();
  postTimes.push(performance.now() - t0);
  if (res.status !== 302) throw new Error(`bench: sign-off POST answered ${res.status}`);
}
const postCpu = (cpuMs(pid) - postCpu0) / POSTS;
postTimes.sort((a, b) => a - b);
rows.push(
  `| sign-off POST (sequential, ${POSTS}; CPU includes the GET before each) |  |  | ${fmt(percentile(postTimes, 50), 1)} | ${fmt(percentile(postTimes, 95), 1)} | ${fmt(percentile(postTimes, 99), 1)} |  |  |  |  |  | ${fmt(postCpu, 1)} |  | ${fmt(memory(pid).rss)} |`,
);
peakRss = Math.max(peakRss, memory(pid).rss);

printPages();
clearInterval(sampler);

child.kill("SIGTERM");
await new Promise((r) => child.once("exit", r));

// ---------------------------------------------------------------------------------------------
// In this process, with the server stopped: the flag engine and the reports.

/** Wall clock and CPU of `times` runs: on a shared machine the CPU says more. */
const timeIt = async (fn: () => unknown, times = 1) => {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < times; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  wall.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    wall,
    cpu,
    toString: () => `p50 ${fmt(percentile(wall, 50), 1)} ms (${fmt(percentile(cpu, 50), 1)} ms CPU), p95 ${fmt(percentile(wall, 95), 1)} ms`,
  };
};
const flags = (await import("~/db/flags.server")) as Record<string, unknown>;
const schedule = (await import("~/db/flag-schedule.server")) as Record<string, unknown>;
const settings = await import("~/db/site-settings.server");
const thresholds = settings.thresholdsBySite(db());
const runFlagPass = flags.runFlagPass as (d: unknown, o: object) => unknown;
const hook = await timeIt(() => runFlagPass(db(), { today: BENCH_TODAY, placementIds: [placement.id], thresholdsBySite: thresholds }), 30);
console.log(`\nFlag hook, one placement, every rule (${hook.wall.length} runs): ${hook}.`);
const rssBefore = process.memoryUsage().rss;
if (typeof schedule.runDailyPass === "function") {
  const t0 = performance.now();
  type Stats = { batches: number; longestBatchMs: number; longestBatchCpuMs: number };
  const runDaily = schedule.runDailyPass as (d: unknown, t: string, o?: { full?: boolean }) => Promise<Stats>;
  const c0 = process.cpuUsage();
  const full = await runDaily(db(), BENCH_TODAY, { full: true });
  const c1 = process.cpuUsage(c0);
  console.log(
    `Full flag pass at start or on a new week (every rule, every subject, in batches, yielding): ${fmt(performance.now() - t0)} ms ` +
      `(${fmt((c1.user + c1.system) / 1000)} ms CPU) in ${full.batches} batches, longest ${fmt(full.longestBatchMs, 1)} ms (${fmt(full.longestBatchCpuMs, 1)} ms CPU).`,
  );
  const t1 = performance.now();
  const c2 = process.cpuUsage();
  const daily = await runDaily(db(), addDays(BENCH_TODAY, 1));
  const c3 = process.cpuUsage(c2);
  console.log(
    `Daily flag pass, the next day (what the date alone changes): ${fmt(performance.now() - t1)} ms (${fmt((c3.user + c3.system) / 1000)} ms CPU) ` +
      `in ${daily.batches} batches, longest ${fmt(daily.longestBatchMs, 1)} ms (${fmt(daily.longestBatchCpuMs, 1)} ms CPU).`,
  );
} else {
  const t0 = performance.now();
  await (schedule.runFullPass as (d: unknown, t: string) => Promise<unknown>)(db(), BENCH_TODAY);
  console.log(`Full flag pass, site by site: ${fmt(performance.now() - t0)} ms.`);
}
const t0 = performance.now();
const c4 = process.cpuUsage();
runFlagPass(db(), { today: BENCH_TODAY, thresholdsBySite: thresholds });
const c5 = process.cpuUsage(c4);
console.log(
  `Full flag pass (\`npm run flags\`): ${fmt(performance.now() - t0)} ms (${fmt((c5.user + c5.system) / 1000)} ms CPU); ` +
    `this process's RSS grew ${fmt((process.memoryUsage().rss - rssBefore) / 1e6)} MB over the passes.`,
);

if (NO_REPORTS) process.exit(0);
const reports = await import("~/db/reports.server");
const staffActor = {
  id: staff.id,
  role: "staff" as const,
  siteId: (sqlite.prepare("select site_id as s from users where id = ?").get(staff.id) as { s: number }).s,
  employerId: null,
  apprenticeId: null,
};
const adminActor = { id: admin.id, role: "admin" as const, siteId: null, employerId: null, apprenticeId: null };
const year = { from: addDays(BENCH_TODAY, -364), to: BENCH_TODAY, today: BENCH_TODAY };
const quarter = { from: addDays(mondayOf(BENCH_TODAY), -77), to: BENCH_TODAY, today: BENCH_TODAY };
const loadSiteYear = await timeIt(() => reports.loadTrainerAccountability(staffActor, year), 5);
console.log(`Trainer accountability, 1 site × 12 months (5 runs): ${loadSiteYear}.`);
const overview = (reports as Record<string, unknown>).loadAccountabilityOverview as ((a: unknown, f: unknown) => unknown) | undefined;
const adminRuns = await timeIt(() => (overview ? overview(adminActor, quarter) : reports.loadTrainerAccountability(adminActor, quarter)), 3);
console.log(`Trainer accountability, admin, all sites, default period (3 runs${overview ? ", one row per site, a site at a time" : ""}): ${adminRuns}.`);
const outcomes = await timeIt(() => reports.loadProgrammeOutcomes(staffActor, { from: addDays(BENCH_TODAY, -727), to: BENCH_TODAY, today: BENCH_TODAY }), 3);
console.log(`Programme outcomes, 1 site, default period (3 runs): ${outcomes}.`);
process.exit(0);
