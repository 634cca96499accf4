/**
 * Heavy pages (the reports, the CSV downloads) take one turn at a time per person
 * (docs/decisions/0054-one-heavy-request-at-a-time.md).
 *
 * A person's second heavy request waits for their first to end; a few may wait; beyond that the
 * answer is 429 with `Retry-After`, before any work is done. The work runs `forCaller` its
 * request, so a request whose caller has gone (a reload, a second tap, a closed tab) stops at its
 * next yield and hands the turn on: reloading a slow report five times costs one report, not five,
 * and a script firing fifty at once costs one at a time.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";

import { requestT } from "~/i18n/request.server";

import { CallerGone, forCaller } from "./yield.server";

/** Requests of one person that may wait behind the one running. */
export const MAX_WAITING = 2;
/** What a refused request is told to wait, in seconds. */
const RETRY_AFTER_S = 5;

interface Waiter {
  go: () => void;
}
interface Line {
  waiting: Waiter[];
}
/** One line per person with a heavy request running; absent when none is. */
const lines = new Map<number, Line>();

export interface Turn {
  /** Runs the work for this turn's caller (each yield in it stops once the caller has gone). */
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Iterates `source` for this turn's caller, and ends the turn when it ends, fails or is left. */
  stream<T>(source: AsyncIterable<T>): AsyncIterable<T>;
  /** Ends the turn (idempotent): the next waiting request of the same person goes. */
  end(): void;
}

/** A heavy request refused: the person already has one running and `MAX_WAITING` waiting. */
async function busy(request: Request): Promise<Response> {
  const t = await requestT(request);
  return new Response(`${t("errors.busyTitle")}\n${t("errors.busyBody")}\n`, {
    status: 429,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(RETRY_AFTER_S), "Cache-Control": "no-store" },
  });
}

/** What a heavy loader hands over: its request, and the load context with the server's `callerGone`. */
export type HeavyCaller = Pick<LoaderFunctionArgs, "request" | "context">;

/**
 * One signal that aborts when the caller goes: the server's `callerGone` (server.js: the
 * connection closed before the answer was written) or the request's own. The request a loader gets
 * is a copy whose signal follows the original's through weak references (undici, twice over in
 * Remix): once a copy is collected, which a small heap does within seconds, the abort never reaches
 * it. The server's signal is held by the response itself.
 */
function gone({ request, context }: HeavyCaller): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const sources = [request.signal, context.callerGone];
  const abort = () => controller.abort();
  for (const source of sources) {
    if (source.aborted) controller.abort();
    else source.addEventListener("abort", abort, { once: true });
  }
  return { signal: controller.signal, release: () => sources.forEach((source) => source.removeEventListener("abort", abort)) };
}

/**
 * Waits for `userId`'s turn at heavy work and returns it; throws a 429 response when too many of
 * theirs are waiting already, and `CallerGone` when the caller goes while it waits. The turn also
 * ends by itself when the caller goes.
 */
export async function takeTurn(args: HeavyCaller, userId: number): Promise<Turn> {
  const caller = gone(args);
  const { signal } = caller;
  if (signal.aborted) {
    caller.release();
    throw new CallerGone();
  }
  let line = lines.get(userId);
  if (!line) {
    lines.set(userId, (line = { waiting: [] }));
  } else {
    if (line.waiting.length >= MAX_WAITING) {
      caller.release();
      throw await busy(args.request);
    }
    const queue = line.waiting;
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        go: () => {
          signal.removeEventListener("abort", left);
          resolve();
        },
      };
      const left = () => {
        queue.splice(queue.indexOf(waiter), 1);
        caller.release();
        reject(new CallerGone());
      };
      signal.addEventListener("abort", left, { once: true });
      queue.push(waiter);
    });
  }

  const held = line;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    signal.removeEventListener("abort", end);
    caller.release();
    const next = held.waiting.shift();
    if (next) next.go();
    else lines.delete(userId);
  };
  // A caller gone mid-download may leave its stream unread for ever: the turn ends with the request.
  signal.addEventListener("abort", end, { once: true });

  return {
    run: (work) => forCaller(signal, work),
    stream: <T>(source: AsyncIterable<T>): AsyncIterable<T> => ({
      [Symbol.asyncIterator]() {
        const iterator = source[Symbol.asyncIterator]();
        return {
          async next() {
            try {
              const step = await forCaller(signal, () => iterator.next());
              if (step.done) end();
              return step;
            } catch (error) {
              end();
              throw error;
            }
          },
          async return(value?: unknown) {
            end();
            return (await iterator.return?.(value)) ?? { done: true as const, value: undefined };
          },
        };
      },
    }),
    end,
  };
}

/** Takes `userId`'s turn at heavy work, runs `work` in it, and ends the turn whatever happens. */
export async function oneAtATime<T>(args: HeavyCaller, userId: number, work: () => Promise<T>): Promise<T> {
  const turn = await takeTurn(args, userId);
  try {
    return await turn.run(work);
  } finally {
    turn.end();
  }
}

/** People with a heavy request running (for tests). */
export const heavyTurnsHeld = () => lines.size;
