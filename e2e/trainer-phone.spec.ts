/**
 * A trainer's phone from the staff trainer page, JavaScript off, in Khmer at 360 px: a wrong
 * number is refused beside the field, a right one is saved and confirmed, and emptying the box
 * removes it (the demo trainer is left without a phone, as seeded).
 */
import fs from "node:fs";

import { userId } from "./demo";
import { expect, signInAs, test } from "./fixtures";

const km = JSON.parse(fs.readFileSync("app/i18n/locales/km.json", "utf8"));

test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 }, locale: "km-KH", extraHTTPHeaders: { "Accept-Language": "km" } });

test("staff add, refuse and remove a trainer's phone with plain form posts", async ({ page }) => {
  const trainerId = await userId("trainer");
  await signInAs(page, "staff");
  await page.goto(`/staff/trainers/${trainerId}`);
  // The account may keep English from an earlier spec's language switch: read this page in Khmer.
  const wasEnglish = (await page.locator("html").getAttribute("lang")) === "en";
  if (wasEnglish) await page.getByRole("button", { name: "ខ្មែរ" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "km");
  const box = page.getByLabel(km.records.employers.phone, { exact: true });
  const save = page.getByRole("button", { name: km.links.savePhone });
  await expect(box).toHaveValue("");

  await box.fill("call me");
  await save.click();
  // The message is the catalogue's, with the digits in the staff member's chosen numerals.
  await expect(page.locator("#trainer-phone-error")).toContainText(km.records.errors.phone.split("ពី")[0]);
  await expect(page.getByLabel(km.records.employers.phone, { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel(km.records.employers.phone, { exact: true }).fill(" 012 345 678 ");
  await page.getByRole("button", { name: km.links.savePhone }).click();
  await expect(page).toHaveURL(new RegExp(`/staff/trainers/${trainerId}\\?saved=phone#phone$`));
  await expect(page.getByText(km.saved.phone)).toBeVisible();
  await expect(page.getByLabel(km.records.employers.phone, { exact: true })).toHaveValue("012 345 678");
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

  await page.getByLabel(km.records.employers.phone, { exact: true }).fill("");
  await page.getByRole("button", { name: km.links.savePhone }).click();
  await expect(page.getByText(km.saved.phone)).toBeVisible();
  await expect(page.getByLabel(km.records.employers.phone, { exact: true })).toHaveValue("");
  await expect(page.getByText(km.reminders.delivery.noPhone)).toBeVisible();
  if (wasEnglish) await page.getByRole("button", { name: "English" }).click();
});
