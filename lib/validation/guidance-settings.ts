import { z } from "zod";
import { guidanceSettingsSchema, type GuidanceSettings } from "@/lib/guidance/settings";

/** Form text to a whole number, with the engine's own limits and messages. */
const wholeNumber = (schema: z.ZodNumber) =>
  z
    .string()
    .trim()
    // abort: an empty box is not also "not a whole number"; one message, not two.
    .min(1, { message: "Enter a number.", abort: true })
    .regex(/^-?\d+$/, "Enter a whole number.")
    .transform(Number)
    .pipe(schema);

const shape = guidanceSettingsSchema.shape;

export const guidanceSettingsFormSchema = z.object({
  thankYouWindowHours: wholeNumber(shape.thankYouWindowHours),
  decisionWaitDays: wholeNumber(shape.decisionWaitDays),
  followUpSpacingDays: wholeNumber(shape.followUpSpacingDays),
  moveOnFollowUps: wholeNumber(shape.moveOnFollowUps),
  prepLeadDays: wholeNumber(shape.prepLeadDays),
  applicationFollowUpDays: wholeNumber(shape.applicationFollowUpDays),
}) satisfies z.ZodType<GuidanceSettings, Record<keyof GuidanceSettings, string>>;

export type GuidanceSettingsField = keyof GuidanceSettings;
