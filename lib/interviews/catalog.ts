import type { EventKind, RoundFormat, RoundKind, RoundOutcome, SignalKey } from "@/db/schema";

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
    explanation: "They described future projects or where you would grow in the role, picturing you on the team.",
    section: "Positive Indicators from the Interviewer",
  },
  {
    key: "met_team",
    group: "indicator",
    label: "Met the team or senior people",
    explanation: "You were introduced to future teammates, senior staff or stakeholders, which companies rarely spend time on casually.",
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
    explanation: "How you would get on with the company's culture and the people in it.",
    section: "Key Aspects Discussed in a Second Interview",
  },
  {
    key: "role_skills",
    group: "covered",
    label: "Role-specific skills",
    explanation: "A close look at how your skills match the day-to-day duties of the job.",
    section: "Key Aspects Discussed in a Second Interview",
  },
  {
    key: "problem_solving",
    group: "covered",
    label: "Problem solving",
    explanation: "You worked through a problem or challenge like the ones the job brings.",
    section: "Key Aspects Discussed in a Second Interview",
  },
  {
    key: "scenario_questions",
    group: "covered",
    label: "Scenario questions",
    explanation: "They described a realistic situation from the job and asked how you would handle it.",
    section: "Diving Deeper into Your Potential Role",
  },
  {
    key: "behavioral_questions",
    group: "covered",
    label: "Behavioural questions",
    explanation: "They asked how you handled particular situations in past jobs.",
    section: "Expect More In-depth Inquiries",
  },
  {
    key: "technical_questions",
    group: "covered",
    label: "Technical questions",
    explanation: "Detailed questions on the technical side of the role.",
    section: "Expect More In-depth Inquiries",
  },
  {
    key: "culture_fit_questions",
    group: "covered",
    label: "Culture-fit questions",
    explanation: "Questions about the way you like to work and how you work with others.",
    section: "Questions About Fit and Vision",
  },
  {
    key: "future_vision_questions",
    group: "covered",
    label: "Future-vision questions",
    explanation: "Where you see yourself in a few years and whether that fits where the company is heading.",
    section: "Questions About Fit and Vision",
  },
  {
    key: "salary_raised",
    group: "covered",
    label: "Salary came up",
    explanation: "Pay was mentioned. Worth noting: the stronger position to negotiate is once an offer is made.",
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
