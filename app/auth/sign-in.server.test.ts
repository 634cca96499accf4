/**
 * Unknown and known usernames cost the same argon2 work, so the time an answer takes does not
 * say whether an account exists. Counted, not timed: every refusal runs the same verifications.
 */
import { beforeEach, describe, expect, it, vi } from "vitest";

import { createApprenticeWithUser, createSite, createUser } from "~/db/factories.server";
import { useTestDatabase } from "~/test/db";

import { SignInError, verifyCredentials } from "./sign-in.server";

const argon2 = vi.hoisted(() => ({ verifies: 0 }));
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return {
    ...real,
    verify: (...args: Parameters<typeof real.verify>) => {
      argon2.verifies += 1;
      return real.verify(...args);
    },
  };
});

const db = useTestDatabase();
const site = createSite(db);
createUser(db, { role: "staff", username: "staff", siteId: site.id });
createUser(db, { role: "admin", username: "retired", active: false });
createUser(db, { role: "admin", username: "link-only", password: null });
createApprenticeWithUser(db, { siteId: site.id, code: "PP-26-002" }, { username: "pp-26-002", pin: "246810" });

async function verificationsFor(username: string, secret: string) {
  argon2.verifies = 0;
  const outcome = await verifyCredentials(username, secret).catch((e: unknown) => e);
  return { refused: outcome instanceof SignInError, verifies: argon2.verifies };
}

beforeEach(async () => {
  // Warm the dummy hash so that its one-off creation is not counted.
  await verifyCredentials("warm-up", "x").catch(() => undefined);
});

describe("the work done for a refused sign-in", () => {
  it.each([
    ["an unknown username", "nobody"],
    ["a wrong password", "staff"],
    ["a deactivated account", "retired"],
    ["an account without a password", "link-only"],
    ["an apprentice, wrong password", "pp-26-002"],
  ])("is one argon2 verification for %s with a password-like secret", async (_label, username) => {
    expect(await verificationsFor(username, "not-the-password")).toEqual({ refused: true, verifies: 1 });
  });

  it.each([
    ["an unknown username", "nobody"],
    ["staff, who have no PIN", "staff"],
    ["a deactivated account", "retired"],
    ["an apprentice, wrong PIN", "pp-26-002"],
  ])("is two argon2 verifications for %s with a 6-digit secret", async (_label, username) => {
    expect(await verificationsFor(username, "135790")).toEqual({ refused: true, verifies: 2 });
  });

  it("refuses a deactivated account its right password", async () => {
    expect((await verificationsFor("retired", "career-pathways")).refused).toBe(true);
  });

  it("lets the right password and the right PIN in", async () => {
    await expect(verifyCredentials("STAFF ", "career-pathways")).resolves.toMatchObject({ method: "password" });
    await expect(verifyCredentials("pp-26-002", "246810")).resolves.toMatchObject({ method: "pin" });
    await expect(verifyCredentials("PP-26-002", "career-pathways")).resolves.toMatchObject({ method: "password" });
  });
});
