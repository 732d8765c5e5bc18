import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { reminderSettings, users } from "@/db/schema";
import { write } from "@/db/write";
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from "@/lib/reminders/settings";

const columns = {
  emailOn: reminderSettings.emailOn,
  emailCarries: reminderSettings.emailCarries,
  digestHour: reminderSettings.digestHour,
  quietFrom: reminderSettings.quietFrom,
  quietUntil: reminderSettings.quietUntil,
};

/** The user's reminder settings, or the defaults when they never changed them. */
export async function reminderSettingsOf(db: Db, { userId }: { userId: string }): Promise<ReminderSettings> {
  const [row] = await db.select(columns).from(reminderSettings).where(eq(reminderSettings.userId, userId)).limit(1);
  return row ?? DEFAULT_REMINDER_SETTINGS;
}

export async function saveReminderSettings(db: Db, { userId, settings, now }: { userId: string; settings: ReminderSettings; now: Date }): Promise<void> {
  await write(db, { userId }, async (tx) => {
    await tx
      .insert(reminderSettings)
      .values({ userId, ...settings, updatedAt: now })
      .onConflictDoUpdate({ target: reminderSettings.userId, set: { ...settings, updatedAt: now } });
  });
}

/**
 * Turns the user's email reminders off, and nothing else: what an
 * unsubscribe link may do, with no sign-in. False when there is no such
 * account (deleted since the email was sent).
 */
export async function turnOffEmailReminders(db: Db, { userId, now }: { userId: string; now: Date }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const [account] = await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).limit(1);
    if (!account) return false;
    await tx
      .insert(reminderSettings)
      .values({ userId, ...DEFAULT_REMINDER_SETTINGS, emailOn: false, updatedAt: now })
      .onConflictDoUpdate({ target: reminderSettings.userId, set: { emailOn: false, updatedAt: now } });
    return true;
  });
}
