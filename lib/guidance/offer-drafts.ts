import { greeting } from "./greeting";
import type { GuidanceInput } from "./input";
import { listOf } from "./phrases";

/** An offer's terms as they read in a sentence: amounts with their currency, dates the one way drafts write them. */
export type OfferDraftFacts = {
  baseText: string | null;
  bonusText: string | null;
  equity: string | null;
  startOnText: string | null;
  answerByText: string | null;
};

type Facts = {
  senderName: string;
  application: Pick<GuidanceInput["application"], "company" | "roleTitle">;
  round: { interviewers: GuidanceInput["rounds"][number]["interviewers"] } | null;
};

/** Where the user puts their own number: visible, so it cannot go out unnoticed. */
export const ASK_PLACEHOLDER = "[the figure you are asking for]";

function termsLine(offer: OfferDraftFacts | null): string {
  const parts = [
    offer?.baseText ? `a base of ${offer.baseText}` : null,
    offer?.bonusText ? `a bonus of ${offer.bonusText}` : null,
    offer?.equity ? `equity of ${offer.equity}` : null,
    offer?.startOnText ? `a start on ${offer.startOnText}` : null,
  ].filter((p): p is string => p !== null);
  return parts.length
    ? `As I understand it, the offer is ${listOf(parts)}.`
    : "Could you send me the full details in writing: the base, any bonus or equity, and the start date?";
}

/** The negotiation, built from the offer's terms, and the answer to the offer. */
export function offerDraft(kind: "negotiation" | "offer-answer", facts: Facts, offer: OfferDraftFacts | null) {
  const { company, roleTitle } = facts.application;
  const people = facts.round?.interviewers ?? [];
  const to = people.map((p) => p.email).filter((e): e is string => Boolean(e));
  const hello = greeting(people);
  const signOff = `Best wishes,\n${facts.senderName}`;
  const answerBy = offer?.answerByText;
  if (kind === "negotiation") {
    return {
      to,
      subject: `The ${roleTitle} offer`,
      body: [
        hello,
        `Thank you for the offer for the ${roleTitle} role. I am excited about the work at ${company}, and before I answer I would like to talk about the package.`,
        termsLine(offer),
        `Given the scope of the role and what I would bring to it, I was hoping for ${offer?.baseText ? "a base" : "a package"} nearer ${ASK_PLACEHOLDER}. Is there room to move on that?`,
        answerBy ? `I know you would like an answer by ${answerBy}, and I will come back to you before then.` : "I would be glad to talk it through whenever suits you.",
        signOff,
      ].join("\n\n"),
    };
  }
  return {
    to,
    subject: `My answer: the ${roleTitle} offer`,
    body: [
      hello,
      `Thank you again for the offer for the ${roleTitle} role${answerBy ? `, and for giving me until ${answerBy} to decide` : ""}.`,
      "[Keep one of these two:]",
      "I am glad to accept. Could you let me know the next steps, and anything you need from me before the start?",
      `I have decided not to accept. It was not an easy choice: I enjoyed getting to know the team at ${company}, and I hope our paths cross again.`,
      signOff,
    ].join("\n\n"),
  };
}
