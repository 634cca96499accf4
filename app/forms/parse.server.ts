/**
 * The one way a form (or a filter's query string) is checked: `parseForm(form, schema)`, on the
 * `FormData` that `readForm` vetted (docs/decisions/0010), with a schema built from the pieces in
 * ./fields.server.ts. It answers either the typed value or a reply: messages by field, each a
 * catalogue key, and the text fields as sent. docs/decisions/0031 is the whole contract.
 *
 * Built on conform's server half (`parseWithZod`): names with dots and brackets become nested
 * objects (`att.2026-11-24.status`), a name sent twice becomes a list, and an issue's path becomes
 * the field name it is shown beside. Auto-coercion is off: the pieces read the text themselves,
 * because conform's would read "1e3" as 1000 and "0x1A" as 26.
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { data } from "@remix-run/node";
import type { z } from "zod";

import type { FieldErrorMap } from "~/domain/field-errors";
import en from "~/i18n/locales/en.json";

import { isAcceptableName } from "./form-data.server";
import { msg } from "./fields.server";

/** A form body (after `readForm`) or a query string. */
export type FormInput = FormData | URLSearchParams;

/** What a refused form answers (besides what its page adds, such as `intent`). */
export interface FormReply {
  /** Messages by field name, catalogue keys; `form` for the whole form. */
  errors: FieldErrorMap;
  /** The text fields as sent, to put back on screen without JavaScript (secrets left out). */
  values: Record<string, string>;
}

export type FormResult<T> = { ok: true; value: T } | ({ ok: false } & FormReply);

/** conform's own field names: a portal form never sends them, and conform would act on them. */
const RESERVED = new Set(["__intent__", "__state__"]);

/** Names whose values never come back in a reply. */
const SECRET = /^(password|pin|pinAgain|current)$/;

export interface ParseOptions {
  /** The message for an issue whose own message is not a catalogue key (zod's English). */
  fallback?: string;
}

/**
 * Check `form` against `schema`. Every issue becomes a catalogue key beside its field (the path
 * joined with dots; `form` for the whole form); a field's repeated message is given once.
 */
export function parseForm<S extends z.ZodType>(form: FormInput, schema: S, options: ParseOptions = {}): FormResult<z.output<S>> {
  const submission = parseWithZod(withoutReserved(form), {
    schema,
    disableAutoCoercion: true,
    formatError: (issues: Issue[]) => [...new Set(issues.map((issue) => messageOf(issue, options.fallback ?? msg.invalid)))],
  });
  if (submission.status === "success") return { ok: true, value: submission.value as z.output<S> };
  const errors: FieldErrorMap = {};
  for (const [name, messages] of Object.entries(submission.error ?? {})) if (messages?.length) errors[name === "" ? "form" : name] = messages;
  // A failed parse always says why: an error with no message would be a form refused in silence.
  if (Object.keys(errors).length === 0) errors.form = [msg.invalid];
  return { ok: false, errors, values: sentValues(form) };
}

/** A reply for a refusal found after parsing (a foreign id, a taken code): the same shape. */
export function replyOf(form: FormInput, errors: FieldErrorMap): FormReply {
  return { errors, values: sentValues(form) };
}

/**
 * The 400 answer to a refused form: its reply (`errors`, `values`) and what the page needs to
 * show it beside the right form (`intent`, the row it was about).
 */
export function badRequest<const E extends Record<string, unknown> = Record<never, never>>(reply: FormReply, extra?: E) {
  return data({ ...(extra as E), errors: reply.errors, values: reply.values }, { status: 400 });
}

/** The intent a refused form was sent with, to show its errors beside it (null when none). */
export const sentIntent = (reply: FormReply): string | null => reply.values.intent ?? null;

/** The text fields as sent, by name (the last value of a repeated name), without secrets or files. */
export function sentValues(form: FormInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value !== "string" || SECRET.test(name) || RESERVED.has(name) || !isAcceptableName(name)) continue;
    out[name] = value;
  }
  return out;
}

function withoutReserved(form: FormInput): FormData | URLSearchParams {
  if (![...form.keys()].some((name) => RESERVED.has(name))) return form;
  const copy = new FormData();
  for (const [name, value] of form.entries()) if (!RESERVED.has(name)) copy.append(name, value);
  return copy;
}

type Issue = z.core.$ZodIssue;

function messageOf(issue: Issue, fallback: string): string {
  // A record key that fails its schema (`att.tomorrow`) reports the key's own message.
  const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? fallback) : issue.message;
  return isCatalogueKey(message) ? message : fallback;
}

function isCatalogueKey(key: string): boolean {
  let node: unknown = en;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, part)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string";
}
