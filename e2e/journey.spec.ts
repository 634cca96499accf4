/**
 * Issue 6's journey: staff create an employer, a trainer and an apprentice with consent, import a
 * framework from CSV and publish it, place the apprentice; the new trainer signs in through a
 * sign-in link and sees the apprentice; Siem Reap staff see nothing of it.
 */
import { request as playwrightRequest, type Page } from "playwright/test";

import { userId } from "./demo";
import { E2E_BASE_URL } from "./env";
import { expect, sessionCookieFor, signInAs, test, waitForHydration } from "./fixtures";

const stamp = Date.now().toString(36).slice(-5);
const EMPLOYER = `Journey Salon ${stamp}`;
const TRAINER_USERNAME = `trainer-j${stamp}`;
const FRAMEWORK_CODE = `JNY${stamp}`.toUpperCase().slice(0, 10);

const CSV = [
  "unit_code,unit_title_en,unit_title_km,code,title_en,title_km,criteria_en,criteria_km,expected_by_week",
  `${FRAMEWORK_CODE}-1,Salon basics,មូលដ្ឋានហាង,${FRAMEWORK_CODE}-1.1,Greet a client,ស្វាគមន៍ភ្ញៀវ,Greets every client politely.,ស្វាគមន៍ភ្ញៀវគ្រប់គ្នាដោយគួរសម។,1`,
  `${FRAMEWORK_CODE}-1,Salon basics,មូលដ្ឋានហាង,${FRAMEWORK_CODE}-1.2,Clean the station,សម្អាតកន្លែងធ្វើការ,Leaves the station clean.,ទុកកន្លែងធ្វើការឱ្យស្អាត។,2`,
].join("\n");

async function submitFormHolding(page: Page, fieldName: string) {
  const form = page.locator(`form:has([name="${fieldName}"])`).last();
  await form.locator('button[type="submit"]').last().click();
}

test.describe("staff run the programme from the portal", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  test("employer, trainer, apprentice with consent, framework from CSV, placement, sign-in link; Siem Reap sees nothing", async ({ page, browser }) => {
    await signInAs(page, "staff");

    // 1. An employer, then its trainer.
    await page.goto("/staff/employers");
    await waitForHydration(page);
    await page.locator('form:has([name="district"]) [name="name"]').first().fill(EMPLOYER);
    await page.locator('form:has([name="district"]) [name="sector"]').first().selectOption("beauty");
    await page.locator('form:has([name="district"]) [name="district"]').first().fill("Daun Penh");
    await submitFormHolding(page, "district");
    await expect(page).toHaveURL(/\/staff\/employers\/\d+/);
    const employerId = Number(new URL(page.url()).pathname.split("/").at(-1));
    await waitForHydration(page);
    await page.locator('form:has(button[name="intent"][value="addTrainer"]) [name="displayName"]').fill(`Journey Trainer ${stamp}`);
    await page.locator('form:has(button[name="intent"][value="addTrainer"]) [name="username"]').fill(TRAINER_USERNAME);
    await submitFormHolding(page, "displayName");
    await expect(page.getByText(`Journey Trainer ${stamp}`).first()).toBeVisible();

    // 2. An apprentice with consent to share the legal name.
    await page.goto("/staff/apprentices");
    await waitForHydration(page);
    const code = await page.locator('form:has([name="legalName"]) [name="code"]').inputValue();
    await page.locator('form:has([name="legalName"]) [name="preferredName"]').fill(`Journey ${stamp}`);
    await page.locator('form:has([name="legalName"]) [name="legalName"]').fill(`Journey Legal ${stamp}`);
    await page.locator('form:has([name="legalName"]) [name="dateOfBirth"]').fill("2004-05-06");
    await page.locator('form:has([name="legalName"]) [name="gender"]').selectOption("female");
    await page.locator('form:has([name="legalName"]) input[name="consent"][value="share_legal_name"]').check();
    await submitFormHolding(page, "legalName");
    await expect(page).toHaveURL(/\/staff\/apprentices\/\d+/);
    const apprenticeId = Number(new URL(page.url()).pathname.split("/").at(-1));
    await expect(page.getByText(code).first()).toBeVisible();

    // 3. A framework imported from CSV, then published.
    await page.goto("/staff/frameworks");
    await waitForHydration(page);
    const importForm = page.locator('form:has(input[type="file"][name="csv"])');
    await importForm.locator('[name="code"]').fill(FRAMEWORK_CODE);
    await importForm.locator('[name="tradeEn"]').fill(`Journey trade ${stamp}`);
    await importForm.locator('[name="tradeKm"]').fill("មុខជំនាញសាកល្បង");
    await importForm.locator('[name="sector"]').selectOption("beauty");
    await importForm.locator('[name="typicalWeeks"]').fill("12");
    await importForm.locator('input[name="csv"]').setInputFiles({ name: "framework.csv", mimeType: "text/csv", buffer: Buffer.from(CSV, "utf8") });
    await importForm.locator('button[name="intent"][value="import"]').click();
    await expect(page).toHaveURL(/\/staff\/frameworks\/versions\/\d+/);
    await waitForHydration(page);
    await page.locator('button[name="intent"][value="publish"]').click();
    await expect(page.locator('button[name="intent"][value="publish"]')).toHaveCount(0);

    // 4. The placement.
    await page.goto(`/staff/placements/new?apprenticeId=${apprenticeId}&employerId=${employerId}`);
    await waitForHydration(page);
    await page.locator('[name="apprenticeId"]').selectOption(String(apprenticeId));
    await page.locator('[name="employerId"]').selectOption(String(employerId));
    await page.locator('[name="trainerUserId"]').selectOption(String(await userId(TRAINER_USERNAME)));
    const version = page.locator('[name="frameworkVersionId"] option', { hasText: `Journey trade ${stamp}` });
    await page.locator('[name="frameworkVersionId"]').selectOption((await version.first().getAttribute("value")) ?? "");
    await page.locator('[name="plannedWeeks"]').fill("12");
    await submitFormHolding(page, "plannedWeeks");
    await expect(page).toHaveURL(/\/staff\/placements\/\d+\?saved=placement$/);
    await expect(page.getByTestId("saved-notice")).toHaveText(/Placement created\./);

    // 5. A sign-in link for the new trainer, opened in another browser.
    await page.goto(`/staff/trainers/${await userId(TRAINER_USERNAME)}`);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Create a sign-in link" }).click();
    const link = (await page.getByTestId("link-url").textContent())?.trim() ?? "";
    expect(link).toMatch(/\/signin\//);
    const phone = await browser.newContext({ locale: "en-GB", viewport: { width: 360, height: 740 }, extraHTTPHeaders: { "Accept-Language": "en" } });
    const trainerPage = await phone.newPage();
    await trainerPage.goto(new URL(new URL(link).pathname, E2E_BASE_URL).toString());
    await trainerPage.getByRole("button", { name: "Open my apprentices" }).click();
    await expect(trainerPage).toHaveURL("/trainer");
    await expect(trainerPage.getByTestId("trainer-placement")).toContainText(code);
    await phone.close();

    // 6. Siem Reap staff know nothing of it.
    const cookie = await sessionCookieFor("staff-sr");
    const sr = await playwrightRequest.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { cookie } });
    for (const path of [`/staff/employers/${employerId}`, `/staff/apprentices/${apprenticeId}`, `/staff/trainers/${await userId(TRAINER_USERNAME)}`]) {
      expect((await sr.get(path, { maxRedirects: 0 })).status(), path).toBe(404);
    }
    for (const path of ["/staff/employers", "/staff/apprentices", "/staff/flags.csv?status=all"]) {
      const body = await (await sr.get(path)).text();
      expect(body, path).not.toContain(EMPLOYER);
      expect(body, path).not.toContain(code);
    }
    await sr.dispose();
  });
});
