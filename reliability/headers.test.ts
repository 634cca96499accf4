/**
 * The built server's response headers, in full: a page signed out (/login), a page signed in
 * (the week card), the refusals server.js answers itself, a public file and a hashed build
 * asset. server.js sets the page headers from a list worked out at start (docs/decisions/0041);
 * this is the list, name by name and in order, as the browser receives it. Only what differs per
 * request is matched by pattern: the date, the request id, the CSP nonce (which must be the one
 * the page's scripts carry) and validators of files.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { salonWithPlacements, weekCardPath } from "./fixtures";
import { cookieFor, port, PortalServer, ROOT, tempDatabase } from "./harness";

const database = tempDatabase("headers");
const salon = salonWithPlacements(database.db, 1);
const cookie = await cookieFor(salon.trainer);
database.release();
const server = new PortalServer(database.file, port(4));
const agent = new http.Agent({ keepAlive: true });

beforeAll(() => server.start());
afterAll(async () => {
  agent.destroy();
  await server.stop();
  database.remove();
});

const PERMISSIONS = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
const CSP =
  "default-src 'self';script-src 'self' 'nonce-NONCE';style-src 'self';img-src 'self' data:;font-src 'self';connect-src 'self';" +
  "form-action 'self';frame-ancestors 'none';base-uri 'none';object-src 'none'";
/** What every page and every answer past the static files carries, in this order. */
const PAGE_HEADERS: [string, string][] = [
  ["x-request-id", "UUID"],
  ["permissions-policy", PERMISSIONS],
  ["content-security-policy", CSP],
  ["cross-origin-opener-policy", "same-origin"],
  ["cross-origin-resource-policy", "same-origin"],
  ["origin-agent-cluster", "?1"],
  ["referrer-policy", "same-origin"],
  ["strict-transport-security", "max-age=31536000; includeSubDomains"],
  ["x-content-type-options", "nosniff"],
  ["x-dns-prefetch-control", "off"],
  ["x-download-options", "noopen"],
  ["x-frame-options", "SAMEORIGIN"],
  ["x-permitted-cross-domain-policies", "none"],
  ["x-xss-protection", "0"],
  ["cache-control", "no-store"],
];

/** The raw header list of an answer, in order, with what varies per request replaced by a name for it. */
async function headersOf(pathname: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  const { status, raw, body } = await new Promise<{ status: number; raw: string[]; body: string }>((resolve, reject) => {
    const request = http.request(server.base + pathname, { method: init.method ?? "GET", headers: init.headers ?? {}, agent }, (response) => {
      let text = "";
      response.setEncoding("latin1");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, raw: response.rawHeaders, body: text }));
    });
    request.on("error", reject);
    request.end();
  });
  const pairs: [string, string][] = [];
  for (let i = 0; i < raw.length; i += 2) pairs.push([raw[i]!.toLowerCase(), raw[i + 1]!]);
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(pairs.find(([name]) => name === "content-security-policy")?.[1] ?? "")?.[1] ?? null;
  const list = pairs.map(([name, value]): [string, string] => {
    if (name === "x-request-id") return [name, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(value) ? "UUID" : value];
    if (name === "date" || name === "content-length" || name === "etag" || name === "last-modified") return [name, "*"];
    if (name === "content-security-policy" && nonce) return [name, value.replace(nonce, "NONCE")];
    return [name, value];
  });
  return { status, list, nonce, body };
}

const tail = (...extra: [string, string][]): [string, string][] => [...extra, ["date", "*"], ["connection", "keep-alive"], ["keep-alive", "timeout=5"]];

describe("response headers", () => {
  it("a page signed out: every security header, a fresh nonce that the page's scripts carry", async () => {
    const first = await headersOf("/login");
    const second = await headersOf("/login");
    expect(first.status).toBe(200);
    expect(first.list).toEqual([...PAGE_HEADERS, ...tail(["content-length", "*"], ["content-type", "text/html; charset=utf-8"], ["vary", "Accept-Encoding"])]);
    expect(first.nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(second.nonce).not.toBe(first.nonce);
    expect(first.body).toContain(`<script nonce="${first.nonce}">`);
  });

  it("a page signed in (the week card): the same headers", async () => {
    const card = await headersOf(weekCardPath(salon.placements[0]!.id), { headers: { cookie } });
    expect(card.status).toBe(200);
    expect(card.list).toEqual([...PAGE_HEADERS, ...tail(["content-length", "*"], ["content-type", "text/html; charset=utf-8"], ["vary", "Accept-Encoding"])]);
    expect(card.body).toContain(`nonce="${card.nonce}"`);
  });

  it("a page compressed: the same headers, and the encoding", async () => {
    const login = await headersOf("/login", { headers: { "accept-encoding": "gzip" } });
    expect(login.list).toEqual([
      ...PAGE_HEADERS,
      ["content-type", "text/html; charset=utf-8"],
      ["vary", "Accept-Encoding"],
      ["content-encoding", "gzip"],
      ...tail(),
      ["transfer-encoding", "chunked"],
    ]);
  });

  it("what server.js refuses itself: the page headers too", async () => {
    const crossOrigin = await headersOf("/login", { method: "POST", headers: { origin: "https://elsewhere.example", "sec-fetch-site": "cross-site" } });
    expect(crossOrigin.status).toBe(403);
    expect(crossOrigin.list).toEqual([
      ...PAGE_HEADERS,
      ...tail(["content-type", "text/plain; charset=utf-8"], ["content-length", "*"], ["etag", "*"], ["vary", "Accept-Encoding"]),
    ]);
    const oldData = await headersOf("/login?_data=routes/login");
    expect(oldData.status).toBe(400);
    expect(oldData.list).toEqual([
      ...PAGE_HEADERS,
      ...tail(["content-type", "text/plain; charset=utf-8"], ["content-length", "*"], ["etag", "*"], ["vary", "Accept-Encoding"]),
    ]);
  });

  it("a public file and a build asset: no page headers, nosniff and same-origin only", async () => {
    const favicon = await headersOf("/favicon.svg");
    expect(favicon.status).toBe(200);
    expect(favicon.list).toEqual([
      ["x-request-id", "UUID"],
      ["permissions-policy", PERMISSIONS],
      ["x-content-type-options", "nosniff"],
      ["cross-origin-resource-policy", "same-origin"],
      ["accept-ranges", "bytes"],
      ["cache-control", "public, max-age=3600"],
      ["last-modified", "*"],
      ["etag", "*"],
      ["content-type", "image/svg+xml"],
      ["content-length", "*"],
      ...tail(),
    ]);
    const script = fs.readdirSync(path.join(ROOT, "public/build")).find((f) => /^entry\.client-.*\.js$/.test(f))!;
    const asset = await headersOf(`/build/${script}`, { headers: { "accept-encoding": "br" } });
    expect(asset.status).toBe(200);
    expect(asset.list).toEqual([
      ["x-request-id", "UUID"],
      ["permissions-policy", PERMISSIONS],
      ["vary", "Accept-Encoding"],
      ["x-content-type-options", "nosniff"],
      ["cross-origin-resource-policy", "same-origin"],
      ["content-encoding", "br"],
      ["content-type", "application/javascript; charset=utf-8"],
      ["cache-control", "public, max-age=31536000, immutable"],
      ["etag", "*"],
      ["content-length", "*"],
      ...tail(),
    ]);
  });
});
