/**
 * The sign-in form's schema. Server-only (the `.server` suffix keeps zod out of the browser
 * bundle: phones on metered data should not download a validator the server already runs).
 */
import { z } from "zod";

import { isLocale, isNumerals } from "~/i18n/config";

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

/**
 * A personal sign-in link's confirmation: its only field, the week card a reminder's link opens.
 * A value that is not one is dropped (the trainer lands on /trainer), never an error.
 */
export function parseLinkConfirm(form: FormData) {
  return parseForm(form, z.object({ to: z.string().optional().catch(undefined) }));
}

/** The language switch: a language and the page to go back to. A language the portal does not have is missing here (the route answers 400); a bad page to go back to is missing too (home). */
export function parseLocaleChoice(form: FormData) {
  return parseForm(form, z.object({ locale: z.string().refine(isLocale).optional().catch(undefined), redirectTo: z.string().optional().catch(undefined) }));
}

/** The numerals switch (docs/decisions/0028): the digits and the page to go back to. Digits the portal does not have are missing here (the route answers 400); a bad page to go back to is missing too (home). */
export function parseNumeralsChoice(form: FormInput) {
  return parseForm(form, z.object({ numerals: z.string().refine(isNumerals).optional().catch(undefined), redirectTo: z.string().optional().catch(undefined) }));
}
