/**
 * The reminder outbox (issue 13, docs/decisions/0018).
 *
 * A pass has two halves:
 * - queue: for each site, the reminders due now (app/domain/reminders.ts) become outbox rows,
 *   one per recipient, week and kind. The unique index turns a second pass, a restart or two
 *   processes at once into "nothing new".
 * - send: each row that is queued or due for a retry is claimed by one atomic update, its
 *   content is built from the records as they are now (a week submitted meanwhile cancels it),
 *   the sign-in link is minted, and the transport is called outside any transaction. Channels
 *   are sent in parallel, so a slow or failing transport holds up only its own messages.
 */
import crypto from "node:crypto";

import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";

import { hashToken } from "~/auth/session.server";
import { addDays, dateInZone } from "~/domain/dates";
import type { Locale } from "~/domain/enums";
import type { Actor } from "~/domain/permissions";
import {
  DEFAULT_SCHEDULE,
  dueReminders,
  nextAttemptAt,
  nextWeeklyReminder,
  timeInZone,
  type MessageChannel,
  type ReminderKind,
  type ReminderSchedule,
} from "~/domain/reminders";
import { env } from "~/env.server";
import { DEFAULT_LOCALE } from "~/i18n/config";
import { serverT } from "~/i18n/i18n.server";
import { localized } from "~/i18n/localized";
import { messagingConfig, type MessagingConfig } from "~/messaging/config.server";
import { renderDigest, renderTrainerMessage } from "~/messaging/messages";
import { transportsFor, type SendResult, type Transports } from "~/messaging/transports.server";

import { audit } from "./audit.server";
import { db, type DB } from "./client.server";
import {
  apprentices,
  employers,
  placements,
  publicHolidays,
  reminderOutbox,
  reminderSchedules,
  signInLinks,
  sites,
  telegramChats,
  users,
  weeklyReviews,
} from "./schema";
import { unlinkUserInTx } from "./telegram-links.server";
import { yieldToOthers } from "~/utils/yield.server";

export type OutboxRow = typeof reminderOutbox.$inferSelect;

export interface TrainerPayload {
  items: { placementId: number; code: string; preferredName: string }[];
}
export interface DigestPayload {
  trainers: { trainerUserId: number; name: string; employer: string; missing: number }[];
}

/** A row that no one finished sending (a crash mid-send) may be claimed again after this long. */
const STALE_SENDING_MS = 10 * 60_000;

// ---------------------------------------------------------------------------------------------
// Schedules

function scheduleOf(siteId: number, database: DB = db()): ReminderSchedule {
  const row = database.select().from(reminderSchedules).where(eq(reminderSchedules.siteId, siteId)).get();
  return row ? { weekday: row.weekday, time: row.time, mondayTime: row.mondayTime, enabled: row.enabled } : DEFAULT_SCHEDULE;
}

export function saveSchedule(input: { siteId: number; schedule: ReminderSchedule; actorUserId: number; requestId?: string }) {
  db().transaction((tx) => {
    const values = { ...input.schedule, updatedBy: input.actorUserId, updatedAt: new Date() };
    tx.insert(reminderSchedules)
      .values({ siteId: input.siteId, ...values })
      .onConflictDoUpdate({ target: reminderSchedules.siteId, set: values })
      .run();
    audit(
      { actorUserId: input.actorUserId, action: "reminder_schedule_changed", entity: "site", entityId: input.siteId, detail: { ...input.schedule } },
      input.requestId ? { requestId: input.requestId } : null,
      tx,
    );
  });
}

function holidaysAround(database: DB, siteId: number, today: string): Set<string> {
  return new Set(
    database
      .select({ date: publicHolidays.date })
      .from(publicHolidays)
      .where(and(eq(publicHolidays.siteId, siteId), gte(publicHolidays.date, addDays(today, -28)), lte(publicHolidays.date, addDays(today, 28))))
      .all()
      .map((h) => h.date),
  );
}

/** A site's calendar date now (DEMO_TODAY when set) and its clock time. */
function siteClock(site: { timezone: string }, now: Date, over: { today?: string; time?: string }) {
  return { today: over.today ?? env().DEMO_TODAY ?? dateInZone(now, site.timezone), time: over.time ?? timeInZone(now, site.timezone) };
}

// ---------------------------------------------------------------------------------------------
// Who is still missing a week

interface MissingItem {
  placementId: number;
  trainerUserId: number;
  code: string;
  preferredName: string;
}

/**
 * Active placements whose week is not submitted: the placement had started by the end of that
 * week (and by today), and its trainer's account is active. Scoped to a site, or to one trainer.
 */
function missingForWeek(database: Pick<DB, "select">, scope: { siteId: number } | { trainerUserId: number }, weekOf: string, today: string): MissingItem[] {
  const lastDay = addDays(weekOf, 6) < today ? addDays(weekOf, 6) : today;
  return database
    .select({ placementId: placements.id, trainerUserId: placements.trainerUserId, code: apprentices.code, preferredName: apprentices.preferredName })
    .from(placements)
    .innerJoin(employers, eq(employers.id, placements.employerId))
    .innerJoin(users, eq(users.id, placements.trainerUserId))
    .innerJoin(apprentices, eq(apprentices.id, placements.apprenticeId))
    .where(
      and(
        eq(placements.status, "active"),
        eq(users.active, true),
        lte(placements.startDate, lastDay),
        "siteId" in scope ? eq(employers.siteId, scope.siteId) : eq(placements.trainerUserId, scope.trainerUserId),
        sql`not exists (select 1 from ${weeklyReviews} where ${weeklyReviews.placementId} = ${placements.id} and ${weeklyReviews.weekOf} = ${weekOf})`,
      ),
    )
    .orderBy(asc(apprentices.code))
    .all();
}

// ---------------------------------------------------------------------------------------------
// Channels

/** How a user is reached: Telegram when linked, SMS with a phone, the log when nothing is configured. */
function channelFor(user: { phone: string | null }, linked: boolean, config: MessagingConfig): MessageChannel | null {
  if (config.telegram && linked) return "telegram";
  if (config.sms && user.phone) return "sms";
  if (!config.telegram && !config.sms) return "log";
  return null;
}

function linkedUserIds(database: DB, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  return new Set(
    database
      .select({ userId: telegramChats.userId })
      .from(telegramChats)
      .where(inArray(telegramChats.userId, ids))
      .all()
      .map((r) => r.userId),
  );
}

// ---------------------------------------------------------------------------------------------
// Queue

export interface PassOptions {
  now?: Date;
  /** The sites' calendar date, as DEMO_TODAY does. Defaults to DEMO_TODAY or each site's own date. */
  today?: string;
  /** `HH:MM` on the sites' clocks (the reminders command's --time). */
  time?: string;
  config?: MessagingConfig;
  transports?: Transports;
  log?: (line: string) => void;
}

export interface QueuedSummary {
  siteCode: string;
  kind: ReminderKind;
  weekOf: string;
  queued: number;
}

/** Turn the reminders due now into outbox rows. Returns what was newly queued. */
export function queueDueReminders(database: DB = db(), options: PassOptions = {}): QueuedSummary[] {
  const now = options.now ?? new Date();
  const config = options.config ?? messagingConfig();
  const out: QueuedSummary[] = [];
  for (const site of database.select().from(sites).where(eq(sites.active, true)).orderBy(asc(sites.id)).all()) {
    const { today, time } = siteClock(site, now, options);
    const due = dueReminders({ today, time, schedule: scheduleOf(site.id, database), holidays: holidaysAround(database, site.id, today) });
    for (const reminder of due) out.push(...queueWeek(database, { site, kind: reminder.kind, weekOf: reminder.weekOf, today, config }));
  }
  return out;
}

function queueWeek(
  database: DB,
  input: { site: typeof sites.$inferSelect; kind: "weekly" | "monday"; weekOf: string; today: string; config: MessagingConfig },
): QueuedSummary[] {
  const missing = missingForWeek(database, { siteId: input.site.id }, input.weekOf, input.today);
  if (missing.length === 0) return [];
  const trainerIds = [...new Set(missing.map((m) => m.trainerUserId))];
  const staff =
    input.kind === "monday"
      ? database
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.role, "staff"), eq(users.siteId, input.site.id), eq(users.active, true)))
          .all()
          .map((u) => u.id)
      : [];
  const people = database
    .select({ id: users.id, phone: users.phone, locale: users.locale, displayName: users.displayName, employerName: employers.name })
    .from(users)
    .leftJoin(employers, eq(employers.id, users.employerId))
    .where(inArray(users.id, [...trainerIds, ...staff]))
    .all();
  const byId = new Map(people.map((p) => [p.id, p]));
  const linked = linkedUserIds(database, [...trainerIds, ...staff]);

  type NewRow = typeof reminderOutbox.$inferInsert;
  const rows: NewRow[] = [];
  const base = (userId: number, kind: ReminderKind) => {
    const person = byId.get(userId)!;
    const channel = channelFor(person, linked.has(userId), input.config);
    return channel ? { kind, recipientUserId: userId, siteId: input.site.id, weekOf: input.weekOf, channel, locale: person.locale ?? DEFAULT_LOCALE } : null;
  };
  for (const trainerId of trainerIds) {
    const row = base(trainerId, input.kind);
    const items = missing.filter((m) => m.trainerUserId === trainerId).map(({ placementId, code, preferredName }) => ({ placementId, code, preferredName }));
    if (row) rows.push({ ...row, payload: { items } satisfies TrainerPayload });
  }
  if (input.kind === "monday") {
    const trainers = trainerIds.map((id) => ({
      trainerUserId: id,
      name: byId.get(id)!.displayName,
      employer: byId.get(id)!.employerName ?? "",
      missing: missing.filter((m) => m.trainerUserId === id).length,
    }));
    for (const staffId of staff) {
      const row = base(staffId, "digest");
      if (row) rows.push({ ...row, payload: { trainers } satisfies DigestPayload });
    }
  }

  let trainerRows = 0;
  let digestRows = 0;
  database.transaction((tx) => {
    for (const row of rows) {
      const inserted = tx.insert(reminderOutbox).values(row).onConflictDoNothing().run().changes;
      if (row.kind === "digest") digestRows += inserted;
      else trainerRows += inserted;
    }
  });
  const out: QueuedSummary[] = [];
  if (trainerRows > 0) out.push({ siteCode: input.site.code, kind: input.kind, weekOf: input.weekOf, queued: trainerRows });
  if (digestRows > 0) out.push({ siteCode: input.site.code, kind: "digest", weekOf: input.weekOf, queued: digestRows });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Send

export interface SentSummary {
  sent: number;
  failed: number;
  cancelled: number;
}

function sendable(now: Date) {
  return or(
    eq(reminderOutbox.status, "queued"),
    and(eq(reminderOutbox.status, "failed"), isNotNull(reminderOutbox.nextAttemptAt), lte(reminderOutbox.nextAttemptAt, now)),
    and(eq(reminderOutbox.status, "sending"), lte(reminderOutbox.lastAttemptAt, new Date(now.getTime() - STALE_SENDING_MS))),
  );
}

/** Send every message that is queued or due for another try. */
export async function sendDueMessages(database: DB = db(), options: PassOptions = {}): Promise<SentSummary> {
  const now = options.now ?? new Date();
  const config = options.config ?? messagingConfig();
  const transports = options.transports ?? transportsFor(config, options.log);
  // A pass given a moment (tests, --time) keeps it; otherwise each message gets the real time it was sent.
  const clock = options.now ? () => now : () => new Date();
  const rows = database.select().from(reminderOutbox).where(sendable(now)).orderBy(asc(reminderOutbox.id)).limit(500).all();
  const summary: SentSummary = { sent: 0, failed: 0, cancelled: 0 };
  const byChannel = new Map<MessageChannel, OutboxRow[]>();
  for (const row of rows) byChannel.set(row.channel, [...(byChannel.get(row.channel) ?? []), row]);
  await Promise.all(
    [...byChannel].map(async ([channel, list]) => {
      for (const row of list) {
        const outcome = await sendOne(database, row, { now, clock, config, transports, today: options.today, time: options.time });
        if (outcome) summary[outcome] += 1;
        // Let requests in between messages.
        await yieldToOthers();
      }
      return channel;
    }),
  );
  return summary;
}

type Outcome = "sent" | "failed" | "cancelled";

function claim(database: DB, row: OutboxRow, now: Date): boolean {
  return (
    database
      .update(reminderOutbox)
      .set({ status: "sending", attempts: sql`${reminderOutbox.attempts} + 1`, lastAttemptAt: now, updatedAt: now })
      .where(and(eq(reminderOutbox.id, row.id), sendable(now)))
      .run().changes === 1
  );
}

function cancel(database: DB, row: OutboxRow, reason: string, now: Date): Outcome {
  database.transaction((tx) => {
    tx.update(reminderOutbox).set({ status: "cancelled", lastError: reason, nextAttemptAt: null, updatedAt: now }).where(eq(reminderOutbox.id, row.id)).run();
    audit(
      {
        actorUserId: null,
        action: "reminder_cancelled",
        entity: "user",
        entityId: row.recipientUserId,
        detail: { outboxId: row.id, kind: row.kind, weekOf: row.weekOf, reason },
      },
      null,
      tx,
    );
  });
  return "cancelled";
}

/** The address of a user on a channel now (a chat unlinked since queueing has none). */
function addressOf(database: DB, user: { id: number; phone: string | null }, channel: MessageChannel): string | null {
  if (channel === "telegram")
    return database.select({ chatId: telegramChats.chatId }).from(telegramChats).where(eq(telegramChats.userId, user.id)).get()?.chatId ?? null;
  if (channel === "sms") return user.phone;
  return `user ${user.id}`;
}

/** The link a message carries: a real, short-lived sign-in link, or (log transport) a stand-in with no token. */
export function weekCardPath(placementId: number, weekOf: string) {
  return `/trainer/placements/${placementId}/weeks/${weekOf}`;
}

function mintReminderLink(tx: Pick<DB, "insert">, trainerUserId: number, now: Date, hours: number) {
  const token = crypto.randomBytes(32).toString("base64url");
  const row = tx
    .insert(signInLinks)
    .values({
      userId: trainerUserId,
      tokenHash: hashToken(token),
      createdBy: trainerUserId,
      createdAt: now,
      expiresAt: new Date(now.getTime() + hours * 3_600_000),
      purpose: "reminder",
    })
    .returning({ id: signInLinks.id })
    .get();
  return { token, linkId: row.id };
}

async function sendOne(
  database: DB,
  row: OutboxRow,
  ctx: { now: Date; clock: () => Date; config: MessagingConfig; transports: Transports; today?: string; time?: string },
): Promise<Outcome | null> {
  const { now, config } = ctx;
  const transport = ctx.transports[row.channel];
  if (!claim(database, row, now)) return null;
  // Re-read: another process may have tried it since it was listed.
  row = database.select().from(reminderOutbox).where(eq(reminderOutbox.id, row.id)).get()!;
  if (!transport) return cancel(database, row, "channel_not_configured", now);

  const recipient = database.select().from(users).where(eq(users.id, row.recipientUserId)).get();
  if (!recipient || !recipient.active) return cancel(database, row, "recipient_inactive", now);
  const address = addressOf(database, recipient, row.channel);
  if (!address) return cancel(database, row, "no_channel", now);
  const site = database.select().from(sites).where(eq(sites.id, row.siteId)).get()!;
  const { today } = siteClock(site, now, ctx);

  // The content as the records stand now, and (for a real transport) the sign-in link, in one
  // transaction. Links live on the real clock, like sessions, whatever day the pass is for.
  const linkNow = new Date();
  const prepared = database.transaction((tx) => {
    if (row.signInLinkId)
      tx.update(signInLinks)
        .set({ revokedAt: linkNow, revokedBy: row.recipientUserId })
        .where(and(eq(signInLinks.id, row.signInLinkId), isNull(signInLinks.revokedAt)))
        .run();
    if (row.kind === "digest") {
      const missing = missingForWeek(tx, { siteId: row.siteId }, row.weekOf, today);
      if (missing.length === 0) return null;
      const payload = digestPayload(tx, missing);
      tx.update(reminderOutbox).set({ payload, signInLinkId: null }).where(eq(reminderOutbox.id, row.id)).run();
      return {
        text: renderDigest(serverT(row.locale), row.locale, {
          siteName: localized(row.locale, site, "name"),
          weekOf: row.weekOf,
          trainers: payload.trainers,
          url: `${config.publicUrl}/staff/reminders`,
        }),
        linkId: null,
      };
    }
    const items = missingForWeek(tx, { trainerUserId: row.recipientUserId }, row.weekOf, today).map(({ placementId, code, preferredName }) => ({
      placementId,
      code,
      preferredName,
    }));
    if (items.length === 0) return null;
    const link = row.channel === "log" ? null : mintReminderLink(tx, row.recipientUserId, linkNow, config.linkHours);
    tx.update(reminderOutbox)
      .set({ payload: { items } satisfies TrainerPayload, signInLinkId: link?.linkId ?? null })
      .where(eq(reminderOutbox.id, row.id))
      .run();
    const text = renderTrainerMessage(serverT(row.locale), row.locale, {
      kind: row.kind as "weekly" | "monday",
      recipientName: recipient.displayName,
      weekOf: row.weekOf,
      linkHours: config.linkHours,
      channel: row.channel,
      items: items.map((i) => ({ ...i, url: reminderUrl(config.publicUrl, link?.token ?? null, i.placementId, row.weekOf) })),
    });
    return { text, linkId: link?.linkId ?? null };
  });
  if (!prepared) return cancel(database, row, "week_submitted", now);

  let result: SendResult;
  try {
    result = await transport.send(address, prepared.text);
  } catch (error) {
    result = { ok: false, error: error instanceof Error ? error.message : String(error), retryable: true };
  }
  const finished = ctx.clock();
  const attempts = row.attempts;
  const detail = { outboxId: row.id, kind: row.kind, weekOf: row.weekOf, channel: row.channel, attempt: attempts, linkId: prepared.linkId };
  return database.transaction((tx): Outcome => {
    if (result.ok) {
      tx.update(reminderOutbox)
        .set({ status: "sent", sentAt: finished, providerMessageId: result.providerId, nextAttemptAt: null, updatedAt: finished })
        .where(eq(reminderOutbox.id, row.id))
        .run();
      audit({ actorUserId: null, action: "reminder_sent", entity: "user", entityId: row.recipientUserId, detail }, null, tx);
      return "sent";
    }
    const next = nextAttemptAt({
      attempts,
      now: finished,
      retryable: result.retryable && !result.unlink,
      ...(result.retryAfterMs ? { retryAfterMs: result.retryAfterMs } : {}),
    });
    tx.update(reminderOutbox)
      .set({ status: "failed", lastError: result.error, lastFailedAt: finished, nextAttemptAt: next, updatedAt: finished })
      .where(eq(reminderOutbox.id, row.id))
      .run();
    if (prepared.linkId) tx.update(signInLinks).set({ revokedAt: new Date(), revokedBy: row.recipientUserId }).where(eq(signInLinks.id, prepared.linkId)).run();
    audit(
      {
        actorUserId: null,
        action: "reminder_failed",
        entity: "user",
        entityId: row.recipientUserId,
        detail: { ...detail, error: result.error, retry: next !== null },
      },
      null,
      tx,
    );
    if (result.unlink) unlinkUserInTx(tx, { userId: row.recipientUserId, actorUserId: null, reason: "blocked", now: finished });
    return "failed";
  });
}

function digestPayload(database: Pick<DB, "select">, missing: MissingItem[]): DigestPayload {
  const ids = [...new Set(missing.map((m) => m.trainerUserId))];
  const trainers = database
    .select({ id: users.id, name: users.displayName, employer: employers.name })
    .from(users)
    .innerJoin(employers, eq(employers.id, users.employerId))
    .where(inArray(users.id, ids))
    .orderBy(asc(employers.name), asc(users.displayName))
    .all();
  return {
    trainers: trainers.map((t) => ({
      trainerUserId: t.id,
      name: t.name,
      employer: t.employer,
      missing: missing.filter((m) => m.trainerUserId === t.id).length,
    })),
  };
}

/** `/signin/<token>?to=<week card>`; without a token (log transport) the link is shown with "…" in its place. */
function reminderUrl(publicUrl: string, token: string | null, placementId: number, weekOf: string): string {
  return `${publicUrl}/signin/${token ?? "…"}?to=${weekCardPath(placementId, weekOf)}`;
}

// ---------------------------------------------------------------------------------------------
// One pass

export interface PassResult {
  queued: QueuedSummary[];
  sent: SentSummary;
}

export async function runReminderPass(database: DB = db(), options: PassOptions = {}): Promise<PassResult> {
  const queued = queueDueReminders(database, options);
  const sent = await sendDueMessages(database, options);
  return { queued, sent };
}

// ---------------------------------------------------------------------------------------------
// What staff see

/** The text of a message as it was (or would be) sent, with the sign-in token left out. */
function previewText(
  row: Pick<OutboxRow, "kind" | "locale" | "weekOf" | "channel" | "payload">,
  context: { recipientName: string; siteName: string; config?: MessagingConfig },
): string {
  const config = context.config ?? messagingConfig();
  const t = serverT(row.locale);
  if (row.kind === "digest") {
    const payload = row.payload as DigestPayload;
    return renderDigest(t, row.locale, {
      siteName: context.siteName,
      weekOf: row.weekOf,
      trainers: payload.trainers ?? [],
      url: `${config.publicUrl}/staff/reminders`,
    });
  }
  const payload = row.payload as TrainerPayload;
  return renderTrainerMessage(t, row.locale, {
    kind: row.kind,
    recipientName: context.recipientName,
    weekOf: row.weekOf,
    linkHours: config.linkHours,
    channel: row.channel,
    items: (payload.items ?? []).map((i) => ({ ...i, url: reminderUrl(config.publicUrl, null, i.placementId, row.weekOf) })),
  });
}

export interface MessageView {
  id: number;
  kind: ReminderKind;
  weekOf: string;
  channel: MessageChannel;
  status: OutboxRow["status"];
  recipientName: string;
  attempts: number;
  lastError: string | null;
  lastFailedAt: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
  text: string;
}

function messageViews(database: DB, where: ReturnType<typeof and>, limit: number): MessageView[] {
  const rows = database
    .select({ row: reminderOutbox, recipientName: users.displayName, siteEn: sites.nameEn, siteKm: sites.nameKm })
    .from(reminderOutbox)
    .innerJoin(users, eq(users.id, reminderOutbox.recipientUserId))
    .innerJoin(sites, eq(sites.id, reminderOutbox.siteId))
    .where(where)
    .orderBy(desc(reminderOutbox.id))
    .limit(limit)
    .all();
  return rows.map(({ row, recipientName, siteEn, siteKm }) => ({
    id: row.id,
    kind: row.kind,
    weekOf: row.weekOf,
    channel: row.channel,
    status: row.status,
    recipientName,
    attempts: row.attempts,
    lastError: row.lastError,
    lastFailedAt: row.lastFailedAt?.toISOString() ?? null,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    sentAt: row.sentAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    text: previewText(row, { recipientName, siteName: localized(row.locale, { en: siteEn, km: siteKm }) }),
  }));
}

export interface DeliveryFacts {
  lastSent: { at: string; kind: ReminderKind; channel: MessageChannel } | null;
  lastFailed: { at: string; error: string; nextAttemptAt: string | null } | null;
}

function deliveryFacts(database: DB, userIds: number[]): Map<number, DeliveryFacts> {
  const out = new Map<number, DeliveryFacts>(userIds.map((id) => [id, { lastSent: null, lastFailed: null }]));
  if (userIds.length === 0) return out;
  const sent = database
    .select({ userId: reminderOutbox.recipientUserId, at: reminderOutbox.sentAt, kind: reminderOutbox.kind, channel: reminderOutbox.channel })
    .from(reminderOutbox)
    .where(and(inArray(reminderOutbox.recipientUserId, userIds), isNotNull(reminderOutbox.sentAt)))
    .orderBy(asc(reminderOutbox.sentAt))
    .all();
  for (const s of sent) out.get(s.userId)!.lastSent = { at: s.at!.toISOString(), kind: s.kind, channel: s.channel };
  const failed = database
    .select({
      userId: reminderOutbox.recipientUserId,
      at: reminderOutbox.lastFailedAt,
      error: reminderOutbox.lastError,
      next: reminderOutbox.nextAttemptAt,
      status: reminderOutbox.status,
    })
    .from(reminderOutbox)
    .where(and(inArray(reminderOutbox.recipientUserId, userIds), isNotNull(reminderOutbox.lastFailedAt)))
    .orderBy(asc(reminderOutbox.lastFailedAt))
    .all();
  for (const f of failed)
    out.get(f.userId)!.lastFailed = {
      at: f.at!.toISOString(),
      error: f.error ?? "",
      nextAttemptAt: f.status === "failed" ? (f.next?.toISOString() ?? null) : null,
    };
  return out;
}

export type ChannelState = MessageChannel | "none";

/** /staff/reminders: the sites the caller may see, their schedule, trainers and recent messages. */
export function remindersOverview(actor: Actor, locale: Locale, now = new Date(), database: DB = db()) {
  const config = messagingConfig();
  const visible = database
    .select()
    .from(sites)
    .where(actor.role === "admin" ? eq(sites.active, true) : and(eq(sites.active, true), eq(sites.id, actor.siteId ?? -1)))
    .orderBy(asc(sites.id))
    .all();
  return visible.map((site) => {
    const { today, time } = siteClock(site, now, {});
    const schedule = scheduleOf(site.id, database);
    const trainers = database
      .select({ id: users.id, name: users.displayName, phone: users.phone, employer: employers.name })
      .from(users)
      .innerJoin(employers, eq(employers.id, users.employerId))
      .where(and(eq(users.role, "trainer"), eq(users.active, true), eq(employers.siteId, site.id)))
      .orderBy(asc(employers.name), asc(users.displayName))
      .all();
    const linked = linkedUserIds(
      database,
      trainers.map((t) => t.id),
    );
    const facts = deliveryFacts(
      database,
      trainers.map((t) => t.id),
    );
    return {
      id: site.id,
      name: localized(locale, site, "name"),
      timezone: site.timezone,
      schedule,
      next: nextWeeklyReminder({ today, time, schedule, holidays: holidaysAround(database, site.id, today) }),
      trainers: trainers.map((t) => ({
        id: t.id,
        name: t.name,
        employer: t.employer,
        channel: (channelFor(t, linked.has(t.id), config) ?? "none") as ChannelState,
        ...facts.get(t.id)!,
      })),
      messages: messageViews(database, eq(reminderOutbox.siteId, site.id), 40),
    };
  });
}

/** The delivery section of /staff/trainers/:trainerId (the caller's guard already scoped the trainer). */
export function trainerDelivery(trainer: { id: number }, database: DB = db()) {
  const config = messagingConfig();
  const user = database.select({ phone: users.phone }).from(users).where(eq(users.id, trainer.id)).get();
  const chat = database
    .select({ chatId: telegramChats.chatId, linkedAt: telegramChats.linkedAt })
    .from(telegramChats)
    .where(eq(telegramChats.userId, trainer.id))
    .get();
  return {
    phone: user?.phone ?? null,
    telegram: chat ? { chatId: chat.chatId, linkedAt: chat.linkedAt.toISOString() } : null,
    channel: (channelFor({ phone: user?.phone ?? null }, !!chat, config) ?? "none") as ChannelState,
    ...deliveryFacts(database, [trainer.id]).get(trainer.id)!,
    messages: messageViews(database, eq(reminderOutbox.recipientUserId, trainer.id), 10),
  };
}

/** A staff member's own digest channel (for /staff/reminders). */
export function ownChannel(user: { id: number; phone: string | null }, database: DB = db()): { channel: ChannelState; linkedAt: string | null } {
  const chat = database.select({ linkedAt: telegramChats.linkedAt }).from(telegramChats).where(eq(telegramChats.userId, user.id)).get();
  return { channel: channelFor(user, !!chat, messagingConfig()) ?? "none", linkedAt: chat?.linkedAt.toISOString() ?? null };
}
