import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "@/db/open";
import { reminderDeliveries, type ReminderDelivery } from "@/db/schema";
import { write } from "@/db/write";
import { DAY_MS } from "@/lib/time/units";
import { testMessage } from "@/lib/reminders/message";
import type { ReminderChannelName } from "@/lib/vocabulary";
import { MAX_ATTEMPTS, retryDelay } from "@/lib/reminders/timing";

/** A reminder that fell due, for one channel: what the outbox is given. */
export type DueReminder = Pick<ReminderDelivery, "userId" | "item" | "occurrence" | "channel" | "kind"> & {
  /** The composed message (JSON), or null for a digest day with nothing in it. */
  message: string | null;
  notBefore: Date;
};

/** Sent, failed and empty rows are kept this long (for Settings' list of failures, and so an item is not sent twice), then pruned. */
export const DELIVERY_KEEP_MS = 30 * DAY_MS;

/**
 * Records reminders that fell due, one row per (user, item, occurrence,
 * channel): a row that exists already (another pass, another server) is
 * left as it is. One transaction; returns how many rows are new.
 */
export async function recordDueReminders(db: Db, { reminders, now }: { reminders: readonly DueReminder[]; now: Date }): Promise<number> {
  if (reminders.length === 0) return 0;
  return write(db, { key: "reminder-outbox" }, async (tx) => {
    const added = await tx
      .insert(reminderDeliveries)
      .values(
        reminders.map((r) => ({
          ...r,
          message: r.message ?? "null",
          status: r.message === null ? ("empty" as const) : ("pending" as const),
          attempts: 0,
          createdAt: now,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: reminderDeliveries.id });
    return added.length;
  });
}

/**
 * Marks a claimed delivery sent; false when the claim was lost (its lease ran
 * out and another sender took it). `message` replaces what the row kept: an
 * account email's sealed text is not kept once sent.
 */
export async function markDeliverySent(db: Db, { id, claimToken, now, message }: { id: string; claimToken: string; now: Date; message?: string }): Promise<boolean> {
  return write(db, { key: "reminder-outbox" }, async (tx) => {
    const done = await tx
      .update(reminderDeliveries)
      .set({ status: "sent", sentAt: now, claimToken: null, leaseUntil: null, lastError: null, ...(message === undefined ? {} : { message }) })
      .where(and(eq(reminderDeliveries.id, id), eq(reminderDeliveries.claimToken, claimToken)))
      .returning({ id: reminderDeliveries.id });
    return done.length > 0;
  });
}

/**
 * Records a failed try of a claimed delivery: tried again after a growing
 * wait, and kept as failed, with its reason, once the tries run out.
 * `final`: a failure no retry can mend (no address, the channel is gone).
 */
export async function markDeliveryFailed(
  db: Db,
  { id, claimToken, attempts, reason, now, final = false }: { id: string; claimToken: string; attempts: number; reason: string; now: Date; final?: boolean },
): Promise<void> {
  const tries = attempts + 1;
  const givenUp = final || tries >= MAX_ATTEMPTS;
  await write(db, { key: "reminder-outbox" }, async (tx) => {
    await tx
      .update(reminderDeliveries)
      .set({
        status: givenUp ? "failed" : "pending",
        attempts: tries,
        lastError: reason,
        // A failed row's time is when it was given up on (Settings shows it).
        notBefore: givenUp ? now : new Date(now.getTime() + retryDelay(tries)),
        claimToken: null,
        leaseUntil: null,
      })
      .where(and(eq(reminderDeliveries.id, id), eq(reminderDeliveries.claimToken, claimToken)));
  });
}

/** Drops finished rows older than DELIVERY_KEEP_MS; pending ones stay until they are sent or fail. */
export async function pruneDeliveries(db: Db, { now }: { now: Date }): Promise<number> {
  return write(db, { key: "reminder-outbox" }, async (tx) => {
    const gone = await tx
      .delete(reminderDeliveries)
      .where(and(inArray(reminderDeliveries.status, ["sent", "failed", "empty"]), lt(reminderDeliveries.createdAt, new Date(now.getTime() - DELIVERY_KEEP_MS))))
      .returning({ id: reminderDeliveries.id });
    return gone.length;
  });
}

export type DeliveryFailure = { id: string; channel: string; subject: string; reason: string; at: Date };

/** The user's deliveries that were given up on, newest first, with why: Settings lists them. */
export async function deliveryFailures(db: Db, { userId, limit }: { userId: string; limit: number }): Promise<DeliveryFailure[]> {
  const rows = await db
    .select({ id: reminderDeliveries.id, channel: reminderDeliveries.channel, message: reminderDeliveries.message, reason: reminderDeliveries.lastError, at: reminderDeliveries.notBefore })
    .from(reminderDeliveries)
    .where(and(eq(reminderDeliveries.userId, userId), eq(reminderDeliveries.status, "failed")))
    .orderBy(desc(reminderDeliveries.createdAt), asc(reminderDeliveries.id))
    .limit(limit);
  return rows.map((r) => ({ id: r.id, channel: r.channel, subject: subjectOf(r.message), reason: r.reason ?? "unknown", at: r.at }));
}

function subjectOf(message: string): string {
  try {
    const parsed: unknown = JSON.parse(message);
    if (parsed && typeof parsed === "object" && "subject" in parsed && typeof parsed.subject === "string") return parsed.subject;
  } catch {
    // A row written by a later version: say what we can.
  }
  return "A reminder";
}

/**
 * Settings' "Send a test": one test on one channel, through the outbox like any
 * reminder, so it proves the whole way out. Scoped by the user, whose write
 * wakes the scheduler at once. Refused while an earlier test is still on its
 * way, so the button cannot flood the inbox.
 */
export async function queueTestReminder(
  db: Db,
  { userId, channel, now }: { userId: string; channel: ReminderChannelName; now: Date },
): Promise<{ ok: true } | { ok: false; reason: "pending" }> {
  return write(db, { userId }, async (tx) => {
    const [waiting] = await tx
      .select({ id: reminderDeliveries.id })
      .from(reminderDeliveries)
      .where(and(eq(reminderDeliveries.userId, userId), eq(reminderDeliveries.channel, channel), eq(reminderDeliveries.kind, "test"), eq(reminderDeliveries.status, "pending")))
      .limit(1);
    if (waiting) return { ok: false, reason: "pending" };
    await tx.insert(reminderDeliveries).values({
      userId,
      item: `test:${randomUUID()}`,
      occurrence: now.toISOString(),
      channel,
      kind: "test",
      message: JSON.stringify(testMessage()),
      status: "pending",
      attempts: 0,
      notBefore: now,
      createdAt: now,
    });
    return { ok: true };
  });
}
