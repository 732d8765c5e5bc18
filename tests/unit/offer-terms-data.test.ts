import { beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/open";
import { createApplication, type ApplicationView } from "@/lib/data/applications";
import { getEvent, logEvent, updateEvent } from "@/lib/data/events";
import { getOfferTerms, listOpenOffers, saveOfferTerms } from "@/lib/data/offer-terms";
import { eventEditSchema, eventSchema } from "@/lib/validation/event";
import { eventInput, logOk, rawRow, twoUsers } from "./support/rounds";

let db: Db;
let ana: { id: string };
let ben: { id: string };
let anaApp: ApplicationView;

const NOW = new Date("2026-12-04T15:00:00Z");
const context = { timeZone: "Europe/London", now: NOW };

beforeEach(async () => {
  ({ db, ana, ben } = await twoUsers());
  anaApp = await createApplication(db, { userId: ana.id, input: { company: "Acme", roleTitle: "Engineer", status: "interviewing", excitement: 4 } });
});

const offerOf = (userId: string, applicationId: string) => logOk(db, userId, applicationId, eventInput("offer_received", "2026-12-04T10:00:00Z"));

describe("an offer's terms", () => {
  it("are saved with the offer from the event form, and read back", async () => {
    const parsed = eventSchema(context).parse({
      kind: "offer_received",
      occurredAt: "2026-12-04T10:00",
      offerBase: "£92,500",
      offerBonus: "10k",
      offerEquity: "0.1% over 4 years",
      offerStartOn: "2027-01-11",
      offerAnswerBy: "2026-12-14",
      offerNotes: "Remote two days a week",
    });
    const logged = await logEvent(db, { userId: ana.id, applicationId: anaApp.id, input: parsed });
    if (!logged.ok) throw new Error("refused");
    expect(await getOfferTerms(db, { userId: ana.id, eventId: logged.id })).toEqual({
      applicationId: anaApp.id,
      base: 92_500,
      bonus: 10_000,
      currency: "GBP",
      equity: "0.1% over 4 years",
      startOn: "2027-01-11",
      answerBy: "2026-12-14",
      notes: "Remote two days a week",
    });
  });

  it("are kept only on an offer, and a reply keeps only its date", async () => {
    const parsed = eventSchema(context).parse({ kind: "response_received", occurredAt: "2026-12-04T10:00", saidBy: "2026-12-11", offerBase: "90k", offerCurrency: "EUR" });
    const logged = await logEvent(db, { userId: ana.id, applicationId: anaApp.id, input: parsed });
    if (!logged.ok) throw new Error("refused");
    expect(await getEvent(db, { userId: ana.id, id: logged.id })).toMatchObject({ saidBy: "2026-12-11", offerBase: null, offerCurrency: null });
    // Not an offer: no terms to read or save.
    expect(await getOfferTerms(db, { userId: ana.id, eventId: logged.id })).toBeNull();
    expect(await saveOfferTerms(db, { userId: ana.id, eventId: logged.id, terms: { offerBase: 1 } })).toBeNull();
  });

  it("update in one write, and editing the offer keeps the terms the form sends", async () => {
    const id = await offerOf(ana.id, anaApp.id);
    expect(await saveOfferTerms(db, { userId: ana.id, eventId: id, terms: { offerBase: 80_000, offerCurrency: "USD", offerAnswerBy: "2026-12-14" } })).toBe(anaApp.id);
    expect(await getOfferTerms(db, { userId: ana.id, eventId: id })).toMatchObject({ base: 80_000, currency: "USD", answerBy: "2026-12-14", bonus: null });
    const edit = eventEditSchema(context).parse({ occurredAt: "2026-12-04T10:00", offerBase: "85k", offerCurrency: "usd" });
    await updateEvent(db, { userId: ana.id, id, input: edit });
    expect(await getOfferTerms(db, { userId: ana.id, eventId: id })).toMatchObject({ base: 85_000, currency: "USD", answerBy: null });
  });

  it("list each open offer once, its latest, with the application's excitement", async () => {
    await offerOf(ana.id, anaApp.id);
    const second = await logOk(db, ana.id, anaApp.id, eventInput("offer_received", "2026-12-04T12:00:00Z"));
    await saveOfferTerms(db, { userId: ana.id, eventId: second, terms: { offerBase: 95_000, offerCurrency: "GBP" } });
    const other = await createApplication(db, { userId: ana.id, input: { company: "Globex", roleTitle: "Lead", status: "interviewing" } });
    await offerOf(ana.id, other.id);
    const offers = await listOpenOffers(db, { userId: ana.id });
    expect(offers.map((o) => [o.company, o.eventId, o.excitement])).toEqual([
      ["Globex", expect.any(String), null],
      ["Acme", second, 4],
    ]);
    expect(offers[1].terms).toMatchObject({ base: 95_000, currency: "GBP" });
  });
});

describe("offer terms are the owner's alone", () => {
  it("another user can neither read nor change them, and learns nothing (the same null as a missing id)", async () => {
    const id = await offerOf(ana.id, anaApp.id);
    await saveOfferTerms(db, { userId: ana.id, eventId: id, terms: { offerBase: 80_000, offerCurrency: "USD" } });
    const before = await rawRow(db, "events", id);
    expect(await getOfferTerms(db, { userId: ben.id, eventId: id })).toBeNull();
    expect(await getOfferTerms(db, { userId: ben.id, eventId: "no-such-id" })).toBeNull();
    expect(await saveOfferTerms(db, { userId: ben.id, eventId: id, terms: { offerBase: 1, offerCurrency: "USD" } })).toBeNull();
    expect(await updateEvent(db, { userId: ben.id, id, input: { occurredAt: NOW, offerBase: 1 } })).toBeNull();
    expect(await rawRow(db, "events", id)).toEqual(before);
    expect(await listOpenOffers(db, { userId: ben.id })).toEqual([]);
  });
});

describe("the event form's new fields", () => {
  const errorsOf = (input: Record<string, string>) => {
    const result = eventSchema(context).safeParse({ occurredAt: "2026-12-04T10:00", ...input });
    return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
  };

  it("each refuses bad input beside its own field", () => {
    expect(errorsOf({ kind: "offer_received", offerBase: "lots" })).toEqual({ offerBase: "Base pay must be an amount like 90,000 or 90k." });
    expect(errorsOf({ kind: "offer_received", offerBase: "90000" })).toEqual({ offerCurrency: "Give the currency of the pay, such as USD or EUR." });
    expect(errorsOf({ kind: "offer_received", offerAnswerBy: "2026-12-01" })).toEqual({ offerAnswerBy: "Answer by can't be before the offer came." });
    expect(errorsOf({ kind: "offer_received", offerStartOn: "2026-02-30" })).toEqual({ offerStartOn: "Start date is not a real date." });
    expect(errorsOf({ kind: "response_received", saidBy: "2026-12-03" })).toEqual({ saidBy: "They said by can't be before the reply itself." });
    expect(errorsOf({ kind: "response_received", saidBy: "soon" })).toEqual({ saidBy: "They said by must be a date like 2026-03-14." });
  });

  it("takes a reply's date on its own day", () => {
    expect(errorsOf({ kind: "response_received", saidBy: "2026-12-04" })).toEqual({});
  });
});
