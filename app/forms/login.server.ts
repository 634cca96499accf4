/**
 * The sign-in form's schema. Server-only (the `.server` suffix keeps zod out of the browser
 * bundle: phones on metered data should not download a validator the server already runs).
 */
import { z } from "zod";

import { requiredText, secret } from "./fields.server";
import { parseForm, type FormInput } from "./parse.server";

const LoginSchema = z.object({
  username: requiredText(64),
  password: secret(),
  // Never an error the user could not fix: a hostile or overlong value is dropped, and
  // `safeRedirect` sends the user to their home instead.
  redirectTo: z.string().max(1000).optional().catch(undefined),
});

export function parseLogin(form: FormInput) {
  return parseForm(form, LoginSchema);
}
