import { z } from "zod";
import { EVENT_KINDS } from "@/lib/vocabulary";
import { formatsFor } from "@/lib/time/formats";
import { localDate } from "@/lib/time/zoned";
import { optionalIsoDate, optionalText, wallDateTime } from "./fields";
import { EVENT_NOTE_MAX } from "./limits";
import { offerCurrencyFromAmounts, offerTermsShape } from "./offer-terms";
import { CLOCK_SKEW_MS, type RoundRulesContext } from "./round";

const eventFields = ({ timeZone, now, dates }: RoundRulesContext) => {
  const formats = dates ? formatsFor(dates) : undefined;
  return {
    occurredAt: wallDateTime("When", timeZone, formats).refine(
      (at) => at.getTime() <= now.getTime() + CLOCK_SKEW_MS,
      "This hasn't happened yet: an event can't be dated in the future.",
    ),
    note: optionalText("Note", EVENT_NOTE_MAX),
    // Read only on a response: the day the company said it would come back by.
    saidBy: optionalIsoDate("They said by", formats),
    // Read only on an offer.
    ...offerTermsShape(formats),
  };
};

type Extras = { occurredAt: Date; saidBy?: string; offerBase?: number; offerBonus?: number; offerCurrency?: string; offerAnswerBy?: string };

/** Rules across fields, each message beside the field to fix. */
const crossChecks = (timeZone: string) => (v: Extras, ctx: z.RefinementCtx) => {
  const day = localDate(v.occurredAt, timeZone);
  if (v.saidBy && v.saidBy < day) ctx.addIssue({ code: "custom", path: ["saidBy"], message: "They said by can't be before the reply itself." });
  if (v.offerAnswerBy && v.offerAnswerBy < day) ctx.addIssue({ code: "custom", path: ["offerAnswerBy"], message: "Answer by can't be before the offer came." });
  if ((v.offerBase !== undefined || v.offerBonus !== undefined) && !v.offerCurrency) {
    ctx.addIssue({ code: "custom", path: ["offerCurrency"], message: "Give the currency of the pay, such as USD or EUR." });
  }
};

/** Logging an event: what happened, when, an optional note, and a reply's date or an offer's terms. */
export function eventSchema(context: RoundRulesContext) {
  return z.preprocess(
    offerCurrencyFromAmounts,
    z
      .object({ kind: z.enum(EVENT_KINDS, { error: "Choose what happened from the list." }), ...eventFields(context) })
      .superRefine(crossChecks(context.timeZone)),
  );
}

/** Editing keeps the kind: a different kind is a different event (and may move the status). */
export function eventEditSchema(context: RoundRulesContext) {
  return z.preprocess(offerCurrencyFromAmounts, z.object(eventFields(context)).superRefine(crossChecks(context.timeZone)));
}

export type EventInput = z.output<ReturnType<typeof eventSchema>>;
export type EventEditInput = z.output<ReturnType<typeof eventEditSchema>>;
