"use server";

import { cookies } from "next/headers";
import { THEME_COOKIE, THEME_COOKIE_MAX_AGE_SECONDS } from "@/lib/theme";
import { formField } from "@/lib/forms/form-field";
import { isFormData } from "@/lib/forms/form-state";
import { themeChoiceSchema } from "@/lib/validation/theme";

export type ThemeState = { message?: string };

/**
 * Stores the colour theme as a cookie the root layout reads. No session is
 * needed: it is a display preference of this browser, shown on the sign-in
 * pages too, and it touches no account data.
 */
export async function setThemeAction(_prev: ThemeState, formData: FormData): Promise<ThemeState> {
  const parsed = themeChoiceSchema.safeParse({ theme: isFormData(formData) ? formField(formData, "theme") : "" });
  if (!parsed.success) return { message: "Choose System, Light or Dark." };
  const store = await cookies();
  if (parsed.data.theme === "system") {
    store.delete(THEME_COOKIE);
  } else {
    store.set(THEME_COOKIE, parsed.data.theme, {
      maxAge: THEME_COOKIE_MAX_AGE_SECONDS,
      sameSite: "lax",
      httpOnly: true,
      path: "/",
    });
  }
  return {};
}
