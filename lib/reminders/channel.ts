import type { ReminderChannelName, ReminderKind } from "@/lib/vocabulary";
import type { AccountEmail } from "./account-email";
import type { ReminderMessage } from "./message";

/** Where an account's own channel sends (ntfy, webhook): its address and secret (the ntfy token, the webhook's signing secret); null when the account removed it. */
export type ChannelTarget = { url: string; secret: string | null } | null;

/** One claimed delivery, ready for its channel. An "account" email carries its own text instead of a reminder's message. */
export type Outgoing = ReminderOutgoing | AccountOutgoing;
export type ReminderOutgoing = { id: string; userId: string; email: string; kind: Exclude<ReminderKind, "account">; target: ChannelTarget; message: ReminderMessage };
export type AccountOutgoing = { id: string; userId: string; email: string; kind: "account"; target: null; account: AccountEmail };

/**
 * A send that did not happen, with the reason in words for Settings ("the
 * SMTP server refused the login"). `final`: trying again cannot help.
 */
export class DeliveryError extends Error {
  constructor(
    readonly reason: string,
    readonly final = false,
  ) {
    super(reason);
    this.name = "DeliveryError";
  }
}

/** A way out: resolves once the other side has accepted the message, throws DeliveryError otherwise. */
export type ReminderChannel = { name: ReminderChannelName; send(outgoing: Outgoing): Promise<void> };
