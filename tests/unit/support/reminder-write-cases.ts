import type { Db } from "@/db/open";
import { claimDueDeliveries, type ClaimedDelivery } from "@/lib/data/reminder-claim";
import { markDeliveryFailed, markDeliverySent, pruneDeliveries, queueTestReminder, recordDueReminders } from "@/lib/data/reminder-outbox";
import { saveReminderSettings, turnOffEmailReminders } from "@/lib/data/reminder-settings";
import { removeReminderChannel, saveNtfyChannel, saveWebhookChannel } from "@/lib/data/reminder-channels";
import { pushDevices, removeGonePushSubscription, removePushSubscription, savePushCarries, savePushSubscription } from "@/lib/data/push-subscriptions";
import { DeliveryError } from "@/lib/reminders/channel";
import { pushChannel } from "@/lib/reminders/push";
import { testMessage } from "@/lib/reminders/message";
import { schedulerPass, sendDue } from "@/lib/reminders/pass";
import { startScheduler } from "@/lib/reminders/scheduler";
import { DEFAULT_REMINDER_SETTINGS } from "@/lib/reminders/settings";
import { configuredChannels, startReminders } from "@/lib/reminders/start";
import { DAY, HOUR, NOW } from "./guidance-data";
import { startReceiver } from "./http-receiver";
import { channelsOf, recordingChannel } from "./reminders";
import { browserKeys } from "./web-push";

/** What the reminder cases need of the commit-failure fixture. */
export type ReminderFixture = { db: Db; user: { id: string }; ben: { id: string }; claimed: ClaimedDelivery; goneEndpoint: string };

const test = (userId: string, item: string) => ({
  userId,
  item,
  occurrence: NOW.toISOString(),
  channel: "email" as const,
  kind: "test" as const,
  message: JSON.stringify(testMessage()),
  notBefore: NOW,
});

/** A push service on loopback that says every subscription is gone (410): close it after the test. */
export const startGonePushService = () => startReceiver(Array.from({ length: 100 }, () => 410));

const subscription = (endpoint: string) => {
  const keys = browserKeys();
  return { endpoint, p256dh: keys.p256dh, auth: keys.authText, deviceLabel: "Chrome on Android" };
};

/**
 * Two pending test reminders of Ana's, one of them claimed (returned), her
 * ntfy topic, a phone of hers subscribed to push at `goneEndpoint` (whose
 * service says it is gone), and an empty digest of Ben's from 40 days ago,
 * for pruning.
 */
export async function prepareReminders(db: Db, { anaId, benId, goneEndpoint }: { anaId: string; benId: string; goneEndpoint: string }): Promise<ClaimedDelivery> {
  await savePushSubscription(db, { userId: anaId, subscription: subscription(goneEndpoint), now: NOW });
  await recordDueReminders(db, { reminders: [test(anaId, "test:a"), test(anaId, "test:b")], now: NOW });
  // An ntfy topic of Ana's (nothing listens there), for removeReminderChannel.
  await saveNtfyChannel(db, { userId: anaId, url: "http://127.0.0.1:9/ana", token: undefined, carries: "nudges", now: NOW });
  const old = new Date(NOW.getTime() - 40 * DAY);
  await recordDueReminders(db, { reminders: [{ ...test(benId, "digest"), kind: "digest", occurrence: "2026-10-16", message: null, notBefore: old }], now: old });
  const [claimed] = await claimDueDeliveries(db, { now: NOW, limit: 1, channels: ["email"] });
  return claimed;
}

/** A server's scheduler, stopped after its first pass: that pass's result, or its error thrown. */
async function firstPass(scheduler: { nextPass(): Promise<unknown>; stop(): Promise<void> }) {
  try {
    return await scheduler.nextPass();
  } finally {
    await scheduler.stop();
  }
}

/** Nothing listens on the discard port: every email fails at once, and the failure is written. */
const SMTP_NOBODY = { ...process.env, SHORTLIST_SMTP_URL: "smtp://127.0.0.1:9", SHORTLIST_URL: "http://127.0.0.1:3000" };

/** Sends Ana's test push: her phone's subscription is removed (the write); the send's own verdict, that nothing was delivered, is returned. */
async function pushToGonePhone(f: ReminderFixture, channel = pushChannel(f.db, { ...process.env, SHORTLIST_REMINDERS_PRIVATE_NETWORK: "allow" })) {
  const outgoing = { id: "a1b2c3d4-0000-4000-8000-000000000001", userId: f.user.id, email: "ana@example.com", kind: "test" as const, target: null, message: testMessage() };
  return channel.send(outgoing).catch((error: unknown) => {
    if (error instanceof DeliveryError) return error.reason;
    throw error;
  });
}

export const REMINDER_WRITE_CASES: Record<string, (f: ReminderFixture) => unknown> = {
  "lib/data/push-subscriptions.ts#removeGonePushSubscription": (f) => removeGonePushSubscription(f.db, { userId: f.user.id, endpoint: f.goneEndpoint }),
  "lib/data/push-subscriptions.ts#removePushSubscription": async (f) => {
    const [phone] = await pushDevices(f.db, { userId: f.user.id });
    return removePushSubscription(f.db, { userId: f.user.id, id: phone?.id ?? "none" });
  },
  "lib/data/push-subscriptions.ts#savePushCarries": (f) => savePushCarries(f.db, { userId: f.user.id, carries: "digest", now: NOW }),
  "lib/data/push-subscriptions.ts#savePushSubscription": (f) =>
    savePushSubscription(f.db, { userId: f.user.id, subscription: subscription("https://push.example.com/ana-laptop"), now: NOW }),
  "lib/reminders/push.ts#pushChannel": pushToGonePhone,
  "lib/data/reminder-channels.ts#removeReminderChannel": (f) => removeReminderChannel(f.db, { userId: f.user.id, channel: "ntfy" }),
  "lib/data/reminder-channels.ts#saveNtfyChannel": (f) =>
    saveNtfyChannel(f.db, { userId: f.user.id, url: "https://ntfy.sh/other", token: "tk", carries: "all", now: NOW }),
  "lib/data/reminder-channels.ts#saveWebhookChannel": (f) =>
    saveWebhookChannel(f.db, { userId: f.user.id, url: "https://example.com/hook", carries: "all", now: NOW }),
  "lib/data/reminder-claim.ts#claimDueDeliveries": (f) => claimDueDeliveries(f.db, { now: NOW, limit: 10, channels: ["email"] }),
  "lib/data/reminder-outbox.ts#markDeliveryFailed": (f) =>
    markDeliveryFailed(f.db, { id: f.claimed.id, claimToken: f.claimed.claimToken, attempts: 0, reason: "refused", now: NOW }),
  "lib/data/reminder-outbox.ts#markDeliverySent": (f) => markDeliverySent(f.db, { id: f.claimed.id, claimToken: f.claimed.claimToken, now: NOW }),
  "lib/data/reminder-outbox.ts#pruneDeliveries": (f) => pruneDeliveries(f.db, { now: NOW }),
  "lib/data/reminder-outbox.ts#queueTestReminder": (f) => queueTestReminder(f.db, { userId: f.ben.id, channel: "email", now: NOW }),
  "lib/data/reminder-outbox.ts#recordDueReminders": (f) => recordDueReminders(f.db, { reminders: [test(f.user.id, "test:c")], now: NOW }),
  "lib/data/reminder-settings.ts#saveReminderSettings": (f) =>
    saveReminderSettings(f.db, { userId: f.user.id, settings: { ...DEFAULT_REMINDER_SETTINGS, digestHour: 7 }, now: NOW }),
  "lib/data/reminder-settings.ts#turnOffEmailReminders": (f) => turnOffEmailReminders(f.db, { userId: f.user.id, now: NOW }),
  "lib/reminders/pass.ts#schedulerPass": (f) => schedulerPass(f.db, { channels: channelsOf(recordingChannel()), clock: () => NOW }),
  "lib/reminders/pass.ts#sendDue": (f) => sendDue(f.db, { channels: channelsOf(recordingChannel()), clock: () => NOW }),
  "lib/reminders/scheduler.ts#startScheduler": (f) => firstPass(startScheduler(f.db, { channels: channelsOf(recordingChannel()), clock: () => NOW, everyMs: HOUR })),
  "lib/reminders/start.ts#configuredChannels": (f) => {
    const push = configuredChannels(f.db, SMTP_NOBODY).get("push");
    if (!push) throw new Error("no push channel");
    return pushToGonePhone(f, push);
  },
  "lib/reminders/start.ts#startReminders": (f) => firstPass(startReminders(f.db, SMTP_NOBODY)),
};
