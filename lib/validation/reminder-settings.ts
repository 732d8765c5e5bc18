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

const endpoint = (what: string) =>
  z
    .string({ error: `Enter the ${what}.` })
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(500, `That ${what} is too long (500 characters at most).`)
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
      } catch {
        return false;
      }
    }, `Enter the ${what} as a full address starting with https://.`);

const carries = z.enum(REMINDER_CARRIES, { error: "Choose what it carries from the list." });

/** Settings → Reminders → ntfy. An empty token box keeps the saved token; "Remove the token" clears it. */
export const ntfyChannelSchema = z.object({
  url: endpoint("topic URL").refine((value) => new URL(value).pathname.split("/").some(Boolean), "Add the topic to the address, such as https://ntfy.sh/your-topic."),
  token: z.string().trim().max(200, "That token is too long (200 characters at most).").optional(),
  clearToken: z.literal("on").optional(),
  carries,
});
export type NtfyChannelField = keyof z.input<typeof ntfyChannelSchema>;

export const webhookChannelSchema = z.object({ url: endpoint("webhook URL"), carries });
export type WebhookChannelField = keyof z.input<typeof webhookChannelSchema>;
