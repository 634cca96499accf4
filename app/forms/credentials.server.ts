/** Forms of signed records of achievement. Server-only: zod stays out of the browser bundle. */
import { z } from "zod";

import { STAFF_REVOCATION_REASONS } from "~/domain/enums";
import { msg } from "~/utils/validation";

type Errors = Record<string, string[] | undefined>;

const rowId = z.coerce.number({ error: msg.invalid }).int({ error: msg.invalid }).positive({ error: msg.invalid });

export const CredentialIntentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("issue"),
    /** The credential the form showed as current ("" for none): a double submit issues once. */
    current: z.union([z.literal("").transform(() => null), rowId]),
  }),
  z.object({
    intent: z.literal("revoke"),
    credentialId: rowId,
    reason: z.enum(STAFF_REVOCATION_REASONS, { error: msg.required }),
  }),
]);

/** Only the fields the forms have are read (never keys chosen by the sender). */
export function parseCredentialIntent(form: FormData) {
  const field = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const parsed = CredentialIntentSchema.safeParse({
    intent: field("intent"),
    current: field("current"),
    credentialId: field("credentialId"),
    reason: field("reason"),
  });
  if (parsed.success) return { ok: true as const, data: parsed.data };
  return { ok: false as const, errors: z.flattenError(parsed.error).fieldErrors as Errors };
}

/** A record of achievement is a few kilobytes; anything far bigger is not one. */
export const MAX_CREDENTIAL_BYTES = 64 * 1024;

/** What someone wants checked: the chosen file if any, else the pasted text. */
export async function parseVerifyUpload(form: FormData): Promise<{ ok: true; text: string } | { ok: false; errors: Errors }> {
  const file = form.get("file");
  const pasted = form.get("credential");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_CREDENTIAL_BYTES) return { ok: false, errors: { file: ["verify.errors.tooLarge"] } };
    return { ok: true, text: await file.text() };
  }
  if (typeof pasted === "string" && pasted.trim() !== "") {
    if (pasted.length > MAX_CREDENTIAL_BYTES) return { ok: false, errors: { credential: ["verify.errors.tooLarge"] } };
    return { ok: true, text: pasted };
  }
  return { ok: false, errors: { credential: ["verify.errors.empty"] } };
}
