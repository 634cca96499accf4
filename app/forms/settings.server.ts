/** The admin's per-site thresholds form (server-only). */
import { ThresholdsSchema } from "~/domain/flags/thresholds";
import { plainInteger } from "~/domain/numbers";
import { formFields } from "~/forms/form-data.server";

export function parseThresholds(form: FormData) {
  // Thresholds are whole numbers in plain decimal: "1e3" or "0x1A" is out of range, never 1000 or 26.
  const raw = Object.fromEntries(
    Object.entries(formFields(form))
      .filter(([k]) => k !== "siteId" && k !== "intent")
      .map(([k, v]) => [k, v === "" ? undefined : Array.isArray(v) ? v : (plainInteger(v.trim()) ?? Number.NaN)]),
  );
  const parsed = ThresholdsSchema.safeParse(raw);
  if (parsed.success) return { ok: true as const, data: parsed.data };
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    // zod's own messages are English: every field error is shown as the catalogue's range message.
    (errors[key] ??= []).push(issue.message.startsWith("flags.") ? issue.message : "settings.errors.range");
  }
  return { ok: false as const, errors };
}
