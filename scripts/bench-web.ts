// Benchmark: a cold-cache load of the week card on a slow phone network, in Chromium.
// Prints figures (not a test): first contentful paint, largest contentful paint, hydration
// (the app sets html[data-hydrated] in an effect), load, total blocking time, and what was sent.
//
//   npm run bench:web -- [--runs 3] [--kbps 400] [--rtt 400] [--cpu 1,4] [--locales km,en] [--port 3271] [--waterfall] [--block-fonts]
//                        [--path /trainer] [--as apprentice] [--lighthouse]
//
// --path measures another page instead of the week card (signed in as the demo trainer, or as the
// demo user --as names; `--as nobody` for a signed-out page such as /login).
//
// It builds nothing itself (`npm run bench:web` builds first), starts the built server on its own
// port with a fresh demo database in data/bench-web/, and stops it at the end. The network is
// throttled through the Chrome DevTools Protocol (Network.emulateNetworkConditions: the latency
// is added to every request), the CPU with Emulation.setCPUThrottlingRate (4 ≈ a cheap phone).
// Timings on a shared 2-core machine are noisy: compare runs made one after another.
//
// --lighthouse runs Lighthouse's mobile performance audit on the same page instead (its default
// settings: a Moto G Power's screen, simulated 4× CPU slowdown, 150 ms RTT and 1.6 Mbps), and
// prints the median performance score and metrics of --runs audits per language.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { chromium, type Browser } from "playwright";

const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const RUNS = Number(arg("runs", "3"));
const KBPS = Number(arg("kbps", "400"));
const RTT = Number(arg("rtt", "400"));
const CPU = arg("cpu", "1,4").split(",").map(Number);
const LOCALES = arg("locales", "km,en").split(",") as ("km" | "en")[];
const WATERFALL = args.includes("--waterfall");
// What the page costs without its web fonts (a phone that has the font, or a font loaded later).
const BLOCK_FONTS = args.includes("--block-fonts");
const PORT = Number(arg("port", process.env.BENCH_PORT ?? "3271"));
const PAGE_PATH = arg("path", "");
const AS = arg("as", "trainer");
const LIGHTHOUSE = args.includes("--lighthouse");
const BASE = `http://localhost:${PORT}`;
const TODAY = "2026-11-19";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const database = path.join(root, "data/bench-web/portal.db");
fs.rmSync(path.dirname(database), { recursive: true, force: true });
fs.mkdirSync(path.dirname(database), { recursive: true });
const SECRET = "bench-web-secret-bench-web-secret-0123456789";
Object.assign(process.env, { DATABASE_PATH: database, SESSION_SECRET: SECRET, DEMO_TODAY: TODAY, SEED_DEMO: "true" });

const server = spawn(process.execPath, [path.join(root, "server.js")], {
  cwd: root,
  env: { ...process.env, NODE_ENV: "production", PORT: String(PORT), LOG_REQUESTS: "false", COOKIE_SECURE: "false" },
  stdio: ["ignore", "ignore", "inherit"],
});
const stopServer = () => {
  if (server.exitCode === null) server.kill("SIGTERM");
};
process.on("exit", stopServer);

async function waitForServer() {
  for (let i = 0; i < 600; i++) {
    if (server.exitCode !== null) throw new Error("the server stopped while starting");
    try {
      if ((await fetch(`${BASE}/healthcheck`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not answer /healthcheck within 2 minutes");
}

interface Figures {
  fcp: number;
  lcp: number;
  hydrated: number;
  load: number;
  tbt: number;
  requests: number;
  jsRequests: number;
  jsKB: number;
  totalKB: number;
}

async function measure(browser: Browser, url: string, cookie: { name: string; value: string } | null, cpu: number, locale: string): Promise<Figures> {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 },
    isMobile: true,
    hasTouch: true,
    // A signed-out page's language comes from the browser's (a signed-in user's from their account).
    ...(cookie ? {} : { extraHTTPHeaders: { "Accept-Language": locale } }),
  });
  if (cookie) await context.addCookies([{ ...cookie, url: BASE }]);
  await context.addInitScript(OBSERVE);
  const page = await context.newPage();
  if (BLOCK_FONTS) await page.route(/\.woff2$/, (route) => route.abort());
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: false });
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: RTT,
    downloadThroughput: (KBPS * 1000) / 8,
    uploadThroughput: (KBPS * 1000) / 8,
  });
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: cpu });
  await page.goto(url, { waitUntil: "load", timeout: 120_000 });
  await page.locator("html[data-hydrated=true]").waitFor({ state: "attached", timeout: 120_000 });
  await page.waitForTimeout(300);
  // A string, not a function: tsx would wrap named functions in a helper the page lacks.
  const figures = (await page.evaluate(COLLECT)) as Figures;
  if (WATERFALL) {
    const rows = (await page.evaluate(WATERFALL_ROWS)) as { name: string; start: number; end: number; kb: number }[];
    const nav = (await page.evaluate(
      `(() => { const n = performance.getEntriesByType("navigation")[0]; return { start: n.requestStart, first: n.responseStart, end: n.responseEnd, dcl: n.domContentLoadedEventEnd, kb: n.transferSize / 1024 }; })()`,
    )) as Record<string, number>;
    console.log(`  waterfall (cpu ${cpu}x): start → end ms, KB, file`);
    console.log(
      `  ${nav.start!.toFixed(0).padStart(6)} → ${nav.end!.toFixed(0).padStart(6)} ${nav.kb!.toFixed(1).padStart(6)}  the page (first byte ${nav.first!.toFixed(0)}, DOMContentLoaded ${nav.dcl!.toFixed(0)})`,
    );
    for (const r of rows) console.log(`  ${r.start.toFixed(0).padStart(6)} → ${r.end.toFixed(0).padStart(6)} ${r.kb.toFixed(1).padStart(6)}  ${r.name}`);
  }
  await context.close();
  return figures;
}

const OBSERVE = `(() => {
  const b = (window.__bench = { longTasks: [] });
  new MutationObserver(() => {
    if (document.documentElement.dataset.hydrated && b.hydrated === undefined) b.hydrated = performance.now();
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-hydrated"] });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) b.lcp = e.startTime; }).observe({ type: "largest-contentful-paint", buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: "longtask", buffered: true });
})()`;

const COLLECT = `(() => {
  const b = window.__bench;
  const nav = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
  const resources = performance.getEntriesByType("resource");
  const js = resources.filter((r) => r.name.endsWith(".js"));
  const hydrated = b.hydrated ?? NaN;
  const tbt = b.longTasks.filter((t) => t.start >= fcp && t.start <= hydrated).reduce((s, t) => s + Math.max(0, t.duration - 50), 0);
  const size = (list) => list.reduce((s, r) => s + r.transferSize, 0) / 1024;
  return { fcp, lcp: b.lcp ?? NaN, hydrated, load: nav.loadEventEnd, tbt, requests: resources.length + 1,
    jsRequests: js.length, jsKB: size(js), totalKB: size(resources) + nav.transferSize / 1024 };
})()`;

const WATERFALL_ROWS = `performance.getEntriesByType("resource").map((r) => ({
  name: r.name.replace(location.origin, ""), start: r.startTime, end: r.responseEnd, kb: r.transferSize / 1024,
})).sort((a, b) => a.start - b.start)`;

interface LighthouseFigures {
  score: number;
  fcp: number;
  lcp: number;
  si: number;
  tbt: number;
  cls: number;
  tti: number;
}

/** One Lighthouse mobile performance audit (cold cache) through the browser's debugging port. */
async function lighthouseAudit(url: string, port: number, headers: Record<string, string>): Promise<LighthouseFigures> {
  const { default: lighthouse } = await import("lighthouse");
  const result = await lighthouse(url, { port, output: "json", logLevel: "error", onlyCategories: ["performance"], extraHeaders: headers });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const value = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    score: (lhr.categories.performance?.score ?? NaN) * 100,
    fcp: value("first-contentful-paint"),
    lcp: value("largest-contentful-paint"),
    si: value("speed-index"),
    tbt: value("total-blocking-time"),
    cls: value("cumulative-layout-shift"),
    tti: value("interactive"),
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

try {
  await waitForServer();
  const [{ db }, { users }, { createUserSession }, { eq }] = await Promise.all([
    import("~/db/client.server"),
    import("~/db/schema"),
    import("~/auth/session.server"),
    import("drizzle-orm"),
  ]);
  const trainer = db().select().from(users).where(eq(users.username, "trainer")).get();
  if (!trainer) throw new Error("no demo trainer");
  const setCookie = await createUserSession(trainer, "password", new Request(BASE));
  const pair = setCookie.split(";")[0]!;
  const trainerCookie = { name: pair.slice(0, pair.indexOf("=")), value: pair.slice(pair.indexOf("=") + 1) };
  const home = await (await fetch(`${BASE}/trainer`, { headers: { cookie: pair } })).text();
  const cardPath = home.match(/href="(\/trainer\/placements\/\d+\/weeks\/\d{4}-\d{2}-\d{2})"/)?.[1];
  if (!cardPath) throw new Error("no week card link on /trainer");
  const weekPath = PAGE_PATH || cardPath;
  const user = AS === "trainer" || AS === "nobody" ? trainer : db().select().from(users).where(eq(users.username, AS)).get();
  if (!user) throw new Error(`no demo user ${AS}`);
  let cookie: { name: string; value: string } | null = trainerCookie;
  if (AS === "nobody") cookie = null;
  else if (user !== trainer) {
    const other = (await createUserSession(user, "password", new Request(BASE))).split(";")[0]!;
    cookie = { name: other.slice(0, other.indexOf("=")), value: other.slice(other.indexOf("=") + 1) };
  }

  const debuggingPort = PORT + 1000;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      ...(LIGHTHOUSE ? [`--remote-debugging-port=${debuggingPort}`] : []),
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  if (LIGHTHOUSE) {
    console.log(`Lighthouse mobile performance, ${PAGE_PATH ? `page (as ${AS})` : "week card"} ${weekPath}, ${RUNS} audits each (medians; ms)`);
    console.log("locale  score    FCP    LCP     SI   TBT    CLS    TTI");
    for (const locale of LOCALES) {
      db().update(users).set({ locale }).where(eq(users.id, user.id)).run();
      const headers: Record<string, string> = cookie ? { Cookie: `${cookie.name}=${cookie.value}` } : { "Accept-Language": locale };
      const runs: LighthouseFigures[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await lighthouseAudit(BASE + weekPath, debuggingPort, headers));
      const m = (k: keyof LighthouseFigures) => median(runs.map((r) => r[k]));
      console.log(
        `${locale.padEnd(6)} ${m("score").toFixed(0).padStart(6)} ${m("fcp").toFixed(0).padStart(6)} ${m("lcp").toFixed(0).padStart(6)} ${m("si").toFixed(0).padStart(6)} ${m("tbt").toFixed(0).padStart(5)} ${m("cls").toFixed(3).padStart(6)} ${m("tti").toFixed(0).padStart(6)}`,
      );
    }
  } else {
    console.log(
      `${PAGE_PATH ? `Page (as ${AS})` : "Week card"} ${weekPath}, cold cache, ${KBPS} kbps / ${RTT} ms latency, ${RUNS} runs each (medians, ms and KB transferred)`,
    );
    console.log("locale  cpu   FCP    LCP  hydrated   load   TBT  requests  JS req  JS KB  total KB");
    for (const locale of LOCALES) {
      db().update(users).set({ locale }).where(eq(users.id, user.id)).run();
      for (const cpu of CPU) {
        const runs: Figures[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, BASE + weekPath, cookie, cpu, locale));
        const m = (k: keyof Figures) => median(runs.map((r) => r[k]));
        console.log(
          `${locale.padEnd(6)} ${`${cpu}x`.padStart(4)} ${m("fcp").toFixed(0).padStart(6)} ${m("lcp").toFixed(0).padStart(6)} ${m("hydrated").toFixed(0).padStart(9)} ${m("load").toFixed(0).padStart(6)} ${m("tbt").toFixed(0).padStart(5)} ${String(m("requests")).padStart(9)} ${String(m("jsRequests")).padStart(7)} ${m("jsKB").toFixed(1).padStart(6)} ${m("totalKB").toFixed(1).padStart(9)}`,
        );
      }
    }
  }
  await browser.close();
} finally {
  stopServer();
}
