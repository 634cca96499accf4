/**
 * Signed records of achievement in a browser: staff issue one; an employer checks it
 * with a phone at 360 px, without JavaScript, in English and in Khmer, and sees nothing
 * staff-only; the apprentice shows the QR code and downloads the file; an upload is checked
 * (and a changed one refused); a key rotation keeps the old record valid; consent withdrawn
 * leaves the legal name out of the re-issue; a revocation shows at once; the record prints.
 */
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import type { APIRequestContext, Browser, Page } from "playwright/test";

import { E2E_BASE_URL, E2E_DATABASE } from "./env";
import { expect, signInAs, test, waitForHydration } from "./fixtures";

const en = JSON.parse(fs.readFileSync("app/i18n/locales/en.json", "utf8"));
const km = JSON.parse(fs.readFileSync("app/i18n/locales/km.json", "utf8"));

async function query<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  const { db } = await import("~/db/client.server");
  return db()
    .$client.prepare(sql)
    .all(...params) as T[];
}

async function execute(sql: string, ...params: unknown[]) {
  const { db } = await import("~/db/client.server");
  db()
    .$client.prepare(sql)
    .run(...params);
}

interface Subject {
  placementId: number;
  apprenticeId: number;
  code: string;
  preferredName: string;
  legalName: string;
  dateOfBirth: string;
  trainerName: string;
}

/**
 * A completed Phnom Penh placement other than the one the access table signs, whose apprentice
 * has no account and no active placement: this spec gives them an account of their own.
 */
async function subject(): Promise<Subject> {
  const [row] = await query<Subject>(
    `select p.id as placementId, a.id as apprenticeId, a.code, a.preferred_name as preferredName, a.legal_name as legalName,
            a.date_of_birth as dateOfBirth, t.display_name as trainerName
       from placements p join apprentices a on a.id = p.apprentice_id join employers e on e.id = p.employer_id
       join sites s on s.id = e.site_id join users t on t.id = p.trainer_user_id
      where s.code = 'PP' and p.status = 'completed'
        and not exists (select 1 from users u where u.apprentice_id = a.id)
        and not exists (select 1 from placements q where q.apprentice_id = a.id and q.status = 'active')
        and p.id <> (select min(p2.id) from placements p2 join employers e2 on e2.id = p2.employer_id join sites s2 on s2.id = e2.site_id where s2.code = 'PP' and p2.status = 'completed')
        and exists (select 1 from assessments x where x.placement_id = p.id and x.level = 'independent')
      order by p.id limit 1`,
  );
  if (!row) throw new Error("no completed placement to sign");
  return row;
}

async function phone(browser: Browser, lang: "en" | "km") {
  return browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 360, height: 740 },
    locale: lang === "km" ? "km-KH" : "en-GB",
    extraHTTPHeaders: { "Accept-Language": lang },
  });
}

async function noSideways(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/** Same-origin page links in an HTML page (not assets). */
function linksIn(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(/<a\b[^>]*\bhref="([^"#]*)(#[^"]*)?"/g)) {
    const raw = (m[1] ?? "").replaceAll("&amp;", "&");
    if (!raw) continue;
    const url = new URL(raw, E2E_BASE_URL);
    if (url.origin !== E2E_BASE_URL || /^\/(build|fonts)\//.test(url.pathname)) continue;
    out.add(url.pathname + url.search);
  }
  return [...out];
}

/** The verify page and everything it links to (and their data responses): none may hold a secret. */
async function crawlFrom(request: APIRequestContext, start: string, secrets: string[]) {
  const seen = new Set<string>();
  const queue = [start];
  const leaks: string[] = [];
  while (queue.length > 0 && seen.size < 20) {
    const at = queue.shift()!;
    if (seen.has(at)) continue;
    seen.add(at);
    const data = new URL(at, E2E_BASE_URL);
    data.pathname = data.pathname === "/" ? "/_root.data" : `${data.pathname.replace(/\/$/, "")}.data`;
    for (const address of [at, data.pathname + data.search]) {
      const response = await request.get(address, { maxRedirects: 0 });
      expect(response.status(), address).toBeLessThan(500);
      const text = await response.text();
      for (const secret of secrets) if (text.includes(secret)) leaks.push(`${address}: ${secret}`);
      if (address === at) for (const link of linksIn(text)) if (!seen.has(link)) queue.push(link);
    }
  }
  return { leaks, seen };
}

const payloadOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString("utf8"));
const headerOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[0]!, "base64url").toString("utf8"));

test.describe.configure({ mode: "serial" });

test.describe("signed records of achievement", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  let who: Subject;
  let verifyPath = "";
  let downloaded = "";
  const canary = `canary-${crypto.randomBytes(6).toString("hex")}`;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "portal-e2e-credentials-"));
  test.afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  test("staff issue a signed record; an employer checks it at 360 px without JavaScript, in English and Khmer, seeing nothing staff-only", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    who = await subject();
    // Staff-only facts about this apprentice, each carrying a canary the public side must never show.
    const staffId = (await query<{ id: number }>("select id from users where username = 'staff'"))[0]!.id;
    await execute("update apprentices set background = ?, referral_source = ? where id = ?", `${canary}-background`, `${canary}-referral`, who.apprenticeId);
    await execute(
      "insert into follow_up_notes (apprentice_id, placement_id, kind, occurred_on, body, author_user_id) values (?, ?, 'visit', '2026-11-02', ?, ?)",
      who.apprenticeId,
      who.placementId,
      `${canary}-note`,
      staffId,
    );
    await execute(
      "insert into feedback (placement_id, explains_rating, learning_rating, fairness_rating, safety_rating, comment) values (?, 2, 2, 2, 1, ?)",
      who.placementId,
      `${canary}-feedback`,
    );
    await execute("insert into consents (apprentice_id, item, granted, recorded_by) values (?, 'share_legal_name', 1, ?)", who.apprenticeId, staffId);

    await signInAs(page, "staff");
    await page.goto(`/staff/placements/${who.placementId}/achievement`);
    await waitForHydration(page);
    await expect(page.getByTestId("credential-panel")).toContainText(en.credentialPanel.none);
    await page.getByRole("button", { name: en.credentialPanel.issue }).click();
    await expect(page.getByRole("status").filter({ hasText: en.credentialPanel.issued })).toBeVisible();
    await expect(page.getByTestId("current-credential")).toContainText(en.credentialPanel.legalNameIn);
    // The printable record now carries the QR code of its verify page.
    await expect(page.getByTestId("achievement").getByTestId("verify-qr").locator("svg")).toBeVisible();
    verifyPath = (await page.getByRole("link", { name: en.credentialPanel.open }).getAttribute("href"))!;
    expect(verifyPath).toMatch(/^\/verify\/[A-Za-z0-9_-]{22}$/);
    await expect(page.getByTestId("achievement")).toContainText(`${E2E_BASE_URL}${verifyPath}`);

    // On paper: the record and its QR code, without the staff panel.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("credential-panel")).toBeHidden();
    await expect(page.getByTestId("achievement").getByTestId("verify-qr")).toBeVisible();
    await page.emulateMedia({ media: "screen" });

    const secrets = [canary, who.code, who.dateOfBirth, who.trainerName, "follow_up", "retained_by_employer"];
    for (const lang of ["en", "km"] as const) {
      const context = await phone(browser, lang);
      const employer = await context.newPage();
      const response = await employer.goto(verifyPath);
      expect(response?.status()).toBe(200);
      const t = lang === "km" ? km : en;
      await expect(employer.locator("html")).toHaveAttribute("lang", lang);
      await expect(employer.getByRole("heading", { level: 1 })).toHaveText(t.verify.title);
      const verdict = employer.getByTestId("verdict");
      await expect(verdict).toHaveAttribute("data-state", "valid");
      await expect(verdict).toContainText(
        lang === "km" ? "មានសុពលភាព — ចេញដោយ កម្មវិធីផ្លូវអាជីព · ហាហ្គាកម្ពុជា, ភ្នំពេញ នៅ" : "Valid — issued by Hagar Cambodia · Career Pathways, Phnom Penh on",
      );
      await expect(employer.getByTestId("credential-name")).toHaveText(who.preferredName);
      // Consent to share the legal name was current when it was issued.
      await expect(employer.getByTestId("credential-legal-name")).toHaveText(who.legalName);
      expect(await employer.getByTestId("credential-skill").count()).toBeGreaterThan(0);
      await noSideways(employer);
      const html = await employer.content();
      for (const secret of secrets) expect(html, `${lang}: ${secret}`).not.toContain(secret);
      await context.close();
    }

    // Everything reachable from the verify page, signed out or as a trainer (whose own pages show
    // their own name and apprentices): no staff-only field.
    const staffOnly = [canary, who.dateOfBirth];
    const anonymous = await browser.newContext();
    expect((await crawlFrom(anonymous.request, verifyPath, secrets)).leaks).toEqual([]);
    await anonymous.close();
    const trainerContext = await browser.newContext();
    const trainerPage = await trainerContext.newPage();
    await signInAs(trainerPage, "trainer");
    const crawl = await crawlFrom(trainerPage.request, verifyPath, staffOnly);
    expect(crawl.leaks).toEqual([]);
    expect(crawl.seen.has("/verify")).toBe(true);
    await trainerContext.close();
  });

  test("the apprentice shows the QR code and downloads the record; the upload check says valid, and refuses a changed one", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const { db } = await import("~/db/client.server");
    const { createUser } = await import("~/db/factories.server");
    const username = `cred-${who.code.toLowerCase()}`;
    createUser(db(), {
      role: "apprentice",
      username,
      displayName: who.preferredName,
      siteId: (await query<{ siteId: number }>("select site_id as siteId from apprentices where id = ?", who.apprenticeId))[0]!.siteId,
      apprenticeId: who.apprenticeId,
    });

    await signInAs(page, username);
    await page.goto(`/me/achievement/${who.placementId}`);
    const mine = page.getByTestId("my-credential");
    await expect(mine.getByRole("img", { name: en.achievement.verifyQr })).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent("download"), mine.getByRole("link", { name: en.myCredential.download }).click()]);
    downloaded = path.join(tmp, "record.json");
    await download.saveAs(downloaded);
    const file = JSON.parse(fs.readFileSync(downloaded, "utf8"));
    expect(file.type).toBe("EnvelopedVerifiableCredential");
    const jwt = String(file.id).replace("data:application/vc+jwt,", "");
    expect(payloadOf(jwt).id).toBe(`${E2E_BASE_URL}${verifyPath}`);

    // A changed record: one more skill, a date moved. The signature no longer matches.
    const payload = payloadOf(jwt);
    payload.credentialSubject.result.push({
      ...payload.credentialSubject.result[0],
      alignment: [{ ...payload.credentialSubject.result[0].alignment[0], targetCode: "XX-9.9", targetName: "Invented skill" }],
    });
    payload.credentialSubject.activityEndDate = "2026-12-31T00:00:00+07:00";
    const [h, , s] = jwt.split(".");
    const forged = path.join(tmp, "forged.json");
    fs.writeFileSync(
      forged,
      JSON.stringify({ ...file, id: `data:application/vc+jwt,${h}.${Buffer.from(JSON.stringify(payload)).toString("base64url")}.${s}` }),
    );

    for (const lang of ["en", "km"] as const) {
      const context = await phone(browser, lang);
      const checker = await context.newPage();
      const t = lang === "km" ? km : en;
      await checker.goto("/verify");
      await checker.getByLabel(t.verify.fileLabel).setInputFiles(downloaded);
      await checker.getByRole("button", { name: t.verify.check }).click();
      await expect(checker.getByTestId("verdict")).toHaveAttribute("data-state", "valid");
      await expect(checker.getByTestId("credential-name")).toHaveText(who.preferredName);

      await checker.getByLabel(t.verify.fileLabel).setInputFiles(forged);
      await checker.getByRole("button", { name: t.verify.check }).click();
      await expect(checker.getByTestId("verdict")).toHaveAttribute("data-state", "not_valid");
      await expect(checker.getByTestId("verdict")).toContainText(t.verify.reasons.tampered);
      await expect(checker.getByTestId("credential")).toHaveCount(0);

      await checker.getByLabel(t.verify.pasteLabel).fill("Sokha can cut hair. Signed, the salon.");
      await checker.getByRole("button", { name: t.verify.check }).click();
      await expect(checker.getByTestId("verdict")).toContainText(t.verify.reasons.not_json);
      await noSideways(checker);
      await context.close();
    }
  });

  test("after a key rotation the old record still verifies; consent withdrawn leaves the legal name out of the re-issue", async ({ page, browser }) => {
    test.setTimeout(90_000);
    const before = (await (await page.request.get("/.well-known/jwks.json")).json()).keys as { kid: string }[];
    execFileSync("npm", ["run", "-s", "keys:rotate"], { env: { ...process.env, DATABASE_PATH: E2E_DATABASE }, stdio: "pipe" });
    const after = (await (await page.request.get("/.well-known/jwks.json")).json()).keys as { kid: string; d?: string }[];
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(1).map((k) => k.kid)).toEqual(before.map((k) => k.kid));
    expect(after.every((k) => k.d === undefined)).toBe(true);

    const context = await phone(browser, "en");
    const employer = await context.newPage();
    await employer.goto(verifyPath);
    await expect(employer.getByTestId("verdict")).toHaveAttribute("data-state", "valid");
    await employer.goto("/verify");
    await employer.getByLabel(en.verify.fileLabel).setInputFiles(downloaded);
    await employer.getByRole("button", { name: en.verify.check }).click();
    await expect(employer.getByTestId("verdict")).toHaveAttribute("data-state", "valid");

    // The apprentice withdraws consent to share the legal name; staff re-issue.
    const staffId = (await query<{ id: number }>("select id from users where username = 'staff'"))[0]!.id;
    await execute("insert into consents (apprentice_id, item, granted, recorded_by) values (?, 'share_legal_name', 0, ?)", who.apprenticeId, staffId);
    await signInAs(page, "staff");
    await page.goto(`/staff/placements/${who.placementId}/achievement`);
    await waitForHydration(page);
    await expect(page.getByTestId("current-credential")).toContainText(en.credentialPanel.consentChanged);
    await page.getByRole("button", { name: en.credentialPanel.reissue }).click();
    await expect(page.getByRole("status").filter({ hasText: en.credentialPanel.reissued })).toBeVisible();
    await expect(page.getByTestId("current-credential")).toContainText(en.credentialPanel.legalNameOut);
    const fresh = (await page.getByRole("link", { name: en.credentialPanel.open }).getAttribute("href"))!;
    expect(fresh).not.toBe(verifyPath);
    const [signed] = await query<{ jwt: string }>("select jwt from credentials where public_id = ?", fresh.split("/").pop());
    expect(headerOf(signed!.jwt).kid).toBe(`${E2E_BASE_URL}/.well-known/jwks.json#${after[0]!.kid}`);

    await employer.goto(fresh);
    await expect(employer.getByTestId("verdict")).toHaveAttribute("data-state", "valid");
    await expect(employer.getByTestId("credential-name")).toHaveText(who.preferredName);
    await expect(employer.getByTestId("credential-legal-name")).toHaveCount(0);
    expect(await employer.content()).not.toContain(who.legalName);
    // The earlier record: replaced, and its contents no longer shown.
    await employer.goto(verifyPath);
    await expect(employer.getByTestId("verdict")).toHaveAttribute("data-state", "revoked");
    await expect(employer.getByTestId("verdict")).toContainText(en.revocationReason.superseded);
    expect(await employer.content()).not.toContain(who.legalName);
    verifyPath = fresh;
    await context.close();
  });

  test("staff revoke with a reason, without JavaScript; the verify page says so at once, in both languages", async ({ browser }) => {
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
      locale: "en-GB",
      extraHTTPHeaders: { "Accept-Language": "en" },
    });
    const staff = await noJs.newPage();
    await signInAs(staff, "staff");
    await staff.goto(`/staff/placements/${who.placementId}/achievement`);
    await staff.getByLabel(en.credentialPanel.reason).selectOption("issued_in_error");
    await staff.getByRole("button", { name: en.credentialPanel.revoke, exact: true }).click();
    await expect(staff.getByRole("status").filter({ hasText: en.credentialPanel.revoked })).toBeVisible();
    await expect(staff.getByTestId("credential-panel")).toContainText(en.credentialPanel.none);
    await noSideways(staff);
    await noJs.close();

    for (const lang of ["en", "km"] as const) {
      const context = await phone(browser, lang);
      const employer = await context.newPage();
      const t = lang === "km" ? km : en;
      await employer.goto(verifyPath);
      const verdict = employer.getByTestId("verdict");
      await expect(verdict).toHaveAttribute("data-state", "revoked");
      await expect(verdict).toContainText(t.revocationReason.issued_in_error);
      await expect(employer.getByTestId("credential")).toHaveCount(0);
      await noSideways(employer);
      await context.close();
    }
    const status = await (await browser.newContext()).request.get(`${verifyPath}/status`);
    expect((await status.json()).revokedCredentials).toEqual([
      expect.objectContaining({ id: `${E2E_BASE_URL}${verifyPath}`, revocationReason: "issued_in_error" }),
    ]);
  });
});
