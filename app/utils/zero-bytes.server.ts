/**
 * React 18's stream writer (react-dom/server, `writeStringChunk`) sends its whole 2 KB buffer
 * when the next multi-byte character does not fit in the bytes left, so the unused tail goes
 * out as zero bytes. Every Khmer character is three bytes in UTF-8: Khmer pages got stray NULs,
 * inside text and inside the hydration data's <script>, where a browser reads one as U+FFFD.
 * A zero byte is never part of any other UTF-8 character, so dropping every one restores the
 * page exactly.
 */
import { Transform } from "node:stream";

/**
 * The chunk without its zero bytes. The zeros come as runs (a buffer's unused tail), so the
 * chunk is copied a run of text at a time: a per-byte `filter` callback cost about a
 * millisecond of CPU on every Khmer week card (docs/decisions/0032).
 */
export function dropZeroBytes(chunk: Buffer): Buffer {
  let zero = chunk.indexOf(0);
  if (zero === -1) return chunk;
  const out = Buffer.allocUnsafe(chunk.length);
  let length = chunk.copy(out, 0, 0, zero);
  while (zero !== -1) {
    let start = zero + 1;
    while (start < chunk.length && chunk[start] === 0) start += 1;
    zero = chunk.indexOf(0, start);
    const end = zero === -1 ? chunk.length : zero;
    length += chunk.copy(out, length, start, end);
  }
  return out.subarray(0, length);
}

export function withoutZeroBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, dropZeroBytes(chunk));
    },
  });
}
