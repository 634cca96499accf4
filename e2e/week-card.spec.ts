import crypto from "node:crypto";
import fs from "node:fs";

import type { Browser, BrowserContext, Locator, Page } from "playwright/test";

import type enCatalogue from "../app/i18n/locales/en.json";
import { employerIdOf, placementsOf, siteIdOf, thisMonday, userId } from "./demo";
import { expect, signInAs, test, waitForHydration } from "./fixtures";

const en = JSON.parse(fs.readFileSync("app/i18n/locales/en.json", "utf8")) as typeof enCatalogue;
const km = JSON.parse(fs.readFileSync("app/i18n/locales/km.json", "utf8")) as typeof enCatalogue;

async function signInLink(): Promise<string> {
  const { createLink } = await import("~/db/sign-in-links.server");
  const { token } = createLink({ trainerUserId: await userId("trainer"), createdBy: await userId("staff"), days: 7 });
  return `/signin/${token}`;
}

/** Open a fresh sign-in link and wait until the trainer's session has landed on /trainer. */
async function signInByLink(page: Page) {
  await page.goto(await signInLink());
  await page.getByRole("button", { name: "Open my apprentices" }).click();
  await expect(page).toHaveURL("/trainer");
}

/** A level's tap target on a competency: its label, the picture and its short word. */
const levelChoice = (scope: Locator, level: "not_yet" | "with_help" | "supervised" | "independent") =>
  scope.locator("label").filter({ has: scope.page().locator(`input[value=${level}]`) });

/** Counts what a person does on the page: every click and every tap. */
function counter(_page: Page) {
  let taps = 0;
  return {
    get taps() {
      return taps;
    },
    async click(locator: ReturnType<Page["locator"]>) {
      taps += 1;
      await locator.click();
    },
  };
}

test.describe("the trainer's week", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  test("sign in by link, then all present, two level changes and submit in at most 8 taps — with and without JavaScript", async ({ page, browser }) => {
    const placements = await placementsOf("trainer");
    const monday = await thisMonday();
    // Two apprentices whose week is not yet reviewed.
    const cardsBefore = page;
    await cardsBefore.goto(await signInLink());
    await expect(page.getByText(/This link signs in/)).toBeVisible();
    await page.getByRole("button", { name: "Open my apprentices" }).click();
    await expect(page).toHaveURL("/trainer");

    const rows = page.getByTestId("trainer-placement");
    const notStarted = rows.filter({ hasText: "This week: Not started" });
    await expect(notStarted).toHaveCount(2);
    const [first, second] = [(await notStarted.nth(0).textContent()) ?? "", (await notStarted.nth(1).textContent()) ?? ""];
    const codeOf = (text: string) => placements.find((p) => text.includes(p.code))!.code;
    const firstCode = codeOf(first);
    const secondCode = codeOf(second);

    // --- With JavaScript, counting taps from /trainer.
    await waitForHydration(page);
    const person = counter(page);
    await person.click(page.getByRole("link", { name: new RegExp(firstCode) }));
    await expect(page).toHaveURL(new RegExp(`/weeks/${monday}$`));
    await waitForHydration(page);
    await person.click(page.getByRole("button", { name: "All present" }));
    await expect(page.getByRole("status")).toContainText("Saved.");
    // Two competencies not yet signed off as independent; "All" is one more tap when fewer are due.
    const open = page
      .getByTestId("competency")
      .filter({ visible: true })
      .filter({ has: page.locator("input[value=independent]:not(:checked)") });
    if ((await open.count()) < 2) {
      await person.click(page.getByText(/^All \(\d+\)$/));
    }
    await person.click(levelChoice(open.nth(0), "independent"));
    await person.click(levelChoice(open.nth(1), "independent"));
    const submit = page.getByRole("button", { name: "Submit the week" });
    await person.click(submit);
    await expect(page.getByRole("status")).toHaveText("The week is submitted. Thank you.");
    expect(person.taps).toBeLessThanOrEqual(8);
    await expect(page.getByTestId("week-reviewed")).toBeVisible();

    // --- Without JavaScript: plain form posts, same result.
    const noJs = await browser.newContext({
      javaScriptEnabled: false,
      locale: "en-GB",
      viewport: { width: 360, height: 740 },
      extraHTTPHeaders: { "Accept-Language": "en" },
    });
    const plain = await noJs.newPage();
    await plain.goto(await signInLink());
    await plain.getByRole("button", { name: "Open my apprentices" }).click();
    await expect(plain).toHaveURL("/trainer");
    await plain.getByRole("link", { name: new RegExp(secondCode) }).click();
    await plain.getByRole("button", { name: "All present" }).click();
    await expect(plain.getByRole("status")).toContainText("Saved.");
    await plain.getByText(/^All \(\d+\)$/).click();
    await levelChoice(
      plain
        .getByTestId("competency")
        .filter({ has: plain.locator("input[value=independent]:not(:checked)") })
        .first(),
      "independent",
    ).click();
    await plain.getByRole("button", { name: "Submit the week" }).click();
    await expect(plain.getByRole("status")).toHaveText("The week is submitted. Thank you.");
    await noJs.close();

    // --- /trainer now shows both weeks as reviewed.
    await page.goto("/trainer");
    for (const code of [firstCode, secondCode]) {
      await expect(rows.filter({ hasText: code })).toContainText("This week: Reviewed");
    }
  });

  test("a bad answer is shown beside its field, in the trainer's language, and nothing is saved", async ({ page }) => {
    await signInByLink(page);
    const [placement] = await placementsOf("trainer");
    await page.goto(`/trainer/placements/${placement!.id}/weeks/${await thisMonday()}`);
    await waitForHydration(page);
    const day = page.locator("fieldset").filter({ hasText: "Minutes late" }).first();
    await day.getByText("Late", { exact: true }).click();
    await day.getByLabel("Minutes late").fill("900");
    // The demo week may be submitted already (then the button saves corrections).
    await page.getByRole("button", { name: /^(Submit the week|Save corrections)$/ }).click();
    await expect(page.getByRole("alert").first()).toContainText("Some answers need a change");
    await expect(day.getByText("Enter the minutes late: a whole number from 1 to 600.")).toBeVisible();
  });

  test("a week in the future is refused with a clear message, and another trainer's card is not found", async ({ page }) => {
    await signInByLink(page);
    const [placement] = await placementsOf("trainer");
    const { addDays } = await import("~/domain/dates");
    const future = await page.goto(`/trainer/placements/${placement!.id}/weeks/${addDays(await thisMonday(), 7)}`);
    expect(future?.status()).toBe(400);
    await expect(page.getByText("This week has not started yet.")).toBeVisible();
    const [foreign] = await placementsOf("trainer-boddhi");
    const other = await page.goto(`/trainer/placements/${foreign!.id}/weeks/${await thisMonday()}`);
    expect(other?.status()).toBe(404);
  });

  test("works on a 360 px screen: nothing wider than the screen, tap targets at least 44 px", async ({ page }) => {
    await signInByLink(page);
    const [placement] = await placementsOf("trainer");
    await page.goto(`/trainer/placements/${placement!.id}/weeks/${await thisMonday()}?show=all`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const small = await page.evaluate(
      () =>
        [...document.querySelectorAll("main button, main label:has(input[type=radio]) > span, main a")]
          .map((el) => el.getBoundingClientRect())
          // Visually hidden helpers (1 px) are not tap targets.
          .filter((r) => r.width > 1 && (r.height < 44 || r.width < 44)).length,
    );
    expect(small).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Nothing entered is lost, a resend is one submission, a stale card is never a dead end.
// Each test has its own trainer and apprentice, so the demo's cards stay as other specs expect.

/** A new trainer at Parkway with one apprentice, 4 weeks into a placement on a 4-skill checklist (expected by weeks 2, 4, 6, 8). */
async function freshCard(label: string) {
  const [{ db }, f] = await Promise.all([import("~/db/client.server"), import("~/db/factories.server")]);
  const { addDays } = await import("~/domain/dates");
  const database = db();
  const siteId = await siteIdOf("PP");
  const employerId = await employerIdOf("trainer");
  const tag = crypto.randomBytes(3).toString("hex");
  const trainer = f.createUser(database, {
    role: "trainer",
    username: `e2e-${label}-${tag}`,
    displayName: `Trainer ${tag}`,
    siteId,
    employerId,
    password: null,
  });
  const apprentice = f.createApprentice(database, { siteId, code: `PP-99-${tag}`, preferredName: `Srey ${tag}` });
  const fw = f.createFramework(database, { code: `E2E-${tag}` });
  const monday = await thisMonday();
  const placement = f.createPlacement(database, {
    apprenticeId: apprentice.id,
    employerId,
    trainerUserId: trainer.id,
    frameworkVersionId: fw.version.id,
    startDate: addDays(monday, -28),
  });
  return {
    username: trainer.username,
    placementId: placement.id,
    monday,
    path: `/trainer/placements/${placement.id}/weeks/${monday}`,
    skills: fw.competencies,
    tag,
  };
}

async function rowsOf<T>(sql: string, ...params: unknown[]): Promise<T[]> {
  const { db } = await import("~/db/client.server");
  return db()
    .$client.prepare(sql)
    .all(...params) as T[];
}

const modes = [
  { name: "with JavaScript", js: true },
  { name: "without JavaScript", js: false },
] as const;

async function cardPage(browser: Browser, js: boolean, username: string, locale: "en" | "km" = "en"): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    javaScriptEnabled: js,
    locale: locale === "km" ? "km-KH" : "en-GB",
    viewport: { width: 360, height: 740 },
    extraHTTPHeaders: { "Accept-Language": locale },
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error" && !m.text().startsWith("Failed to load resource")) errors.push(m.text());
  });
  context.on("close", () => expect(errors, "browser errors").toEqual([]));
  await signInAs(page, username);
  return { context, page };
}

async function goTo(page: Page, path: string, js: boolean) {
  await page.goto(path);
  if (js) await waitForHydration(page);
}

const competency = (page: Page, title: string) => page.getByTestId("competency").filter({ hasText: title });

test.describe("the week card keeps every entry", () => {
  test.use({ locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en" } });

  for (const mode of modes) {
    test(`"All present" saves levels, evidence and attendance, and keeps the week note on screen until the week is submitted — ${mode.name}`, async ({
      browser,
    }) => {
      const card = await freshCard("keep");
      const { context, page } = await cardPage(browser, mode.js, card.username);
      await goTo(page, card.path, mode.js);
      const skill = competency(page, "Skill 1");
      await levelChoice(skill, "independent").click();
      await skill.getByLabel("Evidence note (optional)").fill(`Foils alone ${card.tag}`);
      await page.getByLabel("Note for the week (optional)").fill(`Week note ${card.tag}`);
      await page.getByRole("button", { name: "All present" }).click();

      await expect(page.getByRole("status")).toHaveText(en.week.savedNotSubmitted);
      await expect(page.getByTestId("not-submitted")).toHaveText(en.week.noteNotSubmitted);
      await expect(page.getByLabel("Note for the week (optional)")).toHaveValue(`Week note ${card.tag}`);
      await expect(competency(page, "Skill 1").locator("input[value=independent]")).toBeChecked();
      expect(await rowsOf("select level, evidence_note as note from assessments where placement_id = ?", card.placementId)).toEqual([
        { level: "independent", note: `Foils alone ${card.tag}` },
      ]);
      expect(await rowsOf("select status from attendance where placement_id = ? order by date", card.placementId)).toEqual(
        Array(4).fill({ status: "present" }),
      );
      expect(await rowsOf("select id from weekly_reviews where placement_id = ?", card.placementId)).toEqual([]);

      await page.getByRole("button", { name: "Submit the week" }).click();
      await expect(page.getByRole("status")).toHaveText(en.week.submitted);
      expect(await rowsOf("select note, no_change as noChange from weekly_reviews where placement_id = ?", card.placementId)).toEqual([
        { note: `Week note ${card.tag}`, noChange: 0 },
      ]);
      expect(await rowsOf("select count(*) as n from assessments where placement_id = ?", card.placementId)).toEqual([{ n: 1 }]);
      await context.close();
    });

    test(`switching "Due now" and "All" keeps what was entered, and "Save" writes it — ${mode.name}`, async ({ browser }) => {
      const card = await freshCard("filter");
      const { context, page } = await cardPage(browser, mode.js, card.username);
      await goTo(page, card.path, mode.js);
      // Week 5: skills 1–2 are due, 3 is soon; 4 shows under "All" only.
      await expect(competency(page, "Skill 4")).toBeHidden();
      await levelChoice(competency(page, "Skill 1"), "with_help").click();
      await competency(page, "Skill 1").getByLabel("Evidence note (optional)").fill("Sections hair with help");
      await page.getByText("All (4)").click();
      await expect(page).toHaveURL(card.path);
      await expect(competency(page, "Skill 4")).toBeVisible();
      await levelChoice(competency(page, "Skill 4"), "supervised").click();
      await page.getByText("Due now & soon (3)").click();
      await expect(competency(page, "Skill 4")).toBeHidden();
      await expect(competency(page, "Skill 1").locator("input[value=with_help]")).toBeChecked();
      await expect(competency(page, "Skill 1").getByLabel("Evidence note (optional)")).toHaveValue("Sections hair with help");
      await page.getByRole("button", { name: "Save", exact: true }).last().click();

      await expect(page.getByRole("status")).toHaveText(en.week.savedNotSubmitted);
      expect(
        await rowsOf(
          "select c.code as code, a.level as level, a.evidence_note as note from assessments a join competencies c on c.id = a.competency_id where a.placement_id = ? order by c.code",
          card.placementId,
        ),
      ).toEqual([
        { code: card.skills[0]!.code, level: "with_help", note: "Sections hair with help" },
        { code: card.skills[3]!.code, level: "supervised", note: null },
      ]);
      // A skill signed off this week stays in view.
      await expect(competency(page, "Skill 4")).toBeVisible();
      await context.close();
    });

    test(`the same submission sent twice (a retry on a bad network) is one submission, answered as the first — ${mode.name}`, async ({ browser }) => {
      const card = await freshCard("twice");
      const { context, page } = await cardPage(browser, mode.js, card.username);
      await goTo(page, card.path, mode.js);
      // Every POST of this card reaches the server twice; the browser sees the second answer.
      const sent: number[] = [];
      await page.route(
        (url) => url.pathname.startsWith(`/trainer/placements/${card.placementId}/weeks/`),
        async (route) => {
          if (route.request().method() !== "POST") return route.continue();
          sent.push((await route.fetch({ maxRedirects: 0 })).status());
          return route.continue();
        },
      );
      await levelChoice(competency(page, "Skill 2"), "supervised").click();
      await competency(page, "Skill 2").getByLabel("Evidence note (optional)").fill("Blow-dry under watch");
      await page.getByLabel("Note for the week (optional)").fill("Two busy days");
      await page.getByRole("button", { name: "Submit the week" }).click();

      await expect(page.getByRole("status")).toHaveText(en.week.submitted);
      await expect(page.getByRole("alert")).toHaveCount(0);
      expect(sent).toHaveLength(1);
      expect(await rowsOf("select note from weekly_reviews where placement_id = ?", card.placementId)).toEqual([{ note: "Two busy days" }]);
      expect(await rowsOf("select count(*) as n from assessments where placement_id = ?", card.placementId)).toEqual([{ n: 1 }]);
      expect(await rowsOf("select intent from week_submissions where placement_id = ?", card.placementId)).toEqual([{ intent: "submit" }]);
      await context.close();
    });

    test(`a second tab's stale card keeps the entries, shows what changed and asks for the reason — ${mode.name}`, async ({ browser }) => {
      const card = await freshCard("stale");
      const { context, page: tabA } = await cardPage(browser, mode.js, card.username);
      const tabB = await context.newPage();
      await goTo(tabA, card.path, mode.js);
      await goTo(tabB, card.path, mode.js);
      const tuesday = tabA.locator(`#att-${(await import("~/domain/dates")).addDays(card.monday, 1)}`);

      // Tab B: a level and its evidence, not yet sent.
      await levelChoice(competency(tabB, "Skill 2"), "supervised").click();
      await competency(tabB, "Skill 2").getByLabel("Evidence note (optional)").fill("Coloured roots alone");
      // Tab A: Tuesday absent, and the week submitted.
      await tuesday.getByText("Absent", { exact: true }).click();
      await tuesday.getByLabel("Reason if absent").selectOption("transport");
      await tabA.getByRole("button", { name: "Submit the week" }).click();
      await expect(tabA.getByRole("status")).toHaveText(en.week.submitted);

      // Tab B sends its card: refused, nothing lost, the news marked.
      await tabB.getByRole("button", { name: "Submit the week" }).click();
      const alert = tabB.getByTestId("card-errors");
      await expect(alert).toContainText(en.week.errors.stale);
      await expect(alert).toContainText(en.week.staleChanges);
      await expect(alert.getByRole("link", { name: /^Attendance, Tue 17 Nov$/ })).toBeVisible();
      await expect(alert).toContainText(en.week.staleReviewed);
      await expect(competency(tabB, "Skill 2").locator("input[value=supervised]")).toBeChecked();
      await expect(competency(tabB, "Skill 2").getByLabel("Evidence note (optional)")).toHaveValue("Coloured roots alone");
      const tuesdayB = tabB.locator(`#att-${(await import("~/domain/dates")).addDays(card.monday, 1)}`);
      await expect(tuesdayB.locator("input[value=absent]")).toBeChecked();
      await expect(tuesdayB.getByTestId("changed-meanwhile")).toHaveText(en.week.changedMeanwhile);
      await expect(tabB.getByTestId("week-reviewed")).toBeVisible();

      await tabB.getByLabel("Reason for the change").fill("Forgot the colour work");
      await tabB.getByRole("button", { name: "Save corrections" }).click();
      await expect(tabB.getByRole("status")).toHaveText(en.week.submitted);
      expect(
        await rowsOf("select level, evidence_note as note, correction_reason as reason from assessments where placement_id = ?", card.placementId),
      ).toEqual([{ level: "supervised", note: "Coloured roots alone", reason: null }]);
      expect(await rowsOf("select correction_reason as reason from weekly_reviews where placement_id = ? order by id", card.placementId)).toEqual([
        { reason: null },
        { reason: "Forgot the colour work" },
      ]);
      expect(
        await rowsOf(
          "select status from attendance where placement_id = ? and date = ?",
          card.placementId,
          (await import("~/domain/dates")).addDays(card.monday, 1),
        ),
      ).toEqual([{ status: "absent" }]);
      await context.close();
    });
  }
});

/** Add fields to the card's form, as a crafted or damaged request would. */
async function addFields(page: Page, fields: Record<string, string>) {
  await page.locator("form:has(input[name=submissionKey])").evaluate((form, entries) => {
    for (const [name, value] of Object.entries(entries)) {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      form.append(input);
    }
  }, fields);
}

test.describe("every refusal names what is wrong", () => {
  const combos = [
    { locale: "en", js: true },
    { locale: "en", js: false },
    { locale: "km", js: true },
    { locale: "km", js: false },
  ] as const;
  for (const { locale, js } of combos) {
    test(`next to the field, or at the top when no field fits — ${locale}, ${js ? "with" : "without"} JavaScript`, async ({ browser }) => {
      const text = locale === "km" ? km : en;
      // A Khmer page writes numbers in Latin digits unless the reader chose Khmer ones (docs/decisions/0028).
      const { inNumerals } = await import("~/i18n/format");
      const card = await freshCard(`refusal-${locale}`);
      const { context, page } = await cardPage(browser, js, card.username, locale);
      const save = () => page.getByRole("region", { name: text.week.attendance }).getByRole("button", { name: text.week.save, exact: true }).click();
      const alert = page.getByTestId("card-errors");
      const { addDays } = await import("~/domain/dates");
      const { formatDay } = await import("~/i18n/format");
      const sunday = addDays(card.monday, 6);
      const wednesday = addDays(card.monday, 2);

      // A day outside the week, a competency of another framework, a day with no class.
      await goTo(page, card.path, js);
      await addFields(page, { [`att.${sunday}.status`]: "present", "level.999999": "independent", [`edu.${wednesday}.status`]: "released" });
      await save();
      const unplaced = alert.getByTestId("unplaced-errors");
      await expect(unplaced).toContainText(`${text.week.field.day.replace("{{day}}", formatDay(locale, sunday))}: ${text.week.errors.dayNotInWeek}`);
      await expect(unplaced).toContainText(`${text.week.field.unknownCompetency}: ${text.week.errors.notOnFramework}`);
      await expect(unplaced).toContainText(`${text.week.field.afternoon.replace("{{day}}", formatDay(locale, wednesday))}: ${text.week.errors.notClassDay}`);

      // A note too long, beside its field; a button the card does not have, at the top.
      await goTo(page, card.path, js);
      await page.locator(`#level-${card.skills[0]!.id}`).locator("input[value=with_help]").check({ force: true });
      const note = page.locator(`#level-${card.skills[0]!.id}`).getByLabel(text.week.evidence);
      await note.evaluate((input) => input.removeAttribute("maxlength"));
      await note.fill("x".repeat(501));
      await save();
      await expect(page.locator(`#level-${card.skills[0]!.id}`)).toContainText(inNumerals(text.week.errors.tooLong, "latin"));
      await expect(alert).toContainText(inNumerals(text.week.errors.summary, "latin"));
      await expect(note).toHaveValue("x".repeat(501));

      await goTo(page, card.path, js);
      await page.locator("form:has(input[name=submissionKey])").evaluate((form) => {
        const button = document.createElement("button");
        button.name = "intent";
        button.value = "save_day:everything";
        button.textContent = "?";
        button.dataset.testid = "bogus";
        form.append(button);
      });
      await page.getByTestId("bogus").click();
      await expect(alert).toContainText(`${text.week.field.button}: ${text.week.errors.intent}`);

      // Bad late minutes and a missing reason, beside their fields.
      await goTo(page, card.path, js);
      const monday = page.locator(`#att-${card.monday}`);
      await monday.getByText(text.attendance.late, { exact: true }).click();
      const tuesday = page.locator(`#att-${addDays(card.monday, 1)}`);
      await tuesday.getByText(text.attendance.absent, { exact: true }).click();
      await save();
      await expect(monday).toContainText(inNumerals(text.week.errors.lateMinutes, "latin"));
      await expect(tuesday).toContainText(inNumerals(text.week.errors.absenceReason, "latin"));

      expect(await rowsOf("select count(*) as n from week_submissions where placement_id = ?", card.placementId)).toEqual([{ n: 0 }]);
      expect(await rowsOf("select count(*) as n from attendance where placement_id = ?", card.placementId)).toEqual([{ n: 0 }]);
      await context.close();
    });
  }

  test("a field name that could reach the server's objects is refused, and the portal serves everyone as before", async ({ browser, page }) => {
    const card = await freshCard("proto");
    const { context, page: crafted } = await cardPage(browser, false, card.username);
    await goTo(crafted, card.path, false);
    await addFields(crafted, { "__proto__.toString": "x", "__proto__.weekNote": `Written everywhere ${card.tag}` });
    const response = crafted.waitForResponse((r) => r.request().method() === "POST");
    await crafted.getByRole("button", { name: "Submit the week" }).click();
    expect((await response).status()).toBe(400);
    await expect(crafted.getByTestId("card-errors")).toContainText(en.week.errors.fieldName);
    await context.close();

    await signInAs(page, "trainer");
    await page.goto("/trainer");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.trainer.title);
    expect((await page.request.get("/healthcheck")).status()).toBe(200);
    expect(await rowsOf("select count(*) as n from weekly_reviews where note like ?", `%${card.tag}%`)).toEqual([{ n: 0 }]);
    expect(await rowsOf("select count(*) as n from week_submissions where placement_id = ?", card.placementId)).toEqual([{ n: 0 }]);
  });
});
