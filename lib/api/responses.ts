import { z } from "zod";
import { APPLICATION_STATUSES, EVENT_KINDS, HANDLED_STATES, ROUND_KINDS } from "@/lib/vocabulary";

/**
 * What the API answers, for the OpenAPI document. Each names the fields a
 * client can rely on; objects may carry more (loose), never fewer.
 */
const instant = z.iso.datetime({ offset: true });
const id = z.string();

export const errorResponse = z
  .object({ error: z.object({ message: z.string(), fields: z.record(z.string(), z.string()).optional() }) })
  .meta({ id: "Error", description: "Every refusal: a sentence, and for bad input the fields it is about." });

export const stepResponse = z
  .looseObject({
    key: z.string(),
    applicationId: id,
    ruleId: z.string(),
    title: z.string(),
    detail: z.string(),
    kind: z.enum(["todo", "advice"]),
    priority: z.enum(["high", "medium", "low"]),
    dueAt: instant.nullable(),
    overdue: z.boolean(),
    roundId: id.nullable(),
    reasons: z.array(z.string()).meta({ description: "The facts that fired the step." }),
    source: z.looseObject({ article: z.string(), sections: z.array(z.string()) }).meta({ description: "The article and its sections the advice comes from." }),
    draft: z.string().nullable().meta({ description: "The kind of message this step drafts, if any (see the draft route)." }),
  })
  .meta({ id: "Step" });

const checkInResponse = z.looseObject({ applicationId: id, ruleId: z.string(), dueAt: instant, followUp: z.number().int() });

const nextStepResponse = z.union([
  z.object({ type: z.literal("step"), step: stepResponse }),
  z.object({ type: z.literal("check-in"), checkIn: checkInResponse }),
]);

const applicationCore = {
  id,
  company: z.string(),
  roleTitle: z.string(),
  status: z.enum(APPLICATION_STATUSES),
  appliedOn: z.iso.date().nullable(),
  excitement: z.number().int().nullable(),
  archivedAt: instant.nullable(),
  updatedAt: instant,
};

export const applicationListResponse = z
  .object({
    items: z.array(z.looseObject({ ...applicationCore, nextStep: nextStepResponse.nullable(), moreSteps: z.number().int() })),
    total: z.number().int().meta({ description: "Applications matching the filters, across all pages." }),
    nextCursor: z.string().nullable().meta({ description: "Pass as cursor for the next page; null on the last." }),
  })
  .meta({ id: "ApplicationList" });

const personResponse = z.looseObject({ id, name: z.string(), title: z.string().nullable(), email: z.string().nullable() });

export const roundResponse = z
  .looseObject({
    id,
    applicationId: id,
    kind: z.enum(ROUND_KINDS),
    scheduledAt: instant,
    signals: z.array(z.object({ signal: z.string(), onDate: z.iso.date().nullable() })),
    customSignals: z.array(z.string()),
    people: z.array(personResponse),
  })
  .meta({ id: "Round" });

export const applicationResponse = z
  .looseObject({
    ...applicationCore,
    rounds: z.array(roundResponse),
    events: z.array(z.looseObject({ id, kind: z.enum(EVENT_KINDS), occurredAt: instant, note: z.string().nullable() })),
    people: z.array(personResponse),
  })
  .meta({ id: "Application" });

export const statusMoveResponse = z.object({ id, status: z.enum(APPLICATION_STATUSES), logged: z.enum(EVENT_KINDS).nullable() }).meta({ id: "StatusMoved" });

export const eventLoggedResponse = z.object({ id, applicationId: id, kind: z.enum(EVENT_KINDS) }).meta({ id: "EventLogged" });

export const applicationStepsResponse = z
  .object({
    applicationId: id,
    steps: z.array(stepResponse),
    putAside: z.array(z.object({ step: stepResponse, state: z.enum(["snoozed", "dismissed"]), until: instant.nullable() })),
    checkIn: checkInResponse.nullable(),
    summary: z.looseObject({ headline: z.string(), text: z.string() }).nullable(),
  })
  .meta({ id: "ApplicationSteps" });

export const stepUpdatedResponse = z
  .object({ applicationId: id, key: z.string(), state: z.enum(HANDLED_STATES), logged: z.string().nullable() })
  .meta({ id: "StepUpdated" });

const interviewResponse = z.looseObject({ roundId: id, applicationId: id, company: z.string(), roleTitle: z.string(), kind: z.enum(ROUND_KINDS), scheduledAt: instant });

export const todayResponse = z
  .object({
    today: z.object({
      endsAt: instant,
      interviews: z.array(interviewResponse),
      interviewCount: z.number().int(),
      steps: z.array(stepResponse),
      stepCount: z.number().int(),
      moveOn: z.array(stepResponse),
      moveOnCount: z.number().int(),
    }),
    comingUp: z.object({
      endsAt: instant,
      entries: z.array(
        z.union([
          z.object({ type: z.literal("interview"), at: instant, interview: interviewResponse }),
          z.object({ type: z.literal("step"), at: instant, step: stepResponse }),
          z.object({ type: z.literal("check-in"), at: instant, checkIn: checkInResponse }),
        ]),
      ),
      entryCount: z.number().int(),
    }),
  })
  .meta({ id: "Today" });

const personWithRounds = personResponse.extend({
  company: z.string(),
  rounds: z.array(z.looseObject({ roundId: id, applicationId: id, kind: z.enum(ROUND_KINDS), scheduledAt: instant, company: z.string(), roleTitle: z.string() })),
});

export const peopleResponse = z.object({ items: z.array(personWithRounds) }).meta({ id: "People" });
export const personDetailResponse = personWithRounds.meta({ id: "Person" });

export const draftResponse = z
  .object({ applicationId: id, stepKey: z.string(), kind: z.string(), subject: z.string(), body: z.string(), to: z.array(z.string()) })
  .meta({ id: "Draft" });
