/**
 * Issue 9 in a browser, JavaScript off at 360 px (the staff forms' plain-POST path): an
 * implausible start is refused beside its field; a placement not yet started shows the trainer
 * its start, never a negative week; staff correct its start with a reason and withdraw it; a
 * status dated 1900 is refused; a follow-up note is corrected by a new note that keeps the first.
 */
import fs from "node:fs";

import { E2E_TODAY } from "./env";
import { userId } from "./demo";
import { expect, signInAs, test } from "./fixtures";

const en = JSON.parse(fs.readFileSync("app/i18n/locales/en.json", "utf8"));

async function query<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  const { db } = await import("~/db/client.server");
  return db()
    .$client.prepare(sql)
    .all(...params) as T[];
}

const plusDays = async (days: number) => (await import("~/domain/dates")).addDays(E2E_TODAY, days);

test.use({ javaScriptEnabled: false });

test("a wrong start is refused or corrected, the trainer never sees a negative week, and any placement can be withdrawn", async ({ page, browser }) => {
  // A Phnom Penh apprentice with no active placement who has not exited.
  const [who] = await query<{ id: number; code: string }>(
    `select a.id, a.code from apprentices a join sites s on s.id = a.site_id
     where s.code = 'PP' and a.phase <> 'exited' and not exists (select 1 from placements p where p.apprentice_id = a.id and p.status = 'active')
     order by a.code limit 1`,
  );
  expect(who).toBeDefined();
  const trainerId = await userId("trainer");
  const [{ employerId } = { employerId: 0 }] = await query<{ employerId: number }>("select employer_id as employerId from users where id = ?", trainerId);

  await signInAs(page, "staff");
  await page.goto(`/staff/placements/new?apprentice=${who!.id}`);
  const form = page.locator('form:has([name="frameworkVersionId"])');
  await form.locator('[name="employerId"]').selectOption(String(employerId));
  await form.locator('[name="trainerUserId"]').selectOption(String(trainerId));
  await form.locator('[name="frameworkVersionId"]').selectOption({ index: 1 });
  await form.locator('[name="startDate"]').fill("2099-01-05");
  await form.getByRole("button", { name: en.records.placements.create }).click();
  await expect(page.locator("#placement-startDate-error")).toHaveText(en.plausible.errors.startTooFarAhead);
  await expect(page.locator('[name="startDate"]')).toHaveAttribute("aria-invalid", "true");

  // Nothing entered is lost with the refusal: only the date needs changing.
  await expect(page.locator('[name="trainerUserId"]')).toHaveValue(String(trainerId));
  const start = await plusDays(14);
  await page.locator('form:has([name="frameworkVersionId"]) [name="startDate"]').fill(start);
  await page.getByRole("button", { name: en.records.placements.create }).click();
  await expect(page).toHaveURL(/\/staff\/placements\/\d+\?saved=placement$/);
  await expect(page.getByTestId("saved-notice")).toHaveText(/Placement created\./);
  const placementPath = new URL(page.url()).pathname;

  // The trainer sees when it starts, never "Week -1 of 12".
  const trainerContext = await browser.newContext({ locale: "en-GB", viewport: { width: 360, height: 740 }, extraHTTPHeaders: { "Accept-Language": "en" } });
  const trainerPage = await trainerContext.newPage();
  await signInAs(trainerPage, "trainer");
  await trainerPage.goto("/trainer");
  const row = trainerPage.getByTestId("trainer-placement").filter({ hasText: who!.code });
  await expect(row.getByTestId("placement-week")).toContainText("Starts 3 Dec 2026");
  await expect(row).not.toContainText("Week -");
  await expect(row.getByRole("link")).toHaveCount(0);

  // A status dated 1900 is refused beside its field.
  const status = page.locator('form:has([name="statusDate"])');
  await status.locator('input[name="status"][value="green"]').check({ force: true });
  await status.locator('[name="reason"]').fill("Settling in");
  await status.locator('[name="statusDate"]').fill("1900-01-01");
  await status.getByRole("button", { name: en.placement.saveStatus }).click();
  await expect(page.locator("#statusDate-error")).toHaveText(en.plausible.errors.beforePlacement);

  // Staff correct the start, with a reason.
  const correct = page.locator('form:has(button[value="correct"])');
  await correct.locator('[name="startDate"]').fill(await plusDays(7));
  await correct.locator('[name="plannedWeeks"]').fill("10");
  await correct.locator('[name="reason"]').fill("The employer agreed a week earlier");
  await correct.getByRole("button", { name: en.records.correct.button }).click();
  await expect(page.getByTestId("placement-corrections")).toContainText("3 Dec 2026 → 26 Nov 2026, 12 → 10 weeks. The employer agreed a week earlier");
  await trainerPage.reload();
  await expect(row.getByTestId("placement-week")).toContainText("Starts 26 Nov 2026 · 10 weeks planned");

  // And withdraw it before it starts: the apprentice is free for another placement.
  const end = page.locator('form:has([name="endReason"])');
  await end.locator('[name="outcome"]').selectOption("not_employed");
  await end.locator('[name="endReason"]').fill("The apprentice chose another trade");
  await end.getByRole("button", { name: en.records.placements.withdraw }).click();
  await expect(page.getByTestId("ended")).toContainText("19 Nov 2026");
  await trainerPage.reload();
  await expect(trainerPage.getByTestId("trainer-placement").filter({ hasText: who!.code })).toHaveCount(0);
  expect(page.url()).toContain(placementPath);
  await trainerContext.close();
});

test("a follow-up note is corrected by a new note, with a reason; the first stays as its history", async ({ page }) => {
  const [who] = await query<{ id: number }>("select apprentice_id as id from users where username = 'apprentice'");
  await signInAs(page, "staff");
  await page.goto(`/staff/apprentices/${who!.id}`);
  const add = page.locator('form:has(button[name="intent"][value="note"])');
  const body = `Called about the bus fare ${Date.now()}`;
  await add.locator('[name="occurredOn"]').fill("1900-01-01");
  await add.locator('[name="body"]').fill(body);
  await add.getByRole("button", { name: en.staffRecord.addNote }).click();
  await expect(page.locator("#occurredOn-error")).toHaveText(en.plausible.errors.beforeApprentice);

  await page.locator('form:has(button[name="intent"][value="note"]) [name="occurredOn"]').fill(E2E_TODAY);
  await page.locator('form:has(button[name="intent"][value="note"]) [name="body"]').fill(body);
  await page.locator('form:has(button[name="intent"][value="note"])').getByRole("button", { name: en.staffRecord.addNote }).click();
  const note = page.getByTestId("notes").locator("li").filter({ hasText: body });
  await expect(note).toHaveCount(1);

  await note.getByText(en.corrections.correct).click();
  await note.locator('[name="body"]').fill(`${body} (the moto fare, not the bus)`);
  await note.getByRole("button", { name: en.corrections.save }).click();
  await expect(note.locator('[name="correctionReason"]')).toHaveAttribute("aria-invalid", "true");
  await note.locator('[name="body"]').fill(`${body} (the moto fare, not the bus)`);
  await note.locator('[name="correctionReason"]').fill("Wrong transport written");
  await note.getByRole("button", { name: en.corrections.save }).click();

  const corrected = page.getByTestId("notes").locator("li").filter({ hasText: "(the moto fare, not the bus)" });
  await expect(corrected).toContainText(en.corrections.corrected);
  await corrected.getByText("1 earlier version").click();
  await expect(corrected.getByTestId("earlier-versions")).toContainText(body);
  await expect(corrected.getByTestId("earlier-versions")).toContainText("replaced because: Wrong transport written");
});
