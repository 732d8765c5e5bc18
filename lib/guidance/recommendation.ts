import type { RuleId, Source } from "./rule-ids";

export const PRIORITIES = ["high", "medium", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The steps that come with a message the user can edit and send. */
export type DraftKind = "thank-you" | "follow-up" | "application-follow-up" | "feedback-request" | "negotiation" | "offer-answer";

/**
 * A to-do has a due time and belongs on the dashboard; advice has nothing to
 * do by a time (what a stage means, how to read it) and lives on its
 * application's page.
 */
export type StepKind = "todo" | "advice";

export type Recommendation = {
  ruleId: RuleId;
  /** The rule plus what it is about (a round, an event): done, dismissed and snoozed are kept by this. */
  key: string;
  applicationId: string;
  /** The round the step is about, if any. */
  roundId: string | null;
  title: string;
  detail: string;
  priority: Priority;
  kind: StepKind;
  /** Set exactly when kind is "todo". */
  dueAt: Date | null;
  overdue: boolean;
  /** When the fact that fired the rule happened; a due time never precedes it. */
  since: Date;
  /** The facts that fired it, as sentences. Never empty. */
  reasons: string[];
  source: Source;
  draft: DraftKind | null;
  /** The date the company gave ("by 2 December"), when it set this step's time: the follow-up's draft names it. */
  statedDate?: string;
  /** The event the step answers (their last reply, the offer), when there is one: the offer's drafts read its terms. */
  eventId?: string;
};
