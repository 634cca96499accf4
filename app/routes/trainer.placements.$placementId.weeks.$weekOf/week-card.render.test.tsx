/**
 * The week card as rendered: the form's fields and the level tiles' words, which the card writes
 * as markup made once per card (docs/decisions/0052). Checked against the loader's data and the
 * catalogues, in both languages.
 */
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

vi.mock("@remix-run/react", () => import("~/test/remix-react"));

import { createApprentice, createEmployer, createFramework, createPlacement, createSite, createUser } from "~/db/factories.server";
import { addDays, mondayOf } from "~/domain/dates";
import { ASSESSMENT_LEVELS } from "~/domain/enums";
import en from "~/i18n/locales/en.json";
import km from "~/i18n/locales/km.json";
import { TranslationProvider } from "~/i18n/react";
import { serverTranslation } from "~/i18n/translation.server";
import { useTestDatabase } from "~/test/db";
import { state } from "~/test/remix-react";
import { context, cookieFor, get, post, run } from "~/test/requests";
import { siteToday } from "~/utils/today.server";

import WeekCard, { action, loader } from "./route";

const db = useTestDatabase();
const site = createSite(db);
const salon = createEmployer(db, { siteId: site.id });
const trainer = createUser(db, { role: "trainer", siteId: site.id, employerId: salon.id });
const fw = createFramework(db);
const lastWeek = addDays(mondayOf(siteToday()), -7);
const apprentice = createApprentice(db, { siteId: site.id });
const p = createPlacement(db, {
  apprenticeId: apprentice.id,
  employerId: salon.id,
  trainerUserId: trainer.id,
  frameworkVersionId: fw.version.id,
  startDate: addDays(lastWeek, -28),
});
const catalogues = { en, km } as const;
const path = `/trainer/placements/${p.id}/weeks/${lastWeek}`;
const params = { placementId: String(p.id), weekOf: lastWeek };

interface Card {
  submissionKey: string;
  baseline: string;
  competencies: { id: number; level: string | null }[];
  days: { date: string; future: boolean }[];
  education: { date: string }[];
}

async function open(locale: "en" | "km") {
  const cookie = await cookieFor(trainer);
  const out = await run<Card>(() => loader({ request: get(path, { cookie: `${cookie}; lang=${locale}` }), params, context: context() }));
  expect(out.status).toBe(200);
  return JSON.parse(JSON.stringify(out.data)) as Card;
}

function render(locale: "en" | "km", card: Card, actionData?: unknown) {
  state.loader = card;
  state.action = actionData;
  return renderToString(createElement(TranslationProvider, { value: serverTranslation(locale) }, createElement(WeekCard)));
}

/** Every form control's name (and a radio's value) in the order of the page. */
function fieldsOf(html: string) {
  const form = html.slice(html.indexOf("<form"), html.indexOf("</form>"));
  return [...form.matchAll(/<(input|select|textarea|button)\b([^>]*)>/g)]
    .map(([, , attrs]) => ({
      name: /\bname="([^"]*)"/.exec(attrs!)?.[1],
      type: /\btype="([^"]*)"/.exec(attrs!)?.[1],
      value: /\bvalue="([^"]*)"/.exec(attrs!)?.[1],
    }))
    .filter((f) => f.name !== undefined);
}

describe("the week card's markup", () => {
  it("has every field the action reads: the tokens, each day, each competency's four levels and note, each afternoon, the week's note", async () => {
    for (const locale of ["en", "km"] as const) {
      const card = await open(locale);
      const fields = fieldsOf(render(locale, card));
      const names = new Set(fields.map((f) => f.name));
      for (const name of ["submissionKey", "baseline", "intent", "show", "weekNote"]) expect(names).toContain(name);
      for (const d of card.days) for (const part of ["status", "lateMinutes", "reason"]) expect(names).toContain(`att.${d.date}.${part}`);
      for (const e of card.education) for (const part of ["status", "reason"]) expect(names).toContain(`edu.${e.date}.${part}`);
      expect(card.competencies).toHaveLength(4);
      for (const c of card.competencies) {
        expect(fields.filter((f) => f.name === `level.${c.id}`).map((f) => [f.type, f.value])).toEqual(ASSESSMENT_LEVELS.map((l) => ["radio", l]));
        expect(fields.filter((f) => f.name === `note.${c.id}`).map((f) => f.type)).toEqual(["text"]);
      }
    }
  });

  it("shows each level's picture and short word in its tile and gives the radio the level's full name, in the page's language", async () => {
    for (const locale of ["en", "km"] as const) {
      const card = await open(locale);
      const html = render(locale, card);
      const text = catalogues[locale];
      for (const c of card.competencies) {
        for (const level of ASSESSMENT_LEVELS) {
          expect(html).toContain(
            `<label><input type="radio" name="level.${c.id}" value="${level}"/><span><svg width="28" height="28" aria-hidden="true"><use href="#lvl-${level}"></use></svg>` +
              `<span aria-hidden="true">${text.levelShort[level]}</span><span class="sr-only">${text.levels[level]}</span></span></label>`,
          );
        }
      }
      // Each drawing once, for the tiles' pictures.
      for (const level of ASSESSMENT_LEVELS) expect(html.split(`id="lvl-${level}"`)).toHaveLength(2);
    }
  });

  it("checks the recorded level, and the trainer's own entry when an answer puts it back", async () => {
    const [c1, c2] = (await open("en")).competencies;
    const cookie = await cookieFor(trainer);
    const first = await open("en");
    const sent = await run(() =>
      action({
        request: post(path, { submissionKey: first.submissionKey, baseline: first.baseline, intent: "submit", [`level.${c1!.id}`]: "supervised" }, { cookie }),
        params,
        context: context(),
      }),
    );
    expect(sent.status).toBe(302);

    const card = await open("en");
    const checked = (html: string, id: number) => [...html.matchAll(new RegExp(`name="level\\.${id}" checked="" value="([a-z_]+)"`, "g"))].map((m) => m[1]);
    expect(checked(render("en", card), c1!.id)).toEqual(["supervised"]);
    expect(checked(render("en", card), c2!.id)).toEqual([]);

    const refused = { errors: { [`note.${c2!.id}`]: ["errors.tooLong"] }, values: { [`level.${c2!.id}`]: "with_help", [`level.${c1!.id}`]: "independent" } };
    const html = render("en", card, refused);
    expect(checked(html, c1!.id)).toEqual(["independent"]);
    expect(checked(html, c2!.id)).toEqual(["with_help"]);
  });
});
