import http from "node:http";
import type { AddressInfo } from "node:net";

import compression from "compression";
import express from "express";
import { afterEach, describe, expect, it } from "vitest";

import { answerEnded, answersSending, useCountedCompression, yieldToOthers } from "./yield.server";

/** Set up as server.js sets it up: compression with its count, then the app. */
function serverWith(onAnswer: () => void, onSocketEnd: () => void) {
  const app = express();
  app.use((_req, res, next) => {
    const end = res.end.bind(res) as (...args: unknown[]) => unknown;
    res.end = ((...args: unknown[]) => {
      onSocketEnd();
      return end(...args);
    }) as typeof res.end;
    next();
  });
  useCountedCompression(app, compression());
  // Like Remix's adapter: written, then ended, with no length known in advance.
  app.get("/page", (_req, res) => {
    onAnswer();
    res.type("text/html");
    res.write(`<p>${"ខ្មែរ page ".repeat(2000)}</p>`);
    res.end();
  });
  return app;
}

let close: (() => Promise<void>) | null = null;
afterEach(async () => {
  await close?.();
  close = null;
});

async function listen(app: express.Express) {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function get(url: string, encoding: string) {
  return new Promise<number>((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": encoding } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

/** Long work in slices of `ms` of busy CPU, yielding between them, until stopped. */
function longWork(ms: number) {
  const state = { slices: 0, running: true };
  const done = (async () => {
    while (state.running) {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        /* busy: holds the only thread, as a report's site does */
      }
      state.slices += 1;
      await yieldToOthers();
    }
  })();
  return { state, stop: () => ((state.running = false), done) };
}

describe("yieldToOthers and answers being compressed", () => {
  for (const encoding of ["gzip", "br", "identity"]) {
    it(`lets a ${encoding} answer made between two slices of long work leave before the next slice`, async () => {
      const handled: number[] = [];
      const sent: number[] = [];
      let work: ReturnType<typeof longWork> | null = null;
      const base = await listen(
        serverWith(
          () => handled.push(work?.state.slices ?? -1),
          () => sent.push(work?.state.slices ?? -1),
        ),
      );
      work = longWork(15);
      for (let i = 0; i < 5; i++) expect(await get(`${base}/page`, encoding)).toBe(200);
      await work.stop();
      expect(handled).toHaveLength(5);
      expect(sent).toHaveLength(5);
      // Answered and sent in the same pause between two slices: no slice ran in between.
      expect(sent).toEqual(handled);
      expect(answersSending()).toBe(0);
    });
  }

  it("goes on after a bounded wait when an answer never leaves", async () => {
    const sentLater = answerEnded();
    expect(answersSending()).toBe(1);
    await yieldToOthers(); // resolves: the wait is bounded
    sentLater();
    sentLater(); // idempotent
    expect(answersSending()).toBe(0);
  });

  it("does not count a response whose client went away as sending for ever", async () => {
    const app = express();
    useCountedCompression(app, compression());
    let closed!: () => void;
    const gone = new Promise<void>((resolve) => (closed = resolve));
    app.get("/slow", (req, res) => {
      res.type("text/html");
      res.write("<p>".padEnd(4000, "x"));
      req.socket.destroy();
      res.end();
      res.once("close", () => setImmediate(closed));
    });
    const base = await listen(app);
    await get(`${base}/slow`, "gzip").catch(() => 0);
    await gone;
    expect(answersSending()).toBe(0);
  });

  for (const encoding of ["gzip", "identity"]) {
    it(`does not count an answer ended after its client went away (a download whose reader left) (${encoding}): every later yield would wait for it`, async () => {
      const app = express();
      useCountedCompression(app, compression());
      let ended!: () => void;
      const done = new Promise<void>((resolve) => (ended = resolve));
      app.get("/download", (req, res) => {
        res.type("text/csv");
        res.write("id\r\n");
        // The reader leaves; the app writes its last part and ends only after the close (as a
        // CSV stream does when its source stops with CallerGone).
        res.once("close", () => {
          res.write("1\r\n");
          res.end();
          setImmediate(ended);
        });
        req.socket.destroy();
      });
      const base = await listen(app);
      await get(`${base}/download`, encoding).catch(() => 0);
      await done;
      expect(answersSending()).toBe(0);
    });
  }
});
