import { getDb } from "@/db/client";
import { turnOffEmailReminders } from "@/lib/data/reminder-settings";
import { retryWhileBusy } from "@/lib/forms/storage-failure";
import { userOfUnsubscribeToken } from "@/lib/reminders/unsubscribe-token";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

/**
 * One-click unsubscribe (RFC 8058): the mail client posts
 * "List-Unsubscribe=One-Click" to the List-Unsubscribe URL. No session; the
 * token turns off this account's reminder emails and can do nothing else.
 */
export async function POST(_request: Request, { params }: RouteContext<"/api/unsubscribe/[token]">) {
  const userId = userOfUnsubscribeToken((await params).token);
  if (!userId) return text("Not found", 404);
  try {
    if (!(await retryWhileBusy(() => turnOffEmailReminders(getDb(), { userId, now: new Date() })))) return text("Not found", 404);
  } catch (error) {
    console.error("one-click unsubscribe failed:", error);
    return text("Could not save that just now: try again later.", 503);
  }
  return text("Reminder emails are off.", 200);
}
