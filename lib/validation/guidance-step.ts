import { z } from "zod";

export const SNOOZE_DAYS = { "snooze-1d": 1, "snooze-3d": 3, "snooze-1w": 7 } as const;
/** Until the user's next morning at 09:00 (lib/guidance/snooze.ts), not a day to the minute. */
export const SNOOZE_MORNING = "snooze-morning";
export const STEP_ACTIONS = ["done", "dismiss", SNOOZE_MORNING, ...(Object.keys(SNOOZE_DAYS) as (keyof typeof SNOOZE_DAYS)[])] as const;
export type StepActionName = (typeof STEP_ACTIONS)[number];

/** The Done / Snooze / Dismiss buttons on a step; ids are checked against the session's user afterwards. */
export const stepActionSchema = z.object({
  applicationId: z.string({ error: "This step has lost its application: reload the page." }).trim().min(1, "This step has lost its application: reload the page.").max(100),
  key: z.string({ error: "This step is not recognised: reload the page." }).trim().min(1, "This step is not recognised: reload the page.").max(200, "This step is not recognised: reload the page."),
  action: z.enum(STEP_ACTIONS, { error: "Choose Done, Snooze or Dismiss." }),
});

/** Where the "Mark as ghosted" button was pressed, so the confirmation shows on the same page. */
export const GHOSTED_FROM = ["application", "dashboard"] as const;

export const markGhostedSchema = z.object({
  applicationId: z.string({ error: "This step has lost its application: reload the page." }).trim().min(1, "This step has lost its application: reload the page.").max(100),
  from: z.enum(GHOSTED_FROM).catch("application"),
});

/** Restore on a snoozed or dismissed step; the pair is checked against the session's user afterwards. */
export const restoreStepSchema = stepActionSchema.pick({ applicationId: true, key: true });
