/**
 * What a phone downloads (issue 12): each page brings only its own words, and static files are
 * sent precompressed, cached for a year, without the page headers. Pages stay uncached.
 */
import { placementsOf } from "./demo";
import { expect, signInAs, test, waitForHydration } from "./fixtures";

test.describe("each page brings only its own words", () => {
  test.use({ locale: "km-KH", extraHTTPHeaders: { "Accept-Language": "km-KH,km;q=0.9,en;q=0.5" } });

  test("a Khmer page loads its routes' catalogues only, and moving to a week card in the page brings that card's words", async ({ page }) => {
    const catalogues: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      // Route catalogues, and the whole catalogues (chunks named after their JSON file).
      if (path.startsWith("/build/i18n/") || /^\/build\/_shared\/(km|en)-/.test(path)) catalogues.push(path);
    });
    const [placement] = await placementsOf("trainer");
    await signInAs(page, "trainer");
    await page.goto("/trainer");
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("សិក្ខាកាមរបស់ខ្ញុំ");
    // The root's catalogue (header, errors) and the trainer home's, in Khmer: never the whole catalogue.
    expect(catalogues).toHaveLength(2);
    expect(catalogues.every((path) => path.startsWith("/build/i18n/km/"))).toBe(true);

    // A navigation inside the page (no new document): the week card's words arrive with it.
    await page.evaluate(() => ((window as unknown as { samePage: boolean }).samePage = true));
    await page.getByRole("link", { name: new RegExp(placement!.code) }).click();
    await expect(page).toHaveURL(/\/weeks\/\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByRole("heading", { level: 2, name: "វត្តមាន" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "សមត្ថភាព" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "សប្តាហ៍" })).toBeVisible();
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    expect(catalogues).toHaveLength(3);
    expect(catalogues.every((path) => path.startsWith("/build/i18n/km/"))).toBe(true);

    // The same card opened as a document renders the same words (a hydration mismatch fails the test).
    await page.reload();
    await waitForHydration(page);
    await expect(page.getByRole("heading", { level: 2, name: "សមត្ថភាព" })).toBeVisible();
  });
});

test.describe("static files and pages", () => {
  test("scripts, styles, fonts and catalogues are precompressed, cached for a year and sent without the page headers; pages are not cached", async ({
    request,
  }) => {
    const page = await request.get("/login", { headers: { "Accept-Language": "km" } });
    expect(page.headers()["cache-control"]).toBe("no-store");
    expect(page.headers()["content-security-policy"]).toContain("default-src 'self'");
    const html = await page.text();

    const script = /<link rel="modulepreload" href="(\/build\/entry\.client-[^"]+\.js)"/.exec(html)?.[1];
    const catalogue = /<link rel="modulepreload" href="(\/build\/i18n\/km\/[^"]+\.js)"/.exec(html)?.[1];
    const stylesheet = /<link rel="stylesheet" href="(\/build\/[^"]+\.css)"/.exec(html)?.[1];
    const font = /<link rel="preload" href="(\/build\/_assets\/noto-sans-khmer-[^"]+\.woff2)"/.exec(html)?.[1];
    for (const url of [script, catalogue, stylesheet, font]) expect(url, "an asset address in the page").toBeTruthy();

    for (const [url, encoding] of [
      [script!, "br"],
      [catalogue!, "br"],
      [stylesheet!, "gzip"],
    ] as const) {
      const asset = await request.get(url, { headers: { "Accept-Encoding": encoding } });
      expect(asset.status(), url).toBe(200);
      const headers = asset.headers();
      expect(headers["content-encoding"], url).toBe(encoding);
      expect(headers["cache-control"], url).toBe("public, max-age=31536000, immutable");
      expect(headers["vary"], url).toContain("Accept-Encoding");
      expect(headers["x-content-type-options"], url).toBe("nosniff");
      expect(headers["content-security-policy"], url).toBeUndefined();
      expect(headers["strict-transport-security"], url).toBeUndefined();
      expect(headers["content-type"], url).toMatch(url.endsWith(".css") ? /^text\/css/ : /^application\/javascript/);
    }
    // What the browser gets decompressed is the script itself.
    expect(await (await request.get(script!, { headers: { "Accept-Encoding": "br" } })).text()).toContain("import");

    const woff2 = await request.get(font!);
    expect(woff2.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(woff2.headers()["content-type"]).toBe("font/woff2");
    expect(woff2.headers()["content-encoding"]).toBeUndefined();
    expect((await woff2.body()).subarray(0, 4).toString("latin1")).toBe("wOF2");

    const missing = await request.get("/build/no-such-file.js");
    expect(missing.status()).toBe(404);
    expect(missing.headers()["cache-control"]).toBe("no-store");
  });

  test("only Khmer pages preload the Khmer font, and only its regular weight", async ({ request }) => {
    const preloads = (html: string) => [...html.matchAll(/<link rel="preload" href="([^"]+)" as="font"/g)].map((m) => m[1]);
    const km = await (await request.get("/login", { headers: { "Accept-Language": "km" } })).text();
    const en = await (await request.get("/login", { headers: { "Accept-Language": "en" } })).text();
    expect(preloads(km)).toHaveLength(1);
    expect(preloads(km)[0]).toMatch(/^\/build\/_assets\/noto-sans-khmer-khmer-400-normal-[A-Z0-9]+\.woff2$/);
    expect(preloads(en)).toEqual([]);
  });
});
