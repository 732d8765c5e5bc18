import "server-only";
import { createHmac } from "node:crypto";
import { DeliveryError, type Outgoing, type ReminderChannel, type ReminderOutgoing } from "./channel";
import { reminderOrigin } from "./origin";
import { postOrExplain } from "./http-post";
import { privateNetworkAllowed } from "./outbound-address";
import { renderText } from "./render";

// A generic webhook: the reminder as JSON, signed with HMAC-SHA256 over the
// exact body with the account's signing secret, the delivery id as the
// idempotency key (the same on every retry, so a receiver can drop repeats).
// `title` and `body` are there as Apprise's API reads them, so an Apprise
// /notify URL works as the webhook.

export const SIGNATURE_HEADER = "X-Shortlist-Signature";
export const IDEMPOTENCY_HEADER = "Idempotency-Key";

export const signatureOf = (secret: string, body: string) => `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

export function webhookBody({ id, kind, message }: Pick<ReminderOutgoing, "id" | "kind" | "message">, origin: string): string {
  return JSON.stringify({
    id,
    kind,
    title: message.subject,
    body: renderText(message, { origin, unsubscribe: null }).trim(),
    intro: message.intro,
    entries: message.entries.map(({ path, ...e }) => ({ ...e, url: `${origin}${path}` })),
  });
}

export function webhookChannel(env: NodeJS.ProcessEnv = process.env): ReminderChannel {
  const origin = reminderOrigin(env);
  const posting = { allowPrivateNetwork: privateNetworkAllowed(env) };
  return {
    name: "webhook",
    async send(outgoing: Outgoing) {
      if (outgoing.kind === "account") throw new DeliveryError("an account email goes by email only", true);
      if (!outgoing.target?.secret) throw new DeliveryError("the webhook was removed", true);
      const body = webhookBody(outgoing, origin);
      await postOrExplain("the webhook", outgoing.target.url, {
        body,
        headers: {
          "Content-Type": "application/json",
          "User-Agent": "Shortlist-Reminders",
          [IDEMPOTENCY_HEADER]: outgoing.id,
          [SIGNATURE_HEADER]: signatureOf(outgoing.target.secret, body),
        },
      }, posting);
    },
  };
}
