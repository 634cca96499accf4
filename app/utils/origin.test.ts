import { describe, expect, it } from "vitest";

import { isCrossOriginWrite } from "./origin";

const self = "localhost:3000";

describe("isCrossOriginWrite", () => {
  it("lets reads through whatever their origin", () => {
    expect(isCrossOriginWrite({ method: "GET", origin: "https://evil.example", secFetchSite: "cross-site", selfHost: self })).toBe(false);
  });
  it("accepts a POST from the portal itself", () => {
    expect(isCrossOriginWrite({ method: "POST", origin: "http://localhost:3000", secFetchSite: "same-origin", selfHost: self })).toBe(false);
  });
  it("refuses a POST from another origin, another port or an opaque origin", () => {
    for (const origin of ["https://evil.example", "http://localhost:4000", "null"]) {
      expect(isCrossOriginWrite({ method: "POST", origin, secFetchSite: null, selfHost: self })).toBe(true);
    }
  });
  it("refuses a POST the browser marks cross-site even without Origin", () => {
    expect(isCrossOriginWrite({ method: "POST", origin: null, secFetchSite: "cross-site", selfHost: self })).toBe(true);
  });
  it("accepts a POST with no browser origin headers (a script or curl)", () => {
    expect(isCrossOriginWrite({ method: "POST", origin: undefined, secFetchSite: undefined, selfHost: self })).toBe(false);
  });
});
