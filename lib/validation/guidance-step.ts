import { z } from "zod";

export const SNOOZE_DAYS = { "snooze-1d": 1, "snooze-3d": 3, "snooze-1w": 7 } as const;
export const STEP_ACTIONS = ["done", "dismiss", ...(Object.keys(SNOOZE_DAYS) as (keyof typeof SNOOZE_DAYS)[])] as const;
export type StepActionName = (typeof STEP_ACTIONS)[number];

/** The Done / Snooze / Dismiss buttons on a step; ids are checked against the session's user afterwards. */
export const stepActionSchema = z.object({
  applicationId: z.string().trim().min(1).max(100),
  key: z.string().trim().min(1).max(200),
  action: z.enum(STEP_ACTIONS, { error: "Choose Done, Snooze or Dismiss." }),
});
