import { z } from "zod";
import { EVENT_KINDS } from "@/lib/vocabulary";
import { formatsFor } from "@/lib/time/formats";
import { optionalText, wallDateTime } from "./fields";
import { EVENT_NOTE_MAX } from "./limits";
import { CLOCK_SKEW_MS, type RoundRulesContext } from "./round";

const eventFields = ({ timeZone, now, dates }: RoundRulesContext) => ({
  occurredAt: wallDateTime("When", timeZone, dates ? formatsFor(dates) : undefined).refine(
    (at) => at.getTime() <= now.getTime() + CLOCK_SKEW_MS,
    "This hasn't happened yet: an event can't be dated in the future.",
  ),
  note: optionalText("Note", EVENT_NOTE_MAX),
});

/** Logging an event: what happened, when, and an optional note. */
export function eventSchema(context: RoundRulesContext) {
  return z.object({
    kind: z.enum(EVENT_KINDS, { error: "Choose what happened from the list." }),
    ...eventFields(context),
  });
}

/** Editing keeps the kind: a different kind is a different event (and may move the status). */
export function eventEditSchema(context: RoundRulesContext) {
  return z.object(eventFields(context));
}

export type EventInput = z.output<ReturnType<typeof eventSchema>>;
export type EventEditInput = z.output<ReturnType<typeof eventEditSchema>>;
