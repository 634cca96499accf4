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
  /**
   * The request whose turn it is, held here for the whole turn: Remix hands a loader a copy of the
   * request whose signal follows the original's through a weak reference (undici), so a copy
   * nothing holds is collected and its signal never aborts; a download nobody reads then would
   * hold its person's turn for ever.
   */
  holder: Request;
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

/**
 * Waits for `userId`'s turn at heavy work and returns it; throws a 429 response when too many of
 * theirs are waiting already, and `CallerGone` when the request is aborted while it waits. The
 * turn also ends by itself when the request is aborted.
 */
export async function takeTurn(request: Request, userId: number): Promise<Turn> {
  const signal = () => request.signal;
  if (signal().aborted) throw new CallerGone();
  let line = lines.get(userId);
  if (!line) {
    lines.set(userId, (line = { holder: request, waiting: [] }));
  } else {
    if (line.waiting.length >= MAX_WAITING) throw await busy(request);
    const queue = line.waiting;
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        go: () => {
          signal().removeEventListener("abort", gone);
          resolve();
        },
      };
      const gone = () => {
        queue.splice(queue.indexOf(waiter), 1);
        reject(new CallerGone());
      };
      signal().addEventListener("abort", gone, { once: true });
      queue.push(waiter);
    });
  }

  const held = line;
  held.holder = request;
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    signal().removeEventListener("abort", end);
    const next = held.waiting.shift();
    if (next) next.go();
    else lines.delete(userId);
  };
  // A caller gone mid-download may leave its stream unread for ever: the turn ends with the request.
  signal().addEventListener("abort", end, { once: true });

  return {
    run: (work) => forCaller(signal(), work),
    stream: <T>(source: AsyncIterable<T>): AsyncIterable<T> => ({
      [Symbol.asyncIterator]() {
        const iterator = source[Symbol.asyncIterator]();
        return {
          async next() {
            try {
              const step = await forCaller(signal(), () => iterator.next());
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
export async function oneAtATime<T>(request: Request, userId: number, work: () => Promise<T>): Promise<T> {
  const turn = await takeTurn(request, userId);
  try {
    return await turn.run(work);
  } finally {
    turn.end();
  }
}

/** People with a heavy request running (for tests). */
export const heavyTurnsHeld = () => lines.size;
