/** Reminder forms: a site's schedule, and linking Telegram (server-only: zod stays out of the browser bundle). */
import { z } from "zod";

import { TIME_OF_DAY } from "~/domain/reminders";

import { checkbox, id, integer, intent, intents } from "./fields.server";
import { parseForm, type FormInput } from "./parse.server";

/** "Link Telegram" and "Unlink Telegram": the same two buttons on three pages. */
export const telegramIntents = [intent("telegram_link"), intent("telegram_unlink")] as const;
export type TelegramIntent = z.output<(typeof telegramIntents)[number]>["intent"];

/** A trainer's own page: only the Telegram buttons. */
export function parseTelegramIntent(form: FormInput) {
  return parseForm(form, intents(...telegramIntents));
}

const time = z.string({ error: "reminders.errors.time" }).trim().regex(TIME_OF_DAY, { error: "reminders.errors.time" });

const scheduleFields = {
  siteId: id(),
  weekday: integer({ min: 1, max: 7, error: "reminders.errors.weekday", required: "reminders.errors.weekday" }),
  time,
  mondayTime: time,
  enabled: checkbox(),
};

/** /staff/reminders: a site's schedule (admin), or staff linking Telegram for their digest. */
export function parseRemindersIntent(form: FormInput) {
  return parseForm(form, intents(intent("schedule", scheduleFields), ...telegramIntents));
}
