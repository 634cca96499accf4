/** CSV downloads through csv-stringify, with spreadsheet formula injection made safe. */
import { stringify } from "csv-stringify/sync";

import { CallerGone } from "./yield.server";

/** A cell a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe. */
function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

const HEADERS = (filename: string) => ({
  "Content-Type": "text/csv; charset=utf-8",
  "Content-Disposition": `attachment; filename="${filename}"`,
  "Cache-Control": "no-store",
});

export function csvResponse(filename: string, header: string[], rows: unknown[][]): Response {
  const body = stringify([header, ...rows.map((r) => r.map(safeCell))], { bom: true, record_delimiter: "\r\n" });
  return new Response(body, { headers: HEADERS(filename) });
}

/**
 * A CSV download written a chunk of rows at a time, as the client reads it: only one chunk is
 * held in memory (never the whole file), and the source gives the event loop back between chunks (`yieldToOthers`)
 * so a large export never holds up other people's pages. The same bytes as `csvResponse`.
 */
export function csvStreamResponse(filename: string, header: string[], chunks: AsyncIterable<unknown[][]>): Response {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<unknown[][]> | null = null;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(stringify([header], { bom: true, record_delimiter: "\r\n" })));
    },
    async pull(controller) {
      iterator ??= chunks[Symbol.asyncIterator]();
      for (;;) {
        let next: IteratorResult<unknown[][]>;
        try {
          next = await iterator.next();
        } catch (error) {
          // Its reader has gone (0054): the file ends here, as nobody is left to tell of an error.
          if (!(error instanceof CallerGone)) throw error;
          controller.close();
          return;
        }
        if (next.done) {
          controller.close();
          return;
        }
        if (next.value.length === 0) continue;
        controller.enqueue(
          encoder.encode(
            stringify(
              next.value.map((r) => r.map(safeCell)),
              { record_delimiter: "\r\n" },
            ),
          ),
        );
        return;
      }
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
  return new Response(body, { headers: HEADERS(filename) });
}
