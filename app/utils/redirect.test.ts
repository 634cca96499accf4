import { describe, expect, it } from "vitest";

import { safeRedirect } from "./redirect";

const HOME = "/staff";

describe("safeRedirect", () => {
  it.each([
    ["/staff", "/staff"],
    ["/staff?tab=1", "/staff?tab=1"],
    ["/staff/flags?status=open&rule=behind_plan#list", "/staff/flags?status=open&rule=behind_plan#list"],
    ["/trainer/placements/3/weeks/2026-11-16", "/trainer/placements/3/weeks/2026-11-16"],
    // A search box's space, encoded as the browser sends it.
    ["/staff/apprentices?q=Sok%20Dara", "/staff/apprentices?q=Sok%20Dara"],
    ["/me?x=%2F%2Fnot-a-host", "/me?x=%2F%2Fnot-a-host"],
    ["/", "/"],
  ])("keeps the same-site path %j", (target, expected) => {
    expect(safeRedirect(target, HOME)).toBe(expected);
  });

  it.each([
    ["empty", ""],
    ["not a string", 42],
    ["missing", undefined],
    ["null", null],
    ["an array", ["/staff"]],
    ["a relative path", "staff"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/staff"],
    ["slash backslash", "/\\evil.example"],
    ["backslash slash", "\\/evil.example"],
    ["backslashes", "\\\\evil.example"],
    ["a tab between the slashes", "/\t/evil.example"],
    ["a newline between the slashes", "/\n/evil.example"],
    ["a carriage return", "/\r/evil.example"],
    ["a newline after a path (header injection)", "/staff\nSet-Cookie: x=1"],
    ["CRLF", "/staff\r\nLocation: https://evil.example"],
    ["NUL", "/staff\u0000evil"],
    ["DEL", "/staff\u007f"],
    ["a C1 control", "/staff\u0085"],
    ["a leading space", " /staff"],
    ["a space in the path", "/sta ff"],
    ["a non-breaking space", "/staff\u00a0"],
    ["a line separator", "/staff\u2028"],
    ["an encoded slash and tab", "%2F%09%2Fevil.example"],
    ["an encoded tab between the slashes", "/%09/evil.example"],
    ["an encoded newline between the slashes", "/%0A/evil.example"],
    ["an encoded second slash", "/%2Fevil.example"],
    ["an encoded backslash", "/%5Cevil.example"],
    ["an encoded backslash, lower case", "/%5cevil.example"],
    ["a double-encoded second slash", "/%252Fevil.example"],
    ["a triple-encoded backslash", "/%25255Cevil.example"],
    ["an encoded NUL", "/staff%00"],
    ["an encoded CRLF in the query", "/staff?x=%0D%0ALocation:%20https://evil.example"],
    ["an encoded tab in the query", "/staff?x=%09"],
    ["a malformed escape", "/staff%E0%A4%A"],
    ["a lone percent", "/staff%"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["an absolute http URL", "http://evil.example/"],
    ["an absolute https URL", "https://evil.example/staff"],
    ["a scheme without slashes", "https:evil.example"],
    ["an encoded absolute URL", "https%3A%2F%2Fevil.example"],
    ["non-ASCII", "/ស្វាគមន៍"],
    ["very long", `/${"a".repeat(5000)}`],
    ["decodings that never settle", `/${"%25".repeat(1)}${"25".repeat(10)}2F`],
  ])("refuses %s and answers the home", (_label, target) => {
    expect(safeRedirect(target, HOME)).toBe(HOME);
  });

  it("never returns a value a Location header would refuse", () => {
    const hostile = ["/\n/evil.example", "/staff\r\n", "/\u0000", "/ស"];
    for (const target of hostile) expect(() => new Headers({ Location: safeRedirect(target, HOME) })).not.toThrow();
  });
});
