import type { Db } from "@/db/open";
import { reminderDeliveries } from "@/db/schema";
import { saveReminderSettings } from "@/lib/data/reminder-settings";
import { recordDueReminders, type DueReminder } from "@/lib/data/reminder-outbox";
import { reminderRecipients } from "@/lib/data/reminder-recipients";
import { dueReminders } from "@/lib/data/reminders-due";
import { setDateDisplay, setTimeZone } from "@/lib/data/users";
import { DeliveryError, type AccountOutgoing, type Outgoing, type ReminderChannel, type ReminderOutgoing } from "@/lib/reminders/channel";
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from "@/lib/reminders/settings";
import type { ReminderChannelName } from "@/lib/vocabulary";
import { makeUser } from "./db";
import { addRound, fromNow, HOUR, newApp, NOW } from "./guidance-data";

/** A channel that keeps what it was given (reminders in `sent`, account emails in `accounts`); `failWith` makes each send fail with that reason instead. */
export function recordingChannel(): ReminderChannel & { sent: ReminderOutgoing[]; accounts: AccountOutgoing[]; failWith: string | null } {
  const channel = {
    name: "email" as const,
    sent: [] as ReminderOutgoing[],
    accounts: [] as AccountOutgoing[],
    failWith: null as string | null,
    async send(outgoing: Outgoing) {
      if (channel.failWith) throw new DeliveryError(channel.failWith);
      if (outgoing.kind === "account") channel.accounts.push(outgoing);
      else channel.sent.push(outgoing);
    },
  };
  return channel;
}

export const channelsOf = (channel: ReminderChannel) => new Map<ReminderChannelName, ReminderChannel>([[channel.name, channel]]);

/**
 * An account in Berlin (NOW is 13:00 there), reading British dates, with, as of NOW: an interview
 * in two hours, and a round that ended five hours ago with no thank-you
 * logged (its 24-hour window is open). Its morning digest is due.
 */
export async function accountWithReminders(db: Db, email: string, settings: Partial<ReminderSettings> = {}) {
  const user = await makeUser(db, email);
  await setTimeZone(db, { userId: user.id, timeZone: "Europe/Berlin" });
  await setDateDisplay(db, { userId: user.id, locale: "en-GB", hourCycle: null });
  const app = await newApp(db, user.id, { company: "Acme", roleTitle: "Staff Engineer", status: "interviewing" });
  const ended = await addRound(db, user.id, app.id, { scheduledAt: fromNow(-6 * HOUR) });
  const upcoming = await addRound(db, user.id, app.id, { kind: "second", scheduledAt: fromNow(2 * HOUR) });
  if (Object.keys(settings).length) await saveReminderSettings(db, { userId: user.id, settings: { ...DEFAULT_REMINDER_SETTINGS, ...settings }, now: NOW });
  return { user, app, ended, upcoming };
}

export const deliveryRows = (db: Db) => db.select().from(reminderDeliveries);

/** Records what is due at `at` for every account's email, as a pass does, without sending it. */
export async function recordOnly(db: Db, at: Date): Promise<number> {
  const due: DueReminder[] = [];
  for (const r of await reminderRecipients(db)) due.push(...(await dueReminders(db, { user: { ...r, channels: [{ name: "email", carries: r.settings.emailCarries }] }, now: at })));
  return recordDueReminders(db, { reminders: due, now: at });
}
