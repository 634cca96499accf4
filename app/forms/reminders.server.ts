/** Reminder forms' schemas (server-only: zod stays out of the browser bundle). */
import { z } from "zod";

import { TIME_OF_DAY } from "~/domain/reminders";
import { msg } from "~/utils/validation";

export const TELEGRAM_INTENTS = ["telegram_link", "telegram_unlink"] as const;
export type TelegramIntent = (typeof TELEGRAM_INTENTS)[number];

/** The Telegram forms share a page with others: told apart by their intent. */
export function telegramIntentOf(form: FormData): TelegramIntent | null {
  const intent = form.get("intent");
  return (TELEGRAM_INTENTS as readonly unknown[]).includes(intent) ? (intent as TelegramIntent) : null;
}

const time = z.string({ error: "reminders.errors.time" }).trim().regex(TIME_OF_DAY, { error: "reminders.errors.time" });

export const ScheduleSchema = z.object({
  siteId: z.coerce.number({ error: msg.invalid }).int({ error: msg.invalid }).positive({ error: msg.invalid }),
  weekday: z.coerce.number({ error: "reminders.errors.weekday" }).int({ error: "reminders.errors.weekday" }).min(1, { error: "reminders.errors.weekday" }).max(7, { error: "reminders.errors.weekday" }),
  time,
  mondayTime: time,
  // A checkbox sends "on" when ticked and nothing otherwise.
  enabled: z.preprocess((v) => v === "on", z.boolean()),
});

export function parseSchedule(form: FormData) {
  const raw = { siteId: form.get("siteId") ?? undefined, weekday: form.get("weekday") ?? undefined, time: form.get("time") ?? undefined, mondayTime: form.get("mondayTime") ?? undefined, enabled: form.get("enabled") ?? undefined };
  const parsed = ScheduleSchema.safeParse(raw);
  if (parsed.success) return { ok: true as const, data: parsed.data };
  return { ok: false as const, errors: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined> };
}
