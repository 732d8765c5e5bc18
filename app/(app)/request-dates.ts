import "server-only";
import { headers } from "next/headers";
import { requireUser, type SignedInUser } from "@/lib/auth/current-user";
import type { SessionUser } from "@/lib/data/users";
import { formatsFor, type DateFormat, type DateStyle } from "@/lib/time/formats";
import { dateDisplayFor, localeFromAcceptLanguage } from "@/lib/time/locale";

/** The browser's locale for this request, from Accept-Language; null outside a request or when it names none Intl knows. */
export async function requestLocale(): Promise<string | null> {
  try {
    return localeFromAcceptLanguage((await headers()).get("accept-language"));
  } catch {
    return null;
  }
}

/**
 * How this user reads dates on this request: read on the server from their
 * choice or the browser's Accept-Language, so the first render is already
 * right.
 */
export async function dateStyleFor(user: SessionUser): Promise<DateStyle> {
  let header: string | null = null;
  try {
    header = (await headers()).get("accept-language");
  } catch {
    // Outside a request: the saved choice or the last-seen locale decides.
  }
  return { ...dateDisplayFor(user, header), zone: user.timeZone };
}

export const dateFormatFor = async (user: SessionUser): Promise<DateFormat> => formatsFor(await dateStyleFor(user));

export type Reader = SignedInUser & { dates: DateStyle };

/** requireUser(), with how the user reads dates on this request. */
export async function requireReader(): Promise<Reader> {
  const user = await requireUser();
  return { ...user, dates: await dateStyleFor(user) };
}
