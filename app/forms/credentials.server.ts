/** Forms of signed records of achievement. Server-only: zod stays out of the browser bundle. */
import { z } from "zod";

import { STAFF_REVOCATION_REASONS } from "~/domain/enums";
import type { FieldErrorMap } from "~/domain/field-errors";

import { choice, id, intent, intents } from "./fields.server";
import { parseForm } from "./parse.server";

const CredentialIntentSchema = intents(
  intent("issue", {
    /** The credential the form showed as current ("" for none): a double submit issues once. */
    current: z.union([z.literal("").transform(() => null), id()]),
  }),
  intent("revoke", {
    credentialId: id(),
    reason: choice(STAFF_REVOCATION_REASONS),
  }),
);

export function parseCredentialIntent(form: FormData) {
  return parseForm(form, CredentialIntentSchema);
}

/** A record of achievement is a few kilobytes; anything far bigger is not one. */
export const MAX_CREDENTIAL_BYTES = 64 * 1024;

/** What someone wants checked: the chosen file if any, else the pasted text. */
const VerifySchema = z.object({ file: z.unknown().optional(), credential: z.unknown().optional() }).transform((sent, ctx): File | string => {
  const refuse = (field: "file" | "credential", message: string) => {
    ctx.addIssue({ code: "custom", path: [field], message });
    return z.NEVER;
  };
  if (sent.file instanceof File && sent.file.size > 0) return sent.file.size > MAX_CREDENTIAL_BYTES ? refuse("file", "verify.errors.tooLarge") : sent.file;
  if (typeof sent.credential === "string" && sent.credential.trim() !== "")
    return sent.credential.length > MAX_CREDENTIAL_BYTES ? refuse("credential", "verify.errors.tooLarge") : sent.credential;
  return refuse("credential", "verify.errors.empty");
});

export async function parseVerifyUpload(form: FormData): Promise<{ ok: true; text: string } | { ok: false; errors: FieldErrorMap }> {
  const parsed = parseForm(form, VerifySchema);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, text: typeof parsed.value === "string" ? parsed.value : await parsed.value.text() };
}
