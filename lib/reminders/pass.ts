import "server-only";
import type { Db } from "@/db/open";
import { claimDueDeliveries, type ClaimedDelivery } from "@/lib/data/reminder-claim";
import { markDeliveryFailed, markDeliverySent, pruneDeliveries, recordDueReminders, type DueReminder } from "@/lib/data/reminder-outbox";
import { reminderRecipients, type RecipientRow } from "@/lib/data/reminder-recipients";
import { dueReminders, type ReminderRecipient } from "@/lib/data/reminders-due";
import { retryWhileBusy } from "@/lib/forms/storage-failure";
import type { ReminderChannelName } from "@/lib/vocabulary";
import { openAccountEmail, sentAccountEmail } from "./account-email";
import { DeliveryError, type Outgoing, type ReminderChannel } from "./channel";
import type { ReminderMessage } from "./message";

export type PassOptions = {
  /** The channels this server can send on (email once SMTP is configured). */
  channels: ReadonlyMap<ReminderChannelName, ReminderChannel>;
  /** Read at each step: a pass that takes a while claims and marks at the time it does so. */
  clock: () => Date;
  /** Only these accounts (after their writes); every account when absent. */
  userIds?: readonly string[];
};

export type PassResult = { users: number; recorded: number; sent: number; failed: number };

/** How many deliveries one claim takes: small, so two senders share the work and a crash strands few. */
const CLAIM_BATCH = 25;
/** Accounts whose due reminders are recorded in one transaction. */
const RECORD_BATCH = 100;

/** The channels an account has on, among those the server can send on, with what each carries. */
function channelsOf(recipient: RecipientRow, available: ReadonlyMap<ReminderChannelName, ReminderChannel>): ReminderRecipient["channels"] {
  const email = recipient.settings.emailOn ? [{ name: "email" as const, carries: recipient.settings.emailCarries }] : [];
  const push = recipient.push ? [{ name: "push" as const, carries: recipient.push }] : [];
  return [...email, ...push, ...recipient.own].filter((c) => available.has(c.name));
}

/**
 * Every write here waits out "busy" (another server's pass holding the
 * file's write lock for a moment) rather than failing the pass.
 *
 * One scheduler pass: record what has fallen due for each account (one row
 * per user, item, occurrence and channel: a row another pass or server made
 * first stays as it is), then claim, send and mark every due delivery, and
 * prune old rows. Safe to run on several servers at once.
 */
export async function schedulerPass(db: Db, { channels, clock, userIds }: PassOptions): Promise<PassResult> {
  const recipients = await reminderRecipients(db, { userIds });
  let recorded = 0;
  let users = 0;
  for (let i = 0; i < recipients.length; i += RECORD_BATCH) {
    const due: DueReminder[] = [];
    for (const r of recipients.slice(i, i + RECORD_BATCH)) {
      const on = channelsOf(r, channels);
      if (on.length === 0) continue;
      users += 1;
      due.push(...(await dueReminders(db, { user: { ...r, channels: on }, now: clock() })));
    }
    recorded += await retryWhileBusy(() => recordDueReminders(db, { reminders: due, now: clock() }));
  }
  const { sent, failed } = await sendDue(db, { channels, clock });
  await retryWhileBusy(() => pruneDeliveries(db, { now: clock() }));
  return { users, recorded, sent, failed };
}

/** A claimed row as its channel takes it. */
function outgoingOf({ id, userId, email, kind, target, message }: ClaimedDelivery): Outgoing {
  if (kind !== "account") return { id, userId, email, kind, target, message: JSON.parse(message) as ReminderMessage };
  const account = openAccountEmail(userId, message);
  // Sealed under an auth secret this server no longer has: nothing to send, however often it is tried.
  if (!account) throw new DeliveryError("the email could not be opened (the server's auth secret changed since it was written)", true);
  return { id, userId, email, kind, target: null, account };
}

/** Claims and sends due deliveries on this server's channels until none are left. */
export async function sendDue(db: Db, { channels, clock }: Pick<PassOptions, "channels" | "clock">): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (;;) {
    const claimed = await retryWhileBusy(() => claimDueDeliveries(db, { now: clock(), limit: CLAIM_BATCH, channels: [...channels.keys()] }));
    if (claimed.length === 0) return { sent, failed };
    for (const delivery of claimed) {
      const channel = channels.get(delivery.channel);
      const { id, claimToken, attempts } = delivery;
      try {
        if (!channel) throw new Error(`claimed a delivery for ${delivery.channel}, which this server lacks`);
        await channel.send(outgoingOf(delivery));
      } catch (error) {
        failed += 1;
        const reason = error instanceof DeliveryError ? error : new DeliveryError("the reminder could not be sent");
        if (!(error instanceof DeliveryError)) console.error("reminder delivery failed:", error);
        await retryWhileBusy(() => markDeliveryFailed(db, { id, claimToken, attempts, reason: reason.reason, final: reason.final, now: clock() }));
        continue;
      }
      // Sent: a failure to record it now would send it again after the lease, so it is not swallowed.
      const forget = delivery.kind === "account" ? sentAccountEmail(delivery.message) : undefined;
      await retryWhileBusy(() => markDeliverySent(db, { id, claimToken, now: clock(), message: forget }));
      sent += 1;
    }
  }
}
