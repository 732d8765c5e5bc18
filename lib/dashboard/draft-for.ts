import type { DraftMaterial } from "@/lib/data/guidance";
import { formatSalary } from "@/lib/applications/labels";
import { buildDraft, type Draft, type OfferDraftFacts, type SentDocumentFact } from "@/lib/guidance/drafts";
import type { GuidanceOfferTerms } from "@/lib/guidance/input";
import type { Recommendation } from "@/lib/guidance/recommendation";
import { formatsFor, type DateFormat, type DateStyle } from "@/lib/time/formats";
import { atLocalHour } from "@/lib/time/zoned";

type Context = {
  senderName: string;
  application: { company: string; roleTitle: string };
  dates: DateStyle;
  /** The document recorded as sent with the application (roundId null) or at a round, where the page knows it. */
  sentDocument?: (roundId: string | null) => SentDocumentFact | null;
};

/** A calendar date the one way drafts write dates in a sentence ("Tuesday 24 November"), as the round's own date reads. */
const longCalendarDate = (formats: DateFormat, iso: string) => {
  const noon = atLocalHour(iso, 12, formats.style.zone);
  return noon ? formats.longDate(noon) : formats.calendarDate(iso);
};

function offerFacts(offer: GuidanceOfferTerms | null | undefined, formats: DateFormat): OfferDraftFacts | null {
  if (!offer) return null;
  const money = (n: number | null) => (n === null ? null : formatSalary({ salaryMin: n, salaryMax: null, salaryCurrency: offer.currency, salaryPeriod: null }));
  return {
    baseText: money(offer.base),
    bonusText: money(offer.bonus),
    equity: offer.equity,
    startOnText: offer.startOn ? longCalendarDate(formats, offer.startOn) : null,
    answerByText: offer.answerBy ? longCalendarDate(formats, offer.answerBy) : null,
  };
}

/** The editable draft a step offers, built from what the user logged; none for steps without one. */
export function draftFor(step: Pick<Recommendation, "draft"> & { roundId?: string | null }, material: DraftMaterial | null, context: Context): Draft | undefined {
  if (!step.draft || !material) return undefined;
  const { round, appliedOn } = material;
  const formats = formatsFor(context.dates);
  const aboutOffer = step.draft === "negotiation" || step.draft === "offer-answer";
  if (!round && step.draft !== "application-follow-up" && !aboutOffer) return undefined;
  return buildDraft({
    kind: step.draft,
    senderName: context.senderName,
    application: context.application,
    round: round
      ? { kind: round.kind, signals: round.signals, interviewers: round.interviewers, notes: round.notes ?? null, dateText: formats.longDate(round.scheduledAt) }
      : null,
    appliedOnText: appliedOn ? longCalendarDate(formats, appliedOn) : null,
    statedDateText: material.statedDate ? longCalendarDate(formats, material.statedDate) : null,
    offer: offerFacts(material.offer, formats),
    sentDocument: context.sentDocument ? (step.draft === "thank-you" ? context.sentDocument(step.roundId ?? null) : context.sentDocument(null)) : null,
  });
}
