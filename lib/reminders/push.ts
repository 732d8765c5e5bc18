import "server-only";
import webpush from "web-push";
import type { Db } from "@/db/open";
import { pushTargets, removeGonePushSubscription, type PushTarget } from "@/lib/data/push-subscriptions";
import { retryWhileBusy } from "@/lib/forms/storage-failure";
import { DeliveryError, type Outgoing, type ReminderChannel } from "./channel";
import { reminderOrigin } from "./origin";
import { pushDelivery, pushPayload } from "./push-payload";
import { vapidKeys, type VapidKeys } from "./vapid";

// Web Push to every device the account subscribed in Settings. web-push
// encrypts the payload to each device's keys (RFC 8291, aes128gcm) and signs
// the request with the server's VAPID key (RFC 8292); the POST itself is
// ours, with fetch, like ntfy's and the webhooks' (web-push's own sender
// speaks https only and gives no way to bound the whole request's time).

/** Well inside the claim's lease (lib/data/reminder-claim.ts). */
const POST_TIMEOUT_MS = 30_000;

type Answer = "sent" | "gone" | { reason: string };

async function pushTo(target: PushTarget, outgoing: Outgoing, { vapid, origin }: { vapid: VapidKeys; origin: string }): Promise<Answer> {
  const request = webpush.generateRequestDetails(
    { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
    JSON.stringify(pushPayload(outgoing, origin)),
    {
      vapidDetails: vapid,
      contentEncoding: "aes128gcm",
      ...pushDelivery(outgoing.kind),
      // A retry replaces a copy the push service still holds for a device that is off (RFC 8030 5.4); a delivery id is 32 URL-safe characters without its dashes.
      topic: outgoing.id.replaceAll("-", "").slice(0, 32),
    },
  );
  let response: Response;
  try {
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
    response = await fetch(request.endpoint, { method: "POST", headers, body: new Uint8Array(request.body), redirect: "error", signal: AbortSignal.timeout(POST_TIMEOUT_MS) });
  } catch (error) {
    return { reason: (error as Error | null)?.name === "TimeoutError" ? "the push service did not answer in time" : "the push service could not be reached" };
  }
  await response.arrayBuffer().catch(() => undefined);
  if (response.ok) return "sent";
  // The browser unsubscribed, or the subscription expired: it will not come back.
  if (response.status === 404 || response.status === 410) return "gone";
  if (response.status === 401 || response.status === 403) return { reason: `the push service refused the server's key (${response.status})` };
  if (response.status === 413) return { reason: "the push service refused the message as too large (413)" };
  return { reason: `the push service answered ${response.status}` };
}

/**
 * Sends one delivery to each of the account's devices. A device the push
 * service says is gone is removed (and the others still get it); when any
 * other device failed, the whole delivery is tried again later, and the
 * devices that had it see the same notification replaced, not a second one.
 */
export function pushChannel(db: Db, env: NodeJS.ProcessEnv = process.env): ReminderChannel {
  const vapid = vapidKeys(env);
  const origin = reminderOrigin(env);
  return {
    name: "push",
    async send(outgoing: Outgoing) {
      const targets = await pushTargets(db, { userId: outgoing.userId });
      if (targets.length === 0) throw new DeliveryError("no device is subscribed to push any more", true);
      const answers = await Promise.all(targets.map((t) => pushTo(t, outgoing, { vapid, origin })));
      let gone = 0;
      for (const [i, answer] of answers.entries()) {
        if (answer !== "gone") continue;
        gone += 1;
        await retryWhileBusy(() => removeGonePushSubscription(db, { userId: outgoing.userId, endpoint: targets[i].endpoint }));
      }
      const failure = answers.find((a): a is { reason: string } => typeof a === "object");
      if (failure) throw new DeliveryError(failure.reason);
      if (gone === targets.length) throw new DeliveryError("the push service says this device is no longer subscribed", true);
    },
  };
}
