/**
 * Validation messages are catalogue keys, so the server's zod errors reach the user in their
 * own language. Schemas use these helpers instead of literal English messages.
 */
import { z } from "zod";

export const msg = {
  required: "errors.required",
  tooLong: "errors.tooLong",
  invalid: "errors.invalid",
} as const;

/** A required single-line string (trimmed), with a length limit. */
export const requiredText = (max: number) =>
  z
    .string({ error: msg.required })
    .trim()
    .min(1, { error: msg.required })
    .max(max, { error: msg.tooLong });
