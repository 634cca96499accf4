import { describe, expect, it } from "vitest";

import { scriptLang } from "./script";

describe("the language of typed text, by its script", () => {
  it("calls text with any Khmer letter Khmer, even with a Latin name in it", () => {
    expect(scriptLang("មកយឺតដោយសារឡានខូច")).toBe("km");
    expect(scriptLang("បាននិយាយជាមួយ Sokha នៅ Parkway")).toBe("km");
  });

  it("calls Latin letters English, and leaves digits and signs without a language", () => {
    expect(scriptLang("Came late: bus broke down")).toBe("en");
    expect(scriptLang("Nguyễn Thị Lan")).toBe("en");
    expect(scriptLang("012 900 417")).toBeUndefined();
    expect(scriptLang("១២៣")).toBeUndefined();
    expect(scriptLang("")).toBeUndefined();
  });
});
