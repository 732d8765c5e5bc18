import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/open";
import { write } from "@/db/write";
import { applications, events, type AppEvent, type EventKind } from "@/db/schema";
import type { OfferTermsInput } from "@/lib/validation/offer-terms";
import { touchApplication } from "./rounds";
import { ownedApplication } from "./ownership";

/** An offer's terms, as saved on its offer_received event; every term may be missing. */
export type OfferTerms = {
  base: number | null;
  bonus: number | null;
  currency: string | null;
  equity: string | null;
  /** Calendar dates, YYYY-MM-DD. */
  startOn: string | null;
  answerBy: string | null;
  notes: string | null;
};

export const NO_OFFER_TERMS: OfferTerms = { base: null, bonus: null, currency: null, equity: null, startOn: null, answerBy: null, notes: null };

export const offerTermColumns = {
  base: events.offerBase,
  bonus: events.offerBonus,
  currency: events.offerCurrency,
  equity: events.offerEquity,
  startOn: events.offerStartOn,
  answerBy: events.offerAnswerBy,
  notes: events.offerNotes,
};

type EventExtras = Pick<AppEvent, "saidBy" | "offerBase" | "offerBonus" | "offerCurrency" | "offerEquity" | "offerStartOn" | "offerAnswerBy" | "offerNotes">;

/**
 * The columns an event of `kind` keeps from its form: a reply's date only on
 * a response, terms only on an offer. Everything else is cleared, so a field
 * filled in and then hidden by choosing another kind leaves nothing behind.
 */
export function eventExtras(kind: EventKind, input: Partial<OfferTermsInput> & { saidBy?: string }): EventExtras {
  const offer = kind === "offer_received";
  const term = <T>(value: T | undefined) => (offer ? (value ?? null) : null);
  return {
    saidBy: kind === "response_received" ? (input.saidBy ?? null) : null,
    offerBase: term(input.offerBase),
    offerBonus: term(input.offerBonus),
    offerCurrency: term(input.offerCurrency),
    offerEquity: term(input.offerEquity),
    offerStartOn: term(input.offerStartOn),
    offerAnswerBy: term(input.offerAnswerBy),
    offerNotes: term(input.offerNotes),
  };
}

/** An event's offer terms as the engine and drafts read them; null for any other kind. */
export function offerTermsOf(e: Pick<AppEvent, "kind" | "offerBase" | "offerBonus" | "offerCurrency" | "offerEquity" | "offerStartOn" | "offerAnswerBy" | "offerNotes">): OfferTerms | null {
  if (e.kind !== "offer_received") return null;
  return {
    base: e.offerBase,
    bonus: e.offerBonus,
    currency: e.offerCurrency,
    equity: e.offerEquity,
    startOn: e.offerStartOn,
    answerBy: e.offerAnswerBy,
    notes: e.offerNotes,
  };
}

const ownedOffer = (userId: string, eventId: string) =>
  and(eq(events.id, eventId), eq(events.userId, userId), eq(events.kind, "offer_received"));

/** One offer's terms; null when the event is missing, another user's, or not an offer (the caller's 404). */
export async function getOfferTerms(db: Db, { userId, eventId }: { userId: string; eventId: string }): Promise<(OfferTerms & { applicationId: string }) | null> {
  const [row] = await db.select({ applicationId: events.applicationId, ...offerTermColumns }).from(events).where(ownedOffer(userId, eventId)).limit(1);
  return row ?? null;
}

/** Saves an offer's terms in one transaction; returns its application id, or null when it is not the user's offer. */
export async function saveOfferTerms(db: Db, { userId, eventId, terms }: { userId: string; eventId: string; terms: OfferTermsInput }): Promise<string | null> {
  return write(db, { userId }, async (tx) => {
    // An offer has no "they said by": eventExtras gives null for it, as the column already holds.
    const [updated] = await tx
      .update(events)
      .set(eventExtras("offer_received", terms))
      .where(ownedOffer(userId, eventId))
      .returning({ applicationId: events.applicationId });
    if (!updated) return null;
    await touchApplication(tx, { userId, applicationId: updated.applicationId });
    return updated.applicationId;
  });
}

/** An open offer: its application, what it offers and how much the user wants it. */
export type OpenOffer = {
  applicationId: string;
  company: string;
  roleTitle: string;
  excitement: number | null;
  eventId: string;
  receivedAt: Date;
  terms: OfferTerms;
};

/**
 * Every offer still open (the application's status is "offer", not
 * archived), the latest offer event of each, oldest offer first: what a
 * side-by-side comparison reads.
 */
export async function listOpenOffers(db: Db, { userId }: { userId: string }): Promise<OpenOffer[]> {
  const rows = await db
    .select({
      applicationId: applications.id,
      company: applications.company,
      roleTitle: applications.roleTitle,
      excitement: applications.excitement,
      eventId: events.id,
      receivedAt: events.occurredAt,
      ...offerTermColumns,
    })
    .from(events)
    .innerJoin(applications, ownedApplication(userId, events.applicationId))
    .where(
      and(
        eq(events.userId, userId),
        eq(events.kind, "offer_received"),
        eq(applications.status, "offer"),
        isNull(applications.archivedAt),
      ),
    )
    .orderBy(asc(events.occurredAt), asc(events.createdAt), asc(events.id));
  const latest = new Map<string, OpenOffer>();
  for (const { applicationId, company, roleTitle, excitement, eventId, receivedAt, ...terms } of rows) {
    latest.set(applicationId, { applicationId, company, roleTitle, excitement, eventId, receivedAt, terms });
  }
  return [...latest.values()].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}
