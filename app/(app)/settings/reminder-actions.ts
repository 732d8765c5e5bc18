"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import { validatedActionWithUser } from "@/lib/auth/validated-action";
import { saveReminderSettings } from "@/lib/data/reminder-settings";
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
