import { describe, expect, it } from "vitest";

import { DEFAULT_THROTTLE, growingWait, usernameKey, waitsAfterFailure } from "./sign-in-throttle";

describe("growingWait", () => {
  it("is free up to the allowance, then doubles from one second up to the cap", () => {
    const waits = Array.from({ length: 16 }, (_, i) => growingWait(i + 1, 5, 900));
    expect(waits).toEqual([0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900]);
  });

  it("stays at the cap however many failures there are", () => {
    expect(growingWait(10_000, 5, 900)).toBe(900);
    expect(growingWait(Number.MAX_SAFE_INTEGER, 5, 900)).toBe(900);
  });
});

describe("waitsAfterFailure", () => {
  const p = DEFAULT_THROTTLE;

  it("asks nothing of a few failures", () => {
    expect(waitsAfterFailure({ client: 1, pair: 1, account: 1 }, p)).toEqual({ clientS: 0, pairS: 0 });
  });

  it("slows one client on one username after its allowance", () => {
    expect(waitsAfterFailure({ client: 6, pair: 6, account: 6 }, p)).toEqual({ clientS: 0, pairS: 1 });
    expect(waitsAfterFailure({ client: 9, pair: 9, account: 9 }, p)).toEqual({ clientS: 0, pairS: 8 });
  });

  it("slows a client spraying many usernames, whatever each username's count", () => {
    expect(waitsAfterFailure({ client: p.clientFree + 1, pair: 1, account: 1 }, p)).toEqual({ clientS: 1, pairS: 0 });
    expect(waitsAfterFailure({ client: p.clientFree + 20, pair: 1, account: 1 }, p).clientS).toBe(p.clientMaxWaitS);
  });

  it("holds every client to one try a minute on a username under attack, never more", () => {
    expect(waitsAfterFailure({ client: 1, pair: 1, account: p.accountFree }, p).pairS).toBe(0);
    expect(waitsAfterFailure({ client: 1, pair: 1, account: p.accountFree + 1 }, p).pairS).toBe(60);
    expect(waitsAfterFailure({ client: 1, pair: 1, account: 100_000 }, p).pairS).toBe(60);
  });
});

describe("usernameKey", () => {
  it("treats case, surrounding spaces and compatibility forms as one username", () => {
    expect(usernameKey("  Staff ")).toBe("staff");
    expect(usernameKey("ＳＴＡＦＦ")).toBe("staff");
    expect(usernameKey("PP-26-014")).toBe(usernameKey("pp-26-014"));
  });
});
