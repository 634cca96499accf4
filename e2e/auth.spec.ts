import { expect, signInAs, test, waitForHydration } from "./fixtures";

const PASSWORD = "career-pathways";

const HOMES = [
  ["staff", "/staff"],
  ["staff-sr", "/staff"],
  ["admin", "/staff"],
  ["trainer", "/trainer"],
  ["apprentice", "/me"],
] as const;

test.describe("sign-in through the form", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  for (const [username, home] of HOMES) {
    test(`${username} signs in and lands on ${home}`, async ({ page }) => {
      await page.goto("/login");
      await waitForHydration(page);
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password or PIN").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(home);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    });
  }

  test("a wrong password gets one generic message and no session", async ({ page }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await page.getByLabel("Username").fill("trainer");
    await page.getByLabel("Password or PIN").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toHaveText("Sign-in did not work. Check the username and the password or PIN, and try again.");
    await expect(page).toHaveURL(/\/login/);
    await page.goto("/trainer");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Ftrainer/);
  });

  test("empty fields are marked beside each field", async ({ page }) => {
    await page.goto("/login");
    await waitForHydration(page);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("This is required.")).toHaveCount(2);
  });

  test("signing out ends the session", async ({ page }) => {
    await signInAs(page, "staff");
    await page.goto("/staff");
    await waitForHydration(page);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/login");
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a sign-in from /login?redirectTo returns to the page asked for", async ({ page }) => {
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fstaff/);
    await waitForHydration(page);
    await page.getByLabel("Username").fill("staff");
    await page.getByLabel("Password or PIN").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL("/staff");
  });
});

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false, locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  for (const [username, home] of HOMES) {
    test(`${username} signs in with a plain form post`, async ({ page }) => {
      await page.goto("/login");
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password or PIN").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await expect(page).toHaveURL(home);
    });
  }

  test("a wrong password shows the message without JavaScript", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Username").fill("apprentice");
    await page.getByLabel("Password or PIN").fill("wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("Sign-in did not work.");
  });
});

test.describe("role isolation in the browser", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  test("a trainer opening a staff page sees a friendly 403, not data", async ({ page }) => {
    await signInAs(page, "trainer");
    const response = await page.goto("/staff");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Not allowed" })).toBeVisible();
    await expect(page.getByText("Active placements by employer")).toHaveCount(0);
  });

  test("an apprentice opening the trainer page is refused", async ({ page }) => {
    await signInAs(page, "apprentice");
    const response = await page.goto("/trainer");
    expect(response?.status()).toBe(403);
  });

  test("an unknown page is a friendly 404 without a stack trace", async ({ page }) => {
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.locator("body")).not.toContainText(/\bat .+:\d+:\d+/);
  });
});
