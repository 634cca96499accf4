/**
 * Issue 13 end to end: a trainer links Telegram (through the fake Bot API server, which posts
 * `/start <token>` to the portal's webhook as Telegram would), `npm run reminders` sends the
 * Friday reminder, its link opens the week card, and submitting that week stops the Monday one.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

import { userId } from "./demo";
import { E2E_BASE_URL, E2E_DATABASE, E2E_SESSION_SECRET, E2E_TELEGRAM_ENV, E2E_TELEGRAM_PORT } from "./env";
import { expect, signInAs, test, waitForHydration } from "./fixtures";

const FAKE = `http://127.0.0.1:${E2E_TELEGRAM_PORT}/__fake`;
const CHAT = 5_550_001;

interface Sent {
  chatId: string;
  text: string;
}

async function sentTo(chatId: number): Promise<Sent[]> {
  const all = (await (await fetch(`${FAKE}/messages`)).json()) as Sent[];
  return all.filter((m) => m.chatId === String(chatId));
}

/** `npm run reminders` as of a day and time in the sites' calendar, on the e2e database. */
async function runReminders(today: string, time: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/reminders.ts", "--time", time], {
    env: {
      ...process.env,
      ...E2E_TELEGRAM_ENV,
      DATABASE_PATH: E2E_DATABASE,
      SESSION_SECRET: E2E_SESSION_SECRET,
      SEED_DEMO: "false",
      DEMO_TODAY: today,
      NODE_ENV: "production",
    },
  });
  return stdout;
}

/** The link under an apprentice's line in a reminder, as a path on the portal. */
function linkFor(text: string, code: string): string {
  const lines = text.split("\n");
  const at = lines.findIndex((line) => line.includes(code));
  expect(at, `${code} in the message`).toBeGreaterThanOrEqual(0);
  const url = new URL(lines[at + 1]!);
  expect(url.origin).toBe(E2E_BASE_URL);
  return url.pathname + url.search;
}

test.describe("weekly reminders on Telegram", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  test("link Telegram, get the Friday reminder, open the week card from it; submitting the week stops the Monday reminder", async ({ page, browser }) => {
    // Three runs of `npm run reminders` (a fresh Node process each) on a busy 2-core machine.
    test.setTimeout(180_000);
    // --- The trainer links Telegram from /trainer.
    await signInAs(page, "trainer-apsara");
    await page.goto("/trainer");
    await waitForHydration(page);
    await page.getByRole("button", { name: "Get reminders on Telegram" }).click();
    await expect(page.getByRole("img", { name: "QR code that opens the portal's Telegram bot" })).toBeVisible();
    const deepLink = new URL((await page.getByTestId("telegram-open").getAttribute("href"))!);
    expect(deepLink.origin + deepLink.pathname).toBe("https://t.me/cpp_reminders_test_bot");
    const token = deepLink.searchParams.get("start")!;

    // In Telegram the trainer taps Start: the fake posts the update to the portal's webhook.
    const delivered = (await (await fetch(`${FAKE}/updates`, { method: "POST", body: JSON.stringify({ chatId: CHAT, text: `/start ${token}` }) })).json()) as {
      webhookStatus: number;
    };
    expect(delivered.webhookStatus).toBe(200);
    const [welcome] = await sentTo(CHAT);
    expect(welcome?.text).toMatch(/^បានភ្ជាប់ហើយ។ សួស្តី Sok Chanlina/);
    await page.goto("/trainer");
    await expect(page.getByTestId("telegram-linked")).toBeVisible();

    // --- Friday 13 November, 16:30: the week of 9 November is still to do for both apprentices.
    const friday = await runReminders("2026-11-13", "16:30");
    expect(friday).toContain("Queued   1  PP   weekly  week of 2026-11-09");
    const afterFriday = await sentTo(CHAT);
    expect(afterFriday).toHaveLength(2);
    const reminder = afterFriday[1]!.text;
    expect(reminder).toContain("PP-26-008");
    expect(reminder).toContain("PP-26-017");

    // --- Following the link from the message opens that week's card, signed in as the trainer.
    const link = linkFor(reminder, "PP-26-008");
    expect(link).toMatch(/^\/signin\/[A-Za-z0-9_-]{43}\?to=\/trainer\/placements\/\d+\/weeks\/2026-11-09$/);
    await page.context().clearCookies();
    await page.goto(link);
    await expect(page.getByText("This link signs in Sok Chanlina.")).toBeVisible();
    await page.getByRole("button", { name: "Open the week card" }).click();
    await expect(page).toHaveURL(new URL(link, E2E_BASE_URL).searchParams.get("to")!);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Submit the week" }).click();
    await expect(page.getByRole("status")).toHaveText("The week is submitted. Thank you.");

    // --- Monday 16 November, 09:30: the firmer reminder names only the apprentice still missing.
    const monday = await runReminders("2026-11-16", "09:30");
    expect(monday).toContain("Queued   1  PP   monday  week of 2026-11-09");
    const afterMonday = await sentTo(CHAT);
    expect(afterMonday).toHaveLength(3);
    expect(afterMonday[2]!.text).toContain("PP-26-017");
    expect(afterMonday[2]!.text).not.toContain("PP-26-008");
    // Run again: nothing new goes.
    expect(await runReminders("2026-11-16", "09:45")).toContain("Queued: nothing new is due.");
    expect(await sentTo(CHAT)).toHaveLength(3);

    // --- Staff of the site see the delivery and the chat on the trainer's page.
    const staffContext = await browser.newContext({ locale: "en-GB", viewport: { width: 360, height: 740 }, extraHTTPHeaders: { "Accept-Language": "en" } });
    const staffPage = await staffContext.newPage();
    await signInAs(staffPage, "staff");
    await staffPage.goto(`/staff/trainers/${await userId("trainer-apsara")}`);
    const delivery = staffPage.getByTestId("trainer-delivery");
    await expect(delivery).toContainText("Reminders go by: Telegram");
    await expect(delivery).toContainText(`Linked to Telegram chat ${CHAT}`);
    await expect(delivery.getByTestId("last-sent")).toContainText("Monday reminder, Telegram");
    await staffPage.goto("/staff/reminders");
    await expect(staffPage.getByTestId("reminder-trainer").filter({ hasText: "Sok Chanlina" })).toContainText("Channel: Telegram");
    await staffContext.close();
  });

  test("admin changes a site's schedule without JavaScript on a 360 px screen", async ({ browser }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      locale: "en-GB",
      viewport: { width: 360, height: 740 },
      extraHTTPHeaders: { "Accept-Language": "en" },
    });
    const page = await context.newPage();
    await signInAs(page, "admin");
    await page.goto("/staff/reminders");
    const site = page.getByTestId("reminder-site").filter({ hasText: "Schedule at Phnom Penh" });
    await expect(site).toContainText("Friday at 16:00, and a firmer reminder on Monday at 09:00");
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    const change = async (weekday: string, time: string) => {
      await site.getByLabel("Day of the weekly reminder").selectOption({ label: weekday });
      await site.getByLabel("Time of the weekly reminder").fill(time);
      await site.getByRole("button", { name: "Save the schedule" }).click();
      await expect(page.getByRole("status")).toHaveText("The schedule is saved.");
    };
    // Saturday: not due on the server's "today" (Thursday 19 November), so its own schedule sends nothing meanwhile.
    await change("Saturday", "15:30");
    await expect(site).toContainText("Saturday at 15:30");
    // Back to the default for the specs that follow.
    await change("Friday", "16:00");
    await expect(site).toContainText("Friday at 16:00");
    await context.close();
  });

  test("a bad start token gets a polite answer and binds nothing; a forged update is refused", async ({ page }) => {
    const before = await sentTo(5_550_002);
    const delivered = (await (
      await fetch(`${FAKE}/updates`, { method: "POST", body: JSON.stringify({ chatId: 5_550_002, text: `/start ${"B".repeat(43)}` }) })
    ).json()) as { webhookStatus: number };
    expect(delivered.webhookStatus).toBe(200);
    const replies = (await sentTo(5_550_002)).slice(before.length);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain("This link does not work");
    // A forged update without the secret token is refused by the webhook.
    const forged = await page.request.post("/telegram/webhook", { data: { update_id: 1, message: { text: "/stop", chat: { id: CHAT, type: "private" } } } });
    expect(forged.status()).toBe(401);
  });
});
