import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("@remix-run/react", () => import("~/test/remix-react"));

import { createApprentice, createEmployer, createFramework, createPlacement, createSite, createUser, createFlag } from "~/db/factories.server";
import { phaseChanges } from "~/db/schema";
import { TranslationProvider } from "~/i18n/react";
import { serverTranslation } from "~/i18n/translation.server";
import { useTestDatabase } from "~/test/db";
import { state } from "~/test/remix-react";
import { context, cookieFor, get, run } from "~/test/requests";

import ApprenticePage, { loader as apprenticeLoader } from "./staff.apprentices.$apprenticeId/route";
import ApprenticesPage, { loader as apprenticesLoader } from "./staff.apprentices._index/route";
import EmployerPage, { loader as employerLoader } from "./staff.employers.$employerId";
import EmployersPage, { loader as employersLoader } from "./staff.employers._index";
import PlacementPage, { loader as placementLoader } from "./staff.placements.$placementId/route";
import NewPlacementPage, { loader as newPlacementLoader } from "./staff.placements.new";

const db = useTestDatabase();
const site = createSite(db);
const employer = createEmployer(db, { siteId: site.id });
const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: employer.id });
const staff = createUser(db, { role: "staff", siteId: site.id });
const fw = createFramework(db);
const a = createApprentice(db, { siteId: site.id });
const p = createPlacement(db, {
  apprenticeId: a.id,
  employerId: employer.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: "2026-10-05",
});
createFlag(db, { siteId: site.id, rule: "no_weekly_review", severity: "warn", placementId: p.id, employerId: employer.id });

async function render(Page: () => unknown, loader: (args: never) => Promise<unknown>, path: string, params: Record<string, string>, action?: unknown) {
  const cookie = await cookieFor(staff);
  const out = await run(() => loader({ request: get(path, { cookie }), params, context: context() } as never));
  expect(out.status).toBe(200);
  state.loader = JSON.parse(JSON.stringify(out.data));
  state.action = action;
  const html: string[] = [];
  for (const locale of ["en", "km"] as const) {
    html.push(renderToString(createElement(TranslationProvider, { value: serverTranslation(locale) }, createElement(Page as never))));
  }
  return html;
}

describe("render", () => {
  it("renders every page in both languages", async () => {
    const [en] = await render(ApprenticesPage, apprenticesLoader, "/staff/apprentices", {}, { errors: { code: ["records.errors.codeTaken"] } });
    expect(en).toContain("already used");
    await render(
      ApprenticePage,
      apprenticeLoader,
      `/staff/apprentices/${a.id}`,
      { apprenticeId: String(a.id) },
      { intent: "exit", errors: { exitedOn: ["records.errors.exitActivePlacement"] } },
    );
    await render(EmployersPage, employersLoader, "/staff/employers", {});
    const [emp] = await render(
      EmployerPage,
      employerLoader,
      `/staff/employers/${employer.id}`,
      { employerId: String(employer.id) },
      { intent: "deactivate", errors: { form: ["records.errors.employerHasPlacements"] } },
    );
    expect(emp).toContain("No weekly review");
    await render(NewPlacementPage, newPlacementLoader, "/staff/placements/new", {});
    const [pl] = await render(
      PlacementPage,
      placementLoader,
      `/staff/placements/${p.id}`,
      { placementId: String(p.id) },
      { intent: "transfer", errors: { trainerUserId: ["records.errors.trainerOtherEmployer"] } },
    );
    expect(pl).toContain("works for another employer");
  });

  it("shows an exit with its outcome and reason in the phase history", async () => {
    const gone = createApprentice(db, { siteId: site.id, phase: "exited" });
    db.insert(phaseChanges)
      .values({ apprenticeId: gone.id, phase: "exited", changedOn: "2026-06-01", exitOutcome: "own_business", note: "Opened a stall", recordedBy: staff.id })
      .run();
    const [en] = await render(ApprenticePage, apprenticeLoader, `/staff/apprentices/${gone.id}`, { apprenticeId: String(gone.id) });
    const history = en!.slice(en!.indexOf('data-testid="phase-history"'));
    const shown = history.slice(0, history.indexOf("</ul>")).replace(/<!-- -->/g, "");
    // The note is typed text, marked with the language of its script.
    expect(shown.replace(/<[^>]+>/g, "")).toMatch(/Exited · Own business · Opened a stall/);
    expect(shown).toMatch(/<span lang="en"[^>]*>Opened a stall<\/span>/);
  });
});
