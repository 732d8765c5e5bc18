import { z } from "zod";

export const CALENDAR_FEED_INTENTS = ["create", "regenerate", "turn-off"] as const;
export type CalendarFeedIntent = (typeof CALENDAR_FEED_INTENTS)[number];

/** The Settings buttons for the feed; the user is always the session's, never a field. */
export const calendarFeedSchema = z.object({
  intent: z.enum(CALENDAR_FEED_INTENTS, { error: "That button is not recognised: reload the page and try again." }),
});
