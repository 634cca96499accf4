/**
 * Browser-test fixtures. Signing in per role creates the session directly in the test
 * database (as the app would after a good password), so specs that are not about sign-in do
 * not spend the sign-in rate limit or argon2 time.
 */
import { test as base, expect, type Page } from "playwright/test";

import { E2E_BASE_URL, E2E_DATABASE, E2E_SESSION_SECRET, E2E_TODAY } from "./env";

process.env.DATABASE_PATH = E2E_DATABASE;
process.env.SESSION_SECRET = E2E_SESSION_SECRET;
process.env.SEED_DEMO = "false";
process.env.DEMO_TODAY = E2E_TODAY;

export async function sessionCookieFor(username: string): Promise<string> {
  const [{ db }, { users }, { createUserSession }, { eq }] = await Promise.all([
    import("~/db/client.server"),
    import("~/db/schema"),
    import("~/auth/session.server"),
    import("drizzle-orm"),
  ]);
  const user = db().select().from(users).where(eq(users.username, username)).get();
  if (!user) throw new Error(`No demo user ${username}`);
  const setCookie = await createUserSession(user, "password", new Request(E2E_BASE_URL));
  return setCookie.split(";")[0]!;
}

export async function signInAs(page: Page, username: string) {
  const pair = await sessionCookieFor(username);
  const at = pair.indexOf("=");
  const [name, value] = [pair.slice(0, at), pair.slice(at + 1)];
  await page.context().addCookies([{ name, value, url: E2E_BASE_URL }]);
}

/** Wait until React has hydrated, so a click is handled by Remix and not a plain form post. */
export async function waitForHydration(page: Page) {
  await expect(page.locator("html[data-hydrated=true]")).toHaveCount(1);
}

/**
 * Every spec's page fails its test on a browser error: an uncaught exception or a console
 * error (a hydration mismatch shows up as one). Refused loads (403/404 pages under test) are
 * expected and ignored.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`pageerror: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) errors.push(`console: ${message.text()}`);
    });
    await use(page);
    expect(errors, "browser errors during the test").toEqual([]);
  },
});
export { expect };
