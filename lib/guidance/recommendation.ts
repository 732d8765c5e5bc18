import type { RuleId, Source, StepKind } from "./rule-ids";

export const PRIORITIES = ["high", "medium", "low"] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The steps that come with a message the user can edit and send. */
export type DraftKind = "thank-you" | "follow-up" | "application-follow-up" | "feedback-request" | "negotiation" | "offer-answer";

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
