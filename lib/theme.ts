import { DAY_MS, SECOND_MS } from "@/lib/time/units";

/** The colour theme a person chose; "system" follows the device's prefers-color-scheme. */
export const THEME_CHOICES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_COOKIE = "theme";
// A year: long enough that nobody is asked twice, short enough to expire on a forgotten device.
export const THEME_COOKIE_MAX_AGE_SECONDS = (365 * DAY_MS) / SECOND_MS;

export const THEME_LABELS: Record<ThemeChoice, string> = { system: "System", light: "Light", dark: "Dark" };

/** Any cookie value that is not exactly "light" or "dark" (absent, stale, tampered) means: follow the system. */
export function parseThemeCookie(value: string | undefined | null): ThemeChoice {
  return value === "light" || value === "dark" ? value : "system";
}

/**
 * The class for <html>: globals.css reads "dark" and "light" as a choice that
 * overrides prefers-color-scheme; no class lets the media query decide.
 */
export function themeClassName(choice: ThemeChoice): string | undefined {
  return choice === "system" ? undefined : choice;
}
