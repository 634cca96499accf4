import { describe, expect, it } from "vitest";

import { keysNamedBy, leafKeys, literalsIn, moduleGraph, pick } from "./catalogue-keys.mjs";

const catalogue = {
  app: { name: "Career Pathways", signOut: "Sign out" },
  levels: { not_yet: "Not yet", with_help: "With help", independent: "Independent" },
  reports: { columns: { trainer: "Trainer", employer: "Employer" }, title: "Reports" },
  trainer: { weeks_one: "{{count}} week", weeks_other: "{{count}} weeks", catchUp: "Catch up" },
  flagRule: { missed_review: "Missed review" },
  errors: { required: "Required." },
};
const all = leafKeys(catalogue);

const keysOf = (source: string, file = "x.tsx") => [...keysNamedBy(literalsIn(source, file), all)].sort();

describe("literalsIn", () => {
  it("reads string and template literals, and the head of templates with values", () => {
    const found = literalsIn('const a = t("app.name"); const b = `levels.${level}`; const c = `plain`; <X label="errors.required" />;');
    expect(found.exact).toEqual(["app.name", "plain", "errors.required"]);
    expect(found.prefixes).toEqual(["levels."]);
  });

  it("does not read comments, where an apostrophe would start a false string", () => {
    const found = literalsIn("// the trainer's week\n/* don't */ const a = t('app.signOut'); // it's");
    expect(found.exact).toEqual(["app.signOut"]);
  });

  it("reads .ts files without JSX", () => {
    expect(literalsIn("const x = <const>['errors.required'];", "x.ts").exact).toEqual(["errors.required"]);
  });
});

describe("keysNamedBy", () => {
  it("finds a key named in full, wherever the string is (t calls, objects, casts)", () => {
    expect(keysOf('t("app.name"); const nav = { key: "app.signOut" }; t(e as "errors.required")')).toEqual(["app.name", "app.signOut", "errors.required"]);
  });

  it("finds the plural forms of a key named without its suffix", () => {
    expect(keysOf('t("trainer.weeks", { count })')).toEqual(["trainer.weeks_one", "trainer.weeks_other"]);
  });

  it("finds every key under a template's head or a literal ending in a dot", () => {
    expect(keysOf("t(`levels.${level}`)")).toEqual(["levels.independent", "levels.not_yet", "levels.with_help"]);
    expect(keysOf('t(("flagRule." + rule) as never)')).toEqual(["flagRule.missed_review"]);
  });

  it("finds a whole section named by its path", () => {
    expect(keysOf('const columns = "reports.columns";')).toEqual(["reports.columns.employer", "reports.columns.trainer"]);
  });

  it("ignores bare words, other strings and keys that do not exist", () => {
    expect(keysOf('const a = "app"; const b = `app${x}`; const c = "nope.missing"; import x from "./levels.tsx";')).toEqual([]);
  });
});

describe("moduleGraph", () => {
  const metafile = {
    inputs: {
      "app/routes/a.tsx": { imports: [{ path: "app/components/b.tsx" }, { path: "react", external: true }, { path: "node_modules/x/index.js" }] },
      "app/components/b.tsx": { imports: [{ path: "app/forms/c.server.ts" }, { path: "app/routes/a.tsx" }] },
      "app/forms/c.server.ts": { imports: [] },
      "app/unrelated.ts": { imports: [] },
      "node_modules/x/index.js": { imports: [] },
    },
  };

  it("follows the app's own imports, server modules included, through cycles", () => {
    expect([...moduleGraph(metafile, "app/routes/a.tsx")].sort()).toEqual(["app/components/b.tsx", "app/forms/c.server.ts", "app/routes/a.tsx"]);
  });
});

describe("pick", () => {
  it("keeps the nesting of the catalogue and only the keys asked for", () => {
    expect(pick(catalogue, new Set(["app.name", "reports.columns.trainer", "trainer.weeks_other"]))).toEqual({
      app: { name: "Career Pathways" },
      reports: { columns: { trainer: "Trainer" } },
      trainer: { weeks_other: "{{count}} weeks" },
    });
  });
});
