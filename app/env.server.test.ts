import { describe, expect, it } from "vitest";

import { EnvError, parseEnv } from "./env.server";

describe("parseEnv", () => {
  it("gives every variable a working default for the embedded demo", () => {
    const env = parseEnv({});
    expect(env).toMatchObject({ PORT: 3000, DATABASE_PATH: "data/portal.db", SEED_DEMO: true, LOGIN_RATE_LIMIT: 10 });
  });

  it("stops with a message naming the bad variable", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(EnvError);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ SESSION_SECRET: "short" })).toThrow(/SESSION_SECRET: must be at least 32 characters/);
    expect(() => parseEnv({ SEED_DEMO: "maybe" })).toThrow(/SEED_DEMO/);
  });

  it("takes the public address of signed records without its trailing slash, and refuses one that is not http(s)", () => {
    expect(parseEnv({}).PUBLIC_URL).toBeUndefined();
    expect(parseEnv({ PUBLIC_URL: "https://portal.example.org/" }).PUBLIC_URL).toBe("https://portal.example.org");
    expect(() => parseEnv({ PUBLIC_URL: "portal.example.org" })).toThrow(/PUBLIC_URL/);
    expect(() => parseEnv({ PUBLIC_URL: "ftp://portal.example.org" })).toThrow(/PUBLIC_URL/);
  });
});
