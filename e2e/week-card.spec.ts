import type { Page } from "playwright/test";

import { placementsOf, thisMonday, userId } from "./demo";
import { expect, test, waitForHydration } from "./fixtures";

async function signInLink(): Promise<string> {
  const { createLink } = await import("~/db/sign-in-links.server");
  const { token } = createLink({ trainerUserId: await userId("trainer"), createdBy: await userId("staff"), days: 7 });
  return `/signin/${token}`;
}

/** Open a fresh sign-in link and wait until the trainer's session has landed on /trainer. */
async function signInByLink(page: Page) {
  await page.goto(await signInLink());
  await page.getByRole("button", { name: "Open my apprentices" }).click();
  await expect(page).toHaveURL("/trainer");
}

/** Counts what a person does: every click and every tap on the page. */
function counter(page: Page) {
  let taps = 0;
  return {
    get taps() {
      return taps;
    },
    async click(locator: ReturnType<Page["locator"]>) {
      taps += 1;
      await locator.click();
    },
  };
}

test.describe("the trainer's week", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  test("sign in by link, then all present, two level changes and submit in at most 8 taps — with and without JavaScript", async ({ page, browser }) => {
    const placements = await placementsOf("trainer");
    const monday = await thisMonday();
    // Two apprentices whose week is not yet reviewed.
    const cardsBefore = page;
    await cardsBefore.goto(await signInLink());
    await expect(page.getByText(/This link signs in/)).toBeVisible();
    await page.getByRole("button", { name: "Open my apprentices" }).click();
    await expect(page).toHaveURL("/trainer");

    const rows = page.getByTestId("trainer-placement");
    const notStarted = rows.filter({ hasText: "This week: Not started" });
    await expect(notStarted).toHaveCount(2);
    const [first, second] = [(await notStarted.nth(0).textContent()) ?? "", (await notStarted.nth(1).textContent()) ?? ""];
    const codeOf = (text: string) => placements.find((p) => text.includes(p.code))!.code;
    const firstCode = codeOf(first);
    const secondCode = codeOf(second);

    // --- With JavaScript, counting taps from /trainer.
    await waitForHydration(page);
    const person = counter(page);
    await person.click(page.getByRole("link", { name: new RegExp(firstCode) }));
    await expect(page).toHaveURL(new RegExp(`/weeks/${monday}$`));
    await waitForHydration(page);
    await person.click(page.getByRole("button", { name: "All present" }));
    await expect(page.getByRole("status")).toHaveText("Saved.");
    // Two competencies not yet signed off as independent; "All" is one more tap when fewer are due.
    const open = page.getByTestId("competency").filter({ has: page.locator("input[value=independent]:not(:checked)") });
    if ((await open.count()) < 2) {
      await person.click(page.getByRole("link", { name: /^All/ }));
      await expect(page).toHaveURL(/show=all/);
    }
    await person.click(open.nth(0).getByText("Independent"));
    await person.click(open.nth(1).getByText("Independent"));
    const submit = page.getByRole("button", { name: "Submit the week" });
    await person.click(submit);
    await expect(page.getByRole("status")).toHaveText("The week is submitted. Thank you.");
    expect(person.taps).toBeLessThanOrEqual(8);
    await expect(page.getByTestId("week-reviewed")).toBeVisible();

    // --- Without JavaScript: plain form posts, same result.
    const noJs = await browser.newContext({ javaScriptEnabled: false, locale: "en-GB", viewport: { width: 360, height: 740 }, extraHTTPHeaders: { "Accept-Language": "en" } });
    const plain = await noJs.newPage();
    await plain.goto(await signInLink());
    await plain.getByRole("button", { name: "Open my apprentices" }).click();
    await expect(plain).toHaveURL("/trainer");
    await plain.getByRole("link", { name: new RegExp(secondCode) }).click();
    await plain.getByRole("button", { name: "All present" }).click();
    await expect(plain.getByRole("status")).toHaveText("Saved.");
    await plain.getByRole("link", { name: /^All/ }).click();
    await plain
      .getByTestId("competency")
      .filter({ has: plain.locator("input[value=independent]:not(:checked)") })
      .first()
      .getByText("Independent")
      .click();
    await plain.getByRole("button", { name: "Submit the week" }).click();
    await expect(plain.getByRole("status")).toHaveText("The week is submitted. Thank you.");
    await noJs.close();

    // --- /trainer now shows both weeks as reviewed.
    await page.goto("/trainer");
    for (const code of [firstCode, secondCode]) {
      await expect(rows.filter({ hasText: code })).toContainText("This week: Reviewed");
    }
  });

  test("a bad answer is shown beside its field, in the trainer's language, and nothing is saved", async ({ page }) => {
    await signInByLink(page);
    const [placement] = await placementsOf("trainer");
    await page.goto(`/trainer/placements/${placement!.id}/weeks/${await thisMonday()}`);
    await waitForHydration(page);
    const day = page.locator("fieldset").filter({ hasText: "Minutes late" }).first();
    await day.getByText("Late", { exact: true }).click();
    await day.getByLabel("Minutes late").fill("900");
    await day.getByRole("button", { name: "Save this day" }).click();
    await expect(page.getByRole("alert").first()).toContainText("Some answers need a change");
    await expect(day.getByText("Enter the minutes late: a whole number from 1 to 600.")).toBeVisible();
  });

  test("a week in the future is refused with a clear message, and another trainer's card is not found", async ({ page }) => {
    await signInByLink(page);
    const [placement] = await placementsOf("trainer");
    const { addDays } = await import("~/domain/dates");
    const future = await page.goto(`/trainer/placements/${placement!.id}/weeks/${addDays(await thisMonday(), 7)}`);
    expect(future?.status()).toBe(400);
    await expect(page.getByText("This week has not started yet.")).toBeVisible();
    const [foreign] = await placementsOf("trainer-boddhi");
    const other = await page.goto(`/trainer/placements/${foreign!.id}/weeks/${await thisMonday()}`);
    expect(other?.status()).toBe(404);
  });

  test("works on a 360 px screen: nothing wider than the screen, tap targets at least 44 px", async ({ page }) => {
    await signInByLink(page);
    const [placement] = await placementsOf("trainer");
    await page.goto(`/trainer/placements/${placement!.id}/weeks/${await thisMonday()}?show=all`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll("main button, main label:has(input[type=radio]) > span, main a")]
        .map((el) => el.getBoundingClientRect())
        // Visually hidden helpers (1 px) are not tap targets.
        .filter((r) => r.width > 1 && (r.height < 44 || r.width < 44)).length,
    );
    expect(small).toBe(0);
  });
});
