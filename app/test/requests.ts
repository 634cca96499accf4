/**
 * Calling loaders and actions as Remix would: a real Request, the load context the Express
 * server gives, and one shape for whatever comes back (a Response, a thrown Response, or
 * single-fetch `data()`).
 */
import type { AppLoadContext } from "@remix-run/node";

import "~/context";
import { createUserSession } from "~/auth/session.server";

export const BASE = "http://localhost:3000";

export function context(over: Partial<AppLoadContext> = {}): AppLoadContext {
  return { requestId: "test-request", clientIp: "127.0.0.1", cspNonce: "nonce", callerGone: new AbortController().signal, ...over };
}

export function get(path: string, headers: Record<string, string> = {}) {
  return new Request(new URL(path, BASE), { headers });
}

export function post(path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return new Request(new URL(path, BASE), {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
  });
}

/** A Cookie header for a fresh session of this user. */
export async function cookieFor(user: { id: number; role: "trainer" | "staff" | "admin" | "apprentice" }) {
  const setCookie = await createUserSession(user, "password", get("/"));
  return setCookie.split(";")[0]!;
}

export interface Outcome<T = unknown> {
  status: number;
  location: string | null;
  headers: Headers;
  data: T;
}

function isDataWithInit(value: unknown): value is { type: "DataWithResponseInit"; data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit";
}

export async function run<T = unknown>(fn: () => Promise<unknown>): Promise<Outcome<T>> {
  let result: unknown;
  try {
    result = await fn();
  } catch (thrown) {
    result = thrown;
  }
  if (result instanceof Response) {
    const text = await result.text();
    return { status: result.status, location: result.headers.get("location"), headers: result.headers, data: text as T };
  }
  if (isDataWithInit(result)) {
    const headers = new Headers(result.init?.headers);
    return { status: result.init?.status ?? 200, location: headers.get("location"), headers, data: result.data as T };
  }
  if (result instanceof Error) throw result;
  return { status: 200, location: null, headers: new Headers(), data: result as T };
}
