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

const LOOPBACK = new Set(["127.0.0.1", "[::1]", "localhost"]);
/** base64url of exactly `bytes` bytes, as PushSubscription.toJSON() gives its keys. */
const base64urlKey = (bytes: number, what: string) =>
  z
    .string({ error: `The browser sent no ${what}.` })
    .regex(/^[A-Za-z0-9_-]+$/, `The browser's ${what} is not readable.`)
    // Unpadded base64url: 4 characters for every 3 bytes, the last group shortened.
    .refine((value) => value.length === Math.ceil((bytes * 4) / 3), `The browser's ${what} is not readable.`);

/**
 * A browser's push subscription, as Settings posts it. The endpoint is the
 * push service's (always https); plain http only on this machine, for a
 * push service run locally (and the tests' loopback one).
 */
export const pushSubscriptionSchema = z.object({
  endpoint: z
    .string({ error: "The browser sent no push address." })
    .max(2000, "The browser's push address is too long.")
    .refine((value) => {
      try {
        const url = new URL(value);
        return !url.username && !url.password && (url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK.has(url.hostname)));
      } catch {
        return false;
      }
    }, "The browser's push address is not an https address."),
  // An uncompressed P-256 point, and a 16-byte secret (RFC 8291).
  p256dh: base64urlKey(65, "public key"),
  auth: base64urlKey(16, "auth secret"),
});
export type PushSubscriptionField = keyof z.input<typeof pushSubscriptionSchema>;

export const pushCarriesSchema = z.object({ carries });
