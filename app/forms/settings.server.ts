/** The admin's per-site thresholds form (server-only). */
import { z } from "zod";

import { ThresholdsSchema } from "~/domain/flags/thresholds";
import { plainInteger } from "~/domain/numbers";

import { id } from "./fields.server";
import { parseForm, type FormInput } from "./parse.server";

/** Which site's thresholds the form is about: the route answers 404 for a site not the caller's. */
export function parseSiteId(form: FormInput) {
  return parseForm(form, z.object({ siteId: id() }));
}

// Thresholds are whole numbers in plain decimal: "1e3" or "0x1A" is out of range, never 1000 or 26.
const SettingsSchema = z.preprocess((raw) => {
  const { siteId: _s, intent: _i, ...given } = raw as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(given).map(([k, v]) => [k, typeof v === "string" ? (v.trim() === "" ? undefined : (plainInteger(v.trim()) ?? Number.NaN)) : v]),
  );
}, ThresholdsSchema);

export function parseThresholds(form: FormInput) {
  // zod's own messages are English: every field error is shown as the catalogue's range message.
  return parseForm(form, SettingsSchema, { fallback: "settings.errors.range" });
}
