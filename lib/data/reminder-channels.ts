import "server-only";
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { reminderChannels } from "@/db/schema";
import { write } from "@/db/write";
import { seal, unseal } from "@/lib/auth/secret-box";
import type { OwnReminderChannel, ReminderCarries } from "@/lib/vocabulary";

/** A channel as Settings shows it: the webhook's signing secret, for its owner to configure the receiver; never the ntfy token. */
export type OwnChannelView = { channel: OwnReminderChannel; url: string; carries: ReminderCarries; hasToken: boolean; signingSecret: string | null };

/** The sealed secret's context: the user and the channel, so it cannot be moved to another row. */
export const secretContext = (userId: string, channel: OwnReminderChannel) => `${userId}:${channel}`;

export async function ownReminderChannels(db: Db, { userId }: { userId: string }): Promise<OwnChannelView[]> {
  const rows = await db
    .select({ channel: reminderChannels.channel, url: reminderChannels.url, carries: reminderChannels.carries, secretSealed: reminderChannels.secretSealed })
    .from(reminderChannels)
    .where(eq(reminderChannels.userId, userId));
  return rows.map((r) => ({
    channel: r.channel,
    url: r.url,
    carries: r.carries,
    hasToken: r.channel === "ntfy" && r.secretSealed !== null,
    signingSecret: r.channel === "webhook" && r.secretSealed ? unseal("reminder-channel", r.secretSealed, secretContext(userId, "webhook")) : null,
  }));
}

/**
 * Sets up (or changes) the account's ntfy topic. `token`: a new access token,
 * "" to remove it, undefined to keep the one saved.
 */
export async function saveNtfyChannel(
  db: Db,
  { userId, url, token, carries, now }: { userId: string; url: string; token: string | undefined; carries: ReminderCarries; now: Date },
): Promise<void> {
  await write(db, { userId }, async (tx) => {
    const sealed = token ? seal("reminder-channel", token, secretContext(userId, "ntfy")) : null;
    const keep = token === undefined;
    await tx
      .insert(reminderChannels)
      .values({ userId, channel: "ntfy", url, secretSealed: sealed, carries, updatedAt: now })
      .onConflictDoUpdate({
        target: [reminderChannels.userId, reminderChannels.channel],
        set: { url, carries, updatedAt: now, ...(keep ? {} : { secretSealed: sealed }) },
      });
  });
}

/** Sets up (or changes) the account's webhook; its signing secret is made once and kept across changes. */
export async function saveWebhookChannel(db: Db, { userId, url, carries, now }: { userId: string; url: string; carries: ReminderCarries; now: Date }): Promise<void> {
  await write(db, { userId }, async (tx) => {
    const secret = seal("reminder-channel", `whsec_${randomBytes(24).toString("base64url")}`, secretContext(userId, "webhook"));
    await tx
      .insert(reminderChannels)
      .values({ userId, channel: "webhook", url, secretSealed: secret, carries, updatedAt: now })
      .onConflictDoUpdate({ target: [reminderChannels.userId, reminderChannels.channel], set: { url, carries, updatedAt: now } });
  });
}

/** Turns one of the account's own channels off; false when it was not on. */
export async function removeReminderChannel(db: Db, { userId, channel }: { userId: string; channel: OwnReminderChannel }): Promise<boolean> {
  return write(db, { userId }, async (tx) => {
    const gone = await tx
      .delete(reminderChannels)
      .where(and(eq(reminderChannels.userId, userId), eq(reminderChannels.channel, channel)))
      .returning({ channel: reminderChannels.channel });
    return gone.length > 0;
  });
}
