import { describe, expect, it } from "vitest";

import { acceptedEncodings, precompressedFile } from "./precompressed";

describe("acceptedEncodings", () => {
  it("reads what browsers send", () => {
    expect([...acceptedEncodings("gzip, deflate, br, zstd")].sort()).toEqual(["br", "gzip"]);
    expect([...acceptedEncodings("gzip, deflate")]).toEqual(["gzip"]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
    expect([...acceptedEncodings("identity")]).toEqual([]);
  });

  it("honours a q of 0 and the wildcard", () => {
    expect([...acceptedEncodings("br;q=0, gzip;q=0.5")]).toEqual(["gzip"]);
    expect([...acceptedEncodings("*")].sort()).toEqual(["br", "gzip"]);
    expect([...acceptedEncodings("*, br;q=0")]).toEqual(["gzip"]);
    expect([...acceptedEncodings("GZIP;Q=1")]).toEqual(["gzip"]);
  });
});

describe("precompressedFile", () => {
  const available = new Set(["/routes/a-1.js.br", "/routes/a-1.js.gz", "/only-gz.css.gz", "/routes/b.$id-2.js.br"]);

  it("sends brotli when taken, else gzip, else the file itself", () => {
    expect(precompressedFile("gzip, deflate, br", "/routes/a-1.js", available)).toEqual({ vary: true, file: "/routes/a-1.js.br", encoding: "br" });
    expect(precompressedFile("gzip", "/routes/a-1.js", available)).toEqual({ vary: true, file: "/routes/a-1.js.gz", encoding: "gzip" });
    expect(precompressedFile("br", "/only-gz.css", available)).toEqual({ vary: true, file: null, encoding: null });
    expect(precompressedFile("", "/routes/a-1.js", available)).toEqual({ vary: true, file: null, encoding: null });
  });

  it("does not vary a file that has no copies", () => {
    expect(precompressedFile("br", "/font.woff2", available)).toEqual({ vary: false, file: null, encoding: null });
  });

  it("finds a file whose name the browser encoded", () => {
    expect(precompressedFile("br", "/routes/b.%24id-2.js", available).file).toBe("/routes/b.%24id-2.js.br");
    expect(precompressedFile("br", "/bad%E0%A4%A", available).file).toBeNull();
  });
});
