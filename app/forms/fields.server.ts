/**
 * The schema pieces every form shares: dates, money, integers and ids, and the result shape of a
 * parse. One source for each rule, so two forms can no longer disagree on what "1e3" means.
 * Server-only: zod stays out of the browser bundle (docs/decisions/0006).
 *
 * Each piece gives at most ONE message for a field: "29/11/2026" is "not a date", not also
 * "in the future" and "before the start". Messages are catalogue keys (app/utils/validation.ts).
 */
import { z } from "zod";

import { isIsoDate } from "~/domain/dates";
import { plainAmountToCents, plainInteger } from "~/domain/numbers";
import type { DateRule } from "~/domain/plausible";
import { msg } from "~/utils/validation";

export type FieldErrors = Record<string, string[] | undefined>;
export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/** A zod result as the forms return it: the data, or messages by field. */
export function flat<T>(result: z.ZodSafeParseResult<T>): Parsed<T> {
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: z.flattenError(result.error).fieldErrors as FieldErrors };
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** The message for a date that is not a real `YYYY-MM-DD` day. */
export const DATE_ERROR = "errors.date";

/**
 * A calendar date `YYYY-MM-DD`, then each rule in turn (e.g. `placementStartRule(today)`); the
 * first message found is the only one.
 */
export function date(...rules: DateRule[]) {
  return z
    .string({ error: msg.required })
    .trim()
    .transform((value, ctx) => {
      if (value === "") {
        ctx.addIssue({ code: "custom", message: msg.required });
        return z.NEVER;
      }
      if (!isIsoDate(value)) {
        ctx.addIssue({ code: "custom", message: DATE_ERROR });
        return z.NEVER;
      }
      for (const rule of rules) {
        const problem = rule(value);
        if (problem) {
          ctx.addIssue({ code: "custom", message: problem });
          return z.NEVER;
        }
      }
      return value;
    });
}

/** A date that has happened: today at the latest. */
export const notAfter =
  (limit: string, error = "records.errors.future"): DateRule =>
  (d) =>
    d > limit ? error : null;

/** An optional date: blank is `undefined`. */
export const optionalDate = (...rules: DateRule[]) => z.preprocess(blankToUndefined, date(...rules).optional());

/**
 * A whole number written in plain decimal digits, within [min, max]. "0x1A", "1e3", "12.0" and
 * " " are refused with `error`; a missing field with `required`. `oneOf` narrows it to a list.
 */
export function integer(options: { min: number; max: number; error?: string; required?: string; oneOf?: readonly number[] }) {
  const error = options.error ?? msg.invalid;
  const required = options.required ?? msg.required;
  return z
    .string({ error: required })
    .trim()
    .transform((value, ctx) => {
      if (value === "") {
        ctx.addIssue({ code: "custom", message: required });
        return z.NEVER;
      }
      const n = plainInteger(value);
      if (n === null || n < options.min || n > options.max || (options.oneOf && !options.oneOf.includes(n))) {
        ctx.addIssue({ code: "custom", message: error });
        return z.NEVER;
      }
      return n;
    });
}

/** An optional whole number: blank or missing is `undefined`. */
export const optionalInteger = (options: { min: number; max: number; error?: string }) => z.preprocess(blankToUndefined, integer(options).optional());

/** A record id: a positive whole number in plain decimal. */
export const id = (error: string = msg.invalid) => integer({ min: 1, max: Number.MAX_SAFE_INTEGER, error, required: msg.required });

/** An optional record id: blank or missing is `undefined`. */
export const optionalId = (error: string = msg.invalid) => z.preprocess(blankToUndefined, id(error).optional());

/** The largest amount a stipend or salary form takes, in US dollars. */
export const MONEY_MAX_USD = 10_000;
export const MONEY_ERROR = "records.errors.money";

/**
 * US dollars typed by staff ("40", "40.50") → whole cents. Blank is `null`, or 0 with
 * `blankIsZero` (a stipend nobody pays). Plain decimal only: "1e3" and "0x1A" are refused.
 */
export function money(options: { blankIsZero?: boolean; max?: number } = {}) {
  const maxCents = (options.max ?? MONEY_MAX_USD) * 100;
  return z
    .string()
    .trim()
    .optional()
    .transform((value, ctx): number | null => {
      if (!value) return options.blankIsZero ? 0 : null;
      const cents = plainAmountToCents(value);
      if (cents === null || cents > maxCents) {
        ctx.addIssue({ code: "custom", message: MONEY_ERROR });
        return z.NEVER;
      }
      return cents;
    });
}
