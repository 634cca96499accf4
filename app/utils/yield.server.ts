import { AsyncLocalStorage } from "node:async_hooks";

import type { Express, RequestHandler, Response } from "express";

/**
 * The request a piece of heavy work is done for (`forCaller`): once its caller has gone (the
 * browser closed the connection: a reload, a tap elsewhere), the work stops at its next yield
 * instead of finishing an answer nobody will read (docs/decisions/0054-one-heavy-request-at-a-time.md).
 */
const caller = new AsyncLocalStorage<AbortSignal>();

/** Thrown by `yieldToOthers` inside `forCaller` once the caller's request was aborted. */
export class CallerGone extends Error {
  constructor() {
    super("the caller has gone");
    this.name = "CallerGone";
  }
}

/** Runs `work` for the request whose signal this is: each `yieldToOthers` in it throws `CallerGone` once the request is aborted. */
export function forCaller<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  return caller.run(signal, work);
}

/**
 * Responses the app has ended but that have not reached the socket yet: the compression
 * middleware gzips or brotlis in libuv's thread pool, and the result comes back in a later turn
 * of the event loop (docs/decisions/0047-a-yield-waits-for-compressed-answers.md).
 */
let sending = 0;
let whenSent: (() => void)[] = [];

/** How long one yield waits at most for compressed answers to leave before the work goes on. */
const YIELD_WAITS_FOR_SENDING_MS = 10;

/**
 * Gives the event loop back: requests waiting behind a long piece of work run before it goes on,
 * and so do the answers they made that are still being compressed. Without that second wait, a
 * request that arrives during one slice of the work is answered after it but sent only after the
 * next slice, so it waits for two.
 */
export async function yieldToOthers(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (sending > 0) await untilSent();
  if (caller.getStore()?.aborted) throw new CallerGone();
}

function untilSent(): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      whenSent = whenSent.filter((waiting) => waiting !== done);
      resolve();
    }, YIELD_WAITS_FOR_SENDING_MS);
    whenSent.push(done);
  });
}

/** Marks one answer as ended by the app; the returned function marks it sent (idempotent). */
export function answerEnded(): () => void {
  sending += 1;
  let sent = false;
  return () => {
    if (sent) return;
    sent = true;
    sending -= 1;
    if (sending === 0 && whenSent.length > 0) {
      const waiting = whenSent;
      whenSent = [];
      for (const done of waiting) done();
    }
  };
}

/** How many answers are between the app's `end` and the socket's (for tests). */
export const answersSending = () => sending;

type End = Response["end"];
const SENT = Symbol("answer sent");
type Tracked = Response & { [SENT]?: () => void };

/**
 * The two middlewares that count answers being compressed, placed around the compression
 * middleware: `beforeCompression` sees the end that reaches the socket (compression calls it once
 * its output is ready), `afterCompression` the end the app calls.
 */
const sendingTracker: { beforeCompression: RequestHandler; afterCompression: RequestHandler } = {
  beforeCompression(_req, res, next) {
    const socketEnd = res.end as (...args: unknown[]) => Response;
    res.end = function end(this: Tracked, ...args: unknown[]) {
      (res as Tracked)[SENT]?.();
      return socketEnd.apply(this, args);
    } as End;
    next();
  },
  afterCompression(_req, res, next) {
    const appEnd = res.end as (...args: unknown[]) => Response;
    let closed = false;
    res.end = function end(this: Tracked, ...args: unknown[]) {
      // An answer ended after its connection closed (a download whose reader left: 0054) never
      // reaches a socket: counted, it would stay "sending" for ever, and every later yield in the
      // process would wait YIELD_WAITS_FOR_SENDING_MS for it.
      if (!closed) (res as Tracked)[SENT] ??= answerEnded();
      return appEnd.apply(this, args);
    } as End;
    // A client that goes away before its answer leaves: never counted as sending for ever.
    res.once("close", () => {
      closed = true;
      (res as Tracked)[SENT]?.();
    });
    next();
  },
};

/**
 * Installs the compression middleware with the count of answers it is compressing around it
 * (server.js and the tests set the server up through this one function).
 */
export function useCountedCompression(app: Express, compression: RequestHandler) {
  app.use(sendingTracker.beforeCompression);
  app.use(compression);
  app.use(sendingTracker.afterCompression);
}
