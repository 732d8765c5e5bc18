import { describe, expect, it } from "vitest";
import { draftMaterial } from "@/lib/dashboard/overview";
import { buildDraft, type DraftFacts } from "@/lib/guidance/drafts";
import { ASK_PLACEHOLDER } from "@/lib/guidance/offer-drafts";
import { draftFor } from "@/lib/dashboard/draft-for";

const base: Omit<DraftFacts, "kind"> = {
  senderName: "Jordan Lee",
  application: { company: "Acme", roleTitle: "Product Designer" },
  round: { kind: "final", dateText: "Tuesday 24 November", signals: [], interviewers: [{ name: "Dana Reyes", email: "dana@acme.test" }] },
};
const terms = { baseText: "£92,500", bonusText: "£10,000", equity: "0.1% over 4 years", startOnText: "Monday 11 January", answerByText: "Monday 7 December" };

describe("the offer's drafts", () => {
  it("negotiate from the offer's terms, with a visible place for the user's own figure and the answer-by date", () => {
    const draft = buildDraft({ ...base, kind: "negotiation", offer: terms });
    expect(draft.to).toEqual(["dana@acme.test"]);
    expect(draft.subject).toBe("The Product Designer offer");
    const paragraphs = draft.body.split("\n\n");
    expect(paragraphs[0]).toBe("Hi Dana,");
    expect(paragraphs[2]).toBe(
      "As I understand it, the offer is a base of £92,500, a bonus of £10,000, equity of 0.1% over 4 years and a start on Monday 11 January.",
    );
    expect(paragraphs[3]).toContain(ASK_PLACEHOLDER);
    expect(paragraphs[4]).toBe("I know you would like an answer by Monday 7 December, and I will come back to you before then.");
  });

  it("ask for the terms in writing when none are logged", () => {
    const body = buildDraft({ ...base, kind: "negotiation", round: null }).body;
    expect(body.split("\n\n")[0]).toBe("Hello,");
    expect(body).toContain("Could you send me the full details in writing");
  });

  it("answer the offer with both answers to choose from, naming the date they gave", () => {
    const body = buildDraft({ ...base, kind: "offer-answer", offer: terms }).body;
    expect(body).toContain("Thank you again for the offer for the Product Designer role, and for giving me until Monday 7 December to decide.");
    expect(body).toContain("I am glad to accept.");
    expect(body).toContain("I have decided not to accept.");
  });
});

describe("draftFor, from what the dashboard and the page keep", () => {
  const dates = { locale: "en-GB", hourCycle: null, zone: "Europe/London" } as const;
  const rounds = [
    { id: "r1", kind: "first" as const, scheduledAt: new Date("2026-11-24T10:00:00Z"), signals: [], interviewers: [{ name: "Dana Reyes", email: null }], notes: "Talked about their design system." },
  ];
  const offer = { base: 92_500, bonus: null, currency: "GBP", equity: null, startOn: null, answerBy: "2026-12-07", notes: null };
  const context = { senderName: "Jordan", application: { company: "Acme", roleTitle: "Designer" }, dates };

  it("writes every date in a sentence one way, the company's date in a follow-up included", () => {
    const material = draftMaterial({ draft: "follow-up", roundId: "r1", statedDate: "2026-12-02" }, { rounds, events: [], appliedOn: null });
    const body = draftFor({ draft: "follow-up" }, material, context)!.body;
    expect(body).toContain("following our first interview on Tuesday 24 November.");
    expect(body).toContain("You mentioned hoping to decide by Wednesday 2 December.");
  });

  it("reads the round's notes for a thank-you, and the offer's terms for the negotiation", () => {
    const thanks = draftMaterial({ draft: "thank-you", roundId: "r1" }, { rounds, events: [], appliedOn: null });
    expect(draftFor({ draft: "thank-you" }, thanks, context)!.body).toContain("I especially enjoyed talking about their design system,");
    const negotiation = draftMaterial({ draft: "negotiation", roundId: null, eventId: "o1" }, { rounds, events: [{ id: "o1", offer }], appliedOn: null });
    const body = draftFor({ draft: "negotiation" }, negotiation, context)!.body;
    expect(body.split("\n\n")[0]).toBe("Hi Dana,");
    expect(body).toContain("As I understand it, the offer is a base of £92,500.");
    expect(body).toContain("an answer by Monday 7 December");
  });
});
