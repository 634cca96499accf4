/**
 * The one check for every redirect whose target comes from a request (a form field, a query).
 *
 * A target is used only when it is a path on this site, judged on the raw value and on every
 * percent-decoding of it (browsers and proxies decode at different points):
 * - printable ASCII, at most MAX_LENGTH characters, as sent;
 * - exactly one leading `/`, never followed by a second `/` or a `\`;
 * - no control characters anywhere, no whitespace and no `\` in the path. A space is allowed
 *   after `?` or `#`, where a search box puts it (`?q=Sok%20Dara`); tabs, line breaks and other
 *   whitespace are not, because browsers strip them and `/\t/evil.example` becomes
 *   `//evil.example`, another site.
 * Anything else answers the fallback: the caller's home.
 */
const MAX_LENGTH = 1000;
const MAX_DECODINGS = 5;

const PRINTABLE_ASCII = /^[\x21-\x7e]+$/;
// C0 controls, DEL, C1 controls; and every whitespace but the plain space.
// eslint-disable-next-line no-control-regex -- matching control characters is the point.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const WHITESPACE_BUT_SPACE = /[^\S ]/;

function isSafeForm(value: string): boolean {
  if (!value.startsWith("/") || value[1] === "/" || value[1] === "\\") return false;
  if (CONTROL.test(value) || WHITESPACE_BUT_SPACE.test(value)) return false;
  const cut = value.search(/[?#]/);
  const path = cut === -1 ? value : value.slice(0, cut);
  return !/[\s\\]/.test(path);
}

function isSafeRedirect(target: unknown): target is string {
  if (typeof target !== "string" || target.length === 0 || target.length > MAX_LENGTH) return false;
  if (!PRINTABLE_ASCII.test(target)) return false;
  let current = target;
  for (let round = 0; round <= MAX_DECODINGS; round++) {
    if (!isSafeForm(current)) return false;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return false;
    }
    if (decoded === current) return true;
    current = decoded;
  }
  // Still changing after this many decodings: nobody sends that by accident.
  return false;
}

/** `target` when it is a path on this site (see above), otherwise `fallback`. */
export function safeRedirect(target: unknown, fallback: string): string {
  return isSafeRedirect(target) ? target : fallback;
}
