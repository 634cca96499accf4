/**
 * The schema pieces every form is built from: text, dates, money, whole numbers, ids, choices,
 * PINs and the intent of a multi-button page. One source for each rule, so two forms can no
 * longer disagree on what "1e3", a blank id or a PIN is. Server-only: zod stays out of the
 * browser bundle (docs/decisions/0006). A form's schema is read by `parseForm`
 * (./parse.server.ts); docs/decisions/0031 says how to add one.
 *
 * The rules every piece keeps:
 * - **Messages are catalogue keys**, never zod's English (`msg`, or a key of the form's own).
 * - **One message per field**: "29/11/2026" is "not a date", not also "in the future".
 * - **Blank is missing**: a field that is empty or only spaces is the same as a field not sent.
 *   Required pieces say `errors.required`; optional ones give `undefined` (or `null`, as named).
 * - **Plain decimal only**: "0x1A", "1e3", "12.0" are not numbers here (app/domain/numbers.ts).
 * - **One value per field**: a name sent twice is a list, which a one-value piece refuses beside
 *   the field; only `list` takes several.
 */
import { z } from "zod";

import { isIsoDate } from "~/domain/dates";
import { plainAmountToCents, plainInteger } from "~/domain/numbers";
import { isGuessablePin } from "~/domain/pin";
import type { DateRule } from "~/domain/plausible";

export const msg = {
  required: "errors.required",
  tooLong: "errors.tooLong",
  invalid: "errors.invalid",
  /** A button the page does not have (an unknown `intent`). */
  intent: "form.errors.intent",
} as const;

/** The message for a date that is not a real `YYYY-MM-DD` day. */
const DATE_ERROR = "errors.date";

const isBlank = (v: unknown) => v === undefined || (typeof v === "string" && v.trim() === "");
const blankToUndefined = (v: unknown) => (isBlank(v) ? undefined : v);

/** Any piece made optional: blank or missing is `undefined`. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

// ---------------------------------------------------------------------------------------------
// Text

/** A required single-line text, trimmed, at most `max` characters. */
export const requiredText = (max: number, error: string = msg.tooLong) =>
  z.string({ error: msg.required }).trim().min(1, { error: msg.required }).max(max, { error });

/** Optional text, trimmed; blank is `null` (what the database keeps for "not given"). */
export const optionalText = (max: number, error: string = msg.tooLong) =>
  z.preprocess(blankToUndefined, z.string({ error: msg.invalid }).trim().max(max, { error }).optional()).transform((v) => v ?? null);

/** Text that may be left empty, trimmed; blank is "" (a career plan's goals). */
export const text = (max: number, error: string = msg.tooLong) =>
  z.preprocess(blankToUndefined, z.string({ error: msg.invalid }).trim().max(max, { error }).optional()).transform((v) => v ?? "");

/** A secret typed as is (a password, a current PIN): not trimmed, only bounded. */
export const secret = (max = 256) => z.string({ error: msg.required }).min(1, { error: msg.required }).max(max, { error: msg.tooLong });

/** A phone number as staff type it ("+855 12 345 678"); blank is `null`. */
export const phone = () =>
  optionalText(20, "records.errors.phone").refine((v) => v === null || /^[+0-9 ()-]{6,20}$/.test(v), { error: "records.errors.phone" });

// ---------------------------------------------------------------------------------------------
// PIN

/** A new PIN: six digits, not guessable. Only a well-formed PIN is judged on guessability. */
export const pin = () =>
  z
    .string({ error: "pin.errors.format" })
    .trim()
    .regex(/^\d{6}$/, { error: "pin.errors.format" })
    .refine((p) => !/^\d{6}$/.test(p) || !isGuessablePin(p), { error: "pin.errors.guessable" });

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * A calendar date `YYYY-MM-DD`, then each rule in turn (e.g. `placementStartRule(today)`); the
 * first message found is the only one.
 */
export function date(...rules: DateRule[]) {
  return dateWith(DATE_ERROR, rules);
}

/** A missing field is "required"; a field sent twice (a list) or as a file is `error`. */
const missingOr = (error: string) => (issue: { input?: unknown }) => (issue.input === undefined ? msg.required : error);

function dateWith(error: string, rules: readonly DateRule[]) {
  return z
    .string({ error: missingOr(error) })
    .trim()
    .transform((value, ctx) => {
      if (value === "") {
        ctx.addIssue({ code: "custom", message: msg.required });
        return z.NEVER;
      }
      if (!isIsoDate(value)) {
        ctx.addIssue({ code: "custom", message: error });
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

/** A date up to today, then each rule in turn. */
export const pastDate = (today: string, ...rules: DateRule[]) => date(notAfter(today), ...rules);

/** An optional date: blank is `undefined`. A filter may name its own message for a wrong date. */
export const optionalDate = (options: { error?: string; rules?: DateRule[] } = {}) =>
  z.preprocess(blankToUndefined, dateWith(options.error ?? DATE_ERROR, options.rules ?? []).optional());

// ---------------------------------------------------------------------------------------------
// Numbers and ids

/**
 * A whole number written in plain decimal digits, within [min, max]. "0x1A", "1e3", "12.0" and
 * " " are refused with `error`; a missing field with `required`. `oneOf` narrows it to a list.
 */
export function integer(options: { min: number; max: number; error?: string; required?: string; oneOf?: readonly number[] }) {
  const error = options.error ?? msg.invalid;
  const required = options.required ?? msg.required;
  return z
    .string({ error: (issue) => (issue.input === undefined ? required : error) })
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

/** An optional record id ("no intake", "all sites"): blank or missing is `undefined`. */
export const optionalId = (error: string = msg.invalid) => z.preprocess(blankToUndefined, id(error).optional());

/** The largest amount a stipend or salary form takes, in US dollars. */
const MONEY_MAX_USD = 10_000;
const MONEY_ERROR = "records.errors.money";

/**
 * US dollars typed by staff ("40", "40.50") → whole cents. Blank is `null`, or 0 with
 * `blankIsZero` (a stipend nobody pays). Plain decimal only: "1e3" and "0x1A" are refused.
 */
export function money(options: { blankIsZero?: boolean; max?: number } = {}) {
  const maxCents = (options.max ?? MONEY_MAX_USD) * 100;
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: MONEY_ERROR })
      .trim()
      .optional()
      .transform((value, ctx): number | null => {
        if (value === undefined) return options.blankIsZero ? 0 : null;
        const cents = plainAmountToCents(value);
        if (cents === null || cents > maxCents) {
          ctx.addIssue({ code: "custom", message: MONEY_ERROR });
          return z.NEVER;
        }
        return cents;
      }),
  );
}

// ---------------------------------------------------------------------------------------------
// Choices

/** One of a fixed list (a select, radio buttons). */
export const choice = <T extends readonly [string, ...string[]]>(values: T, error: string = msg.required) => z.enum(values, { error });

/** One of a fixed list, or nothing chosen (blank is `undefined`): a filter's "all". */
export const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, error: string = msg.invalid) =>
  z.preprocess(blankToUndefined, z.enum(values, { error }).optional());

/** "yes" or "no" radio buttons → a boolean. */
export const yesNo = () => choice(["yes", "no"] as const).transform((v) => v === "yes");

/** A checkbox: ticked sends "on", unticked sends nothing. */
export const checkbox = () => z.preprocess((v) => v === "on", z.boolean());

/** The most values a repeated field (checkboxes) may carry; the forms have at most seven. */
const LIST_MAX = 50;

/**
 * Checkboxes sharing a name: none, one or several of `values`, each once, in the list's order.
 * Anything else (an unknown value, a value twice, a nested name) is `error`.
 */
export function list<T extends string>(values: readonly T[], error: string = msg.invalid) {
  return z
    .unknown()
    .optional()
    .transform((raw, ctx): T[] => {
      const sent = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      // A name like `days[99999]` builds a sparse list: its length says it is not a form's.
      const ok =
        sent.length <= LIST_MAX && sent.every((v) => typeof v === "string" && (values as readonly string[]).includes(v)) && new Set(sent).size === sent.length;
      if (!ok) {
        ctx.addIssue({ code: "custom", message: error });
        return z.NEVER;
      }
      return values.filter((v) => sent.includes(v));
    });
}

// ---------------------------------------------------------------------------------------------
// Intents

/**
 * The forms of a page with several buttons, told apart by their `intent`: a discriminated union
 * whose branches each hold one button's fields. An unknown or missing intent is `form.errors.intent`
 * beside `intent`, never a guess. The action `switch`es on `value.intent`.
 */
export function intents<const B extends readonly [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]]>(...branches: B) {
  return z.discriminatedUnion("intent", branches, { error: msg.intent });
}

/** A branch of `intents`: the button's literal and its fields. */
export function intent<const I extends string>(name: I): z.ZodObject<{ intent: z.ZodLiteral<I> }>;
export function intent<const I extends string, S extends z.ZodRawShape>(name: I, shape: S): z.ZodObject<{ intent: z.ZodLiteral<I> } & S>;
export function intent(name: string, shape: z.ZodRawShape = {}) {
  return z.object({ intent: z.literal(name), ...shape });
}

/**
 * A branch that refuses whatever else was sent, with one message for the whole form: a button
 * the page shows but whose precondition does not hold (a check-in before the apprentice left).
 */
export const refusedIntent = <const I extends string>(name: I, message: string) =>
  z.object({ intent: z.literal(name) }).transform((_v, ctx): never => {
    ctx.addIssue({ code: "custom", path: ["form"], message });
    return z.NEVER;
  });
