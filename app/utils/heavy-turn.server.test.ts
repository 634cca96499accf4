import v8 from "node:v8";
import vm from "node:vm";

import { afterEach, describe, expect, it } from "vitest";

import { context } from "~/test/requests";

import { heavyTurnsHeld, MAX_WAITING, oneAtATime, takeTurn } from "./heavy-turn.server";
import { CallerGone, forCaller, yieldToOthers } from "./yield.server";

/** A heavy loader's caller: its request (aborted through `controller`) and the load context. */
const caller = (controller = new AbortController(), language = "en") => ({
  request: new Request("http://localhost/staff/reports/trainers", { signal: controller.signal, headers: { "accept-language": language } }),
  context: context(),
});

/** A piece of work that yields `slices` times, logging each slice under `name`. */
const work =
  (log: string[], name: string, slices = 3) =>
  async () => {
    for (let i = 0; i < slices; i++) {
      log.push(`${name}${i}`);
      await yieldToOthers();
    }
    return name;
  };

afterEach(() => expect(heavyTurnsHeld()).toBe(0));

describe("one heavy request at a time per person", () => {
  it("a person's second request waits for their first; another person's does not", async () => {
    const log: string[] = [];
    const results = await Promise.all([
      oneAtATime(caller(), 1, work(log, "a")),
      oneAtATime(caller(), 1, work(log, "b")),
      oneAtATime(caller(), 2, work(log, "x")),
    ]);
    expect(results).toEqual(["a", "b", "x"]);
    // b starts only when a has ended; x, another person's, runs beside a.
    expect(log.indexOf("b0")).toBeGreaterThan(log.indexOf("a2"));
    expect(log.indexOf("x0")).toBeLessThan(log.indexOf("a2"));
  });

  it(`${MAX_WAITING} may wait; the next is refused with 429, Retry-After and the reason in the reader's language, before any work`, async () => {
    const log: string[] = [];
    const running = [0, 1, 2].map((i) => oneAtATime(caller(), 7, work(log, `r${i}`)));
    let refused: unknown;
    try {
      await oneAtATime(caller(new AbortController(), "km"), 7, work(log, "late"));
    } catch (thrown) {
      refused = thrown;
    }
    expect(refused).toBeInstanceOf(Response);
    const response = refused as Response;
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(await response.text()).toMatch(/របាយការណ៍មុនរបស់អ្នកកំពុងរៀបចំនៅឡើយ/);
    expect(await Promise.all(running)).toEqual(["r0", "r1", "r2"]);
    expect(log.some((l) => l.startsWith("late"))).toBe(false);
  });

  it("a request aborted while running stops at its next yield and hands the turn on", async () => {
    const log: string[] = [];
    const first = new AbortController();
    const a = oneAtATime(caller(first), 3, work(log, "a", 100));
    const b = oneAtATime(caller(), 3, work(log, "b"));
    await yieldToOthers();
    first.abort();
    await expect(a).rejects.toBeInstanceOf(CallerGone);
    expect(await b).toBe("b");
    // a did at most a slice or two after the abort, not its hundred.
    expect(log.filter((l) => l.startsWith("a")).length).toBeLessThan(5);
  });

  it("a request aborted while waiting leaves the line; the one behind it still goes", async () => {
    const log: string[] = [];
    const waiting = new AbortController();
    const a = oneAtATime(caller(), 4, work(log, "a"));
    const b = oneAtATime(caller(waiting), 4, work(log, "b"));
    const c = oneAtATime(caller(), 4, work(log, "c"));
    waiting.abort();
    await expect(b).rejects.toBeInstanceOf(CallerGone);
    expect(await Promise.all([a, c])).toEqual(["a", "c"]);
    expect(log.some((l) => l.startsWith("b"))).toBe(false);
  });

  it("a failing piece of work ends its turn", async () => {
    await expect(
      oneAtATime(caller(), 5, async () => {
        await yieldToOthers();
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await oneAtATime(caller(), 5, async () => "next")).toBe("next");
  });

  it("yields outside a caller's turn never stop (the flag pass, the reminders)", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(forCaller(controller.signal, yieldToOthers)).rejects.toBeInstanceOf(CallerGone);
    await expect(yieldToOthers()).resolves.toBeUndefined();
  });
});

describe("a download's turn", () => {
  async function* chunks(log: string[], n: number) {
    for (let i = 0; i < n; i++) {
      log.push(`chunk${i}`);
      yield [i];
      await yieldToOthers();
    }
  }

  it("lasts until the download is read to the end", async () => {
    const log: string[] = [];
    const turn = await takeTurn(caller(), 6);
    const next = oneAtATime(caller(), 6, async () => "after");
    const read: number[][] = [];
    for await (const chunk of turn.stream(chunks(log, 3))) read.push(chunk);
    expect(read).toEqual([[0], [1], [2]]);
    expect(await next).toBe("after");
  });

  it("ends when the download is cancelled, and when its caller goes with the stream unread", async () => {
    const log: string[] = [];
    const turn = await takeTurn(caller(), 8);
    const iterator = turn.stream(chunks(log, 10))[Symbol.asyncIterator]();
    await iterator.next();
    await iterator.return!();
    expect(heavyTurnsHeld()).toBe(0);

    const gone = new AbortController();
    const unread = await takeTurn(caller(gone), 8);
    unread.stream(chunks(log, 10));
    expect(heavyTurnsHeld()).toBe(1);
    gone.abort();
    expect(heavyTurnsHeld()).toBe(0);
  });

  it("stops at the next chunk once its caller has gone", async () => {
    const log: string[] = [];
    const gone = new AbortController();
    const turn = await takeTurn(caller(gone), 9);
    const iterator = turn.stream(chunks(log, 10))[Symbol.asyncIterator]();
    await iterator.next();
    gone.abort();
    await expect(iterator.next()).rejects.toBeInstanceOf(CallerGone);
    expect(log).toEqual(["chunk0"]);
  });
});

describe("a turn and the request Remix hands the loader", () => {
  it("ends when the caller goes, even once nothing holds the copy of the request the loader got", async () => {
    // Remix's loaders get a copy (new Request(url, { signal })) whose signal follows the original's
    // through a weak reference: collected, the copy never hears of the abort. The server's own
    // signal (server.js `callerGone`, held by the response) is the one that always does.
    v8.setFlagsFromString("--expose-gc");
    const gc = vm.runInNewContext("gc") as () => void;
    const original = new AbortController();
    const server = new AbortController();
    // A download nobody reads any more: only the turn itself is left holding anything.
    await (async () => {
      const turn = await takeTurn(
        { request: new Request("http://localhost/staff/flags.csv", { signal: original.signal }), context: context({ callerGone: server.signal }) },
        10,
      );
      turn.stream((async function* () {})());
    })();
    expect(heavyTurnsHeld()).toBe(1);
    gc();
    await new Promise((resolve) => setTimeout(resolve, 10));
    gc();
    original.abort();
    server.abort();
    expect(heavyTurnsHeld()).toBe(0);
  });
});
