/**
 * Readable by every user (issue 11), in a browser: the apprentice's sign-in card from staff's
 * screen to the apprentice's phone, a confirmation after every save (with and without
 * JavaScript), and a week card that names its holidays and asks for a reason only when one is due.
 */
import fs from "node:fs";

import { inNumerals } from "~/i18n/format";

import { placementsOf } from "./demo";
import { expect, signInAs, test, waitForHydration } from "./fixtures";

const en = JSON.parse(fs.readFileSync("app/i18n/locales/en.json", "utf8"));
const km = JSON.parse(fs.readFileSync("app/i18n/locales/km.json", "utf8"));

async function query<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  const { db } = await import("~/db/client.server");
  return db()
    .$client.prepare(sql)
    .all(...params) as T[];
}

test.describe("signing in with a card", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  test("staff make an apprentice's card; the apprentice scans it and types only the PIN", async ({ page, browser }) => {
    // A Phnom Penh apprentice of the demo with no sign-in account yet.
    const [who] = await query<{ id: number; code: string }>(
      `select a.id, a.code from apprentices a join sites s on s.id = a.site_id
        where s.code = 'PP' and not exists (select 1 from users u where u.apprentice_id = a.id) order by a.code limit 1`,
    );
    expect(who, "an apprentice without an account").toBeTruthy();

    await signInAs(page, "staff");
    await page.goto(`/staff/apprentices/${who!.id}`);
    await expect(page.locator("#pin")).toContainText(en.pin.staff.noAccount);
    await page.getByTestId("card-link").click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.card.title);
    await expect(page.getByText(en.card.noAccount)).toBeVisible();
    await waitForHydration(page);
    await page.getByRole("button", { name: en.card.make }).click();

    const card = page.getByTestId("sign-in-card");
    await expect(card).toBeVisible();
    await expect(card).toContainText(who!.code);
    await expect(card.locator("[lang=km]").first()).toHaveText(km.card.for.heading);
    await expect(page.getByRole("img", { name: en.card.qrLabel.replace("{{code}}", who!.code) })).toBeVisible();
    const pin = (await page.getByTestId("card-pin").textContent())?.trim() ?? "";
    expect(pin).toMatch(/^\d{6}$/);
    const url = new URL((await page.getByTestId("card-qr").getAttribute("data-url")) ?? "");
    expect(url.pathname + url.search).toBe(`/login?as=${who!.code.toLowerCase()}`);
    expect(url.href).not.toContain(pin);

    // The apprentice's phone (no JavaScript, in Khmer): the QR code's address, then the PIN only.
    const phone = await browser.newContext({
      javaScriptEnabled: false,
      locale: "km-KH",
      extraHTTPHeaders: { "Accept-Language": "km" },
      viewport: { width: 360, height: 740 },
    });
    const login = await phone.newPage();
    await login.goto(url.pathname + url.search);
    await expect(login.getByTestId("signing-in-as")).toContainText(who!.code.toLowerCase());
    await expect(login.getByLabel(km.login.username)).toHaveCount(0);
    // The catalogue's "(៦ ខ្ទង់)" shows in the page's digits: Latin, the default.
    await login.getByLabel(inNumerals(km.login.pin, "latin")).fill(pin);
    await login.getByRole("button", { name: km.login.submit }).click();
    await expect(login).toHaveURL("/me");
    await expect(login.getByTestId("my-code")).toContainText(who!.code);
    await phone.close();
  });
});

test.describe("a confirmation after every save", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  test("a manual status, without JavaScript, says it was saved", async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: "en-GB",
      extraHTTPHeaders: { "Accept-Language": "en" },
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    await signInAs(page, "staff");
    const [placement] = await placementsOf("trainer-boddhi");
    await page.goto(`/staff/placements/${placement!.id}`);
    await page.locator("label").filter({ hasText: en.rag.amber }).click();
    await page.getByLabel(en.placement.reason).fill("Two visits missed");
    await page.getByRole("button", { name: en.placement.saveStatus }).click();
    await expect(page).toHaveURL(new RegExp(`/staff/placements/${placement!.id}\\?saved=status#status$`));
    await expect(page.getByTestId("saved-notice")).toHaveText(new RegExp(en.saved.status));
    // Closing it is a plain link back to the page without the word.
    await page.getByRole("link", { name: en.saved.close }).click();
    await expect(page.getByTestId("saved-notice")).toHaveCount(0);
    await context.close();
  });

  test("a flag review, with JavaScript, says what happened", async ({ page }) => {
    const [flag] = await query<{ id: number }>(
      "select f.id from flags f join sites s on s.id = f.site_id where s.code = 'PP' and f.status = 'open' order by f.id desc limit 1",
    );
    await signInAs(page, "staff");
    await page.goto(`/staff/flags/${flag!.id}`);
    await waitForHydration(page);
    await page.getByLabel(en.flags.note).fill("Called the trainer; a visit is booked");
    await page.getByRole("button", { name: en.flags.acknowledge }).click();
    await expect(page.getByTestId("saved-notice")).toHaveText(new RegExp(en.saved.flag));
    await expect(page).toHaveURL(new RegExp(`/staff/flags/${flag!.id}\\?saved=flag$`));
  });
});

test.describe("the week card's holidays and reasons", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  test("a week with a holiday names it; a reason is asked for only when an afternoon is not released", async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: "en-GB",
      extraHTTPHeaders: { "Accept-Language": "en" },
      viewport: { width: 360, height: 740 },
    });
    const page = await context.newPage();
    await signInAs(page, "trainer");
    const [placement] = await placementsOf("trainer");
    // A week of the placement with a public holiday on a working day (the demo has Pchum Ben and more).
    const [holiday] = await query<{ date: string; nameEn: string }>(
      `select h.date, h.name_en as nameEn from public_holidays h join sites s on s.id = h.site_id
        where s.code = 'PP' and h.date >= ? and h.date <= '2026-11-19' and cast(strftime('%w', h.date) as integer) between 1 and 6
        order by h.date desc limit 1`,
      placement!.startDate,
    );
    expect(holiday, "a holiday during the placement").toBeTruthy();
    const { mondayOf } = await import("~/domain/dates");
    await page.goto(`/trainer/placements/${placement!.id}/weeks/${mondayOf(holiday!.date)}`);
    await expect(page.getByTestId("week-holiday").first()).toContainText(holiday!.nameEn);
    await expect(page.getByTestId("week-holiday").first()).toHaveText(/^(Mon|Tue|Wed|Thu|Fri|Sat)(–(Mon|Tue|Wed|Thu|Fri|Sat))?: /);

    // This week (no holiday): the reason field waits until "Not released" is chosen (CSS only).
    const { thisMonday } = await import("./demo");
    await page.goto(`/trainer/placements/${placement!.id}/weeks/${await thisMonday()}`);
    await expect(page.getByTestId("week-holidays")).toHaveCount(0);
    const id = await page.locator("[id^=edu-]:not(:has(input[value=refused]:checked))").first().getAttribute("id");
    const afternoon = page.locator(`[id="${id}"]`);
    await expect(afternoon.getByLabel(en.week.refusalReason)).toBeHidden();
    await afternoon
      .locator("label")
      .filter({ hasText: new RegExp(`^${en.week.edu.refused}$`) })
      .click();
    await expect(afternoon.getByLabel(en.week.refusalReason)).toBeVisible();
    await context.close();
  });
});

test.describe("the apprentice's pages, for readers at Grade 4", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  test("every heading, label, button and link is seven words or fewer; each page has one name", async ({ page }) => {
    await signInAs(page, "apprentice");
    const names: Record<string, string> = {
      "/me": en.me.title,
      "/me/plan": en.plan.nav,
      "/me/notices": en.notice2.nav,
      "/me/feedback": en.feedback.nav,
      "/me/pin": en.pin.nav,
    };
    for (const [path, name] of Object.entries(names)) {
      await page.goto(path);
      const labels = await page
        .locator("main")
        .evaluate((main) =>
          [...main.querySelectorAll("h1, h2, h3, label, legend, button, a, th, summary")]
            .map((el) => (el.textContent ?? "").replace(/\s+/g, " ").trim())
            .filter((text) => text.split(" ").filter((w) => /\w/.test(w)).length > 7),
        );
      expect(labels, `${path}: labels over seven words`).toEqual([]);
      // The page's heading is the name the menu and the tiles on /me give it.
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
      if (path !== "/me/pin") await expect(page.getByRole("navigation", { name: en.app.mainNav }).getByRole("link", { name, exact: true })).toHaveCount(1);
    }
    await page.goto("/me");
    for (const [path, name] of Object.entries(names).slice(1)) {
      await expect(page.getByRole("navigation", { name: en.me.actions }).getByRole("link", { name, exact: true })).toHaveAttribute("href", path);
    }
  });
});
