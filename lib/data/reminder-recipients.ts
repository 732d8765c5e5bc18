import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/open";
import { reminderSettings, users } from "@/db/schema";
import { DEFAULT_REMINDER_SETTINGS, type ReminderSettings } from "@/lib/reminders/settings";
import { dateDisplayFor, hourCycleOrNull, type DateDisplay } from "@/lib/time/locale";
import { currentZoneName } from "@/lib/time/zone-names";

export type RecipientRow = { id: string; timeZone: string; dates: DateDisplay; settings: ReminderSettings };

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
    })
    .from(users)
    .leftJoin(reminderSettings, eq(reminderSettings.userId, users.id))
    .where(userIds ? inArray(users.id, [...userIds]) : undefined);
  return rows.map((r) => ({
    id: r.id,
    timeZone: r.timeZone ? currentZoneName(r.timeZone) : "UTC",
    dates: dateDisplayFor({ locale: r.locale, hourCycle: hourCycleOrNull(r.hourCycle), seenLocale: r.seenLocale }, null),
    settings:
      r.emailOn === null || r.emailCarries === null || r.digestHour === null || r.quietFrom === null || r.quietUntil === null
        ? DEFAULT_REMINDER_SETTINGS
        : { emailOn: r.emailOn, emailCarries: r.emailCarries, digestHour: r.digestHour, quietFrom: r.quietFrom, quietUntil: r.quietUntil },
  }));
}
