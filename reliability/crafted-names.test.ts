/**
 * Crafted field names against the running server: names that could reach an object's prototype
 * are refused with 400 on the week card, write nothing, and every other user is served as before
 * (the bug this guards against turned every address into a 500 until restart).
 */
import crypto from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { createApprentice, createEmployer, createPlacement, createUser } from "~/db/factories.server";

import { salonWithPlacements, THIS_MONDAY, weekCardFields, weekCardPath } from "./fixtures";
import { cookieFor, get, inspect, port, PortalServer, postForm, tempDatabase } from "./harness";

const database = tempDatabase("crafted");
const salon = salonWithPlacements(database.db, 2);
const otherSalon = createEmployer(database.db, { siteId: salon.site.id });
const otherTrainer = createUser(database.db, { role: "trainer", siteId: salon.site.id, employerId: otherSalon.id, password: null });
const otherPlacement = createPlacement(database.db, {
  apprenticeId: createApprentice(database.db, { siteId: salon.site.id }).id,
  employerId: otherSalon.id,
  trainerUserId: otherTrainer.id,
  frameworkVersionId: salon.fw.version.id,
  startDate: salon.placements[0]!.startDate,
});
const skill = salon.fw.competencies[0]!;
const trainerCookie = await cookieFor(salon.trainer);
const otherCookie = await cookieFor(otherTrainer);
const staffCookie = await cookieFor(salon.staff);
database.release();
const server = new PortalServer(database.file, port(2));

afterAll(async () => {
  await server.stop();
  database.remove();
});

const CRAFTED = [
  "__proto__.toString",
  "__proto__.weekNote",
  "__proto__.intent",
  "constructor.prototype.weekNote",
  "level.__proto__",
  "att.constructor.status",
  "prototype",
];

describe("crafted field names on the week card", () => {
  it("are refused with 400, write nothing, and leave every other user served", async () => {
    await server.start();
    const marker = crypto.randomBytes(4).toString("hex");
    const target = salon.placements[0]!;
    const answers = [];
    for (const name of CRAFTED) {
      const fields = { ...weekCardFields(skill.id, crypto.randomBytes(18).toString("base64url"), marker), [name]: `Crafted ${marker}` };
      answers.push({ name, ...(await postForm(server.base, weekCardPath(target.id), fields, trainerCookie)) });
    }

    // Everyone else: pages, and a write whose note must be only what was sent.
    const served = [
      await get(server.base, "/healthcheck"),
      await get(server.base, "/trainer", otherCookie),
      await get(server.base, `/trainer/placements/${otherPlacement.id}/weeks/${THIS_MONDAY}`, otherCookie),
      await get(server.base, "/staff", staffCookie),
    ];
    const otherWrite = await postForm(
      server.base,
      weekCardPath(otherPlacement.id),
      { ...weekCardFields(skill.id, crypto.randomBytes(18).toString("base64url"), "other"), weekNote: "" },
      otherCookie,
    );
    const written = inspect(database.file, (sqlite) => ({
      crafted: (
        sqlite
          .prepare("select count(*) as n from weekly_reviews where note like ? or correction_reason like ?")
          .get(`%Crafted ${marker}%`, `%Crafted ${marker}%`) as { n: number }
      ).n,
      onTarget: (sqlite.prepare("select count(*) as n from week_submissions where placement_id = ?").get(target.id) as { n: number }).n,
      otherNotes: sqlite.prepare("select note from weekly_reviews where placement_id = ?").all(otherPlacement.id),
    }));

    console.log(
      [
        "crafted field names:",
        `  requests ${answers.length}, answered 400 ${answers.filter((a) => a.status === 400).length}, 5xx ${answers.filter((a) => a.status >= 500).length}`,
        `  rows written by them ${written.crafted + written.onTarget}; other users served ${served.filter((s) => s === 200).length} of ${served.length}`,
      ].join("\n"),
    );
    expect(answers.map((a) => [a.name, a.status])).toEqual(CRAFTED.map((name) => [name, 400]));
    expect(served).toEqual([200, 200, 200, 200]);
    expect(otherWrite.status).toBe(302);
    expect(written).toEqual({ crafted: 0, onTarget: 0, otherNotes: [{ note: null }] });
  });
});
