import { request as playwrightRequest } from "playwright/test";

import { CALLERS, ROWS, type Caller, type Outcome, type Row } from "./access-table";
import { dataFingerprint } from "./demo";
import { E2E_BASE_URL } from "./env";
import { expect, sessionCookieFor, test } from "./fixtures";

async function outcomeOf(caller: Caller, method: "GET" | "POST", path: string, form?: Record<string, string>): Promise<Outcome | number> {
  const username = CALLERS[caller];
  // A fresh session for every cell, so a sign-out in one cell cannot affect another.
  const cookie = username ? await sessionCookieFor(username) : undefined;
  const context = await playwrightRequest.newContext({
    baseURL: E2E_BASE_URL,
    extraHTTPHeaders: cookie ? { cookie } : {},
  });
  try {
    const response = await context.fetch(path, { method, form, maxRedirects: 0 });
    const status = response.status();
    if (status >= 300 && status < 400) {
      const location = new URL(response.headers()["location"] ?? "", E2E_BASE_URL).pathname;
      return location === "/login" ? "login" : `→${location}`;
    }
    return status;
  } finally {
    await context.dispose();
  }
}

const formOf = async (row: Row) => (typeof row.form === "function" ? row.form() : row.form);

test.describe("role × route access", () => {
  for (const row of ROWS) {
    const name = typeof row.path === "string" ? row.path : row.path.toString().replace(/^\(\)\s*=>\s*/, "");
    const title = `${row.method} ${name}${row.title ? ` — ${row.title}` : ""}${row.bodyIds ? ` (foreign ${row.bodyIds.join(", ")} in the body)` : ""}`;
    test(title, async () => {
      const path = typeof row.path === "string" ? row.path : await row.path();
      const form = await formOf(row);
      const before = row.bodyIds ? await dataFingerprint() : null;
      const seen: Record<string, Outcome | number> = {};
      for (const caller of Object.keys(CALLERS) as Caller[]) {
        seen[caller] = await outcomeOf(caller, row.method, path, form);
      }
      expect(seen).toEqual(row.expect);
      // A foreign id in a body is refused by everyone, and nothing at all is written.
      if (before !== null) expect(await dataFingerprint()).toBe(before);
    });
  }

  test("no trainer or apprentice gets a 200 from any staff page", async () => {
    for (const row of ROWS) {
      const path = typeof row.path === "string" ? row.path : await row.path();
      if (!path.startsWith("/staff")) continue;
      for (const caller of ["trainer", "otherTrainer", "apprentice"] as const) {
        expect(await outcomeOf(caller, row.method, path, await formOf(row)), `${caller} ${path}`).not.toBe(200);
      }
    }
  });
});
