/**
 * The one way an action reads its request body (docs/decisions/0010-reading-form-bodies.md).
 *
 * `readForm(request)` returns a vetted `FormData`, or throws a 4xx `Response` whose body names
 * the problem as a catalogue key (shown by the root error page in the user's language):
 *
 * - 415 `form.body.unsupported`: the body is not `application/x-www-form-urlencoded` or
 *   `multipart/form-data` (JSON, text/plain, no Content-Type), or names a charset other than UTF-8.
 * - 413 `form.body.tooLarge`: more than `FORM_LIMITS.urlencodedBytes` / `multipartBytes`.
 * - 400 `form.body.unreadable`: not valid UTF-8, a broken percent escape, a broken multipart body.
 * - 400 `form.body.tooManyFields`: more than `FORM_LIMITS.fields` entries.
 * - 400 `form.body.badName`: a field name that is empty, too long, uses characters no portal form
 *   uses, or has a `__proto__`, `constructor` or `prototype` segment (split on `.`, `[`, `]`).
 *
 * What comes back:
 * - every entry in the order sent; a repeated name keeps all its values (`getAll`);
 * - text values with control characters removed (C0 except tab, line feed and carriage return;
 *   DEL; C1). They are invisible, so the person could not find them to fix them; what they see
 *   is what is saved, and a field of nothing but control characters is empty, so its schema
 *   answers "required" beside it;
 * - files untouched (multipart only).
 *
 * Then a schema reads it: `parseForm(form, schema)` (./parse.server.ts, docs/decisions/0031).
 * Libraries that read the body themselves (remix-auth) get `formRequest(request, form)`, a
 * request that carries only the vetted fields.
 */

export const FORM_LIMITS = {
  /** The largest week card (60 competencies, every note full, in Khmer) is about 300 KB encoded. */
  urlencodedBytes: 1024 * 1024,
  /** A framework CSV may be 2 MB (the route says so beside the field); the rest is headroom. */
  multipartBytes: 4 * 1024 * 1024,
  fields: 1000,
  nameLength: 100,
} as const;

type FormBodyProblem = "unsupported" | "tooLarge" | "unreadable" | "tooManyFields" | "badName";

const STATUS: Record<FormBodyProblem, number> = { unsupported: 415, tooLarge: 413, unreadable: 400, tooManyFields: 400, badName: 400 };

/** The body a refusal carries: a catalogue key, so the error page says it in the user's language. */
export interface FormBodyRefusal {
  formError: `form.body.${FormBodyProblem}`;
}

function refuseBody(problem: FormBodyProblem): Response {
  const body: FormBodyRefusal = { formError: `form.body.${problem}` };
  return new Response(JSON.stringify(body), { status: STATUS[problem], headers: { "Content-Type": "application/json; charset=utf-8" } });
}

const URLENCODED = "application/x-www-form-urlencoded";
const MULTIPART = "multipart/form-data";

/** Names the portal's forms use: `intent`, `att.2026-11-24.status`, `level.12`, `items[0]`. */
const NAME = /^[A-Za-z0-9_:.[\]-]+$/;
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function isAcceptableName(name: string): boolean {
  if (name.length === 0 || name.length > FORM_LIMITS.nameLength || !NAME.test(name)) return false;
  return !name.split(/[.[\]]/).some((segment) => FORBIDDEN_SEGMENTS.has(segment));
}

/** Text as it is kept: without invisible control characters (tab and line breaks stay). */
export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, "");
}

export async function readForm(request: Request): Promise<FormData> {
  const { type, charset, raw } = contentType(request.headers.get("content-type"));
  if (type !== URLENCODED && type !== MULTIPART) throw refuseBody("unsupported");
  if (charset !== null && charset !== "utf-8" && charset !== "utf8") throw refuseBody("unsupported");
  const limit = type === URLENCODED ? FORM_LIMITS.urlencodedBytes : FORM_LIMITS.multipartBytes;
  const bytes = await readLimited(request, limit);

  const entries = type === URLENCODED ? parseUrlencoded(bytes) : await parseMultipart(bytes, raw);
  if (entries.length > FORM_LIMITS.fields) throw refuseBody("tooManyFields");
  const form = new FormData();
  for (const [name, value] of entries) {
    if (!isAcceptableName(name)) throw refuseBody("badName");
    if (typeof value === "string") form.append(name, withoutControlCharacters(value));
    else form.append(name, value, value.name);
  }
  return form;
}

/** A copy of `request` whose body is exactly the vetted text fields, for code that reads the body itself. */
export function formRequest(request: Request, form: FormData): Request {
  const body = new URLSearchParams();
  for (const [name, value] of form.entries()) if (typeof value === "string") body.append(name, value);
  const headers = new Headers(request.headers);
  headers.set("Content-Type", `${URLENCODED};charset=UTF-8`);
  headers.delete("Content-Length");
  return new Request(request.url, { method: request.method, headers, body, signal: request.signal });
}

function contentType(header: string | null): { type: string | null; charset: string | null; raw: string } {
  if (!header) return { type: null, charset: null, raw: "" };
  const [type, ...params] = header.split(";");
  let charset: string | null = null;
  for (const param of params) {
    const at = param.indexOf("=");
    if (at === -1) continue;
    if (param.slice(0, at).trim().toLowerCase() === "charset")
      charset = param
        .slice(at + 1)
        .trim()
        .replace(/^"|"$/g, "")
        .toLowerCase();
  }
  return { type: type!.trim().toLowerCase(), charset, raw: header };
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw refuseBody("tooLarge");
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        await reader.cancel();
        throw refuseBody("tooLarge");
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof Response) throw error;
    // The client went away or sent a broken stream: nothing to answer but "unreadable".
    throw refuseBody("unreadable");
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw refuseBody("unreadable");
  }
}

/** `application/x-www-form-urlencoded`, strictly: a browser never sends a broken escape or bad UTF-8. */
function parseUrlencoded(bytes: Uint8Array<ArrayBuffer>): [string, string][] {
  const text = decodeUtf8(bytes);
  const entries: [string, string][] = [];
  for (const pair of text.split("&")) {
    if (pair === "") continue;
    if (entries.length >= FORM_LIMITS.fields) throw refuseBody("tooManyFields");
    const at = pair.indexOf("=");
    const [name, value] = at === -1 ? [pair, ""] : [pair.slice(0, at), pair.slice(at + 1)];
    entries.push([decodeComponent(name), decodeComponent(value)]);
  }
  return entries;
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    throw refuseBody("unreadable");
  }
}

async function parseMultipart(bytes: Uint8Array<ArrayBuffer>, header: string): Promise<[string, FormDataEntryValue][]> {
  try {
    const form = await new Response(bytes, { headers: { "Content-Type": header } }).formData();
    return [...form.entries()];
  } catch {
    throw refuseBody("unreadable");
  }
}
