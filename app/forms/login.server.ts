/**
 * The sign-in form's schema. Server-only (the `.server` suffix keeps zod out of the browser
 * bundle: phones on metered data should not download a validator the server already runs).
 */
import { parseWithZod } from "@conform-to/zod/v4";
import { z } from "zod";

import { msg, requiredText } from "~/utils/validation";

const LoginSchema = z.object({
  username: requiredText(64),
  password: z.string({ error: msg.required }).min(1, { error: msg.required }).max(256, { error: msg.tooLong }),
  // Never an error the user could not fix: a hostile or overlong value is dropped, and
  // `safeRedirect` sends the user to their home instead.
  redirectTo: z.string().max(1000).optional().catch(undefined),
});

export function parseLogin(formData: FormData) {
  return parseWithZod(formData, { schema: LoginSchema });
}
