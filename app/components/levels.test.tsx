import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { sharedLevelIconMarkup, SharedLevelIcon } from "./levels";

describe("sharedLevelIconMarkup", () => {
  it("is the markup SharedLevelIcon renders without a title, for every level and size", () => {
    for (const level of ["unassessed", "not_yet", "with_help", "supervised", "independent"] as const) {
      for (const size of [20, 28]) {
        expect(sharedLevelIconMarkup(level, size)).toBe(renderToStaticMarkup(createElement(SharedLevelIcon, { level, size })));
      }
    }
  });
});
