/**
 * Issue 10 in a browser: redirects that never leave the site, sign-in links whose revocation
 * signs their devices out, and the server's secure defaults.
 */
import { E2E_BASE_URL } from "./env";
import { userId } from "./demo";
import { expect, sessionCookieFor, signInAs, test, waitForHydration } from "./fixtures";

test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

test.describe("redirects stay on the site", () => {
  for (const hostile of [
    "%2F%09%2Fevil.example",
    "%2F%0A%2Fevil.example",
    "%2F%5Cevil.example",
    "%2F%252F%252Fevil.example",
    "https%3A%2F%2Fevil.example%2F",
  ]) {
    test(`signing in from /login?redirectTo=${hostile} lands on the user's home`, async ({ page }) => {
      await page.goto(`/login?redirectTo=${hostile}`);
      await waitForHydration(page);
      await page.getByLabel("Username").fill("staff");
      await page.getByLabel("Password or PIN").fill("career-pathways");
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(`${E2E_BASE_URL}/staff`);
    });
  }

  test("the language switch never sends anyone to another site", async ({ request }) => {
    for (const redirectTo of ["/\t/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example/"]) {
      const response = await request.post("/locale", { form: { locale: "km", redirectTo }, maxRedirects: 0 });
      expect(response.status(), redirectTo).toBe(302);
      expect(response.headers()["location"], redirectTo).toBe("/");
    }
    const kept = await request.post("/locale", { form: { locale: "en", redirectTo: "/login?x=1" }, maxRedirects: 0 });
    expect(kept.headers()["location"]).toBe("/login?x=1");
  });
});

test.describe("a revoked sign-in link signs its devices out", () => {
  test("staff see the device the link signed in, revoke the link, and the trainer's phone is signed out", async ({ page, browser }) => {
    const trainerId = await userId("trainer");
    await signInAs(page, "staff");
    await page.goto(`/staff/trainers/${trainerId}`);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Create a sign-in link" }).click();
    const link = (await page.getByTestId("link-url").textContent())?.trim() ?? "";
    expect(link).toMatch(/\/signin\//);

    const phone = await browser.newContext({ locale: "en-GB", viewport: { width: 360, height: 740 }, extraHTTPHeaders: { "Accept-Language": "en" } });
    const trainerPage = await phone.newPage();
    await trainerPage.goto(new URL(new URL(link).pathname, E2E_BASE_URL).toString());
    await trainerPage.getByRole("button", { name: "Open my apprentices" }).click();
    await expect(trainerPage).toHaveURL("/trainer");

    await page.goto(`/staff/trainers/${trainerId}`);
    await waitForHydration(page);
    const row = page.getByTestId("link-row").first();
    await expect(row.getByTestId("link-devices")).toHaveText("Signed in 1 device; 1 still signed in.");
    await expect(page.getByText("Revoking a link signs out every device it signed in.")).toBeVisible();
    await row.getByRole("button", { name: "Revoke" }).click();
    await expect(row).toContainText("Revoked");
    await expect(row.getByTestId("link-devices")).toHaveText("Signed in 1 device; 0 still signed in.");

    await trainerPage.goto("/trainer");
    await expect(trainerPage).toHaveURL(/\/login\?redirectTo=%2Ftrainer/);
    await phone.close();
  });
});

test.describe("secure defaults", () => {
  test("the session cookie is Secure without any setting, and sign-in answers say nothing about accounts", async ({ playwright }) => {
    // A fresh client for each answer, so that no cookie from one changes the next.
    const post = async (form: Record<string, string>) => {
      const client = await playwright.request.newContext({ baseURL: E2E_BASE_URL });
      const response = await client.post("/login", { form, maxRedirects: 0 });
      const answer = { status: response.status(), headers: response.headers(), body: await response.text() };
      await client.dispose();
      return answer;
    };
    const signedIn = await post({ username: "admin", password: "career-pathways" });
    expect(signedIn.status).toBe(302);
    expect(signedIn.headers["set-cookie"]).toMatch(/;\s*Secure/i);

    const wrong = await post({ username: "admin", password: "not-it" });
    const unknown = await post({ username: "no-such-person", password: "not-it" });
    for (const answer of [wrong, unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.headers["retry-after"]).toBe("0");
      expect(answer.headers["set-cookie"]).toBeUndefined();
    }
    // The same page, but for the typed username and the per-request nonce.
    const page = (r: typeof wrong) => r.body.replace(/nonce="[^"]*"|no-such-person|admin/g, "");
    expect(page(unknown)).toBe(page(wrong));
  });

  test("every answer refuses powerful browser features", async ({ request }) => {
    for (const path of ["/login", "/healthcheck", "/favicon.svg"]) {
      const policy = (await request.get(path)).headers()["permissions-policy"] ?? "";
      expect(policy, path).toContain("camera=()");
      expect(policy, path).toContain("geolocation=()");
      expect(policy, path).toContain("microphone=()");
    }
  });

  test("a CSV download carries one Cache-Control value", async ({ playwright }) => {
    const cookie = await sessionCookieFor("staff");
    const context = await playwright.request.newContext({ baseURL: E2E_BASE_URL, extraHTTPHeaders: { cookie } });
    const response = await context.get("/staff/flags.csv");
    expect(response.status()).toBe(200);
    const values = response.headersArray().filter((h) => h.name.toLowerCase() === "cache-control");
    expect(values).toEqual([{ name: expect.stringMatching(/cache-control/i), value: "no-store" }]);
    await context.dispose();
  });

  test("an old-style ?_data= request gets a plain 400", async ({ request }) => {
    const response = await request.get("/login?_data=routes%2Flogin");
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain("Some of what was sent is not valid.");
  });
});
