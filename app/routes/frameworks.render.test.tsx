import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("@remix-run/react", () => import("~/test/remix-react"));

import { createFramework, createSite, createUser } from "~/db/factories.server";
import { TranslationProvider } from "~/i18n/react";
import { serverTranslation } from "~/i18n/translation.server";
import { useTestDatabase } from "~/test/db";
import { state } from "~/test/remix-react";
import { context, cookieFor, get, run } from "~/test/requests";

import DiffPage, { loader as diffLoader } from "./staff.frameworks.$frameworkId.diff";
import IndexPage, { loader as indexLoader } from "./staff.frameworks._index";
import VersionPage, { loader as versionLoader } from "./staff.frameworks.versions.$versionId";

const db = useTestDatabase();
const site = createSite(db);
const staff = createUser(db, { role: "staff", siteId: site.id });
const published = createFramework(db, { code: "PUB" });
const draft = createFramework(db, { code: "DRAFT" }, "draft");

async function render(Page: () => unknown, loader: (args: never) => Promise<unknown>, path: string, params: Record<string, string>, action?: unknown) {
  const cookie = await cookieFor(staff);
  const out = await run(() => loader({ request: get(path, { cookie }), params, context: context() } as never));
  expect(out.status).toBe(200);
  state.loader = JSON.parse(JSON.stringify(out.data));
  state.action = action;
  return (["en", "km"] as const).map((locale) =>
    renderToString(createElement(TranslationProvider, { value: serverTranslation(locale) }, createElement(Page as never))),
  );
}

describe("framework pages render in both languages", () => {
  it("renders the list with create and import forms, and line errors", async () => {
    const [en, km] = await render(
      IndexPage,
      indexLoader,
      "/staff/frameworks",
      {},
      { intent: "import", errors: {}, lineErrors: [{ line: 3, key: "frameworks.csv.emptyKhmerTitle" }] },
    );
    expect(en).toContain("Line 3");
    expect(en).toContain("The Khmer title is empty.");
    expect(en).toContain('name="csv"');
    expect(km).toContain("ជួរទី 3");
  });

  it("renders a draft with its edit forms and a published version without them", async () => {
    const [d] = await render(
      VersionPage,
      versionLoader,
      `/staff/frameworks/versions/${draft.version.id}`,
      { versionId: String(draft.version.id) },
      { target: "add_unit", errors: { code: ["frameworks.errors.codeTaken"] } },
    );
    expect(d).toContain('value="add_competency"');
    expect(d).toContain("This code is taken.");
    const [p] = await render(
      VersionPage,
      versionLoader,
      `/staff/frameworks/versions/${published.version.id}`,
      { versionId: String(published.version.id) },
      { target: "edit_unit", errors: { form: ["frameworks.errors.notDraft"] } },
    );
    expect(p).not.toContain('value="add_competency"');
    expect(p).toContain('value="new_draft"');
    expect(p).toContain("cannot be changed");
  });

  it("renders the side-by-side differences", async () => {
    const [en] = await render(DiffPage, diffLoader, `/staff/frameworks/${published.framework.id}/diff`, { frameworkId: String(published.framework.id) });
    expect(en).toContain("0 added, 0 removed, 0 changed, 4 unchanged");
  });
});
