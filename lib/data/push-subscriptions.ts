import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { pushSubscriptions, reminderSettings } from "@/db/schema";
import { write } from "@/db/write";
import { DEFAULT_REMINDER_SETTINGS } from "@/lib/reminders/settings";
import type { ReminderCarries } from "@/lib/vocabulary";

/** A subscribed device as Settings lists it: never its endpoint or keys. */
export type PushDevice = { id: string; label: string; createdAt: Date };

/** What a push is encrypted to and sent at. */
export type PushTarget = { id: string; endpoint: string; p256dh: string; auth: string };

export type NewPushSubscription = { endpoint: string; p256dh: string; auth: string; deviceLabel: string };

export async function pushDevices(db: Db, { userId }: { userId: string }): Promise<PushDevice[]> {
  return db
    .select({ id: pushSubscriptions.id, label: pushSubscriptions.deviceLabel, createdAt: pushSubscriptions.createdAt })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(asc(pushSubscriptions.createdAt));
}

export async function pushTargets(db: Db, { userId }: { userId: string }): Promise<PushTarget[]> {
  return db
    .select({ id: pushSubscriptions.id, endpoint: pushSubscriptions.endpoint, p256dh: pushSubscriptions.p256dh, auth: pushSubscriptions.auth })
    .from(pushSubscriptions)
    .where(eq(pushSubscriptions.userId, userId))
    .orderBy(asc(pushSubscriptions.createdAt));
}

/**
 * Keeps a browser's subscription for the user. An endpoint is one browser's:
 * subscribing it again refreshes its keys, and a browser another account had
 * subscribed (the same browser, signed in as someone else now) moves to this
 * one, so it never gets two accounts' reminders.
 */
export async function savePushSubscription(db: Db, { userId, subscription, now }: { userId: string; subscription: NewPushSubscription; now: Date }): Promise<void> {
  await write(db, { userId }, async (tx) => {
    const { endpoint, p256dh, auth, deviceLabel } = subscription;
    await tx
      .insert(pushSubscriptions)
      .values({ userId, endpoint, p256dh, auth, deviceLabel, createdAt: now })
      .onConflictDoUpdate({ target: pushSubscriptions.endpoint, set: { userId, p256dh, auth, deviceLabel, createdAt: now } });
  });
}

/** Removes one of the user's devices; false when the user has no such device (another's included). */
export async function removePushSubscription(db: Db, { userId, id }: { userId: string; id: string }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const gone = await tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.id, id)))
      .returning({ id: pushSubscriptions.id });
    return gone.length > 0;
  });
}

/** Removes a subscription the push service said is gone (404 or 410); false when it was removed already. */
export async function removeGonePushSubscription(db: Db, { userId, endpoint }: { userId: string; endpoint: string }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const gone = await tx
      .delete(pushSubscriptions)
      .where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)))
      .returning({ id: pushSubscriptions.id });
    return gone.length > 0;
  });
}

/** What push carries for the user, kept with the other reminder settings (the defaults, when they never saved any). */
export async function savePushCarries(db: Db, { userId, carries, now }: { userId: string; carries: ReminderCarries; now: Date }): Promise<void> {
  await write(db, { userId }, async (tx) => {
    await tx
      .insert(reminderSettings)
      .values({ userId, ...DEFAULT_REMINDER_SETTINGS, pushCarries: carries, updatedAt: now })
      .onConflictDoUpdate({ target: reminderSettings.userId, set: { pushCarries: carries, updatedAt: now } });
  });
}

export async function pushCarriesOf(db: Db, { userId }: { userId: string }): Promise<ReminderCarries> {
  const [row] = await db.select({ carries: reminderSettings.pushCarries }).from(reminderSettings).where(eq(reminderSettings.userId, userId)).limit(1);
  return row?.carries ?? "all";
}
