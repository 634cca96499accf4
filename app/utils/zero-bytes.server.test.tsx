import { PassThrough, Readable } from "node:stream";

import { renderToPipeableStream } from "react-dom/server";
import { describe, expect, it } from "vitest";

import { dropZeroBytes, withoutZeroBytes } from "./zero-bytes.server";

async function render(element: React.ReactElement, through: boolean): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const { pipe } = renderToPipeableStream(element, {
      onAllReady() {
        const chunks: Buffer[] = [];
        const sink = through ? withoutZeroBytes() : new PassThrough();
        sink.on("data", (c: Buffer) => chunks.push(c));
        sink.on("end", () => resolve(Buffer.concat(chunks)));
        pipe(sink);
      },
      onShellError: reject,
    });
  });
}

describe("withoutZeroBytes", () => {
  // Khmer text long enough to cross React's 2 KB buffer with a character that does not fit.
  const page = (
    <main>
      {Array.from({ length: 400 }, (_, i) => (
        <p key={i}>{"ទំព័រនេះទទួលតែទម្រង់របស់វាប៉ុណ្ណោះ។".slice(0, (i % 7) + 3)}</p>
      ))}
    </main>
  );

  it("removes the zero bytes React 18 pads its stream with, and nothing else", async () => {
    const raw = await render(page, false);
    expect(raw.includes(0), "React 18 still pads Khmer pages with zero bytes: this module may no longer be needed").toBe(true);
    const clean = await render(page, true);
    expect(clean.includes(0)).toBe(false);
    expect(clean).toEqual(Buffer.from(raw.filter((b) => b !== 0)));
  });

  it("passes other bytes through untouched", async () => {
    const out: Buffer[] = [];
    await new Promise<void>((resolve) =>
      Readable.from([Buffer.from("ក a\u0001")])
        .pipe(withoutZeroBytes())
        .on("data", (c: Buffer) => out.push(c))
        .on("end", resolve),
    );
    expect(Buffer.concat(out).toString("utf8")).toBe("ក a\u0001");
  });

  it("drops zeros wherever they are: at either end, alone or in runs", () => {
    const cases = [[], [0], [0, 0, 0], [1, 0, 2], [0, 1, 2], [1, 2, 0], [0, 0, 1, 0, 0, 2, 3, 0, 4, 0, 0], [5, 6, 7]];
    for (const bytes of cases) {
      expect([...dropZeroBytes(Buffer.from(bytes))]).toEqual(bytes.filter((b) => b !== 0));
    }
  });

  it("sends what is written in one turn of the event loop as one piece, and a later write after it", async () => {
    const stream = withoutZeroBytes();
    const pieces: string[] = [];
    stream.on("data", (c: Buffer) => pieces.push(c.toString("utf8")));
    const ended = new Promise((resolve) => stream.on("end", resolve));
    stream.write(Buffer.from("<html>"));
    stream.write(Buffer.from([0x61, 0, 0, 0x62]));
    stream.write(Buffer.from("</p>"));
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(pieces).toEqual(["<html>ab</p>"]);
    stream.end(Buffer.from("</html>"));
    await ended;
    expect(pieces).toEqual(["<html>ab</p>", "</html>"]);
  });
});
