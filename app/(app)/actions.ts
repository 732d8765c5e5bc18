"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { signOut } from "@/lib/auth/auth";
import { currentUser, requireUser } from "@/lib/auth/current-user";
import { requestContext } from "@/lib/auth/request-context";
import { endSignedOutSession, signOutEverywhere } from "@/lib/auth/sign-out";
import { actionWithUser } from "@/lib/auth/validated-action";
import { countApplications, insertApplications } from "@/lib/data/applications";
import { adoptTimeZone, recordSeenLocale } from "@/lib/data/users";
import { requestLocale } from "@/app/(app)/request-dates";
import { storageFailureState } from "@/lib/forms/storage-failure";
import { sampleApplications } from "@/lib/sample-data";
import { timeZoneField } from "@/lib/validation/fields";

/** Ends this device's session record before the cookie is cleared, so a copy of the cookie dies too. */
export async function signOutAction(): Promise<void> {
  const user = await currentUser();
  if (user) await endSignedOutSession(getDb(), { userId: user.id, sessionId: user.sessionId, address: (await requestContext()).address });
  await signOut({ redirectTo: "/sign-in" });
}

/** Ends this session and every other one this account has anywhere. */
export const signOutEverywhereAction = actionWithUser(async (user) => {
  await signOutEverywhere(getDb(), { userId: user.id, address: (await requestContext()).address });
  await signOut({ redirectTo: "/sign-in" });
});

/** Only for an empty account, so a double click cannot load the set twice. */
export const loadSampleDataAction = actionWithUser(async (user) => {
  const db = getDb();
  if ((await countApplications(db, { userId: user.id })).total === 0) {
    await insertApplications(db, { userId: user.id, rows: sampleApplications(new Date(), user.timeZone) });
  }
  revalidatePath("/", "layout");
  redirect("/");
});

/** The browser's locale, from this request's Accept-Language (never from the client's word), for the calendar feed. */
export async function recordBrowserLocaleAction(): Promise<void> {
  const user = await requireUser();
  const locale = await requestLocale();
  if (!locale) return;
  try {
    await recordSeenLocale(getDb(), { userId: user.id, locale });
  } catch (error) {
    // Nobody asked for this save: when the storage refuses it, the next visit tries again.
    if (!storageFailureState(error, {}, "recording the browser's locale")) throw error;
  }
}

/** The device's zone for an account that has none yet; a zone the user chose is never replaced. */
export async function adoptDeviceTimeZoneAction(zone: string): Promise<void> {
  const user = await requireUser();
  const parsed = timeZoneField.safeParse(zone);
  if (!parsed.success) return;
  try {
    if (await adoptTimeZone(getDb(), { userId: user.id, timeZone: parsed.data })) revalidatePath("/", "layout");
  } catch (error) {
    // Nobody asked for this save: when the storage refuses it, it is simply tried again on the next visit.
    if (!storageFailureState(error, {}, "adopting the device's time zone")) throw error;
  }
}
