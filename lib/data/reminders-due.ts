import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/open";
import { reminderDeliveries } from "@/db/schema";
import { planDashboard } from "@/lib/dashboard/today";
import { digestMessage, interviewMessage, thankYouMessage, type ReminderMessage } from "@/lib/reminders/message";
import { carries, type ReminderSettings } from "@/lib/reminders/settings";
import { digestDayAt, INTERVIEW_NUDGE_MS, sendableFrom, THANK_YOU_NUDGE_MS } from "@/lib/reminders/timing";
import type { ReminderCarries, ReminderChannelName } from "@/lib/vocabulary";
import { formatsFor } from "@/lib/time/formats";
import type { DateDisplay } from "@/lib/time/locale";
import { DAY_MS } from "@/lib/time/units";
import { dashboardGuidance } from "./guidance";
import type { DueReminder } from "./reminder-outbox";
import { upcomingInterviews } from "./upcoming-interviews";

/** Whom a scheduler pass looks at: an account, its zone and date format, its settings and the channels it has on. */
export type ReminderRecipient = {
  id: string;
  timeZone: string;
  dates: DateDisplay;
  settings: ReminderSettings;
  /** The channels on for this account, with what each carries. */
  channels: readonly { name: ReminderChannelName; carries: ReminderCarries }[];
};

type Candidate = { item: string; occurrence: string; kind: DueReminder["kind"]; message: ReminderMessage | null; interview: boolean };

const THANK_YOU_RULE = "send-thank-you";

/** Whether this user's digest for `day` is decided already (sent, pending or empty) on every channel that carries it. */
async function digestDecided(db: Db, { userId, day, channels }: { userId: string; day: string; channels: readonly string[] }): Promise<boolean> {
  const rows = await db
    .select({ channel: reminderDeliveries.channel })
    .from(reminderDeliveries)
    .where(and(eq(reminderDeliveries.userId, userId), eq(reminderDeliveries.item, "digest"), eq(reminderDeliveries.occurrence, day)));
  return channels.every((c) => rows.some((r) => r.channel === c));
}

/**
 * What is due for one user at `now`, for each of their channels that carries
 * it: the morning digest (once its hour has come), an interview starting
 * within three hours, a thank-you still owed four hours after a round ended
 * while its window is open. The steps come from the same guidance and plan
 * as the dashboard. Rows that exist already are skipped by the outbox.
 */
export async function dueReminders(db: Db, { user, now }: { user: ReminderRecipient; now: Date }): Promise<DueReminder[]> {
  if (user.channels.length === 0) return [];
  const { settings, timeZone: zone } = user;
  const format = formatsFor({ ...user.dates, zone });
  const reader = { id: user.id, timeZone: zone, dates: user.dates };
  const { overview, change } = await dashboardGuidance(db, { user: reader, now });
  const candidates: Candidate[] = [];

  const day = digestDayAt(now, zone, settings);
  const digestChannels = user.channels.filter((c) => carries(c.carries, "digest")).map((c) => c.name);
  if (day && digestChannels.length > 0 && !(await digestDecided(db, { userId: user.id, day, channels: digestChannels }))) {
    const interviews = await upcomingInterviews(db, { userId: user.id, now, days: 1 });
    const plan = planDashboard({ overview, change, interviews, now, timeZone: zone, locale: user.dates.locale });
    const todays = plan.interviews.filter((i) => i.scheduledAt.getTime() < plan.endOfToday.getTime());
    const steps = [...plan.moveOn, ...plan.blocks.flatMap((b) => b.steps)];
    candidates.push({ item: "digest", occurrence: day, kind: "digest", message: digestMessage({ interviews: todays, steps, format, day }), interview: false });
  }

  for (const interview of await upcomingInterviews(db, { userId: user.id, now, days: INTERVIEW_NUDGE_MS / DAY_MS })) {
    const occurrence = interview.scheduledAt.toISOString();
    candidates.push({ item: `interview:${interview.roundId}`, occurrence, kind: "interview", message: interviewMessage(interview, format), interview: true });
  }

  for (const step of overview.queue) {
    if (step.ruleId !== THANK_YOU_RULE || !step.roundId || !step.dueAt) continue;
    // `since` is when the round ended; `dueAt`, when its thank-you window closes.
    const stillOpen = now.getTime() < step.dueAt.getTime();
    if (stillOpen && now.getTime() >= step.since.getTime() + THANK_YOU_NUDGE_MS) {
      candidates.push({ item: `thank-you:${step.roundId}`, occurrence: step.since.toISOString(), kind: "thank-you", message: thankYouMessage(step, format), interview: false });
    }
  }

  return candidates.flatMap((c) => {
    const notBefore = sendableFrom(now, zone, settings, { interview: c.interview });
    const message = c.message === null ? null : JSON.stringify(c.message);
    return user.channels
      .filter((channel) => carries(channel.carries, c.kind))
      .map((channel) => ({ userId: user.id, item: c.item, occurrence: c.occurrence, channel: channel.name, kind: c.kind, message, notBefore }));
  });
}
