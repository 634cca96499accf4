import { parse } from "csv-parse/sync";

import { FLAG_RULES } from "~/domain/enums";

import { expect, signInAs, test, waitForHydration } from "./fixtures";

test.describe("staff and the flags", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  test("staff home leads with urgent flags; a flag goes from open to acknowledged to resolved", async ({ page }) => {
    await signInAs(page, "staff");
    await page.goto("/staff");
    await expect(page.getByRole("heading", { name: "Urgent flags" })).toBeVisible();
    await expect(page.getByTestId("urgent-flag").first()).toBeVisible();

    await page.goto("/staff/flags?rule=attendance_risk");
    await waitForHydration(page);
    const first = page.getByTestId("flag-row").first();
    await first.getByRole("link").first().click();
    await expect(page.getByTestId("flag-status")).toContainText("Open");
    await expect(page.getByRole("heading", { name: "Why this flag was raised" })).toBeVisible();

    // A step without a note is refused beside the field.
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByText("This is required.")).toBeVisible();

    await page.getByLabel("Note (required)").fill("Called the apprentice: the bus route changed.");
    await page.getByRole("button", { name: "Acknowledge" }).click();
    await expect(page.getByTestId("flag-status")).toContainText("Acknowledged");
    await page.getByLabel("Note (required)").fill("Bicycle provided by the programme.");
    await page.getByRole("button", { name: "Resolve" }).click();
    await expect(page.getByTestId("flag-status")).toContainText("Resolved");
    const history = page.getByTestId("flag-history");
    await expect(history).toContainText("acknowledged");
    await expect(history).toContainText("Bicycle provided by the programme.");
  });

  test("the flags CSV has a row for every rule of docs/product.md §5, with a rule column", async ({ page }) => {
    await signInAs(page, "staff");
    const response = await page.request.get("/staff/flags.csv?status=all");
    expect(response.status()).toBe(200);
    const rows = parse(await response.text(), { columns: true, bom: true }) as { rule: string; site: string }[];
    const rules = new Set(rows.map((r) => r.rule));
    for (const rule of FLAG_RULES) {
      expect(rules.has(rule), rule).toBe(true);
    }
    expect(rows.every((r) => r.site === "PP")).toBe(true);
  });

  test("staff open the trainer accountability report and download its CSV", async ({ page }) => {
    await signInAs(page, "staff");
    await page.goto("/staff/reports/trainers");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.locator("[role=img]").first()).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: /CSV/ }).first().click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.csv$/);
  });

  test("a trainer gets no flags, reports or settings", async ({ page }) => {
    await signInAs(page, "trainer");
    for (const path of [
      "/staff/flags",
      "/staff/flags.csv",
      "/staff/reports/trainers",
      "/staff/reports/trainers.csv",
      "/staff/reports/outcomes",
      "/staff/settings",
    ]) {
      const response = await page.request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(403);
    }
  });
});
