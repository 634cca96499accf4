/**
 * How long a sign-in must wait after failures (docs/decisions/0012-sign-in-throttling.md).
 *
 * Failures are counted three ways: per client (an IP address, across every username it tries),
 * per client and username together, and per username across all clients. The first two give
 * growing waits to the client that fails; the third, slower and larger, never shuts anyone out:
 * once a username has drawn many failures from everywhere, each client may try it once a minute.
 * No count ever refuses another client's first try, so an attacker cannot lock the owner out.
 */
export interface ThrottlePolicy {
  /** Failures one client may make (any usernames) in `clientWindowS` before waits start. */
  clientFree: number;
  clientWindowS: number;
  clientMaxWaitS: number;
  /** Failures one client may make on one username in `pairWindowS` before waits start. */
  pairFree: number;
  pairWindowS: number;
  pairMaxWaitS: number;
  /** Failures a username may draw from all clients in `accountWindowS` before it is "under attack". */
  accountFree: number;
  accountWindowS: number;
  /** While under attack, every client waits at least this long after each failure on it. */
  accountWaitS: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  clientFree: 10,
  clientWindowS: 15 * 60,
  clientMaxWaitS: 5 * 60,
  pairFree: 5,
  pairWindowS: 60 * 60,
  pairMaxWaitS: 15 * 60,
  accountFree: 30,
  accountWindowS: 60 * 60,
  accountWaitS: 60,
};

/** 0 up to `free` failures, then 1 s, 2 s, 4 s … doubling, never more than `maxS`. */
export function growingWait(failures: number, free: number, maxS: number): number {
  if (failures <= free) return 0;
  const doublings = failures - free - 1;
  return doublings >= 30 ? maxS : Math.min(maxS, 2 ** doublings);
}

export interface FailureCounts {
  client: number;
  pair: number;
  account: number;
}

/** The waits, in seconds, that follow a failure with these counts (this failure included). */
export function waitsAfterFailure(counts: FailureCounts, policy: ThrottlePolicy): { clientS: number; pairS: number } {
  const clientS = growingWait(counts.client, policy.clientFree, policy.clientMaxWaitS);
  const pairOwn = growingWait(counts.pair, policy.pairFree, policy.pairMaxWaitS);
  const pairS = counts.account > policy.accountFree ? Math.max(pairOwn, policy.accountWaitS) : pairOwn;
  return { clientS, pairS };
}

/** The key every count uses for a username: what a person might type for the same account. */
export function usernameKey(username: string): string {
  return username.normalize("NFKC").trim().toLowerCase();
}
