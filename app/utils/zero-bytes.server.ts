/**
 * React 18's stream writer (react-dom/server, `writeStringChunk`) sends its whole 2 KB buffer
 * when the next multi-byte character does not fit in the bytes left, so the unused tail goes
 * out as zero bytes. Every Khmer character is three bytes in UTF-8: Khmer pages got stray NULs,
 * inside text and inside the hydration data's <script>, where a browser reads one as U+FFFD.
 * A zero byte is never part of any other UTF-8 character, so dropping every one restores the
 * page exactly.
 */
import { Transform } from "node:stream";

export function withoutZeroBytes(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      done(null, chunk.includes(0) ? Buffer.from(chunk.filter((byte) => byte !== 0)) : chunk);
    },
  });
}
