// The app's vocabulary: statuses, round kinds, signals and event kinds. It
// depends on nothing, so the pure guidance engine and the forms can share it
// with the database schema without importing the ORM.

export const APPLICATION_STATUSES = [
  "saved",
  "applied",
  "screening",
  "interviewing",
  "offer",
  "accepted",
  "rejected",
  "withdrawn",
  "ghosted",
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/** Applications still in play: the ones "other active applications" counts. */
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = ["applied", "screening", "interviewing", "offer"];
/** Still waiting on the company's decision. */
export const WAITING_STATUSES: readonly ApplicationStatus[] = ["applied", "screening", "interviewing"];

/**
 * Out of the running: decided (accepted, rejected, withdrawn) or given up on
 * (ghosted). The one meaning of "closed": a closed application's interviews
 * leave the dashboard and the calendar feed, and the list and board file it
 * under Closed. Everything else is open, saved ones included.
 */
export const CLOSED_STATUSES: readonly ApplicationStatus[] = ["accepted", "rejected", "withdrawn", "ghosted"];
export const OPEN_STATUSES: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));
export const isClosed = (status: ApplicationStatus): boolean => CLOSED_STATUSES.includes(status);
/** The two halves of the pipeline, as one filter value each ("?status=open"). */
export const STATUS_GROUPS = { open: OPEN_STATUSES, closed: CLOSED_STATUSES } as const;
export type StatusGroup = keyof typeof STATUS_GROUPS;

/**
 * Closed by a decision, which only an edit of the status undoes. Ghosted is
 * closed on the user's guess alone, so a late offer or rejection may still
 * be logged on it.
 */
export const DECIDED_STATUSES: readonly ApplicationStatus[] = CLOSED_STATUSES.filter((s) => s !== "ghosted");

export const WORK_MODES = ["remote", "hybrid", "onsite"] as const;
export type WorkMode = (typeof WORK_MODES)[number];

// Day and week for contractors' rates.
export const SALARY_PERIODS = ["year", "month", "week", "day", "hour"] as const;
export type SalaryPeriod = (typeof SALARY_PERIODS)[number];

export const ROUND_KINDS = ["screen", "first", "second", "final", "technical", "panel", "onsite", "other"] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];

export const ROUND_FORMATS = ["phone", "video", "onsite"] as const;
export type RoundFormat = (typeof ROUND_FORMATS)[number];

export const ROUND_OUTCOMES = ["pending", "advanced", "rejected", "offer"] as const;
export type RoundOutcome = (typeof ROUND_OUTCOMES)[number];

// Catalog keys from shared/docs/guidance-rules.md: four positive indicators, then
// what the round covered. The guidance engine reads these keys, so they are
// a contract.
export const SIGNAL_KEYS = [
  "long_term_discussion",
  "met_team",
  "constructive_feedback",
  "hiring_timeline",
  "company_fit",
  "role_skills",
  "problem_solving",
  "scenario_questions",
  "behavioral_questions",
  "technical_questions",
  "culture_fit_questions",
  "future_vision_questions",
  "salary_raised",
] as const;
export type SignalKey = (typeof SIGNAL_KEYS)[number];

// The thank-you lives on its round; these are the other things that happen
// between rounds.
export const EVENT_KINDS = [
  "follow_up_sent",
  "response_received",
  "feedback_requested",
  "feedback_received",
  "offer_received",
  "rejection_received",
  "withdrawn",
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** What a user did with a recommended step. */
export const HANDLED_STATES = ["done", "dismissed", "snoozed"] as const;
export type HandledState = (typeof HANDLED_STATES)[number];

/** What a document in the library is: a CV's versions are what analytics compares. */
export const DOCUMENT_KINDS = ["cv", "cover_letter", "portfolio", "other"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];
/** The channels a reminder can go out on (lib/reminders/channels.ts). */
export const REMINDER_CHANNELS = ["email", "push", "ntfy", "webhook"] as const;
/** The channels an account sets up itself, with an address of its own (reminder_channels). */
export const OWN_REMINDER_CHANNELS = ["ntfy", "webhook"] as const;
/** What a reminder is: the morning digest, a nudge (interview soon, thank-you owed), or a "Send a test". */
/** "account": an email about the account itself (a password reset link), sent through the same outbox. */
export const REMINDER_KINDS = ["digest", "interview", "thank-you", "test", "account"] as const;
/** pending: to send (at not_before, by whoever claims it); sent; failed: given up, with its reason; empty: a digest day with nothing to say. */
export const DELIVERY_STATUSES = ["pending", "sent", "failed", "empty"] as const;
/** What a channel carries: everything, only the morning digest, or only the nudges. */
export const REMINDER_CARRIES = ["all", "digest", "nudges"] as const;
export type ReminderChannelName = (typeof REMINDER_CHANNELS)[number];
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export type ReminderCarries = (typeof REMINDER_CARRIES)[number];
export type OwnReminderChannel = (typeof OWN_REMINDER_CHANNELS)[number];
