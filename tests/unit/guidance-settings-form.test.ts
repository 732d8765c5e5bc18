import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DEFAULT_GUIDANCE_SETTINGS, GUIDANCE_SETTING_LIMITS } from "@/lib/guidance/settings";
import { guidanceSettingsFormSchema } from "@/lib/validation/guidance-settings";

// The sixth timing, "application follow-up wait", is read, bounded and
// explained like the other five.

const form = (over: Record<string, string> = {}) => ({
  ...Object.fromEntries(Object.entries(DEFAULT_GUIDANCE_SETTINGS).map(([k, v]) => [k, String(v)])),
  ...over,
});

describe("the application follow-up wait setting", () => {
  it("defaults to 7 days and takes whole days from 1 to 60", () => {
    expect(DEFAULT_GUIDANCE_SETTINGS.applicationFollowUpDays).toBe(7);
    expect(GUIDANCE_SETTING_LIMITS.applicationFollowUpDays).toEqual({ min: 1, max: 60, unit: "days" });
    expect(guidanceSettingsFormSchema.parse(form({ applicationFollowUpDays: "1" })).applicationFollowUpDays).toBe(1);
    expect(guidanceSettingsFormSchema.parse(form({ applicationFollowUpDays: " 60 " })).applicationFollowUpDays).toBe(60);
  });

  it("refuses values out of range or not whole, with the message beside that field only", () => {
    for (const [value, message] of [
      ["0", "Use a number of days from 1 to 60."],
      ["61", "Use a number of days from 1 to 60."],
      ["2.5", "Enter a whole number."],
      ["", "Enter a number."],
    ] as const) {
      const result = guidanceSettingsFormSchema.safeParse(form({ applicationFollowUpDays: value }));
      expect(result.success, value).toBe(false);
      const errors = z.flattenError(result.error!).fieldErrors;
      expect(Object.keys(errors), value).toEqual(["applicationFollowUpDays"]);
      expect(errors.applicationFollowUpDays?.[0], value).toBe(message);
    }
  });
});
