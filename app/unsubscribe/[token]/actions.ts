"use server";

import { getDb } from "@/db/client";
import { turnOffEmailReminders } from "@/lib/data/reminder-settings";
import { retryWhileBusy } from "@/lib/forms/storage-failure";
import { userOfUnsubscribeToken } from "@/lib/reminders/unsubscribe-token";

export type UnsubscribeState = { done?: boolean; message?: string };

/**
 * The unsubscribe page's button: no session, only the token, which can do
 * this one thing. A token that is not one answers like an account that is gone.
 */
export async function unsubscribeAction(_previous: UnsubscribeState, formData: FormData): Promise<UnsubscribeState> {
  const token = formData instanceof FormData ? formData.get("token") : null;
  const userId = typeof token === "string" ? userOfUnsubscribeToken(token) : null;
  if (!userId) return { message: "This link is not valid any more. Sign in and turn reminders off in Settings." };
  try {
    const done = await retryWhileBusy(() => turnOffEmailReminders(getDb(), { userId, now: new Date() }));
    if (!done) return { message: "This link is not valid any more. Sign in and turn reminders off in Settings." };
    return { done: true };
  } catch (error) {
    console.error("unsubscribe failed:", error);
    return { message: "Shortlist could not save that just now, so reminders are still on. Try again in a minute." };
  }
}
