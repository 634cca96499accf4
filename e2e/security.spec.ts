import { request as playwrightRequest } from "playwright/test";

import { E2E_BASE_URL } from "./env";
import { expect, sessionCookieFor, test } from "./fixtures";

test.describe("security headers and the server", () => {
  test("every page carries an enforced CSP with a fresh nonce, and the other headers", async ({ request }) => {
    const a = await request.get("/login");
    const b = await request.get("/login");
    const csp = a.headers()["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(b.headers()["content-security-policy"]).not.toBe(csp);
    expect(a.headers()["x-content-type-options"]).toBe("nosniff");
    expect(a.headers()["referrer-policy"]).toBe("same-origin");
    expect(a.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(await a.text()).toContain(`nonce="${nonce}"`);
  });

  test("pages with personal data are not cached, and responses are compressed", async () => {
    const cookie = await sessionCookieFor("trainer");
    const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { cookie, "Accept-Encoding": "gzip" } });
    const response = await context.get("/trainer");
    expect(response.status()).toBe(200);
    expect(response.headers()["cache-control"]).toBe("no-store");
    expect(response.headers()["content-encoding"]).toBe("gzip");
    await context.dispose();
  });

  test("a cross-origin POST is refused before it reaches any action", async ({ request }) => {
    const response = await request.post("/login", {
      form: { username: "staff", password: "career-pathways" },
      headers: { Origin: "https://evil.example" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(403);
    expect(response.headers()["set-cookie"]).toBeUndefined();
  });

  test("a body that is not a form answers 415 with a page saying why, in the reader's language", async ({ request }) => {
    const english = await request.post("/login", { data: { username: "staff", password: "career-pathways" }, headers: { "Accept-Language": "en" } });
    expect(english.status()).toBe(415);
    expect(await english.text()).toContain("This page only accepts its own form.");
    const khmer = await request.post("/login", { data: "username=staff", headers: { "Content-Type": "text/plain", "Accept-Language": "km" } });
    expect(khmer.status()).toBe(415);
    expect(await khmer.text()).toContain("ទំព័រនេះទទួលតែទម្រង់របស់វាប៉ុណ្ណោះ។");
  });

  test("Khmer pages carry no zero bytes (React 18 padded its stream with them)", async () => {
    for (const [username, path] of [
      [null, "/login"],
      ["trainer", "/trainer"],
      ["staff", "/staff"],
      ["staff", "/staff/flags"],
      ["apprentice", "/me"],
    ] as const) {
      const cookie = username ? await sessionCookieFor(username) : undefined;
      const context = await playwrightRequest.newContext({
        baseURL: E2E_BASE_URL,
        extraHTTPHeaders: { "Accept-Language": "km", ...(cookie ? { cookie } : {}) },
      });
      const response = await context.get(path);
      expect(response.status(), path).toBe(200);
      expect((await response.body()).includes(0), path).toBe(false);
      await context.dispose();
    }
  });

  test("a crafted field name is refused with 400, and every page still answers afterwards", async () => {
    const cookie = await sessionCookieFor("trainer");
    const context = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { cookie, "Accept-Language": "en" } });
    const crafted = await context.post("/login", { form: { username: "x", "__proto__.toString": "x", password: "y" }, maxRedirects: 0 });
    expect(crafted.status()).toBe(400);
    expect(await crafted.text()).toContain("The form held a field this page does not know.");
    expect((await context.get("/healthcheck")).status()).toBe(200);
    expect((await context.get("/trainer")).status()).toBe(200);
    await context.dispose();
  });

  test("the healthcheck answers when the app and database do", async ({ request }) => {
    const response = await request.get("/healthcheck");
    expect(response.status()).toBe(200);
    expect(await response.text()).toBe("OK");
  });
});
