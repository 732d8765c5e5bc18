import { z } from "zod";
import type { DateFormat } from "@/lib/time/formats";
import { readMoney } from "@/lib/money/amount";
import { MAX_SALARY } from "./application";
import { optionalAmount, optionalIsoDate, optionalText } from "./fields";
import { OFFER_EQUITY_MAX, OFFER_NOTES_MAX } from "./limits";

/** The offer's terms as the event form names them: all optional, since an offer often comes in pieces. */
export const OFFER_TERM_FIELDS = ["offerBase", "offerBonus", "offerCurrency", "offerEquity", "offerStartOn", "offerAnswerBy", "offerNotes"] as const;

/** "£90,000" names the currency too: with the currency box blank, the first amount's symbol or code fills it. */
function currencyFromAmounts(input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const v = input as Record<string, unknown>;
  if (typeof v.offerCurrency === "string" && v.offerCurrency.trim() !== "") return input;
  for (const key of ["offerBase", "offerBonus"]) {
    const text = v[key];
    const currency = typeof text === "string" ? readMoney(text)?.currency : null;
    if (currency) return { ...v, offerCurrency: currency };
  }
  return input;
}

export const offerTermsShape = (formats?: DateFormat) => ({
  offerBase: optionalAmount("Base pay", MAX_SALARY),
  offerBonus: optionalAmount("Bonus", MAX_SALARY),
  offerCurrency: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() || undefined : v),
    z.string({ error: "Currency must be text." }).regex(/^[A-Z]{3}$/, "Currency must be a three-letter code such as USD or EUR.").optional(),
  ),
  offerEquity: optionalText("Equity", OFFER_EQUITY_MAX),
  offerStartOn: optionalIsoDate("Start date", formats),
  offerAnswerBy: optionalIsoDate("Answer by", formats),
  offerNotes: optionalText("Offer notes", OFFER_NOTES_MAX),
});

/** The offer's terms alone (the offer's own form on its event, or a test). */
export const offerTermsSchema = (formats?: DateFormat) => z.preprocess(currencyFromAmounts, z.object(offerTermsShape(formats)));

export type OfferTermsInput = z.output<ReturnType<typeof offerTermsSchema>>;

export { currencyFromAmounts as offerCurrencyFromAmounts };
