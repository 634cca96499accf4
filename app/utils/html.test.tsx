import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { escapeHtml } from "./html";

describe("escapeHtml", () => {
  it("escapes text as React does, in an element's text and in an attribute", () => {
    for (const text of [`Tom & Jerry <b>"hi"</b> it's`, "ធ្វើបានដោយមានជំនួយ", "a&amp;b", "</span><script>x()</script>", ""]) {
      expect(`<span>${escapeHtml(text)}</span>`).toBe(renderToStaticMarkup(createElement("span", null, text)));
      expect(`<span title="${escapeHtml(text)}"></span>`).toBe(renderToStaticMarkup(createElement("span", { title: text })));
    }
  });
});
