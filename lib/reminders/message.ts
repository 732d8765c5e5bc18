import type { QueueItem } from "@/lib/dashboard/overview";
import type { UpcomingInterview } from "@/lib/data/upcoming-interviews";
import type { Source } from "@/lib/guidance/rule-ids";
import { plural } from "@/lib/text/plural";
import type { DateFormat } from "@/lib/time/formats";

// What a reminder says, composed when it falls due (in the user's date
// format and zone) and kept with its delivery row as JSON, so a retry sends
// the same words. Links are paths: each channel puts the server's address in
// front when it sends (render.ts).

export type ReminderEntry = {
  heading: string;
  /** When it is, or when it was due, in the user's format. */
  when: string | null;
  reasons: string[];
  /** "From “Section” in Article": where the advice comes from. */
  source: string | null;
  /** The application's page, as a path. */
  path: string;
};

export type ReminderMessage = { subject: string; intro: string; entries: ReminderEntry[] };

const applicationPath = (applicationId: string) => `/applications/${encodeURIComponent(applicationId)}`;

export const sourceLine = (source: Source) => `From “${source.sections.join("”, “")}” in ${source.article}`;

const interviewHeading = (i: Pick<UpcomingInterview, "company" | "roleTitle">) => `Interview: ${i.company}, ${i.roleTitle}`;

function stepEntry(step: QueueItem, format: DateFormat): ReminderEntry {
  return {
    heading: `${step.title} (${step.company})`,
    when: step.dueAt ? `${step.overdue ? "Was due" : "Due"} ${format.dateTime(step.dueAt)}` : null,
    reasons: step.reasons,
    source: sourceLine(step.source),
    path: applicationPath(step.applicationId),
  };
}

const interviewEntry = (interview: UpcomingInterview, format: DateFormat): ReminderEntry => ({
  heading: interviewHeading(interview),
  when: `Starts ${format.dateTime(interview.scheduledAt)}`,
  reasons: [],
  source: null,
  path: applicationPath(interview.applicationId),
});

/** The morning digest: today's interviews, then the steps due today or overdue; null when there is nothing. */
export function digestMessage({ interviews, steps, format, day }: { interviews: readonly UpcomingInterview[]; steps: readonly QueueItem[]; format: DateFormat; day: string }): ReminderMessage | null {
  if (interviews.length === 0 && steps.length === 0) return null;
  const parts = [
    ...(interviews.length ? [plural(interviews.length, "interview")] : []),
    ...(steps.length ? [plural(steps.length, "step") + " due"] : []),
  ];
  return {
    subject: `Today: ${parts.join(", ")}`,
    intro: `Your plan for ${format.calendarDate(day)}.`,
    entries: [...interviews.map((i) => interviewEntry(i, format)), ...steps.map((s) => stepEntry(s, format))],
  };
}

export function interviewMessage(interview: UpcomingInterview, format: DateFormat): ReminderMessage {
  return {
    subject: `Interview at ${format.time(interview.scheduledAt)}: ${interview.company}`,
    intro: `Your interview with ${interview.company} starts ${format.dateTime(interview.scheduledAt)}.`,
    entries: [interviewEntry(interview, format)],
  };
}

export function thankYouMessage(step: QueueItem, format: DateFormat): ReminderMessage {
  return { subject: `Thank-you owed: ${step.company}`, intro: "A thank-you is still to send while it counts.", entries: [stepEntry(step, format)] };
}

export const testMessage = (): ReminderMessage => ({
  subject: "Shortlist test reminder",
  intro: "This is the test you asked for: reminders reach you here.",
  entries: [],
});
