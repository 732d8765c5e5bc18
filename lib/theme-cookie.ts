import "server-only";
import { cookies } from "next/headers";
import { parseThemeCookie, THEME_COOKIE, type ThemeChoice } from "@/lib/theme";

/** This browser's stored theme choice; "system" when none is stored. */
export async function readThemeChoice(): Promise<ThemeChoice> {
  return parseThemeCookie((await cookies()).get(THEME_COOKIE)?.value);
}
