/**
 * Sign-in throttling (docs/decisions/0012-sign-in-throttling.md), kept in memory with
 * rate-limiter-flexible. The policy (who waits how long) is the pure `~/domain/sign-in-throttle`.
 *
 * An attempt is counted as a failure *before* the password is checked and forgiven when it
 * succeeds, so a burst of simultaneous requests cannot slip past the counts while argon2 runs.
 * A client that must wait is answered before any password check: a flood costs no argon2 time.
 */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

import { DEFAULT_THROTTLE, usernameKey, waitsAfterFailure, type ThrottlePolicy } from "~/domain/sign-in-throttle";
import { env } from "~/env.server";

export function throttlePolicy(): ThrottlePolicy {
  return { ...DEFAULT_THROTTLE, clientFree: env().LOGIN_RATE_LIMIT };
}

interface Limiters {
  failures: { client: RateLimiterMemory; pair: RateLimiterMemory; account: RateLimiterMemory };
  waits: { client: RateLimiterMemory; pair: RateLimiterMemory };
  links: RateLimiterMemory;
}

let limiters: Limiters | undefined;

function current(): Limiters {
  if (limiters) return limiters;
  const p = throttlePolicy();
  // Counters never refuse by themselves (`penalty` only adds); the waits below do the refusing.
  const counter = (keyPrefix: string, duration: number) => new RateLimiterMemory({ keyPrefix, points: Number.MAX_SAFE_INTEGER, duration });
  const wait = (keyPrefix: string) => new RateLimiterMemory({ keyPrefix, points: 1, duration: 1 });
  limiters = {
    failures: {
      client: counter("signin-fail-client", p.clientWindowS),
      pair: counter("signin-fail-pair", p.pairWindowS),
      account: counter("signin-fail-account", p.accountWindowS),
    },
    waits: { client: wait("signin-wait-client"), pair: wait("signin-wait-pair") },
    links: new RateLimiterMemory({ keyPrefix: "signin-link", points: env().LOGIN_RATE_LIMIT, duration: 60 }),
  };
  return limiters;
}

async function msLeft(limiter: RateLimiterMemory, key: string): Promise<number> {
  const res = await limiter.get(key);
  return res && res.consumedPoints > limiter.points ? Math.max(0, res.msBeforeNext) : 0;
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

export interface SignInAttempt {
  /** Seconds this client must wait before its next try if this attempt fails (0: none). */
  readonly waitSeconds: number;
  /** The credentials were right: forgive this attempt and the client's failures on this username. */
  succeeded(): Promise<void>;
}

export type SignInGate = { ok: true; attempt: SignInAttempt } | { ok: false; retryAfterSeconds: number };

/**
 * Ask to check one sign-in. Refused (with the seconds left) while the client, or the client on
 * this username, is waiting; otherwise counted as a failure until `succeeded()` says otherwise.
 * The username need not exist: counts are kept on what was typed, so an answer tells nothing
 * about which accounts exist.
 */
export async function beginSignIn(client: string, username: string): Promise<SignInGate> {
  const { failures, waits } = current();
  const account = usernameKey(username);
  const pair = `${client} ${account}`;
  const waitMs = Math.max(await msLeft(waits.client, client), await msLeft(waits.pair, pair));
  if (waitMs > 0) return { ok: false, retryAfterSeconds: seconds(waitMs) };

  const [c, p, a] = await Promise.all([failures.client.penalty(client), failures.pair.penalty(pair), failures.account.penalty(account)]);
  const { clientS, pairS } = waitsAfterFailure({ client: c.consumedPoints, pair: p.consumedPoints, account: a.consumedPoints }, throttlePolicy());
  if (clientS > 0) await waits.client.block(client, clientS);
  if (pairS > 0) await waits.pair.block(pair, pairS);

  return {
    ok: true,
    attempt: {
      waitSeconds: Math.max(clientS, pairS),
      async succeeded() {
        await Promise.all([failures.client.reward(client), failures.account.reward(account), failures.pair.delete(pair), waits.pair.delete(pair)]);
        if (clientS > 0) await waits.client.delete(client);
      },
    },
  };
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

/** Opening sign-in links, per client: LOGIN_RATE_LIMIT a minute. */
export async function consumeLinkAttempt(client: string): Promise<LimitResult> {
  try {
    await current().links.consume(client);
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { ok: false, retryAfterSeconds: seconds(rejection.msBeforeNext) };
    throw rejection;
  }
}

/** For tests: forget every count and wait. */
export function resetRateLimits() {
  limiters = undefined;
}
