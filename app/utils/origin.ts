/**
 * Cross-origin POST refusal (CSRF defence beside SameSite=Lax cookies). A state-changing request
 * whose browser says it came from another origin is refused. Requests that carry neither
 * Origin nor Sec-Fetch-Site (curl, scripts) carry no ambient browser credentials to abuse.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function isCrossOriginWrite(input: {
  method: string;
  origin: string | null | undefined;
  secFetchSite: string | null | undefined;
  /** host[:port] the request was sent to (the Host header). A TLS proxy in front may change the scheme. */
  selfHost: string;
}): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (input.origin) {
    try {
      return new URL(input.origin).host !== input.selfHost;
    } catch {
      return true; // "null" or garbage: an opaque origin is never ours
    }
  }
  if (input.secFetchSite) return input.secFetchSite === "cross-site" || input.secFetchSite === "same-site";
  return false;
}
