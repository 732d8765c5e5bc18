"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth/auth";
import { changePassword } from "@/lib/auth/change-password";
import { requestContext } from "@/lib/auth/request-context";
import { validatedActionWithUser } from "@/lib/auth/validated-action";
import { setDateDisplay, setTimeZone } from "@/lib/data/users";
import { saveGuidanceSettings } from "@/lib/data/guidance-settings";
import { createOrRegenerateCalendarFeed, turnOffCalendarFeed } from "@/lib/data/calendar-feed";
import { DEFAULT_GUIDANCE_SETTINGS, type GuidanceSettings } from "@/lib/guidance/settings";
import { requireUser } from "@/lib/auth/current-user";
import { formValues, isFormData, UNREADABLE_FORM, type FormState } from "@/lib/forms/form-state";
import { saveOrExplain } from "@/lib/forms/storage-failure";
import { changePasswordSchema, timeZoneSchema } from "@/lib/validation/auth";
import { dateDisplaySchema, type DateDisplayField } from "@/lib/validation/date-display";
import { calendarFeedSchema, type CalendarFeedIntent } from "@/lib/validation/calendar-feed";
import { guidanceSettingsFormSchema, type GuidanceSettingsField } from "@/lib/validation/guidance-settings";

type Field = "currentPassword" | "newPassword" | "confirmPassword";

export const changePasswordAction = validatedActionWithUser<typeof changePasswordSchema, Field>(
  changePasswordSchema,
  async ({ currentPassword, newPassword }, user) => {
    const { address, host } = await requestContext();
    const result = await changePassword(getDb(), { user, currentPassword, newPassword, address, host, now: new Date() });
    if (!result.ok) return { fieldErrors: { [result.field]: [result.message] } };
    await signOut({ redirect: false });
    redirect("/sign-in?changed=1");
  },
  // Nothing typed into a password field is sent back to the browser.
  { keepValues: false },
);

export const setTimeZoneAction = validatedActionWithUser<typeof timeZoneSchema, "timeZone">(
  timeZoneSchema,
  async ({ timeZone }, user) => {
    await setTimeZone(getDb(), { userId: user.id, timeZone });
    revalidatePath("/", "layout");
    return { message: `Times are now shown in ${timeZone.replaceAll("_", " ")}.`, values: { timeZone } };
  },
);

export const setDateDisplayAction = validatedActionWithUser<typeof dateDisplaySchema, DateDisplayField>(
  dateDisplaySchema,
  async ({ locale, hourCycle }, user) => {
    await setDateDisplay(getDb(), { userId: user.id, locale, hourCycle });
    revalidatePath("/", "layout");
    return { message: "Saved. Dates and times follow your choice on every page.", values: { locale: locale ?? "auto", hourCycle: hourCycle ?? "auto" } };
  },
);

const saveTimings = validatedActionWithUser<typeof guidanceSettingsFormSchema, GuidanceSettingsField>(
  guidanceSettingsFormSchema,
  async (settings, user) => {
    await saveGuidanceSettings(getDb(), { userId: user.id, settings });
    revalidatePath("/", "layout");
    return { message: "Saved. Your next steps use these timings now.", values: settingsValues(settings) };
  },
);

/**
 * Save, or (the form's second button) put every timing back to the catalog's
 * default whatever the boxes hold. One action, so the form has one state and
 * a reset can never be undone by values left over from an earlier save.
 */
export async function saveGuidanceSettingsAction(
  previous: FormState<GuidanceSettingsField>,
  formData: FormData,
): Promise<FormState<GuidanceSettingsField>> {
  if (!isFormData(formData)) return UNREADABLE_FORM;
  if (formData.get("intent") !== "reset") return saveTimings(previous, formData);
  const user = await requireUser();
  // Refused, the boxes keep what they held.
  return saveOrExplain("reset timings", formValues(formData), async () => {
    await saveGuidanceSettings(getDb(), { userId: user.id, settings: { ...DEFAULT_GUIDANCE_SETTINGS } });
    revalidatePath("/", "layout");
    return { message: "Back to the recommended timings.", values: settingsValues(DEFAULT_GUIDANCE_SETTINGS) };
  });
}

function settingsValues(settings: GuidanceSettings): Record<GuidanceSettingsField, string> {
  return Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, String(v)])) as Record<GuidanceSettingsField, string>;
}

const FEED_MESSAGES: Record<CalendarFeedIntent, string> = {
  create: "Your calendar feed is ready. Copy the URL into your calendar app.",
  regenerate: "New URL made. The old one no longer works: give your calendar app the new one.",
  "turn-off": "Calendar feed turned off. Its URL no longer works.",
};

/** Create, regenerate or turn off the session user's feed; there is no way to name another user's. */
export const calendarFeedAction = validatedActionWithUser<typeof calendarFeedSchema, "intent">(
  calendarFeedSchema,
  async ({ intent }, user) => {
    const db = getDb();
    if (intent === "turn-off") {
      if (!(await turnOffCalendarFeed(db, { userId: user.id }))) return { message: "The calendar feed was already off." };
    } else {
      await createOrRegenerateCalendarFeed(db, { userId: user.id, now: new Date() });
    }
    revalidatePath("/settings");
    return { message: FEED_MESSAGES[intent] };
  },
);
