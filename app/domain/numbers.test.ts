import { describe, expect, it } from "vitest";

import { plainAmountToCents, plainInteger } from "./numbers";

describe("plainInteger", () => {
  it("reads plain decimal digits", () => {
    expect(plainInteger("0")).toBe(0);
    expect(plainInteger("42")).toBe(42);
    expect(plainInteger("007")).toBe(7);
  });

  it.each(["", " ", "0x1A", "1e3", "1E3", "12.0", "-3", "+3", " 12", "12 ", "٣", "Infinity", "NaN", "1_000", "9".repeat(16)])("refuses %j", (text) => {
    expect(plainInteger(text)).toBeNull();
  });
});

describe("plainAmountToCents", () => {
  it("reads dollars with up to two decimals as whole cents", () => {
    expect(plainAmountToCents("40")).toBe(4000);
    expect(plainAmountToCents("40.5")).toBe(4050);
    expect(plainAmountToCents("40.50")).toBe(4050);
    expect(plainAmountToCents("0.07")).toBe(7);
    expect(plainAmountToCents("19.99")).toBe(1999);
  });

  it.each(["", "1e3", "0x1A", "-5", "40.505", "4,000", ".5", "5.", " 5", "$5", "Infinity"])("refuses %j", (text) => {
    expect(plainAmountToCents(text)).toBeNull();
  });
});
