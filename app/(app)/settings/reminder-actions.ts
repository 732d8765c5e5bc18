"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { actionWithUser, validatedActionWithUser } from "@/lib/auth/validated-action";
import { queueTestReminder } from "@/lib/data/reminder-outbox";
import { saveReminderSettings } from "@/lib/data/reminder-settings";
import { smtpConfigured } from "@/lib/reminders/email";
import { reminderSettingsSchema, type ReminderSettingsField } from "@/lib/validation/reminder-settings";

export const saveRemindersAction = validatedActionWithUser<typeof reminderSettingsSchema, ReminderSettingsField>(
  reminderSettingsSchema,
  async (settings, user) => {
    await saveReminderSettings(getDb(), { userId: user.id, settings, now: new Date() });
    revalidatePath("/settings");
    return {
      message: settings.emailOn ? "Saved. Reminders follow these settings from now on." : "Saved. Email reminders are off.",
      values: {
        emailOn: settings.emailOn ? "on" : "",
        emailCarries: settings.emailCarries,
        digestHour: String(settings.digestHour),
        quietFrom: String(settings.quietFrom),
        quietUntil: String(settings.quietUntil),
      },
    };
  },
);

export const sendTestReminderAction = actionWithUser(async (user) => {
  if (!smtpConfigured()) return { message: "Email is not set up on this server, so there is nothing to test." };
  const queued = await queueTestReminder(getDb(), { userId: user.id, now: new Date() });
  revalidatePath("/settings");
  if (!queued.ok) return { message: "A test is already on its way. If it cannot be sent, it is listed below with the reason." };
  return { message: `A test email is on its way to ${user.email}. If it cannot be sent, it is listed below with the reason.` };
});
