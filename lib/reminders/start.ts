import "server-only";
import type { Db } from "@/db/open";
import type { ReminderChannelName } from "@/lib/vocabulary";
import type { ReminderChannel } from "./channel";
import { emailChannel, smtpConfigured } from "./email";
import { ntfyChannel } from "./ntfy";
import { pushChannel } from "./push";
import { webhookChannel } from "./webhook";
import { startScheduler, type Scheduler } from "./scheduler";

/**
 * The channels this process can send on: email when SMTP is configured; push,
 * ntfy and webhooks always (each account gives its own devices or address).
 * Making the push channel makes the server's VAPID keys on first start.
 */
export function configuredChannels(db: Db, env: NodeJS.ProcessEnv = process.env): Map<ReminderChannelName, ReminderChannel> {
  const channels = new Map<ReminderChannelName, ReminderChannel>();
  if (smtpConfigured(env)) channels.set("email", emailChannel(env));
  channels.set("push", pushChannel(db, env));
  channels.set("ntfy", ntfyChannel(env));
  channels.set("webhook", webhookChannel(env));
  return channels;
}

export const schedulerOff = (env: NodeJS.ProcessEnv = process.env) => env.SHORTLIST_SCHEDULER?.trim().toLowerCase() === "off";

const STOP = Symbol.for("shortlist.stopScheduler");

/**
 * Starts this process's scheduler (once, however often it is called), and
 * leaves its stop where server.mjs finds it at SIGTERM: the pass under way
 * finishes, and the database closes after it.
 */
export function startReminders(db: Db, env: NodeJS.ProcessEnv = process.env): Scheduler {
  const registry = globalThis as unknown as Record<symbol, Scheduler | undefined>;
  const running = registry[STOP];
  if (running) return running;
  const channels = configuredChannels(db, env);
  let first = true;
  const scheduler = startScheduler(db, {
    channels,
    clock: () => new Date(),
    report: (outcome) => {
      if ("error" in outcome) return console.error("reminder pass failed:", outcome.error);
      const { users, recorded, sent, failed } = outcome.result;
      // The first pass is always reported: proof for an operator that the scheduler runs.
      if (first) console.info(`reminders: first pass done: ${users} account(s) with a channel on, ${recorded} new, ${sent} sent, ${failed} failed`);
      else if (sent || failed) console.info(`reminders: ${sent} sent, ${failed} failed`);
      first = false;
    },
  });
  const stop = async () => {
    await scheduler.stop();
    registry[STOP] = undefined;
  };
  const kept: Scheduler = { ...scheduler, stop };
  registry[STOP] = kept;
  console.info(`reminder scheduler started (${channels.size ? [...channels.keys()].join(", ") : "no channel configured: nothing is sent"})`);
  return kept;
}
