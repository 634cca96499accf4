import { expect, signInAs, test, waitForHydration } from "./fixtures";

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
