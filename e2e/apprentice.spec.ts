/**
 * The apprentice's own view in a browser: progress in Khmer, an advance notice the
 * trainer then sees, confidential feedback that reaches no page or data response the trainer can
 * open, and PIN sign-in that wrong tries slow down but never lock.
 */
import crypto from "node:crypto";
import fs from "node:fs";

import type { APIRequestContext } from "playwright/test";

import { inNumerals } from "~/i18n/format";

import { E2E_BASE_URL, E2E_TODAY } from "./env";
import { credentialOf, placementsOf, thisMonday } from "./demo";
import { expect, signInAs, test, waitForHydration } from "./fixtures";

const km = JSON.parse(fs.readFileSync("app/i18n/locales/km.json", "utf8"));
const en = JSON.parse(fs.readFileSync("app/i18n/locales/en.json", "utf8"));

async function query<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  const { db } = await import("~/db/client.server");
  return db()
    .$client.prepare(sql)
    .all(...params) as T[];
}

interface Account {
  username: string;
  apprenticeId: number;
  placementId: number;
  code: string;
}

/** The demo trainer's apprentices who can sign in, with no feedback yet (so the 14-day window is open). */
async function trainerApprenticesWithoutFeedback(): Promise<Account[]> {
  return query<Account>(
    `select u.username, a.id as apprenticeId, p.id as placementId, a.code from placements p
       join users t on t.id = p.trainer_user_id join apprentices a on a.id = p.apprentice_id
       join users u on u.apprentice_id = a.id
     where t.username = 'trainer' and p.status = 'active' and u.username <> 'apprentice' and u.active = 1
       and not exists (select 1 from feedback f where f.placement_id = p.id)
     order by a.code`,
  );
}

async function demoApprentice(): Promise<Account> {
  const [row] = await query<Account>(
    `select u.username, a.id as apprenticeId, p.id as placementId, a.code from users u
       join apprentices a on a.id = u.apprentice_id join placements p on p.apprentice_id = a.id and p.status = 'active'
     where u.username = 'apprentice'`,
  );
  if (!row) throw new Error("no demo apprentice");
  return row;
}

/** The single-fetch data address of a page: `/trainer` → `/trainer.data`, `/` → `/_root.data`. */
function dataUrl(path: string): string {
  const url = new URL(path, E2E_BASE_URL);
  url.pathname = url.pathname === "/" ? "/_root.data" : `${url.pathname.replace(/\/$/, "")}.data`;
  return url.pathname + url.search;
}

/** Same-origin page links in an HTML page (not assets). */
function linksIn(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"#]*)(#[^"]*)?"/g)) {
    const raw = (m[1] ?? "").replaceAll("&amp;", "&");
    if (!raw) continue;
    const url = new URL(raw, E2E_BASE_URL);
    if (url.origin !== E2E_BASE_URL) continue;
    if (/^\/(build|fonts)\/|\.(css|js|svg|png|ico|woff2?)$/.test(url.pathname)) continue;
    out.add(url.pathname + url.search);
  }
  return [...out];
}

/** Every page (and its data response) reachable by following links from `start`, up to `limit` pages. */
async function crawl(request: APIRequestContext, start: string, limit: number, visit: (path: string, body: string) => void) {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0 && seen.size < limit) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const page = await request.get(path, { maxRedirects: 0 });
    expect(page.status(), path).toBeLessThan(500);
    const html = await page.text();
    visit(path, html);
    const data = await request.get(dataUrl(path), { maxRedirects: 0 });
    expect(data.status(), dataUrl(path)).toBeLessThan(500);
    visit(dataUrl(path), await data.text());
    for (const link of linksIn(html)) if (!seen.has(link)) queue.push(link);
  }
  return seen;
}

test.describe("the apprentice in Khmer", () => {
  test.use({ locale: "km-KH", extraHTTPHeaders: { "Accept-Language": "km" } });

  test("sees their progress, tells the trainer ahead, and gives feedback the trainer can never reach", async ({ page, browser }) => {
    test.setTimeout(120_000);
    const me = await demoApprentice();
    const others = (await placementsOf("trainer")).filter((p) => p.code !== me.code);

    // --- Progress, in Khmer, with their own code and no one else's.
    await signInAs(page, "apprentice");
    await page.goto("/me");
    await expect(page.locator("html")).toHaveAttribute("lang", "km");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(km.me.title);
    await expect(page.getByTestId("how-am-i-doing")).toContainText(km.me.how);
    await expect(page.getByTestId("my-code")).toContainText(me.code);
    await expect(page.getByTestId("competent-summary")).toContainText(/\d+/);
    await expect(page.getByTestId("unit-progress").first()).toBeVisible();
    await expect(page.getByTestId("attendance-calendar")).toBeVisible();
    await expect(page.getByTestId("weeks-done")).toContainText("សប្តាហ៍ទី");
    const body = (await page.locator("main").textContent()) ?? "";
    for (const other of others) expect(body).not.toContain(other.code);

    // --- An advance notice for tomorrow: absent, because of illness.
    const tomorrow = "2026-11-20";
    expect(E2E_TODAY).toBe("2026-11-19");
    await page.getByRole("link", { name: km.notice2.nav }).first().click();
    await expect(page).toHaveURL("/me/notices");
    await waitForHydration(page);
    await page.locator("label").filter({ hasText: km.notice.absent }).click();
    await page.getByLabel(km.notice2.dateLabel).fill(tomorrow);
    await page.locator("label").filter({ hasText: km.absence.illness }).click();
    await page.getByRole("button", { name: km.notice2.submit, exact: true }).click();
    await expect(page.getByRole("status")).toHaveText(km.notice2.sent);
    await expect(page.getByTestId("my-notices")).toContainText(km.absence.illness);

    // A date in the past is refused beside the field, in Khmer.
    await page.locator("label").filter({ hasText: km.notice.late }).click();
    await page.getByLabel(km.notice2.dateLabel).fill("2026-11-18");
    await page.locator("label").filter({ hasText: km.absence.transport }).click();
    await page.getByRole("button", { name: km.notice2.submit, exact: true }).click();
    await expect(page.getByText(km.notice2.errors.past)).toBeVisible();

    // --- The demo apprentice gave feedback on 13 November: the page says when they can again.
    await page.goto("/me/feedback");
    await expect(page.getByTestId("feedback-again")).toBeVisible();

    // --- Feedback with a canary, from another of the trainer's apprentices (their window is open).
    const [giver] = await trainerApprenticesWithoutFeedback();
    expect(giver, "a trainer's apprentice with no feedback yet").toBeTruthy();
    const canary = `canary-${crypto.randomBytes(8).toString("hex")}`;
    const apprentice = await browser.newContext({ locale: "km-KH", extraHTTPHeaders: { "Accept-Language": "km" } });
    const ap = await apprentice.newPage();
    await signInAs(ap, giver!.username);
    await ap.goto("/me/feedback");
    await waitForHydration(ap);
    await expect(ap.getByTestId("who-reads").first()).toHaveText(km.feedback.who);
    for (const [name, rating] of [
      ["explainsRating", 4],
      ["learningRating", 3],
      ["fairnessRating", 4],
      ["safetyRating", 2],
    ] as const) {
      await ap.locator(`label:has(input[name="${name}"][value="${rating}"])`).click();
    }
    await ap.getByLabel(km.feedback.commentLabel).fill(`ខ្ញុំត្រូវដើរផ្ទះតែម្នាក់ឯងពេលយប់ ${canary}`);
    await ap.getByRole("button", { name: km.feedback.submit }).click();
    await expect(ap.getByRole("status")).toHaveText(km.feedback.thanks);
    // "I feel safe" of 2: the way to the counsellor, with the phone number.
    // In the page's digits (Latin, the default), on one line.
    await expect(ap.getByTestId("counsellor")).toContainText(inNumerals(km.feedback.counsellorPhone, "latin"));
    await apprentice.close();
    const stored = await query<{ n: number }>("select count(*) as n from feedback where comment like ?", `%${canary}%`);
    expect(stored[0]?.n).toBe(1);

    // --- The trainer sees the notice on /trainer and on the week card, in English.
    const trainerContext = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });
    const tp = await trainerContext.newPage();
    await signInAs(tp, "trainer");
    await tp.goto("/trainer");
    const row = tp.getByTestId("trainer-placement").filter({ hasText: me.code });
    await expect(row.getByTestId("advance-notice").filter({ hasText: `${en.notice.absent} — ${en.absence.illness}` })).toHaveCount(1);
    await tp.goto(`/trainer/placements/${me.placementId}/weeks/${await thisMonday()}`);
    await expect(tp.getByTestId("advance-notice").filter({ hasText: en.absence.illness })).toHaveCount(1);

    // --- Crawl everything the trainer can reach: no page and no data response holds the canary.
    const leaks: string[] = [];
    const showsCode: string[] = [];
    const visited = await crawl(tp.request, "/trainer", 60, (path, text) => {
      if (text.includes(canary)) leaks.push(path);
      if (text.includes(giver!.code)) showsCode.push(path);
    });
    // A signed record's public verify page, and all it links to: no canary there either.
    await crawl(tp.request, `/verify/${await credentialOf("PP")}`, 10, (path, text) => {
      if (text.includes(canary)) leaks.push(path);
    });
    expect(leaks).toEqual([]);
    // The crawl reads real pages and data: the giver's code is on them, only the feedback is not.
    expect(showsCode).toEqual(expect.arrayContaining(["/trainer", "/trainer.data"]));
    expect(visited.size).toBeGreaterThan(5);
    expect([...visited].some((p) => p.startsWith(`/trainer/placements/${giver!.placementId}/weeks/`))).toBe(true);
    await trainerContext.close();
  });
});

test.describe("PIN sign-in", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  test("staff set a PIN; wrong tries slow the phone that makes them but never lock the account out", async ({ page, browser }) => {
    test.setTimeout(90_000);
    // An apprentice account no other spec signs in with.
    const [who] = await query<Account>(
      `select u.username, a.id as apprenticeId, p.id as placementId, a.code from users u
         join apprentices a on a.id = u.apprentice_id join placements p on p.apprentice_id = a.id and p.status = 'active'
         join users t on t.id = p.trainer_user_id
       where u.username <> 'apprentice' and u.active = 1 and t.username <> 'trainer'
       order by a.code limit 1`,
    );
    if (!who) throw new Error("no apprentice account to lock");
    const pin = "582039";

    // Staff set the PIN on the apprentice's record.
    await signInAs(page, "staff");
    await page.goto(`/staff/apprentices/${who.apprenticeId}`);
    await waitForHydration(page);
    await page.getByLabel(en.pin.staff.newPin).fill(pin);
    await page.getByRole("button", { name: en.pin.staff.set }).click();
    await expect(page.getByRole("status")).toHaveText(en.pin.staff.saved);
    await expect(page.getByTestId("pin-state")).toContainText(en.pin.staff.hasPin);

    const context = await browser.newContext({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });
    const login = await context.newPage();
    const signIn = async (secret: string) => {
      await login.goto("/login");
      await waitForHydration(login);
      await login.getByLabel("Username").fill(who.username);
      await login.getByLabel("Password or PIN").fill(secret);
      await login.getByRole("button", { name: "Sign in" }).click();
    };
    // Five wrong PINs lock nothing (docs/decisions/0012): each gets the one answer, and the right PIN still works.
    for (let n = 1; n <= 5; n++) {
      await signIn(`00000${n}`);
      await expect(login.getByRole("alert")).toHaveText(en.login.invalid);
      await expect(login).toHaveURL(/\/login/);
    }
    const [account] = await query<{ lockedUntil: number | null }>("select locked_until as lockedUntil from users where username = ?", who.username);
    expect(account?.lockedUntil).toBeNull();
    await signIn(pin);
    await expect(login).toHaveURL("/me");
    await expect(login.getByTestId("my-code")).toContainText(who.code);
    await context.close();
  });
});
