import "server-only";
import webpush from "web-push";
import type { Db } from "@/db/open";
import { pushTargets, removeGonePushSubscription, type PushTarget } from "@/lib/data/push-subscriptions";
import { retryWhileBusy } from "@/lib/forms/storage-failure";
import { DeliveryError, type Outgoing, type ReminderChannel, type ReminderOutgoing } from "./channel";
import { post, type PostOptions } from "./http-post";
import { PrivateAddressError, privateNetworkAllowed } from "./outbound-address";
import { reminderOrigin } from "./origin";
import { pushDelivery, pushPayload } from "./push-payload";
import { vapidKeys, type VapidKeys } from "./vapid";

// Web Push to every device the account subscribed in Settings. web-push
// encrypts the payload to each device's keys (RFC 8291, aes128gcm) and signs
// the request with the server's VAPID key (RFC 8292); the POST itself is
// ours, like ntfy's and the webhooks' (web-push's own sender speaks https
// only and gives no way to bound the whole request's time). The endpoint
// comes from the browser, so it is held to public addresses as they are.

type Answer = "sent" | "gone" | { reason: string };

async function pushTo(target: PushTarget, outgoing: ReminderOutgoing, { vapid, origin, posting }: { vapid: VapidKeys; origin: string; posting: PostOptions }): Promise<Answer> {
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
  let status: number;
  try {
    const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
    status = await post(new URL(request.endpoint), { headers, body: new Uint8Array(request.body) }, posting);
  } catch (error) {
    // Nothing a retry can mend: treated like a subscription that is gone.
    if (error instanceof PrivateAddressError) return "gone";
    return { reason: (error as Error | null)?.name === "TimeoutError" ? "the push service did not answer in time" : "the push service could not be reached" };
  }
  if (status >= 200 && status < 300) return "sent";
  // The browser unsubscribed, or the subscription expired: it will not come back.
  if (status === 404 || status === 410) return "gone";
  if (status === 401 || status === 403) return { reason: `the push service refused the server's key (${status})` };
  if (status === 413) return { reason: "the push service refused the message as too large (413)" };
  return { reason: `the push service answered ${status}` };
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
  const posting = { allowPrivateNetwork: privateNetworkAllowed(env) };
  return {
    name: "push",
    async send(outgoing: Outgoing) {
      if (outgoing.kind === "account") throw new DeliveryError("an account email goes by email only", true);
      const targets = await pushTargets(db, { userId: outgoing.userId });
      if (targets.length === 0) throw new DeliveryError("no device is subscribed to push any more", true);
      const answers = await Promise.all(targets.map((t) => pushTo(t, outgoing, { vapid, origin, posting })));
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
