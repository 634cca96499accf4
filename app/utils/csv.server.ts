/** CSV downloads through csv-stringify, with spreadsheet formula injection made safe. */
import { stringify } from "csv-stringify/sync";

/** A cell a spreadsheet would run as a formula (= + - @, tab, CR) gets a leading apostrophe. */
function safeCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : typeof value === "object" ? JSON.stringify(value) : String(value);
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvResponse(filename: string, header: string[], rows: unknown[][]): Response {
  const body = stringify([header, ...rows.map((r) => r.map(safeCell))], { bom: true, record_delimiter: "\r\n" });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
    },
  });
}
