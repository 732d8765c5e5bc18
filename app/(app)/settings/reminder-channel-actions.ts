"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { actionWithUser, validatedActionWithUser } from "@/lib/auth/validated-action";
import { removeReminderChannel, saveNtfyChannel, saveWebhookChannel } from "@/lib/data/reminder-channels";
import { pushDevices } from "@/lib/data/push-subscriptions";
import { queueTestReminder } from "@/lib/data/reminder-outbox";
import { smtpConfigured } from "@/lib/reminders/email";
import { refusingPrivateUrl } from "@/lib/reminders/outbound-address";
import { ntfyChannelSchema, webhookChannelSchema, type NtfyChannelField, type WebhookChannelField } from "@/lib/validation/reminder-settings";
import { OWN_REMINDER_CHANNELS, REMINDER_CHANNELS, type OwnReminderChannel, type ReminderChannelName } from "@/lib/vocabulary";

export const saveNtfyAction = validatedActionWithUser<typeof ntfyChannelSchema, NtfyChannelField>(
  () => refusingPrivateUrl(ntfyChannelSchema),
  async ({ url, token, clearToken, carries }, user) => {
    await saveNtfyChannel(getDb(), { userId: user.id, url, token: clearToken ? "" : token || undefined, carries, now: new Date() });
    revalidatePath("/settings");
    return { message: "Saved. Reminders go to this ntfy topic too.", values: { url, carries } };
  },
  // The token is a secret: it is never sent back to the browser.
  { keepValues: false },
);

export const saveWebhookAction = validatedActionWithUser<typeof webhookChannelSchema, WebhookChannelField>(() => refusingPrivateUrl(webhookChannelSchema), async ({ url, carries }, user) => {
  await saveWebhookChannel(getDb(), { userId: user.id, url, carries, now: new Date() });
  revalidatePath("/settings");
  return { message: "Saved. Reminders are posted to this webhook too.", values: { url, carries } };
});

const isOwn = (value: unknown): value is OwnReminderChannel => OWN_REMINDER_CHANNELS.some((c) => c === value);
const isChannel = (value: unknown): value is ReminderChannelName => REMINDER_CHANNELS.some((c) => c === value);

export const removeReminderChannelAction = actionWithUser(async (user, formData) => {
  const channel = formData.get("channel");
  if (!isOwn(channel)) return { message: "That channel is not recognised: reload the page and try again." };
  await removeReminderChannel(getDb(), { userId: user.id, channel });
  revalidatePath("/settings");
  return { message: channel === "ntfy" ? "ntfy is off." : "The webhook is off." };
});

const NAMES: Record<ReminderChannelName, string> = { email: "email", push: "push", ntfy: "ntfy", webhook: "webhook" };

export const sendTestReminderAction = actionWithUser(async (user, formData) => {
  const channel = formData.get("channel");
  if (!isChannel(channel)) return { message: "That channel is not recognised: reload the page and try again." };
  if (channel === "email" && !smtpConfigured()) return { message: "Email is not set up on this server, so there is nothing to test." };
  if (channel === "push" && (await pushDevices(getDb(), { userId: user.id })).length === 0) return { message: "No device of yours has push on: turn it on above first." };
  const queued = await queueTestReminder(getDb(), { userId: user.id, channel, now: new Date() });
  revalidatePath("/settings");
  if (!queued.ok) return { message: `A test by ${NAMES[channel]} is already on its way. If it cannot be sent, it is listed below with the reason.` };
  const where = channel === "email" ? `to ${user.email}` : channel === "push" ? "to your devices with push on" : `by ${NAMES[channel]}`;
  return { message: `A test is on its way ${where}. If it cannot be sent, it is listed below with the reason.` };
});
