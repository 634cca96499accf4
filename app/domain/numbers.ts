/**
 * Numbers typed into forms. Only plain decimal is accepted: JavaScript's `Number()` also reads
 * "0x1A" (26), "1e3" (1000), " 12 " and "" (0), which no person means when typing an amount.
 * Pure: used by the form schemas (app/forms/fields.server.ts) and anything else that reads a
 * number from text.
 */

const PLAIN_INTEGER = /^\d{1,15}$/;
const PLAIN_AMOUNT = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

/** "42" → 42; null for anything but plain decimal digits (no sign, exponent, hex, spaces or dot). */
export function plainInteger(text: string): number | null {
  if (!PLAIN_INTEGER.test(text)) return null;
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : null;
}

/**
 * An amount in dollars with at most two decimals, as whole cents: "40" → 4000, "40.5" → 4050,
 * "0.07" → 7. Worked out on the digits, so no float rounding ever shifts a cent. Null for
 * anything else ("1e3", "0x1A", "-5", "40.505", "4,000").
 */
export function plainAmountToCents(text: string): number | null {
  const m = PLAIN_AMOUNT.exec(text);
  if (!m) return null;
  const cents = Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
  return Number.isSafeInteger(cents) ? cents : null;
}
