import { z } from "zod";
import { REMINDER_CARRIES } from "@/lib/vocabulary";

const hour = (what: string) =>
  z.coerce
    .number({ error: `Choose the hour ${what}.` })
    .int(`Choose the hour ${what} from the list.`)
    .min(0, `Choose the hour ${what} from the list.`)
    .max(23, `Choose the hour ${what} from the list.`);

/** Settings → Reminders. An unticked checkbox sends nothing, which is "off". */
export const reminderSettingsSchema = z
  .object({
    emailOn: z.literal("on").optional().transform((value) => value === "on"),
    emailCarries: z.enum(REMINDER_CARRIES, { error: "Choose what email carries from the list." }),
    digestHour: hour("the digest comes at"),
    quietFrom: hour("quiet hours begin"),
    quietUntil: hour("quiet hours end"),
  });

export type ReminderSettingsField = keyof z.input<typeof reminderSettingsSchema>;
