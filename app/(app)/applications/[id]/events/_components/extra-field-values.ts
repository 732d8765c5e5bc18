import type { EventView } from "@/lib/data/events";

/** A saved event's reply date and offer terms as the form's text values (blank where missing). */
export function extraFieldValues(event: EventView): Record<string, string> {
  const text = (value: string | number | null) => (value === null ? "" : String(value));
  return {
    saidBy: text(event.saidBy),
    offerBase: text(event.offerBase),
    offerBonus: text(event.offerBonus),
    offerCurrency: text(event.offerCurrency),
    offerEquity: text(event.offerEquity),
    offerStartOn: text(event.offerStartOn),
    offerAnswerBy: text(event.offerAnswerBy),
    offerNotes: text(event.offerNotes),
  };
}
