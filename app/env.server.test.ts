import path from "node:path";

import { describe, expect, it } from "vitest";

import { backupDir, EnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("gives every variable a working default for the embedded demo", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATABASE_PATH: "data/portal.db", SEED_DEMO: true, LOGIN_RATE_LIMIT: 10, BACKUP_KEEP: 14, BACKUP_DAILY: true });
    expect(backupDir(env)).toBe(path.resolve("data/backups"));
    expect(backupDir(parseEnv({ DATABASE_PATH: "/srv/portal/portal.db" }))).toBe("/srv/portal/backups");
    expect(backupDir(parseEnv({ BACKUP_DIR: "/mnt/usb/portal" }))).toBe("/mnt/usb/portal");
  });

  it("is secure by default: production settings unless told otherwise", () => {
    expect(parseEnv({}).NODE_ENV).toBe("production");
  });

  it("stops with a message naming the bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET: must be at least 32 characters/);
    expect(() => parseEnv({ SEED_DEMO: "maybe" })).toThrow(/SEED_DEMO/);
    expect(() => parseEnv({ BACKUP_KEEP: "0" })).toThrow(/BACKUP_KEEP/);
  });

  it("takes the public address of signed records without its trailing slash, and refuses one that is not http(s)", () => {
    expect(parseEnv({}).PUBLIC_URL).toBeUndefined();
    expect(parseEnv({ PUBLIC_URL: "https://portal.example.org/" }).PUBLIC_URL).toBe("https://portal.example.org");
    expect(() => parseEnv({ PUBLIC_URL: "portal.example.org" })).toThrow(/PUBLIC_URL/);
    expect(() => parseEnv({ PUBLIC_URL: "ftp://portal.example.org" })).toThrow(/PUBLIC_URL/);
  });
});
