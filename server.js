/**
 * Production server: Express in front of Remix (docs/decisions/0001-express-server.md).
 * Security headers with a per-request CSP nonce, compression, request logs without personal
 * data, cross-origin write refusal, then the Remix handler.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

// Secure by default: production settings (a `Secure` session cookie, React's production build)
// unless NODE_ENV says otherwise. Set before the packages below load, since some read it then.
process.env.NODE_ENV ??= "production";

const { createRequestHandler } = await import("@remix-run/express");
const { default: compression } = await import("compression");
const { default: express } = await import("express");
const { default: helmet } = await import("helmet");

/** Powerful browser features the portal never uses, refused to every page and anything it embeds. */
const PERMISSIONS_POLICY = ["accelerometer", "camera", "geolocation", "gyroscope", "magnetometer", "microphone", "payment", "usb"]
  .map((feature) => `${feature}=()`)
  .join(", ");

const root = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(root, "build/index.js"));
const { bootServer, isCrossOriginWrite } = build.entry.module;

let config;
try {
  config = await bootServer();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const app = express();
app.disable("x-powered-by");
app.set("trust proxy", config.trustProxy);

/**
 * A fresh 128-bit CSP nonce per request, cut from random bytes drawn 256 nonces at a time: asking
 * the system for 16 bytes per request cost more than the bytes. No byte is ever handed out twice.
 */
const NONCE_BYTES = 16;
let nonces = Buffer.alloc(0);
let nonceAt = 0;
const nextNonce = () => {
  if (nonceAt >= nonces.length) {
    nonces = crypto.randomBytes(NONCE_BYTES * 256);
    nonceAt = 0;
  }
  nonceAt += NONCE_BYTES;
  return nonces.toString("base64", nonceAt - NONCE_BYTES, nonceAt);
};

app.use((req, res, next) => {
  res.locals.requestId = crypto.randomUUID();
  res.locals.cspNonce = nextNonce();
  res.setHeader("X-Request-Id", res.locals.requestId);
  res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
  if (config.logRequests) {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      // The path only: query strings may carry names or filters.
      const line = {
        t: new Date().toISOString(),
        id: res.locals.requestId,
        method: req.method,
        route: req.path,
        status: res.statusCode,
        ms: Number((process.hrtime.bigint() - started) / 1_000_000n),
      };
      console.log(JSON.stringify(line));
    });
  }
  next();
});

// Static files, before the page headers: a script, a style sheet or a font needs no CSP; of
// helmet's set they keep nosniff and a same-origin resource policy. Everything under /build has
// a content hash in its name (scripts, styles, fonts, catalogues), so it is cached for a year and
// sent as the brotli or gzip copy written at build (scripts/compress-assets.mjs). Other public
// files (the favicon) may change: an hour.
const { precompressedFile } = build.entry.module;
const buildDir = path.join(root, "public/build");
const precompressed = new Set(
  fs.existsSync(buildDir)
    ? fs
        .readdirSync(buildDir, { recursive: true })
        .filter((f) => /\.(br|gz)$/.test(f))
        .map((f) => `/${f.split(path.sep).join("/")}`)
    : [],
);
const staticHeaders = (res, file) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
  const encoding = file.endsWith(".br") ? "br" : file.endsWith(".gz") ? "gzip" : null;
  if (encoding) {
    res.setHeader("Content-Encoding", encoding);
    res.type(path.extname(file.slice(0, file.lastIndexOf("."))));
  }
};
app.use(
  "/build",
  (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const found = precompressedFile(req.get("accept-encoding"), req.path, precompressed);
    if (found.vary) res.vary("Accept-Encoding");
    if (found.file) req.url = found.file + req.url.slice(req.path.length);
    next();
  },
  express.static(buildDir, {
    immutable: true,
    maxAge: "1y",
    lastModified: false,
    acceptRanges: false,
    index: false,
    redirect: false,
    setHeaders: staticHeaders,
  }),
);
// The other public files all have an extension ("/favicon.svg"); a page's path has none, and
// asking the disk for it cost every page a file lookup.
const publicFiles = express.static(path.join(root, "public"), { maxAge: "1h", index: false, redirect: false, setHeaders: staticHeaders });
app.use((req, res, next) => (path.posix.extname(req.path) ? publicFiles(req, res, next) : next()));

// Helmet's headers for pages, worked out once at start: helmet runs its thirteen middlewares
// against a stand-in response and records what they set, with a marker where the nonce goes.
// Each page then gets the same headers, in the same order, with its own nonce in the CSP; only
// the CSP changes per request, and it is two strings around the nonce (docs/decisions/0041).
const NONCE_MARK = "\u0000nonce\u0000";
const pageHeaders = (() => {
  const recorded = [];
  const stand = { locals: { cspNonce: NONCE_MARK }, setHeader: (name, value) => recorded.push([name, String(value)]), removeHeader() {} };
  let finished = false;
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", (_req, res) => `'nonce-${res.locals.cspNonce}'`],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
      },
    },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
  })({}, stand, (error) => {
    if (error) throw error;
    finished = true;
  });
  if (!finished) throw new Error("server.js: helmet did not finish synchronously");
  return recorded.map(([name, value]) => {
    const at = value.indexOf(NONCE_MARK);
    return at < 0 ? [name, value, null] : [name, value.slice(0, at), value.slice(at + NONCE_MARK.length)];
  });
})();

// Answers being compressed are counted (app/utils/yield.server.ts), so that long work yielding
// the thread lets them leave before its next slice (docs/decisions/0047).
build.entry.module.useCountedCompression(app, compression());

/** `res.append`, except that a Cache-Control replaces the one set before (never a second value). */
const expressAppend = express.response.append;
function appendReplacingCacheControl(field, value) {
  return String(field).toLowerCase() === "cache-control" ? this.set(field, value) : expressAppend.call(this, field, value);
}

app.use((req, res, next) => {
  const nonce = res.locals.cspNonce;
  for (const [name, value, afterNonce] of pageHeaders) res.setHeader(name, afterNonce === null ? value : value + nonce + afterNonce);
  // Everything past the static files may carry personal data: no-store, unless the response
  // sets its own Cache-Control, which then replaces this one (never a second value beside it).
  res.setHeader("Cache-Control", "no-store");
  res.append = appendReplacingCacheControl;
  // `?_data=` is the pre-single-fetch data protocol: nothing here sends it, anyone can. A quiet
  // 400 instead of Remix's warning and stack trace in the log for every such request.
  if (req.originalUrl.includes("?") && new URLSearchParams(req.originalUrl.split("?")[1]).has("_data")) {
    res.status(400).type("text/plain; charset=utf-8").send(config.badRequestMessage);
    return;
  }
  const refused = isCrossOriginWrite({
    method: req.method,
    origin: req.get("origin"),
    secFetchSite: req.get("sec-fetch-site"),
    selfHost: req.get("host") ?? "",
  });
  if (refused) {
    res.status(403).type("text/plain; charset=utf-8").send(config.crossOriginMessage);
    return;
  }
  next();
});

// One Remix handler per first path segment, each knowing only the routes such a path can match
// (app/utils/route-groups.ts): Remix matches every request against all its routes three times,
// uncached. Any other path goes to the handler with every route.
const { buildWithRoutes, routeGroupOf, routeGroups } = build.entry.module;
const remixHandler = (routesBuild) =>
  createRequestHandler({
    build: routesBuild,
    mode: "production",
    getLoadContext: (req, res) => ({
      requestId: res.locals.requestId,
      clientIp: req.ip ?? "unknown",
      cspNonce: res.locals.cspNonce,
      callerGone: callerGone(res),
    }),
  });
/**
 * Aborted when the connection closes before the answer was written (a reload, a closed tab): heavy
 * work stops at its next yield (docs/decisions/0054-one-heavy-request-at-a-time.md). The request
 * a loader gets cannot say so reliably: its signal follows this one through weak references.
 */
function callerGone(res) {
  const controller = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  return controller.signal;
}
const everyRoute = remixHandler(build);
const byFirstSegment = new Map([...routeGroups(build.routes)].map(([segment, ids]) => [segment, remixHandler(buildWithRoutes(build, ids))]));
app.use((req, res, next) => (byFirstSegment.get(routeGroupOf(req.path)) ?? everyRoute)(req, res, next));

const server = app.listen(config.port, config.host, () => {
  console.log(`Career Pathways is listening on http://localhost:${config.port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    const closed = new Promise((resolve) => server.close(resolve));
    Promise.all([closed, config.stop()]).then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  });
}
