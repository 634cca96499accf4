/** Staff forms' schemas (server-only: zod stays out of the browser bundle). */
import { z } from "zod";

import { msg } from "~/utils/validation";

export const LinkIntentSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("create"),
    days: z.coerce
      .number({ error: msg.invalid })
      .int({ error: "links.errors.days" })
      .min(1, { error: "links.errors.days" })
      .max(30, { error: "links.errors.days" }),
  }),
  z.object({ intent: z.literal("revoke"), linkId: z.coerce.number({ error: msg.invalid }).int().positive() }),
]);

export function parseLinkIntent(form: FormData) {
  const parsed = LinkIntentSchema.safeParse(Object.fromEntries(form));
  if (parsed.success) return { ok: true as const, data: parsed.data };
  return { ok: false as const, errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined> };
}
