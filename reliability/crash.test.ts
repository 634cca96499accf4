/**
 * Crash: week cards are sent to the built server in a stream; the server is killed with SIGKILL
 * mid-stream, restarted on the same file, and the file must be intact with every acknowledged
 * submission in it — and no submission half written.
 */
import crypto from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { LAST_WEEK_DAYS, salonWithPlacements, weekCardFields, weekCardPath } from "./fixtures";
import { cookieFor, inspect, port, PortalServer, postForm, tempDatabase } from "./harness";

const database = tempDatabase("crash");
const PLACEMENTS = 120;
const salon = salonWithPlacements(database.db, PLACEMENTS);
const skill = salon.fw.competencies[0]!;
const cookie = await cookieFor(salon.trainer);
database.release();
const server = new PortalServer(database.file, port(0));

afterAll(async () => {
  await server.stop();
  database.remove();
});

/** Stop once this many have been acknowledged, while others are still on the wire. */
const KILL_AFTER = 40;
const IN_FLIGHT = 6;

describe("a server killed mid-stream", () => {
  it("restarts with an intact database holding every acknowledged submission, and none half written", async () => {
    await server.start();
    const sent: { placementId: number; key: string; acknowledged: boolean }[] = [];
    let next = 0;
    let inFlight = 0;
    let inFlightAtKill = -1;
    let killing: Promise<void> | null = null;

    const worker = async () => {
      while (next < PLACEMENTS && !killing) {
        const placement = salon.placements[next++]!;
        const key = crypto.randomBytes(18).toString("base64url");
        const submission = { placementId: placement.id, key, acknowledged: false };
        sent.push(submission);
        inFlight += 1;
        const answer = await postForm(server.base, weekCardPath(placement.id), weekCardFields(skill.id, key, `crash-${placement.id}`), cookie);
        inFlight -= 1;
        submission.acknowledged = answer.status === 302 && (answer.location ?? "").includes("submitted=1");
        if (!answer.failed) expect(answer.status, `placement ${placement.id}`).toBe(302);
        if (!killing && sent.filter((s) => s.acknowledged).length >= KILL_AFTER) {
          inFlightAtKill = inFlight;
          killing = server.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
    await killing;

    const acknowledged = sent.filter((s) => s.acknowledged);
    await server.start();

    const integrity = inspect(database.file, (sqlite) => sqlite.pragma("integrity_check", { simple: true }));
    const found = inspect(database.file, (sqlite) => {
      const review = sqlite.prepare(
        "select count(*) as n from weekly_reviews r join week_submissions s on s.weekly_review_id = r.id where s.submission_key = ? and r.placement_id = ?",
      );
      const counts = sqlite.prepare(
        `select (select count(*) from weekly_reviews where placement_id = @id) as reviews,
                (select count(*) from attendance where placement_id = @id) as days,
                (select count(*) from assessments where placement_id = @id) as signoffs,
                (select count(*) from week_submissions where placement_id = @id) as submissions`,
      );
      return sent.map((s) => ({
        ...s,
        stored: (review.get(s.key, s.placementId) as { n: number }).n === 1,
        counts: counts.get({ id: s.placementId }) as { reviews: number; days: number; signoffs: number; submissions: number },
      }));
    });
    const whole = { reviews: 1, days: LAST_WEEK_DAYS.length, signoffs: 1, submissions: 1 };
    const none = { reviews: 0, days: 0, signoffs: 0, submissions: 0 };
    const partial = found.filter((s) => JSON.stringify(s.counts) !== JSON.stringify(whole) && JSON.stringify(s.counts) !== JSON.stringify(none));
    const lost = found.filter((s) => s.acknowledged && !s.stored);

    // The restarted server answers a resend of an acknowledged card as the first time, and takes new ones.
    const first = acknowledged[0]!;
    const resend = await postForm(server.base, weekCardPath(first.placementId), weekCardFields(skill.id, first.key, `crash-${first.placementId}`), cookie);
    const fresh = salon.placements[PLACEMENTS - 1]!;
    const after = await postForm(server.base, weekCardPath(fresh.id), weekCardFields(skill.id, crypto.randomBytes(18).toString("base64url"), "after"), cookie);

    console.log(
      [
        "crash test:",
        `  submissions sent ${sent.length}, acknowledged ${acknowledged.length}, in flight when killed ${inFlightAtKill}`,
        `  after restart: integrity_check ${integrity}, acknowledged found ${acknowledged.length - lost.length} of ${acknowledged.length}, stored in all ${found.filter((s) => s.stored).length}, half written ${partial.length}`,
      ].join("\n"),
    );
    expect(integrity).toBe("ok");
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(sent.length).toBeLessThan(PLACEMENTS);
    expect(lost).toEqual([]);
    expect(partial).toEqual([]);
    expect([resend.status, resend.location]).toEqual([302, `${weekCardPath(first.placementId)}?submitted=1`]);
    expect(after.status).toBe(302);
  });
});
