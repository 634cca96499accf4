import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { openDatabase } from "~/db/client.server";

import { sessionSecrets } from "./secret.server";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "portal-secret-"));
const opened: ReturnType<typeof openDatabase>[] = [];
afterAll(() => {
  for (const d of opened) d.$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function install(name: string) {
  const DATABASE_PATH = path.join(dir, name, "portal.db");
  const database = openDatabase(DATABASE_PATH);
  opened.push(database);
  return { config: { SESSION_SECRET: undefined, DATABASE_PATH }, database };
}

describe("the session secret", () => {
  it("is SESSION_SECRET when set, comma-separated to rotate", () => {
    const { database } = install("env");
    expect(
      sessionSecrets({ SESSION_SECRET: "new-secret-new-secret-new-secret-01, old-secret-old-secret-old-secret-02", DATABASE_PATH: "x" }, database),
    ).toEqual(["new-secret-new-secret-new-secret-01", "old-secret-old-secret-old-secret-02"]);
  });

  it("is generated once, kept in the database, and the same on every later start", () => {
    const { config, database } = install("generated");
    const [first] = sessionSecrets(config, database);
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(sessionSecrets(config, database)).toEqual([first]);
    expect(fs.existsSync(path.join(path.dirname(config.DATABASE_PATH), ".session-secret"))).toBe(false);
  });

  it("adopts the secret an older install kept beside the database, so upgrading signs nobody out", () => {
    const { config, database } = install("upgraded");
    fs.writeFileSync(path.join(path.dirname(config.DATABASE_PATH), ".session-secret"), "kept-from-before-kept-from-before-0123\n");
    expect(sessionSecrets(config, database)).toEqual(["kept-from-before-kept-from-before-0123"]);
    fs.rmSync(path.join(path.dirname(config.DATABASE_PATH), ".session-secret"));
    expect(sessionSecrets(config, database)).toEqual(["kept-from-before-kept-from-before-0123"]);
  });
});
