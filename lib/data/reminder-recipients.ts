import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/open";
import { pushSubscriptions, reminderChannels, reminderSettings, users } from "@/db/schema";
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from "@/lib/reminders/settings";
import { dateDisplayFor, hourCycleOrNull, type DateDisplay } from "@/lib/time/locale";
import { currentZoneName } from "@/lib/time/zone-names";
import type { OwnReminderChannel, ReminderCarries } from "@/lib/vocabulary";

export type RecipientRow = {
  id: string;
  timeZone: string;
  dates: DateDisplay;
  settings: ReminderSettings;
  /** The account's own channels (ntfy, webhook) that are on, with what each carries. */
  own: { name: OwnReminderChannel; carries: ReminderCarries }[];
  /** What push carries, while the account has a device subscribed; null when it has none. */
  push: ReminderCarries | null;
};

/**
 * Every account (or those named), with its zone, date format and reminder
 * settings: what a scheduler pass needs to decide what is due for whom.
 * Dates follow the account's choice, else the browser it was last seen in.
 */
export async function reminderRecipients(db: Db, { userIds }: { userIds?: readonly string[] } = {}): Promise<RecipientRow[]> {
  if (userIds?.length === 0) return [];
  const rows = await db
    .select({
      id: users.id,
      timeZone: users.timeZone,
      locale: users.locale,
      hourCycle: users.hourCycle,
      seenLocale: users.seenLocale,
      emailOn: reminderSettings.emailOn,
      emailCarries: reminderSettings.emailCarries,
      digestHour: reminderSettings.digestHour,
      quietFrom: reminderSettings.quietFrom,
      quietUntil: reminderSettings.quietUntil,
      pushCarries: reminderSettings.pushCarries,
    })
    .from(users)
    .leftJoin(reminderSettings, eq(reminderSettings.userId, users.id))
    .where(userIds ? inArray(users.id, [...userIds]) : undefined);
  const ownRows = await db
    .select({ userId: reminderChannels.userId, name: reminderChannels.channel, carries: reminderChannels.carries })
    .from(reminderChannels)
    .where(userIds ? inArray(reminderChannels.userId, [...userIds]) : undefined);
  const pushRows = await db
    .selectDistinct({ userId: pushSubscriptions.userId })
    .from(pushSubscriptions)
    .where(userIds ? inArray(pushSubscriptions.userId, [...userIds]) : undefined);
  const withPush = new Set(pushRows.map((p) => p.userId));
  const own = new Map<string, RecipientRow["own"]>();
  for (const { userId, name, carries } of ownRows) own.set(userId, [...(own.get(userId) ?? []), { name, carries }]);
  return rows.map((r) => ({
    own: own.get(r.id) ?? [],
    push: withPush.has(r.id) ? (r.pushCarries ?? "all") : null,
    id: r.id,
    timeZone: r.timeZone ? currentZoneName(r.timeZone) : "UTC",
    dates: dateDisplayFor({ locale: r.locale, hourCycle: hourCycleOrNull(r.hourCycle), seenLocale: r.seenLocale }, null),
    settings:
      r.emailOn === null || r.emailCarries === null || r.digestHour === null || r.quietFrom === null || r.quietUntil === null
        ? DEFAULT_REMINDER_SETTINGS
        : { emailOn: r.emailOn, emailCarries: r.emailCarries, digestHour: r.digestHour, quietFrom: r.quietFrom, quietUntil: r.quietUntil },
  }));
}
