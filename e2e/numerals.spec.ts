/**
 * One numeral system per page (issue 11, docs/decisions/0028). A reader who chooses Khmer digits
 * (with the switch under every Khmer page, JavaScript off) sees every number in Khmer digits:
 * dates, counts, fractions, percentages, money, phone numbers and the numbers written in the
 * catalogue. Codes and typed formats ("PP-26-014", "2026-11-29") stay as typed; so does what
 * people typed (names, notes). Switching back gives Latin digits again.
 */
import type { Page } from "playwright/test";

import { apprenticeIdOf, placementsOf, thisMonday } from "./demo";
import { expect, signInAs, test } from "./fixtures";

/** Visible text with a free-standing Latin number in it (not in a code, a typed text, a field, or a sample). */
async function latinNumbers(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest("[data-free-text], [data-numerals-sample], [lang=en], script, style, title, option, textarea, code, .font-mono")) continue;
      if (el.getClientRects().length === 0) continue;
      const text = node.nodeValue ?? "";
      const words = text.match(/[0-9A-Za-z_-]+/g) ?? [];
      if (words.some((w) => /^[0-9]+$/.test(w))) found.push(`${el.tagName.toLowerCase()}: ${(el.parentElement?.textContent ?? text).trim().slice(0, 80)}`);
    }
    return found;
  });
}

async function khmerDigits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest("[data-free-text], [data-numerals-sample], script, style")) continue;
      if (/[\u17E0-\u17E9]/.test(node.nodeValue ?? "")) found.push((node.nodeValue ?? "").trim().slice(0, 60));
    }
    return found;
  });
}

test.describe("Khmer digits, chosen by the reader", () => {
  test.use({ locale: "km-KH", javaScriptEnabled: false, extraHTTPHeaders: { "Accept-Language": "km" } });

  const pagesOf = {
    apprentice: async () => ["/me", "/me/plan", "/me/notices", "/me/feedback", "/me/pin"],
    trainer: async () => ["/trainer", `/trainer/placements/${(await placementsOf("trainer"))[0]!.id}/weeks/${await thisMonday()}`],
    staff: async () => [
      "/staff",
      `/staff/placements/${(await placementsOf("trainer"))[0]!.id}`,
      `/staff/apprentices/${await apprenticeIdOf("apprentice")}`,
      "/staff/flags",
      "/staff/reports/trainers",
      "/staff/reports/outcomes",
    ],
  };

  for (const [username, pages] of Object.entries(pagesOf)) {
    test(`${username}: every number in Khmer digits, then back to Latin`, async ({ page }) => {
      test.setTimeout(90_000);
      await signInAs(page, username);
      await page.goto((await pages())[0]!);
      // The switch is under Khmer pages. An account whose saved language is English (an earlier
      // spec's language switch) reads in Khmer for this test, and in English again after it.
      const wasEnglish = (await page.locator("html").getAttribute("lang")) === "en";
      if (wasEnglish) await page.getByRole("button", { name: "ខ្មែរ" }).click();
      await expect(page.locator("html")).toHaveAttribute("lang", "km");
      await page.getByRole("button", { name: "លេខខ្មែរ ១ ២ ៣" }).click();
      await expect(page.locator("html")).toHaveAttribute("data-numerals", "khmer");
      try {
        for (const path of await pages()) {
          await page.goto(path);
          expect(await latinNumbers(page), `${path}: numbers in Latin digits on a Khmer-digit page`).toEqual([]);
          expect(await khmerDigits(page), `${path}: Khmer digits shown`).not.toEqual([]);
        }
      } finally {
        await page.getByRole("button", { name: "លេខឡាតាំង 1 2 3" }).click();
      }
      await expect(page.locator("html")).toHaveAttribute("data-numerals", "latin");
      // Latin again, the default: no Khmer digit anywhere on the page.
      for (const path of (await pages()).slice(0, 2)) {
        await page.goto(path);
        expect(await khmerDigits(page), `${path}: Khmer digits on a Latin-digit page`).toEqual([]);
      }
      if (wasEnglish) await page.getByRole("button", { name: "English" }).click();
    });
  }

  test("an unknown numeral system is refused with 400", async ({ page }) => {
    await signInAs(page, "apprentice");
    const response = await page.request.post("/numerals", { form: { numerals: "roman", redirectTo: "/me" }, maxRedirects: 0 });
    expect(response.status()).toBe(400);
  });
});
