import "server-only";
import { getDb } from "@/db/client";
import { twoFactorStatus } from "@/lib/auth/two-factor";
import { feedUrl, requestOrigin } from "@/lib/calendar/feed-url";
import { getCalendarFeed } from "@/lib/data/calendar-feed";
import { getGuidanceSettings } from "@/lib/data/guidance-settings";
import { listSessions } from "@/lib/data/sessions";
import { listAccessTokens } from "@/lib/data/access-tokens";
import { pushCarriesOf, pushDevices } from "@/lib/data/push-subscriptions";
import { ownReminderChannels } from "@/lib/data/reminder-channels";
import { vapidKeys } from "@/lib/reminders/vapid";
import { deliveryFailures } from "@/lib/data/reminder-outbox";
import { reminderSettingsOf } from "@/lib/data/reminder-settings";

/** Settings lists this many of the latest reminders that could not be sent. */
const FAILURES_SHOWN = 10;

/** Everything the Settings page reads, at once: its sections are handed what they show. */
export async function loadSettings(userId: string, now: Date) {
  const db = getDb();
  const [feed, guidanceSettings, twoFactor, sessions, tokens, reminderSettings, reminderFailures, reminderChannels, devices, pushCarries] = await Promise.all([
    getCalendarFeed(db, { userId }),
    getGuidanceSettings(db, { userId }),
    twoFactorStatus(db, { userId }),
    listSessions(db, { userId, now }),
    listAccessTokens(db, { userId }),
    reminderSettingsOf(db, { userId }),
    deliveryFailures(db, { userId, limit: FAILURES_SHOWN }),
    ownReminderChannels(db, { userId }),
    pushDevices(db, { userId }),
    pushCarriesOf(db, { userId }),
  ]);
  // Only the public half: what a browser subscribes with.
  const push = { publicKey: vapidKeys().publicKey, devices, carries: pushCarries };
  const origin = await requestOrigin();
  const calendarUrl = feed ? feedUrl(origin, feed.token) : null;
  return { calendarUrl, guidanceSettings, twoFactor, sessions, tokens, origin, reminderSettings, reminderFailures, reminderChannels, push };
}
