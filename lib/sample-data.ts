import type { ApplicationStatus, EventKind, RoundKind } from "@/lib/vocabulary";
import type { ApplicationWithHistory } from "@/lib/data/applications";
import type { RoundInput } from "@/lib/validation/round";
import { DAY_MS, HOUR_MS } from "@/lib/time/units";
import { addDaysToDate, atLocalHour, localDate } from "@/lib/time/zoned";

type Sample = ApplicationWithHistory & { createdAt: Date; updatedAt: Date };
type SampleRound = NonNullable<ApplicationWithHistory["rounds"]>[number];

/** When sample events happen: late afternoon, after the day's interviews. */
const EVENT_HOUR = 16;

/**
 * The user's calendar, so the sample reads as a working week whatever time
 * it is loaded: `daysAgo` days before today in `timeZone` (negative: ahead),
 * at `hour`:00 there.
 */
type Calendar = { day: (daysAgo: number) => string; at: (daysAgo: number, hour: number) => Date };

function calendarFor(now: Date, timeZone: string): Calendar {
  const today = localDate(now, timeZone);
  const day = (daysAgo: number) => addDaysToDate(today, -daysAgo);
  return { day, at: (daysAgo, hour) => atLocalHour(day(daysAgo), hour, timeZone) ?? new Date(now.getTime() - daysAgo * DAY_MS) };
}

/** How long before a sample round it was booked, and so logged. */
const BOOKED_AHEAD = 2 * DAY_MS;

/**
 * A round on the day `daysAgo` days back (negative: still to come), at `hour`:00 in the user's zone,
 * logged when it was booked (never after `now`): the sample is a history kept up to date, not one
 * typed in at once when it is loaded, which would put off its steps to the next 09:00 in the evening.
 */
function sampleRound(cal: Calendar, now: Date, kind: RoundKind, daysAgo: number, hour: number, extra: Partial<RoundInput> = {}): SampleRound {
  const scheduledAt = cal.at(daysAgo, hour);
  return {
    kind,
    scheduledAt,
    loggedAt: new Date(Math.min(now.getTime(), scheduledAt.getTime() - BOOKED_AHEAD)),
    durationMinutes: 60,
    format: "video",
    outcome: daysAgo > 0 ? "advanced" : "pending",
    noNextSteps: false,
    signals: [],
    customSignals: [],
    interviewerIds: [],
    newInterviewers: [],
    thankYouSentAt: daysAgo > 1 ? new Date(scheduledAt.getTime() + 5 * HOUR_MS) : undefined,
    ...extra,
  };
}

/** An event at EVENT_HOUR `daysAgo` days back, logged as it happened. */
const sampleEvent = (cal: Calendar, kind: EventKind, daysAgo: number, note?: string) => {
  const occurredAt = cal.at(daysAgo, EVENT_HOUR);
  return { kind, occurredAt, loggedAt: occurredAt, note };
};

/**
 * A dozen made-up applications spread over the whole pipeline, dated
 * relative to `now` so the sample always looks current, with interviews in
 * business hours of `timeZone` (loaded at 02:00, tomorrow's is still at 10:00).
 */
export function sampleApplications(now: Date, timeZone = "UTC"): Sample[] {
  const cal = calendarFor(now, timeZone);
  const row = (
    company: string,
    roleTitle: string,
    status: ApplicationStatus,
    appliedDaysAgo: number | null,
    updatedDaysAgo: number,
    extra: Partial<ApplicationWithHistory> = {},
  ): Sample => ({
    company,
    roleTitle,
    status,
    appliedOn: appliedDaysAgo === null ? undefined : cal.day(appliedDaysAgo),
    // Added when applied (or a few days before the last update, if not yet).
    createdAt: new Date(now.getTime() - Math.max(appliedDaysAgo ?? 0, updatedDaysAgo + 3) * DAY_MS),
    updatedAt: new Date(now.getTime() - updatedDaysAgo * DAY_MS),
    ...extra,
  });

  const round = (kind: RoundKind, daysAgo: number, hour: number, extra?: Partial<RoundInput>) => sampleRound(cal, now, kind, daysAgo, hour, extra);
  const event = (kind: EventKind, daysAgo: number, note?: string) => sampleEvent(cal, kind, daysAgo, note);
  const priya = { name: "Priya Raman", title: "Engineering Manager" };

  return [
    row("Northwind Analytics", "Senior Frontend Engineer", "interviewing", 21, 1, {
      location: "Berlin", workMode: "hybrid", source: "Referral", excitement: 5,
      salaryMin: 85000, salaryMax: 100000, salaryCurrency: "EUR", salaryPeriod: "year",
      postingUrl: "https://example.com/jobs/northwind-frontend",
      notes: "Second round booked with the design systems team. Referred by Priya.",
      rounds: [
        round("first", 12, 10, {
          newInterviewers: [priya],
          signals: ["long_term_discussion", "role_skills", "behavioral_questions"],
          notes: "Walked through the component library migration; she asked about mentoring.",
        }),
        // Tomorrow: the dashboard's Today opens with it, and its preparation is due.
        round("second", -1, 10, {
          durationMinutes: 90,
          location: "https://meet.example.com/northwind-ds",
          newInterviewers: [priya, { name: "Tomás Weber", title: "Design Systems Lead" }],
          prepNotes: "Read their accessibility audit blog post; bring the data-grid story.",
        }),
      ],
    }),
    row("Lumen Health", "Product Engineer", "interviewing", 17, 2, {
      location: "Remote (EU)", workMode: "remote", source: "LinkedIn", excitement: 4,
      salaryMin: 75000, salaryMax: 90000, salaryCurrency: "EUR", salaryPeriod: "year",
      notes: "First round went well; they talked about the patient-app roadmap.",
      rounds: [
        round("first", 1, 14, {
          outcome: "pending",
          thankYouSentAt: undefined,
          newInterviewers: [{ name: "Dana Okafor", title: "Head of Product" }],
          signals: ["long_term_discussion", "company_fit", "problem_solving"],
          customSignals: ["Asked when I could start"],
        }),
      ],
    }),
    row("Harbor & Finch", "Full-stack Developer", "screening", 16, 2, {
      location: "Amsterdam", workMode: "onsite", source: "Company site", excitement: 3,
      notes: "Screen went fine; no word since. Followed up on Monday.",
      // Waiting on a decision, one follow-up sent: Coming up shows when the second would be due.
      rounds: [
        round("screen", 10, 11, {
          format: "phone", durationMinutes: 30, outcome: "pending", newInterviewers: [{ name: "Sam Ortiz", title: "Recruiter" }],
        }),
      ],
      events: [event("follow_up_sent", 2, "Short note to Sam asking about timing.")],
    }),
    row("Quillstack", "Staff Engineer, Platform", "offer", 35, 1, {
      location: "London", workMode: "hybrid", source: "Recruiter", excitement: 4,
      salaryMin: 110000, salaryMax: 125000, salaryCurrency: "GBP", salaryPeriod: "year",
      notes: "Offer received; answer due Friday. Compare benefits before negotiating.",
      rounds: [
        round("screen", 30, 9, { format: "phone", durationMinutes: 30 }),
        round("first", 24, 14, { signals: ["technical_questions", "problem_solving"] }),
        round("final", 14, 10, {
          format: "onsite",
          durationMinutes: 240,
          location: "1 Canal Street, London",
          outcome: "offer",
          newInterviewers: [{ name: "Grace Liu", title: "CTO" }],
          signals: ["met_team", "long_term_discussion", "hiring_timeline", "salary_raised"],
          hiringTimelineOn: cal.day(7),
        }),
      ],
      events: [event("response_received", 8, "Recruiter called: offer coming in writing."), event("offer_received", 1)],
    }),
    row("Brightline Logistics", "Backend Engineer (Go)", "applied", 6, 6, {
      location: "Remote", workMode: "remote", source: "Job board", excitement: 3,
    }),
    row("Okapi Studio", "Frontend Developer", "applied", 4, 4, {
      location: "Lisbon", workMode: "hybrid", source: "LinkedIn", excitement: 2,
      salaryMin: 45000, salaryMax: 55000, salaryCurrency: "EUR", salaryPeriod: "year",
    }),
    row("Cedar Robotics", "Software Engineer, Tools", "saved", null, 2, {
      location: "Munich", workMode: "onsite", source: "Meetup or event", excitement: 4,
      postingUrl: "https://example.com/jobs/cedar-tools",
      notes: "Met their tools lead at a meetup; apply after updating the portfolio.",
    }),
    row("Pinecrest Bank", "React Engineer", "saved", null, 5, { location: "Zurich", workMode: "hybrid", excitement: 2 }),
    row("Tidewater Games", "UI Engineer", "rejected", 40, 12, {
      location: "Remote", workMode: "remote", source: "Company site", excitement: 4,
      notes: "Rejected after the final round; asked for feedback.",
      rounds: [
        round("first", 30, 15),
        round("final", 16, 11, { outcome: "rejected", signals: ["constructive_feedback", "culture_fit_questions"] }),
      ],
      events: [event("rejection_received", 12), event("feedback_requested", 11, "Asked what would have made the difference.")],
    }),
    row("Meridian Maps", "Senior Software Engineer", "ghosted", 55, 30, {
      location: "Copenhagen", workMode: "hybrid", source: "Recruiter", excitement: 3,
      notes: "Two follow-ups after the second round, no reply.",
      rounds: [
        round("first", 50, 10),
        round("second", 42, 14, { outcome: "pending", noNextSteps: true, signals: ["scenario_questions"] }),
      ],
      events: [event("follow_up_sent", 34), event("follow_up_sent", 27)],
    }),
    row("Atlas Cloudworks", "Developer Advocate", "withdrawn", 28, 14, {
      location: "Remote", workMode: "remote", source: "Referral", excitement: 2,
      notes: "Withdrew: role turned out to be mostly travel.",
      rounds: [round("screen", 20, 16, { format: "phone", durationMinutes: 30 })],
      events: [event("withdrawn", 14, "Role is 60% travel.")],
    }),
    row("Fernhill Media", "Web Developer", "rejected", 90, 70, {
      location: "Dublin", workMode: "onsite", source: "Job board", excitement: 1, archived: true,
    }),
  ];
}
