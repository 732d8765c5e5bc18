import "server-only";
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, lte, or } from "drizzle-orm";
import type { Db } from "@/db/open";
import { reminderChannels, reminderDeliveries, users, type ReminderDelivery } from "@/db/schema";
import { unseal } from "@/lib/auth/secret-box";
import type { ChannelTarget } from "@/lib/reminders/channel";
import { secretContext } from "./reminder-channels";
import type { ReminderChannelName } from "@/lib/vocabulary";
import { skippingLockedRows } from "@/db/dialect";
import { write } from "@/db/write";

/**
 * Claiming due deliveries: the one place that knows how two senders (two
 * servers, or a server and `npm run worker`) are kept from taking the same
 * row. A claim is one write() that picks due rows, stamps them with a new
 * token and a lease, and commits before anything is sent.
 * - SQLite: the write is a BEGIN IMMEDIATE transaction, so claims from every
 *   process on the file run one after another and each row gets one token.
 * - Postgres: the rows are picked FOR UPDATE SKIP LOCKED, so claims on
 *   several servers run at once and each takes rows no other claim holds;
 *   a row another claim committed meanwhile is read again as it is now,
 *   leased, and passed over. The claim's own advisory lock serializes
 *   nothing: the row locks do the work.
 * A claimer that dies before its commit leaves nothing (the transaction
 * rolls back); one that dies while sending holds its rows until the lease
 * runs out, and then another sender takes them.
 */

/** How long a claim holds: longer than any send may take (the SMTP timeouts are well inside it), so only a sender that died loses its rows. */
export const CLAIM_LEASE_MS = 5 * 60_000;

export type ClaimedDelivery = Pick<ReminderDelivery, "id" | "userId" | "channel" | "kind" | "message" | "attempts"> & {
  claimToken: string;
  /** Where an email goes: the account's address as it is now. */
  email: string;
  /** Where an ntfy or webhook delivery goes, as the account has it set up now. */
  target: ChannelTarget;
};

function targetOf(row: { userId: string; channel: ReminderChannelName }, url: string | null, secretSealed: string | null): ChannelTarget {
  if (row.channel === "email" || row.channel === "push" || url === null) return null;
  return { url, secret: secretSealed ? unseal("reminder-channel", secretSealed, secretContext(row.userId, row.channel)) : null };
}

const isDue = (now: Date, channels: readonly ReminderChannelName[]) =>
  and(
    eq(reminderDeliveries.status, "pending"),
    inArray(reminderDeliveries.channel, [...channels]), lte(reminderDeliveries.notBefore, now), or(isNull(reminderDeliveries.leaseUntil), lte(reminderDeliveries.leaseUntil, now)),
  );

/** Up to `limit` deliveries due at `now` on `channels` (those this server can send on), claimed under a new token until `now` + the lease. */
export async function claimDueDeliveries(
  db: Db,
  { now, limit, channels }: { now: Date; limit: number; channels: readonly ReminderChannelName[] },
): Promise<ClaimedDelivery[]> {
  if (channels.length === 0) return [];
  const claimToken = randomUUID();
  // A scope of its own: one shared key would queue every server's claims behind each other on Postgres.
  return write(db, { key: `reminder-claim:${claimToken}` }, async (tx) => {
    // No tie-break on purpose: every row here is due, so which of a tie goes first does not matter, and an id
    // after not_before would make the (status, not_before) index sort every tied row (a morning's digests) to claim a few.
    const due = await skippingLockedRows(
      tx.select({ id: reminderDeliveries.id }).from(reminderDeliveries).where(isDue(now, channels)).orderBy(asc(reminderDeliveries.notBefore)).limit(limit),
      reminderDeliveries,
    );
    if (due.length === 0) return [];
    const ids = due.map((d) => d.id);
    await tx
      .update(reminderDeliveries)
      .set({ claimToken, leaseUntil: new Date(now.getTime() + CLAIM_LEASE_MS) })
      .where(and(inArray(reminderDeliveries.id, ids), isDue(now, channels)));
    const rows = await tx
      .select({
        id: reminderDeliveries.id,
        userId: reminderDeliveries.userId,
        channel: reminderDeliveries.channel,
        kind: reminderDeliveries.kind,
        message: reminderDeliveries.message,
        attempts: reminderDeliveries.attempts,
        email: users.email,
        url: reminderChannels.url,
        secretSealed: reminderChannels.secretSealed,
      })
      .from(reminderDeliveries)
      .innerJoin(users, eq(users.id, reminderDeliveries.userId))
      .leftJoin(reminderChannels, and(eq(reminderChannels.userId, reminderDeliveries.userId), eq(reminderChannels.channel, reminderDeliveries.channel)))
      .where(eq(reminderDeliveries.claimToken, claimToken));
    return rows.map(({ url, secretSealed, ...row }) => ({ ...row, claimToken, target: targetOf(row, url, secretSealed) }));
  });
}
