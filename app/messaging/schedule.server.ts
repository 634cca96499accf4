/**
 * The reminders inside the server (docs/decisions/0018): Telegram updates (polling, or the
 * webhook registered with Telegram), and a reminder pass every minute off the request path.
 * A pass that is still running when the next minute comes is not started twice.
 */
import { runReminderPass, type PassResult } from "~/db/reminders.server";
import { env } from "~/env.server";

import { messagingConfig } from "./config.server";
import { initInBackground, registerWebhook, startPolling, telegramRuntime } from "./telegram.server";

const MINUTE = 60_000;

function describePass(result: PassResult): string | null {
  const queued = result.queued.reduce((n, q) => n + q.queued, 0);
  const { sent, failed, cancelled } = result.sent;
  if (queued + sent + failed + cancelled === 0) return null;
  const detail = result.queued.map((q) => `${q.siteCode} ${q.kind} ${q.weekOf}: ${q.queued}`).join(", ");
  return `Reminders: ${queued} queued${detail ? ` (${detail})` : ""}; ${sent} sent, ${failed} failed, ${cancelled} not needed.`;
}

export function startReminders(log: (line: string) => void = console.log): () => void {
  const config = messagingConfig();
  const runtime = telegramRuntime();
  if (runtime?.config.mode === "polling") startPolling(runtime, log);
  if (runtime?.config.mode === "webhook") {
    initInBackground(runtime);
    void registerWebhook(runtime, config.publicUrl, log);
  }
  if (!env().REMINDER_SCHEDULE) return () => {};

  let running = false;
  const tick = () => {
    if (running) return;
    running = true;
    (async () => {
      if (runtime?.config.mode === "webhook") await registerWebhook(runtime, config.publicUrl, log);
      const line = describePass(await runReminderPass());
      if (line) log(line);
    })()
      .catch((error: unknown) => console.error("reminder pass failed", error))
      .finally(() => {
        running = false;
      });
  };
  const first = setTimeout(tick, 0);
  const timer = setInterval(tick, MINUTE);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
