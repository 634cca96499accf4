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

/**
 * The page as React writes it, without the zero bytes, and in one piece per turn of the event
 * loop: React writes a page in 2 KB pieces, all at once when nothing on it waits (every page
 * here). Each piece then crossed a web stream and became its own socket write, and its own
 * flush of the compressor (Remix flushes after every piece): a tenth of the CPU of a small page.
 * Held until the turn ends, they go out together; a page that streams later parts still sends
 * each part as soon as it is written.
 */
export function withoutZeroBytes(): Transform {
  let held: Buffer[] = [];
  let scheduled = false;
  const release = () => {
    scheduled = false;
    if (held.length === 0) return;
    const piece = held.length === 1 ? held[0]! : Buffer.concat(held);
    held = [];
    stream.push(piece);
  };
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const clean = dropZeroBytes(chunk);
      if (clean.length > 0) held.push(clean);
      if (!scheduled) {
        scheduled = true;
        setImmediate(release);
      }
      done();
    },
    flush(done) {
      release();
      done();
    },
  });
  return stream;
}
