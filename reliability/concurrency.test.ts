/**
 * Concurrency: 500 valid writes of mixed kinds sent to the built server at once — week cards
 * (each sent twice with the same submission key), apprentices' advance notices, staff
 * follow-up notes. Every one is answered as a success, none is lost, none is doubled, no 5xx,
 * and no "database is locked" reaches anyone.
 */
import crypto from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { addDays } from "~/domain/dates";

import { LAST_WEEK, LAST_WEEK_DAYS, salonWithPlacements, weekCardFields, weekCardPath } from "./fixtures";
import { cookieFor, inspect, port, PortalServer, postForm, tempDatabase, TODAY, type Answer } from "./harness";

const CARDS = 120; // × 2 sends = 240 requests
const APPRENTICES = 26; // × 5 notices = 130 requests
const NOTICE_DAYS = [1, 2, 4, 5, 6].map((i) => addDays(TODAY, i)); // Fri, Sat, Mon, Tue, Wed: working days ahead
const NOTES = 130;

const database = tempDatabase("concurrency");
const salon = salonWithPlacements(database.db, CARDS);
const accounts = salon.withAccounts(APPRENTICES);
const skill = salon.fw.competencies[0]!;
const trainerCookie = await cookieFor(salon.trainer);
const staffCookie = await cookieFor(salon.staff);
const apprenticeCookies = await Promise.all(accounts.map((a) => cookieFor(a.user)));
database.release();
const server = new PortalServer(database.file, port(1));

afterAll(async () => {
  await server.stop();
  database.remove();
});

interface Write {
  kind: "week card" | "week card (same key again)" | "notice" | "note";
  send: () => Promise<Answer>;
  expected: (a: Answer) => boolean;
}

/** A fixed shuffle, so a card and its resend land at different moments of the burst. */
function shuffle<T>(items: T[]): T[] {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

describe("500 concurrent writes", () => {
  it("are all answered, none lost, none doubled, no 5xx, no SQLITE_BUSY", async () => {
    await server.start();
    const writes: Write[] = [];
    const cards = salon.placements.map((p) => ({ placementId: p.id, key: crypto.randomBytes(18).toString("base64url") }));
    for (const card of cards) {
      const fields = weekCardFields(skill.id, card.key, `card-${card.placementId}`);
      const submitted = (a: Answer) => a.status === 302 && a.location === `${weekCardPath(card.placementId)}?submitted=1`;
      writes.push({ kind: "week card", send: () => postForm(server.base, weekCardPath(card.placementId), fields, trainerCookie), expected: submitted });
      writes.push({
        kind: "week card (same key again)",
        send: () => postForm(server.base, weekCardPath(card.placementId), fields, trainerCookie),
        expected: submitted,
      });
    }
    const notices = accounts.flatMap((a, i) =>
      NOTICE_DAYS.map((date, d) => ({
        placementId: a.placement.id,
        date,
        kind: (i + d) % 2 ? "late" : "absent",
        reason: "transport",
        cookie: apprenticeCookies[i]!,
      })),
    );
    for (const n of notices) {
      writes.push({
        kind: "notice",
        send: () => postForm(server.base, "/me/notices", { intent: "give", kind: n.kind, date: n.date, reason: n.reason }, n.cookie),
        expected: (a) => a.status === 302 && a.location === "/me/notices?sent=1",
      });
    }
    const notes = Array.from({ length: NOTES }, (_, i) => {
      const { apprentice, placement } = accounts[i % APPRENTICES]!;
      return { apprenticeId: apprentice.id, placementId: placement.id, body: `Follow-up ${i} ${crypto.randomBytes(4).toString("hex")}` };
    });
    for (const n of notes) {
      writes.push({
        kind: "note",
        send: () =>
          postForm(
            server.base,
            `/staff/apprentices/${n.apprenticeId}`,
            { intent: "note", kind: "call", occurredOn: TODAY, body: n.body, placementId: String(n.placementId) },
            staffCookie,
          ),
        expected: (a) => a.status === 302 && a.location === `/staff/apprentices/${n.apprenticeId}?saved=note#notes`,
      });
    }
    expect(writes).toHaveLength(500);

    const answers = await Promise.all(shuffle(writes).map(async (w) => ({ kind: w.kind, answer: await w.send(), ok: false, write: w })));
    for (const a of answers) a.ok = a.write.expected(a.answer);

    const stored = inspect(database.file, (sqlite) => {
      const one = <T>(sql: string, ...params: unknown[]) => sqlite.prepare(sql).get(...params) as T;
      const cardRows = cards.map((c) => ({
        ...c,
        ...one<{ submissions: number; reviews: number; signoffs: number; maxDays: number; days: number }>(
          `select (select count(*) from week_submissions where submission_key = @key) as submissions,
                  (select count(*) from weekly_reviews where placement_id = @id and week_of = @week) as reviews,
                  (select count(*) from assessments where placement_id = @id) as signoffs,
                  (select count(*) from attendance where placement_id = @id) as days,
                  (select coalesce(max(n), 0) from (select count(*) as n from attendance where placement_id = @id group by date)) as maxDays`,
          { key: c.key, id: c.placementId, week: LAST_WEEK },
        ),
      }));
      const noticeRows = notices.map((n) =>
        one<{ n: number; matching: number }>(
          "select count(*) as n, sum(kind = ? and reason = ?) as matching from advance_notices a where placement_id = ? and date = ? and not exists (select 1 from advance_notice_withdrawals w where w.notice_id = a.id)",
          n.kind,
          n.reason,
          n.placementId,
          n.date,
        ),
      );
      const noteRows = notes.map((n) => one<{ n: number }>("select count(*) as n from follow_up_notes where body = ?", n.body));
      return { cardRows, noticeRows, noteRows };
    });

    const count = (kind: string) => answers.filter((a) => a.kind.startsWith(kind)).length;
    const fiveXX = answers.filter((a) => a.answer.status >= 500).length;
    const unanswered = answers.filter((a) => a.answer.failed).length;
    const unexpected = answers.filter((a) => !a.ok);
    const lost = {
      cards: stored.cardRows.filter((c) => c.submissions === 0 || c.reviews === 0 || c.signoffs === 0 || c.days === 0).length,
      notices: stored.noticeRows.filter((n) => !n.matching).length,
      notes: stored.noteRows.filter((n) => n.n === 0).length,
    };
    const duplicated = {
      cards: stored.cardRows.filter((c) => c.submissions > 1 || c.reviews > 1 || c.signoffs > 1 || c.maxDays > 1 || c.days > LAST_WEEK_DAYS.length).length,
      notices: stored.noticeRows.filter((n) => n.n > 1).length,
      notes: stored.noteRows.filter((n) => n.n > 1).length,
    };
    const busy = (server.output.match(/SQLITE_BUSY|database is locked/g) ?? []).length;

    console.log(
      [
        "concurrency test:",
        `  writes sent ${answers.length} at once: week cards ${count("week card")} (${cards.length} cards, each sent twice with one key), notices ${count("notice")}, follow-up notes ${count("note")}`,
        `  answered as expected ${answers.length - unexpected.length}, unanswered ${unanswered}, 5xx ${fiveXX}`,
        `  lost ${lost.cards + lost.notices + lost.notes} (cards ${lost.cards}, notices ${lost.notices}, notes ${lost.notes}), duplicated ${duplicated.cards + duplicated.notices + duplicated.notes} (cards ${duplicated.cards}, notices ${duplicated.notices}, notes ${duplicated.notes}), SQLITE_BUSY in the server's output ${busy}`,
      ].join("\n"),
    );
    expect(fiveXX).toBe(0);
    expect(unexpected.map((a) => `${a.kind}: ${a.answer.status} ${a.answer.location}`)).toEqual([]);
    expect(lost).toEqual({ cards: 0, notices: 0, notes: 0 });
    expect(duplicated).toEqual({ cards: 0, notices: 0, notes: 0 });
    expect(busy).toBe(0);
  });
});
