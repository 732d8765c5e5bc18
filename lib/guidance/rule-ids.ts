import { ARTICLE_TITLE } from "@/lib/interviews/catalog";

/** The catalog's rule ids (shared/docs/guidance-rules.md): a contract, never renamed. */
export const RULE_IDS = [
  "second-round-expectations",
  "prepare-research-company",
  "prepare-examples",
  "prepare-questions-to-ask",
  "prepare-mock-interview",
  "expect-question-types",
  "salary-wait-for-offer",
  "send-thank-you",
  "follow-up-after-silence",
  "follow-up-on-application",
  "keep-searching",
  "read-the-signals",
  "move-on-no-response",
  "request-feedback",
  "reflect-and-update",
  "negotiate-after-offer",
  "respond-to-offer",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/**
 * A to-do has a due time and belongs on the dashboard; advice has nothing to
 * do by a time (what a stage means, how to read it) and lives on its
 * application's page. Each rule gives one kind (RULE_KINDS below).
 */
export type StepKind = "todo" | "advice";

export type Source = {
  article: string;
  sections: readonly string[];
  /** Said when Shortlist carries the article's advice past what it was written for. */
  note?: string;
};

const from = (...sections: string[]): Source => ({ article: ARTICLE_TITLE, sections });

/** The article writes its waiting advice for later rounds; these rules use it for the stage before any interview. */
const BEFORE_ANY_INTERVIEW =
  "The article writes this for the wait after a later round; Shortlist applies the same advice to the wait after applying, before any interview.";

/** Where each rule comes from: section headings of the article, so a user can read the why. */
export const RULE_SOURCES: Record<RuleId, Source> = {
  "second-round-expectations": from(
    "Clarity on the Second Interview",
    "FAQs: Does a second interview always mean a smaller candidate pool?",
    "Conclusion",
  ),
  "prepare-research-company": from("Deepen Your Company Knowledge"),
  "prepare-examples": from("Refine Your Responses"),
  "prepare-questions-to-ask": from("Refine Your Responses"),
  "prepare-mock-interview": from("Mock Interviews"),
  "expect-question-types": from(
    "Key Aspects Discussed in a Second Interview",
    "Diving Deeper into Your Potential Role",
    "Common Questions in Second Interviews",
  ),
  "salary-wait-for-offer": from("FAQs: Is it ok to negotiate salary during the second interview?"),
  "send-thank-you": from("Timing and Tone of Your Follow-up"),
  "follow-up-after-silence": from(
    "Managing the Wait",
    "FAQs: What should I do if I don't get any feedback after the second interview?",
  ),
  "follow-up-on-application": {
    ...from("Managing the Wait"),
    note: BEFORE_ANY_INTERVIEW,
  },
  "keep-searching": from("Managing the Wait", "Signs You Might Be Getting the Job"),
  "read-the-signals": from("Signs You Might Be Getting the Job"),
  "move-on-no-response": {
    ...from("FAQs: What should I do if I don't get any feedback after the second interview?"),
    note: "The article writes this for the silence after a second interview; Shortlist also uses it when an application has had no answer at all.",
  },
  "request-feedback": from("Seek Constructive Feedback"),
  "reflect-and-update": from("Stay Motivated and Reflect"),
  "negotiate-after-offer": from("FAQs: Is it ok to negotiate salary during the second interview?"),
  "respond-to-offer": from("FAQs: Is it ok to negotiate salary during the second interview?", "Managing the Wait"),
};

/** The article writes its preparation for a second interview; these steps also prepare earlier rounds. */
export const EARLIER_ROUND_NOTE =
  "The article writes this preparation for a second interview; Shortlist applies it to an earlier round too.";

/**
 * Which rules give a to-do (something to do by a time) and which give advice
 * (what a stage means): the dashboard lists to-dos only, and the application
 * page keeps the advice under "What this stage means".
 */
export const RULE_KINDS: Record<RuleId, StepKind> = {
  "second-round-expectations": "advice",
  "prepare-research-company": "todo",
  "prepare-examples": "todo",
  "prepare-questions-to-ask": "todo",
  "prepare-mock-interview": "todo",
  "expect-question-types": "advice",
  "salary-wait-for-offer": "advice",
  "send-thank-you": "todo",
  "follow-up-after-silence": "todo",
  "follow-up-on-application": "todo",
  "keep-searching": "advice",
  "read-the-signals": "advice",
  "move-on-no-response": "todo",
  "request-feedback": "todo",
  "reflect-and-update": "todo",
  "negotiate-after-offer": "todo",
  "respond-to-offer": "todo",
};
