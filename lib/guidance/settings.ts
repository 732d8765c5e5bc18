import { z } from "zod";

/**
 * The catalog's parameters (shared/docs/guidance-rules.md), which a user can
 * change in Settings. Each default names the part of the article behind it.
 */
export type GuidanceSettings = {
  /** "Send a prompt thank-you email" (Timing and Tone of Your Follow-up). */
  thankYouWindowHours: number;
  /** FAQs: a decision usually comes within about seven days. */
  decisionWaitDays: number;
  /** Managing the Wait: check in now and then, never pester. */
  followUpSpacingDays: number;
  /** FAQ: after this many unanswered follow-ups, keep searching. */
  moveOnFollowUps: number;
  /** Preparation Tips for a Second Interview: start this long before. */
  prepLeadDays: number;
  /** Managing the Wait, applied before any interview: check in this long after applying. */
  applicationFollowUpDays: number;
};

export const DEFAULT_GUIDANCE_SETTINGS: Readonly<GuidanceSettings> = Object.freeze({
  thankYouWindowHours: 24,
  decisionWaitDays: 7,
  followUpSpacingDays: 7,
  moveOnFollowUps: 2,
  prepLeadDays: 3,
  applicationFollowUpDays: 7,
});

/** What each setting may be: wide enough for any real hiring process, narrow enough to stay advice. */
export const GUIDANCE_SETTING_LIMITS: Record<keyof GuidanceSettings, { min: number; max: number; unit: string }> = {
  thankYouWindowHours: { min: 1, max: 72, unit: "hours" },
  decisionWaitDays: { min: 1, max: 60, unit: "days" },
  followUpSpacingDays: { min: 1, max: 30, unit: "days" },
  moveOnFollowUps: { min: 1, max: 5, unit: "follow-ups" },
  prepLeadDays: { min: 1, max: 14, unit: "days" },
  applicationFollowUpDays: { min: 1, max: 60, unit: "days" },
};

const setting = (name: keyof GuidanceSettings) => {
  const { min, max, unit } = GUIDANCE_SETTING_LIMITS[name];
  return z
    .number({ error: "Enter a whole number." })
    .int("Enter a whole number.")
    .min(min, `Use a number of ${unit} from ${min} to ${max}.`)
    .max(max, `Use a number of ${unit} from ${min} to ${max}.`);
};

export const guidanceSettingsSchema = z.object({
  thankYouWindowHours: setting("thankYouWindowHours"),
  decisionWaitDays: setting("decisionWaitDays"),
  followUpSpacingDays: setting("followUpSpacingDays"),
  moveOnFollowUps: setting("moveOnFollowUps"),
  prepLeadDays: setting("prepLeadDays"),
  applicationFollowUpDays: setting("applicationFollowUpDays"),
});
