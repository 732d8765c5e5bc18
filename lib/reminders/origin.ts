import { publicOrigin } from "@/lib/calendar/origin";

/** Where links in reminders point: SHORTLIST_URL, or this server on localhost when it is not set (no request to follow). */
export function reminderOrigin(env: NodeJS.ProcessEnv = process.env): string {
  return publicOrigin(new Headers(), env.SHORTLIST_URL) ?? `http://localhost:${env.PORT ?? 3000}`;
}
