/** The Retry-After of a loader's or action's answer, for a route's `headers` export (document answers take their headers from there). */
export function retryAfterOnly(headers: Headers): Record<string, string> {
  const value = headers.get("Retry-After");
  return value === null ? {} : { "Retry-After": value };
}
