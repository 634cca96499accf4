/**
 * Which precompressed copy of a static file to send (server.js; the copies are written at build
 * by scripts/compress-assets.mjs). Brotli when the browser takes it, else gzip, else the file.
 */
export type Encoding = "br" | "gzip";

const SUFFIX: Record<Encoding, string> = { br: ".br", gzip: ".gz" };

/** The encodings an Accept-Encoding header allows (a q of 0 refuses one; "*" allows any). */
export function acceptedEncodings(header: string | null | undefined): Set<Encoding> {
  const q = new Map<string, number>();
  for (const part of (header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const allows = (e: string) => (q.has(e) ? q.get(e)! > 0 : (q.get("*") ?? 0) > 0);
  return new Set((["br", "gzip"] as const).filter(allows));
}

/**
 * For a request path (as sent, e.g. "/routes/x-ABC.js") and the set of precompressed copies
 * on disk (paths like "/routes/x-ABC.js.br"): whether the answer depends on Accept-Encoding,
 * and which copy to send.
 */
export function precompressedFile(
  acceptEncoding: string | null | undefined,
  requestPath: string,
  available: ReadonlySet<string>,
): { vary: boolean; file: string; encoding: Encoding } | { vary: boolean; file: null; encoding: null } {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return { vary: false, file: null, encoding: null };
  }
  const has = (e: Encoding) => available.has(decoded + SUFFIX[e]);
  const vary = has("br") || has("gzip");
  const accepted = acceptedEncodings(acceptEncoding);
  for (const encoding of ["br", "gzip"] as const) {
    if (accepted.has(encoding) && has(encoding)) return { vary, file: requestPath + SUFFIX[encoding], encoding };
  }
  return { vary, file: null, encoding: null };
}
