import ical, { ICalEventTransparency } from "ical-generator";
import { ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import { roundEnd } from "@/lib/interviews/round-end";
import { HOUR_MS, MINUTE_MS, SECOND_MS } from "@/lib/time/units";
import type { RoundKind } from "@/lib/vocabulary";

// Builds iCalendar text from plain rows; no database and no clock, so what
// goes into a feed can be tested exactly. Times are written in UTC, which
// every calendar app converts to the reader's own zone.

export type CalendarRound = {
  id: string;
  applicationId: string;
  kind: RoundKind;
  scheduledAt: Date;
  durationMinutes: number | null;
  location: string | null;
  prepNotes: string | null;
  company: string;
  roleTitle: string;
  /** Who the user meets, as the round lists them: "Omar Haddad (Staff engineer)". Never their emails. */
  people: string[];
};

export type CalendarStep = {
  key: string;
  applicationId: string;
  title: string;
  dueAt: Date;
  /** What to do, in words that stay true: a calendar keeps the text long after it was fetched. */
  detail: string;
  company: string;
  roleTitle: string;
};

/** A due step is a reminder, not a meeting: a short slot that leaves the user free. */
export const STEP_MINUTES = 15;
/** How often subscribed calendars are asked to fetch the feed again. */
const REFRESH_SECONDS = HOUR_MS / SECOND_MS;
/** Calendars show seconds as odd start times: a step starts on its minute. */
const onTheMinute = (date: Date) => new Date(Math.floor(date.getTime() / MINUTE_MS) * MINUTE_MS);

// UIDs depend only on the row's ids, never on the host or the token, so a
// calendar updates an event in place after a change, a new base URL or a
// regenerated secret, rather than showing it twice.
export const roundUid = (roundId: string) => `round-${roundId}@shortlist`;
export const stepUid = (applicationId: string, key: string) => `step-${applicationId}-${key}@shortlist`;

const applicationUrl = (baseUrl: string | null, applicationId: string) =>
  baseUrl ? `${baseUrl}/applications/${encodeURIComponent(applicationId)}` : null;

export function roundSummary(round: Pick<CalendarRound, "kind" | "company" | "roleTitle">): string {
  return `${ROUND_KIND_LABELS[round.kind]} · ${round.company} — ${round.roleTitle}`;
}

/** "Send a thank-you · Acme"; a title that already names the company ("Research Acme…") is left as it is. */
export function stepSummary(step: Pick<CalendarStep, "title" | "company">): string {
  return step.title.includes(step.company) ? step.title : `${step.title} · ${step.company}`;
}

type Build = {
  rounds: CalendarRound[];
  steps: CalendarStep[];
  /** The app's origin, for links back to each application; null when unknown. */
  baseUrl: string | null;
  /** Written as each event's DTSTAMP. */
  now: Date;
  name?: string;
};

export function buildCalendar({ rounds, steps, baseUrl, now, name = "Shortlist interviews" }: Build): string {
  const calendar = ical({
    name,
    prodId: { company: "Shortlist", product: "Shortlist", language: "EN" },
    ttl: REFRESH_SECONDS,
  });

  for (const round of rounds) {
    const url = applicationUrl(baseUrl, round.applicationId);
    // Names go in the text, not as ATTENDEEs: a calendar app would offer to email attendees.
    const description = [
      round.people.length ? `Meeting: ${round.people.join(", ")}` : null,
      round.prepNotes ? `Prep notes:\n${round.prepNotes}` : null,
      url ? `Open in Shortlist: ${url}` : null,
    ].filter(Boolean);
    calendar.createEvent({
      id: roundUid(round.id),
      stamp: now,
      start: round.scheduledAt,
      end: roundEnd(round),
      summary: roundSummary(round),
      location: round.location,
      description: description.length ? description.join("\n\n") : null,
      url,
    });
  }

  for (const step of steps) {
    const url = applicationUrl(baseUrl, step.applicationId);
    // The step's reasons say "ended 30 hours ago": true when computed, wrong
    // by the time a calendar shows them. The detail carries no such phrase.
    const description = [`${step.company} — ${step.roleTitle}`, step.detail, url ? `Open in Shortlist: ${url}` : null].filter(Boolean);
    const start = onTheMinute(step.dueAt);
    calendar.createEvent({
      id: stepUid(step.applicationId, step.key),
      stamp: now,
      start,
      end: new Date(start.getTime() + STEP_MINUTES * MINUTE_MS),
      summary: stepSummary(step),
      description: description.join("\n\n"),
      transparency: ICalEventTransparency.TRANSPARENT,
      url,
    });
  }

  return calendar.toString();
}

/** "acme-second-interview.ics": a file name safe in any header and file system. */
export function roundFileName(round: Pick<CalendarRound, "kind" | "company">): string {
  const slug = `${round.company} ${ROUND_KIND_LABELS[round.kind]}`
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${slug || "interview"}.ics`;
}
