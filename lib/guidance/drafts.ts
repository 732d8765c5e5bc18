import { ROUND_KIND_LABELS } from "@/lib/interviews/catalog";
import type { DocumentKind, SignalKey } from "@/lib/vocabulary";
import { greeting } from "./greeting";
import type { GuidanceInput } from "./input";
import { offerDraft, type OfferDraftFacts } from "./offer-drafts";
import type { DraftKind } from "./recommendation";

export { greeting } from "./greeting";
export type { OfferDraftFacts } from "./offer-drafts";

export type Draft = { subject: string; body: string; to: string[] };

/**
 * What a draft is built from. Every date comes already written the one way
 * dates read inside a sentence ("Tuesday 24 November", in the user's zone
 * and locale), so no draft mixes "Tue, 24 Nov 2026" with "Tuesday 24 November".
 */
export type DraftFacts = {
  kind: DraftKind;
  senderName: string;
  application: Pick<GuidanceInput["application"], "company" | "roleTitle">;
  /** The round the message is about; null for a follow-up on an application with no interview yet. */
  round:
    | (Pick<GuidanceInput["rounds"][number], "kind" | "signals" | "interviewers"> & {
        dateText: string;
        /** What the user wrote about the round: the thank-you draws on it. */
        notes?: string | null;
      })
    | null;
  /** When the user applied, for a follow-up before any interview. */
  appliedOnText?: string | null;
  /** The date the company gave for its answer, for a follow-up. */
  statedDateText?: string | null;
  /** The offer's terms, for the negotiation and the answer. */
  offer?: OfferDraftFacts | null;
  /**
   * The document version the user recorded as sent: with the application
   * (a follow-up offers it again) or at the round (a thank-you offers it to
   * the team). Named by its file name, as the company received it.
   */
  sentDocument?: SentDocumentFact | null;
};

export type SentDocumentFact = { kind: DocumentKind; fileName: string; atRound: boolean };

const DOCUMENT_WORDS: Record<DocumentKind, string> = { cv: "CV", cover_letter: "cover letter", portfolio: "portfolio", other: "document" };

/** The line that offers the sent document again, or null when there is none for this kind of message. */
function sentDocumentLine(kind: DraftKind, sent: SentDocumentFact | null | undefined): string | null {
  if (!sent) return null;
  const what = DOCUMENT_WORDS[sent.kind];
  if (kind === "thank-you" && sent.atRound) return `I have attached the ${what} I presented (${sent.fileName}), in case it is useful to the team.`;
  if ((kind === "application-follow-up" || kind === "follow-up") && !sent.atRound) return `I have attached the ${what} I sent (${sent.fileName}) again, so it is at hand.`;
  return null;
}

/** Where the user must fill in what they talked about: left visible, so it cannot go out unnoticed. */
export const DISCUSSED_PLACEHOLDER = "[one thing you discussed]";

/** How a covered topic reads inside a sentence of a thank-you. */
const TOPIC_PHRASES: Partial<Record<SignalKey, string>> = {
  long_term_discussion: "the projects you have planned",
  met_team: "meeting the team",
  company_fit: "how the team works together",
  role_skills: "what the role asks for day to day",
  problem_solving: "the problem we worked through together",
  scenario_questions: "the situations you asked me to think through",
  behavioral_questions: "the projects I have worked on",
  technical_questions: "the technical side of the work",
  culture_fit_questions: "the way your team likes to work",
  future_vision_questions: "where the team is heading",
};

const MAX_TOPICS = 2;
const MAX_NOTE_WORDS_CHARS = 140;

/** The first thing the user's notes say, as words that follow "talking about"; null when nothing usable. */
export function discussedInNotes(notes: string | null | undefined): string | null {
  const first = notes?.split(/[\n.!?;]/).map((s) => s.trim()).find(Boolean);
  if (!first) return null;
  // Notes often start as the user would jot them down ("Discussed …"): the sentence already says that.
  const topic = first.replace(/^(we\s+)?(talked|discussed|chatted|spoke)(\s+(about|through|over))?\s+/i, "").replace(/[,:\-–]+$/, "").trim();
  if (!topic || topic.length > MAX_NOTE_WORDS_CHARS) return null;
  // A note's first word is capitalised as a sentence's; lower-case it only when it is a common word, never a name or an acronym.
  const [word] = topic.split(/\s/);
  return COMMON_FIRST_WORDS.has(word.toLowerCase()) ? word.toLowerCase() + topic.slice(word.length) : topic;
}

const COMMON_FIRST_WORDS = new Set(["the", "their", "our", "your", "my", "a", "an", "how", "what", "why", "when", "where", "which", "who", "team", "role", "plans", "future"]);

function discussedLine(round: NonNullable<DraftFacts["round"]>): string {
  const phrases = round.signals.map((s) => TOPIC_PHRASES[s.signal]).filter((p): p is string => Boolean(p)).slice(0, MAX_TOPICS);
  const fromNotes = discussedInNotes(round.notes);
  const about = fromNotes ?? (phrases.length ? phrases.join(" and ") : DISCUSSED_PLACEHOLDER);
  return `I especially enjoyed talking about ${about}, and came away even keener on the role.`;
}

/**
 * A first draft the user edits before sending: short, warm and built from
 * what they logged. Pure, so the page and the tests see the same text.
 */
export function buildDraft(facts: DraftFacts): Draft {
  const { company, roleTitle } = facts.application;
  const round = facts.round;
  if (facts.kind === "negotiation" || facts.kind === "offer-answer") return offerDraft(facts.kind, facts, facts.offer ?? null);
  if (!round) return applicationFollowUp(facts);
  const to = round.interviewers.map((p) => p.email).filter((e): e is string => Boolean(e));
  const hello = greeting(round.interviewers);
  const signOff = `Best wishes,\n${facts.senderName}`;
  const meeting = ROUND_KIND_LABELS[round.kind].toLowerCase();
  switch (facts.kind) {
    case "thank-you":
      return {
        to,
        subject: `Thank you: ${roleTitle} ${meeting}`,
        body: [
          hello,
          `Thank you for your time on ${round.dateText} to talk about the ${roleTitle} role at ${company}.`,
          discussedLine(round),
          sentDocumentLine("thank-you", facts.sentDocument),
          "If anything else would help, I would be glad to send it.",
          signOff,
        ]
          .filter(Boolean)
          .join("\n\n"),
      };
    case "follow-up":
      return {
        to,
        subject: `Following up: ${roleTitle} at ${company}`,
        body: [
          hello,
          `I hope your week is going well. I am writing to check in about the ${roleTitle} role, following our ${meeting} on ${round.dateText}.`,
          facts.statedDateText
            ? `You mentioned hoping to decide by ${facts.statedDateText}. I am still very interested, and happy to share anything that would help. Is there any news you could pass on?`
            : "I am still very interested, and happy to share anything that would help with your decision. Is there any news on timing you could pass on?",
          sentDocumentLine("follow-up", facts.sentDocument),
          signOff,
        ]
          .filter(Boolean)
          .join("\n\n"),
      };
    case "application-follow-up":
      return applicationFollowUp(facts);
    case "feedback-request":
      return {
        to,
        subject: `Thank you, and a quick request: ${roleTitle}`,
        body: [
          hello,
          `Thank you for letting me know, and for the time you and the team gave me during the process for the ${roleTitle} role.`,
          "If you have a few minutes, I would be grateful for any feedback on my interviews: what stood out, and what would have made me a stronger candidate.",
          `I enjoyed getting to know ${company} and would be glad to hear about future openings.`,
          signOff,
        ].join("\n\n"),
      };
  }
}

/**
 * A mailto: link carrying the (possibly edited) draft. RFC 6068 wants a
 * literal "@" in addresses (some clients show "%40" as is) and CRLF line
 * breaks in the body.
 */
export function mailtoHref(draft: Draft): string {
  const address = (a: string) => encodeURIComponent(a).replaceAll("%40", "@");
  const body = draft.body.replace(/\r?\n/g, "\r\n");
  return `mailto:${draft.to.map(address).join(",")}?subject=${encodeURIComponent(draft.subject)}&body=${encodeURIComponent(body)}`;
}

/** Before any interview there is nobody named yet: a note to whoever reads applications. */
function applicationFollowUp(facts: DraftFacts): Draft {
  const { company, roleTitle } = facts.application;
  const applied = facts.appliedOnText ? ` on ${facts.appliedOnText}` : "";
  return {
    to: [],
    subject: `Following up on my application: ${roleTitle}`,
    body: [
      "Hello,",
      facts.statedDateText
        ? `I applied for the ${roleTitle} role at ${company}${applied}, and you mentioned you would be in touch by ${facts.statedDateText}.`
        : `I applied for the ${roleTitle} role at ${company}${applied} and wanted to check that my application reached you.`,
      "I am still very interested, and glad to send anything that would help, such as work samples or references. Could you tell me where things stand?",
      sentDocumentLine("application-follow-up", facts.sentDocument),
      `Best wishes,\n${facts.senderName}`,
    ]
      .filter(Boolean)
      .join("\n\n"),
  };
}
