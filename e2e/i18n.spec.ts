import fs from "node:fs";

import type { Page } from "playwright/test";

import { apprenticeIdOf, lastMonday, placementsOf } from "./demo";
import { expect, signInAs, test, waitForHydration } from "./fixtures";

const km = JSON.parse(fs.readFileSync("app/i18n/locales/km.json", "utf8")) as Record<string, unknown>;

/** Text that looks like a catalogue key ("week.title"): a page that lacked a word would show it. */
const keyLike = new RegExp(`\\b(?:${Object.keys(km).join("|")})\\.[A-Za-z]`);

/**
 * A page in Khmer after hydration: the browser renders it with the route's own catalogue, so a
 * key the build did not put there is a console error (which fails the test, ./fixtures.ts) and,
 * until the whole catalogue loads, the key itself on the page.
 */
async function shownInKhmer(page: Page) {
  await waitForHydration(page);
  await expect(page.locator("html")).toHaveAttribute("lang", "km");
  const text = await page.locator("main").innerText();
  expect(text).toMatch(/[\u1780-\u17FF]/);
  expect(text.match(keyLike)).toBeNull();
}

test.describe("Khmer", () => {
  test.use({ locale: "km-KH", extraHTTPHeaders: { "Accept-Language": "km-KH,km;q=0.9,en;q=0.5" } });

  test("a browser asking for Khmer gets lang=km, Khmer text and the Khmer font", async ({ page }) => {
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "km");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("ចូលប្រើ");
    await expect(page.getByLabel("ឈ្មោះអ្នកប្រើ")).toBeVisible();
    const fontLoaded = await page.evaluate(async () => {
      await document.fonts.load("16px 'Noto Sans Khmer'", "ក");
      return document.fonts.check("16px 'Noto Sans Khmer'", "ក");
    });
    expect(fontLoaded).toBe(true);
    const family = await page.getByRole("heading", { level: 1 }).evaluate((el) => getComputedStyle(el).fontFamily);
    expect(family).toContain("Noto Sans Khmer");
  });

  test("a signed-in trainer sees their home in Khmer", async ({ page }) => {
    await signInAs(page, "trainer");
    await page.goto("/trainer");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("សិក្ខាកាមរបស់ខ្ញុំ");
    await expect(page.getByTestId("trainer-placement").first()).toContainText("សប្តាហ៍នេះ");
  });

  // Folder routes: the sections beside route.tsx name keys too, and the build must find them.
  test("the week card, every section shown, in Khmer with no key missing", async ({ page }) => {
    await signInAs(page, "trainer");
    const [placement] = await placementsOf("trainer");
    await page.goto(`/trainer/placements/${placement!.id}/weeks/${await lastMonday()}?show=all`);
    await shownInKhmer(page);
    await expect(page.locator("main form")).not.toHaveCount(0);
  });

  test("the staff apprentice record, every section, in Khmer with no key missing", async ({ page }) => {
    await signInAs(page, "staff");
    await page.goto(`/staff/apprentices/${await apprenticeIdOf("apprentice")}`);
    await shownInKhmer(page);
    await expect(page.getByTestId("phase-history")).toBeVisible();
  });
});

test.describe("switching language", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  test("the switch on every page changes the language and keeps it for the user", async ({ page, context }) => {
    await signInAs(page, "staff");
    await page.goto("/staff");
    await waitForHydration(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "ខ្មែរ" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "km");
    await expect(page).toHaveURL("/staff");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("ទំព័រដើមបុគ្គលិក");
    // Kept per user: a fresh browser with no cookie but the same account still gets Khmer.
    await context.clearCookies();
    await signInAs(page, "staff");
    await page.goto("/staff");
    await expect(page.locator("html")).toHaveAttribute("lang", "km");
    // Back to English for the specs that follow.
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
  });

  // An English page has one Khmer word of its own, the language button: it is drawn in the Khmer
  // face, from a cut of that face holding only its letters, not the whole font (decision 0039).
  test("an English page draws the Khmer button in the Khmer font without downloading the whole font", async ({ page }) => {
    const fonts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "font") fonts.push(new URL(request.url()).pathname);
    });
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    const button = page.getByRole("button", { name: "ខ្មែរ" });
    expect(await button.evaluate((el) => getComputedStyle(el).fontFamily)).toMatch(/^"Noto Sans Khmer Language Button", "Noto Sans Khmer"/);
    await expect
      .poll(() => page.evaluate(() => [...document.fonts].filter((f) => f.status === "loaded").map((f) => f.family.replaceAll('"', ""))))
      .toEqual(["Noto Sans Khmer Language Button"]);
    expect(fonts).toHaveLength(1);
    expect(fonts[0]).toMatch(/^\/build\/_assets\/noto-sans-khmer-language-button-400-[\w-]+\.woff2$/);
  });

  test("before sign-in the choice is kept in a cookie, without JavaScript too", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });
    const page = await context.newPage();
    await page.goto("/login");
    await page.getByRole("button", { name: "ខ្មែរ" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "km");
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", "km");
    await context.close();
  });
});
