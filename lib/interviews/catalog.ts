import type { EventKind, RoundFormat, RoundKind, RoundOutcome, SignalKey } from "@/lib/vocabulary";

/** The article the advice is built on; every signal and rule cites a section of it. */
export const ARTICLE_TITLE = "Does a Second Interview Mean You Got the Job";

export const ROUND_KIND_LABELS: Record<RoundKind, string> = {
  screen: "Screening call",
  first: "First interview",
  second: "Second interview",
  final: "Final interview",
  technical: "Technical interview",
  panel: "Panel interview",
  onsite: "On-site visit",
  other: "Other interview",
};

export const ROUND_FORMAT_LABELS: Record<RoundFormat, string> = { phone: "Phone", video: "Video call", onsite: "In person" };

export const ROUND_OUTCOME_LABELS: Record<RoundOutcome, string> = {
  pending: "Waiting to hear",
  advanced: "Moved on to the next round",
  rejected: "Not taken forward",
  offer: "Led to an offer",
};

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  follow_up_sent: "Follow-up sent",
  response_received: "Response received",
  feedback_requested: "Feedback requested",
  feedback_received: "Feedback received",
  offer_received: "Offer received",
  rejection_received: "Rejection received",
  withdrawn: "Withdrew",
};

export type SignalGroup = "indicator" | "covered";

export type SignalInfo = {
  key: SignalKey;
  group: SignalGroup;
  label: string;
  /** One line in our own words: what to tick it for and why it matters. */
  explanation: string;
  /** The article section it comes from. */
  section: string;
};

/** In display order: the four positive indicators first, then what was covered. */
export const SIGNALS: readonly SignalInfo[] = [
  {
    key: "long_term_discussion",
    group: "indicator",
    label: "Talked about the long term",
    explanation: "They talked as if you had already joined: what you would work on next year, how your role could grow.",
    section: "Positive Indicators from the Interviewer",
  },
  {
    key: "met_team",
    group: "indicator",
    label: "Met the team or senior people",
    explanation: "You were brought to meet future colleagues or people higher up. Companies rarely spend that time on someone they have ruled out.",
    section: "Positive Indicators from the Interviewer",
  },
  {
    key: "constructive_feedback",
    group: "indicator",
    label: "Gave specific feedback",
    explanation: "They told you something concrete about your answers or experience, a sign they are weighing you seriously.",
    section: "Next Steps and Feedback",
  },
  {
    key: "hiring_timeline",
    group: "indicator",
    label: "Gave a hiring timeline",
    explanation: "They said when they expect to decide. Note the date: it sets when a polite follow-up makes sense.",
    section: "Next Steps and Feedback",
  },
  {
    key: "company_fit",
    group: "covered",
    label: "Company fit",
    explanation: "Whether your way of working suits this workplace and the people you would sit beside.",
    section: "Key Aspects Discussed in a Second Interview",
  },
  {
    key: "role_skills",
    group: "covered",
    label: "Role-specific skills",
    explanation: "They tested what you can actually do against what the job needs from you every day.",
    section: "Key Aspects Discussed in a Second Interview",
  },
  {
    key: "problem_solving",
    group: "covered",
    label: "Problem solving",
    explanation: "You worked on a problem live: a case, an exercise or a puzzle taken from the job.",
    section: "Key Aspects Discussed in a Second Interview",
  },
  {
    key: "scenario_questions",
    group: "covered",
    label: "Scenario questions",
    explanation: "They set out something the job could throw at you and asked what you would do.",
    section: "Diving Deeper into Your Potential Role",
  },
  {
    key: "behavioral_questions",
    group: "covered",
    label: "Behavioural questions",
    explanation: "They wanted stories from your past work: a time something went wrong, and what you did about it.",
    section: "Expect More In-depth Inquiries",
  },
  {
    key: "technical_questions",
    group: "covered",
    label: "Technical questions",
    explanation: "They went deep on the tools, methods or know-how the role depends on.",
    section: "Expect More In-depth Inquiries",
  },
  {
    key: "culture_fit_questions",
    group: "covered",
    label: "Culture-fit questions",
    explanation: "What kind of team and setting brings out your best.",
    section: "Questions About Fit and Vision",
  },
  {
    key: "future_vision_questions",
    group: "covered",
    label: "Future-vision questions",
    explanation: "Your plans for the coming years, and whether they point the same way as the company's.",
    section: "Questions About Fit and Vision",
  },
  {
    key: "salary_raised",
    group: "covered",
    label: "Salary came up",
    explanation: "Pay was mentioned. Worth noting: you negotiate from a stronger place once they have put an offer in writing.",
    section: "FAQs: Is it ok to negotiate salary during the second interview?",
  },
];

export const POSITIVE_INDICATORS = SIGNALS.filter((s) => s.group === "indicator").map((s) => s.key);

const byKey = new Map(SIGNALS.map((s) => [s.key, s]));
export function signalInfo(key: SignalKey): SignalInfo {
  const info = byKey.get(key);
  if (!info) throw new Error(`unknown signal ${key}`);
  return info;
}
