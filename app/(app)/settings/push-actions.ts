"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { deviceName } from "@/lib/auth/device";
import { requestContext } from "@/lib/auth/request-context";
import { actionWithUser, validatedActionWithUser } from "@/lib/auth/validated-action";
import { removePushSubscription, savePushCarries, savePushSubscription } from "@/lib/data/push-subscriptions";
import { pushCarriesSchema, pushSubscriptionSchema, type PushSubscriptionField } from "@/lib/validation/reminder-settings";

/** Keeps this browser's push subscription for the signed-in account; the device's name comes from the request, not the page. */
export const savePushSubscriptionAction = validatedActionWithUser<typeof pushSubscriptionSchema, PushSubscriptionField>(
  pushSubscriptionSchema,
  async (subscription, user) => {
    const { userAgent } = await requestContext();
    await savePushSubscription(getDb(), { userId: user.id, subscription: { ...subscription, deviceLabel: deviceName(userAgent) }, now: new Date() });
    revalidatePath("/settings");
    return { message: "Push is on for this device. Send a test to see it arrive." };
  },
  { keepValues: false },
);

export const removePushDeviceAction = actionWithUser(async (user, formData) => {
  const id = formData.get("id");
  const removed = typeof id === "string" && (await removePushSubscription(getDb(), { userId: user.id, id }));
  revalidatePath("/settings");
  // Another account's device and one removed already get the same answer.
  return { message: removed ? "That device gets no more reminders." : "That device was not found: it may have been removed already." };
});

export const savePushCarriesAction = validatedActionWithUser(pushCarriesSchema, async ({ carries }, user) => {
  await savePushCarries(getDb(), { userId: user.id, carries, now: new Date() });
  revalidatePath("/settings");
  return { message: "Saved.", values: { carries } };
});
