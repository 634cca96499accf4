/** Sign-in attempts, limited per IP and per username (rate-limiter-flexible, in memory). */
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

import { env } from "~/env.server";

let byIp: RateLimiterMemory | undefined;
let byUsername: RateLimiterMemory | undefined;

function limiters() {
  const points = env().LOGIN_RATE_LIMIT;
  byIp ??= new RateLimiterMemory({ keyPrefix: "signin-ip", points, duration: 60 });
  byUsername ??= new RateLimiterMemory({ keyPrefix: "signin-user", points, duration: 60 });
  return { byIp, byUsername };
}

export type LimitResult = { ok: true } | { ok: false; retryAfterSeconds: number };

async function consume(limiter: RateLimiterMemory, key: string): Promise<LimitResult> {
  try {
    await limiter.consume(key);
    return { ok: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
    throw rejection;
  }
}

/** Count one sign-in attempt; refuses past the limit for either the IP or the username. */
export async function consumeSignInAttempt(ip: string, username: string): Promise<LimitResult> {
  const { byIp: ipLimiter, byUsername: userLimiter } = limiters();
  const ipResult = await consume(ipLimiter, ip);
  if (!ipResult.ok) return ipResult;
  return consume(userLimiter, username.trim().toLowerCase());
}

let linkLimiter: RateLimiterMemory | undefined;
/** Opening sign-in links, per IP. */
export function consumeLinkAttempt(ip: string): Promise<LimitResult> {
  linkLimiter ??= new RateLimiterMemory({ keyPrefix: "signin-link", points: env().LOGIN_RATE_LIMIT, duration: 60 });
  return consume(linkLimiter, ip);
}

/** For tests. */
export function resetRateLimits() {
  byIp = undefined;
  byUsername = undefined;
  linkLimiter = undefined;
}
